"""The products backend's refusals: the seller_api error envelope, merged rule findings, the
not-found messages and the refusal of a status change the transition table does not allow."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

from coupang_sandbox.errors import SandboxError, TransitionNotAllowed, ValidationFailed
from coupang_sandbox.state import products as st
from coupang_sandbox.views import products as views
from coupang_seller.preflight import Violation

MSG_DELETE_RULE = "상품이 승인중 상태가 아니며, 상품에 포함된 옵션(아이템)이 모두 판매중지된 경우에 삭제가 가능합니다."
MSG_APPROVAL_RULE = "'임시저장' 상태에서만 '승인요청'이 가능합니다."
MSG_APPROVED_ITEM_REMOVED = "vendorItem로 생성된 아이템은 삭제가 불가능합니다."
MSG_RETURN_CENTER = "올바른 반품지 센터코드를 입력 하세요."
MSG_DELETED_PRODUCT = "삭제된 상품은 변경이 불가능합니다."


class SellerApiError(SandboxError):
    """A refusal of the seller_api provider: ``{"code": "ERROR", "message", "data": null}``."""

    def __init__(self, message: str, *, status: int = 400, **kwargs: Any) -> None:
        """A refusal with ``message`` (HTTP ``status``, 400 unless told)."""
        super().__init__(status, message, code="ERROR", **kwargs)


class SellerValidationFailed(ValidationFailed):
    """Broken rules, in the seller_api envelope (``code: ERROR``) with every violation listed."""

    def __init__(self, violations: Sequence[Violation], message: str | None = None) -> None:
        """The refusal of ``violations``, with Coupang's ``message`` when given."""
        super().__init__(violations)
        self.code = "ERROR"
        if message is not None:
            self.message = message


#: Rules whose findings the sandbox drops: the rules report a ``vendorPath`` that is not a
#: URL and cannot be read as a local file; the sandbox never reads a seller's files (Coupang
#: itself only downloads ``http(s)`` paths), so it has nothing to say about such a path.
IGNORED_RULES: Final = frozenset({"image_unreadable"})


def merge_violations(*groups: Iterable[Violation]) -> list[Violation]:
    """The violations of every group, without ignored rules and without repeats of the same
    rule on the same field (the first wording wins)."""
    seen: set[tuple[str, str]] = set()
    merged: list[Violation] = []
    for group in groups:
        for violation in group:
            key = (violation.field, violation.rule)
            if violation.rule in IGNORED_RULES or key in seen:
                continue
            seen.add(key)
            merged.append(violation)
    return merged


def raise_violations(found: Iterable[Violation], message: str | None = None) -> None:
    """Raise :class:`SellerValidationFailed` when ``found`` lists anything."""
    violations = list(found)
    if violations:
        raise SellerValidationFailed(violations, message)


def product_not_found(seller_product_id: object) -> SellerApiError:
    """The refusal of an unknown ``sellerProductId`` (quoted as given)."""
    return SellerApiError(f"존재하지 않는 등록상품아이디 [{seller_product_id}]입니다.")


def item_not_found(vendor_item_id: object) -> SellerApiError:
    """The refusal of an unknown ``vendorItemId`` (quoted as given)."""
    return SellerApiError(
        f"존재하지 않는 옵션아이디 [{vendor_item_id}]입니다. vendorItemId is given to an item "
        "when its product is approved (승인완료)."
    )


_STATE_MESSAGES: dict[tuple[str, str], str] = {
    (st.APPROVING, st.FULL_UPDATE): "승인 대기중 상품은 수정할 수 없습니다.",
    (st.APPROVING, st.PARTIAL_UPDATE): "승인 대기중 상품은 수정할 수 없습니다.",
    (st.SAVING, st.FULL_UPDATE): "생성이 진행중인 상품은 수정할 수 없습니다.",
    (st.SAVING, st.PARTIAL_UPDATE): "생성이 진행중인 상품은 수정할 수 없습니다.",
    (st.APPROVING, st.DELETE): MSG_DELETE_RULE,
}


def state_refusal(seller_product_id: int, status: str, event: str) -> SellerApiError:
    """A clear refusal of ``event`` in ``status``: Coupang's wording, then the why."""
    if status == st.DELETED:
        korean = MSG_DELETED_PRODUCT
    elif event == st.REQUEST_APPROVAL:
        korean = (
            f"업체상품[{seller_product_id}]이 승인요청 가능한 상태가 아닙니다. {MSG_APPROVAL_RULE}"
        )
    else:
        korean = _STATE_MESSAGES.get((status, event), "상품 상태를 변경할 수 없습니다.")
    allowed = sorted(s for s in st.STATUS_NAMES if st.seller_product.can(s, event))
    return SellerApiError(
        f"{korean} (sellerProductId {seller_product_id} is {status} ({st.status_name(status)}); "
        f"'{event}' is allowed only in {', '.join(allowed) or 'no state'})"
    )


def transition(row: views.Row, event: str) -> str:
    """The product's status after ``event`` (the seller_api refusal when not allowed)."""
    try:
        return st.seller_product.apply(str(row["status"]), event)
    except TransitionNotAllowed:
        raise state_refusal(int(row["seller_product_id"]), str(row["status"]), event) from None
