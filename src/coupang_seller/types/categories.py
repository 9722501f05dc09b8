"""Models of the category group: display categories (노출카테고리), category meta, prediction."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final, Generic, TypeVar

from pydantic import AliasChoices, Field, model_validator

from coupang_seller.types._base import CoupangModel

T = TypeVar("T")

#: ``status`` of a display category: in service, being prepared, not used.
DISPLAY_CATEGORY_STATUSES: Final = ("ACTIVE", "READY", "DISABLED")
#: ``autoCategorizationPredictionResultType`` of a category prediction.
PREDICTION_RESULT_TYPES: Final = ("SUCCESS", "FAILURE", "INSUFFICIENT_INFORMATION")
#: ``attributes[].dataType``; ``required`` of attributes and notice items.
ATTRIBUTE_DATA_TYPES: Final = ("STRING", "NUMBER", "DATE")
REQUIRED_VALUES: Final = ("MANDATORY", "OPTIONAL")
#: ``requiredDocumentNames[].required`` (the two last apply to parallel imports / overseas purchases).
DOCUMENT_REQUIRED_VALUES: Final = (
    "MANDATORY",
    "OPTIONAL",
    "MANDATORY_PARALLEL_IMPORTED",
    "MANDATORY_OVERSEAS_PURCHASED",
)
#: ``certifications[].required``.
CERTIFICATION_REQUIRED_VALUES: Final = ("MANDATORY", "RECOMMEND", "OPTIONAL")
#: ``allowedOfferConditions`` and a product item's ``offerCondition``.
OFFER_CONDITIONS: Final = ("NEW", "REFURBISHED", "USED_BEST", "USED_GOOD", "USED_NORMAL")


class DisplayCategory(CoupangModel):
    """A display category with its sub-categories (``child``).

    The list endpoint answers the whole tree under ROOT (code 0); the single-category endpoint
    answers one category and its direct sub-categories only (theirs come back empty). The code
    is documented as ``displayCategoryCode`` but the single-category sample spells it
    ``displayItemCategoryCode``; both are read.
    """

    displayCategoryCode: int = Field(
        validation_alias=AliasChoices("displayCategoryCode", "displayItemCategoryCode")
    )
    name: str
    status: str | None = None
    child: list[DisplayCategory] | None = None

    @property
    def code(self) -> int:
        """The displayCategoryCode."""
        return self.displayCategoryCode

    @property
    def children(self) -> list[DisplayCategory]:
        """The child categories (empty for a leaf)."""
        return self.child or []

    def walk(self) -> Iterator[tuple[int, DisplayCategory]]:
        """``(depth, category)`` for this category's subtree, depth first; depth 0 is ``self``."""
        stack: list[tuple[int, DisplayCategory]] = [(0, self)]
        while stack:
            depth, node = stack.pop()
            yield depth, node
            stack.extend((depth + 1, c) for c in reversed(node.children))


class CategoryAttribute(CoupangModel):
    """A purchase option (``exposed`` EXPOSED) or search option (NONE) of a category."""

    attributeTypeName: str
    dataType: str | None = None
    basicUnit: str | None = None
    usableUnits: list[str] = []
    required: str | None = None
    #: ``NONE``, or a number shared by attributes of which exactly one must be given.
    groupNumber: str | None = None
    exposed: str | None = None

    @property
    def is_mandatory(self) -> bool:
        """True when the attribute is MANDATORY for the category."""
        return self.required == "MANDATORY"


class NoticeCategoryDetail(CoupangModel):
    """One field of a notice category (상품고시정보), with whether it is MANDATORY."""

    noticeCategoryDetailName: str
    required: str | None = None


class NoticeCategory(CoupangModel):
    """One 상품정보제공고시 category and its items; a product fills exactly one of them."""

    noticeCategoryName: str
    noticeCategoryDetailNames: list[NoticeCategoryDetail] = []


class RequiredDocument(CoupangModel):
    """A document template (requiredDocumentNames) the category may ask for."""

    templateName: str
    required: str | None = None


class CategoryCertification(CoupangModel):
    """A certification the category accepts or requires (certificationType, dataType)."""

    certificationType: str
    name: str | None = None
    #: ``CODE`` (the certificate number must be given) or ``NONE``.
    dataType: str | None = None
    required: str | None = None


class CategoryMeta(CoupangModel):
    """What a product of a leaf category must carry (``meta/category-related-metas``)."""

    isAllowSingleItem: bool | None = None
    attributes: list[CategoryAttribute] = []
    noticeCategories: list[NoticeCategory] = []
    requiredDocumentNames: list[RequiredDocument] = []
    certifications: list[CategoryCertification] = []
    allowedOfferConditions: list[str] = []

    def mandatory_attributes(self) -> list[CategoryAttribute]:
        """The attributes a product in this category must fill in."""
        return [a for a in self.attributes if a.is_mandatory]

    def notice_category(self, name: str) -> NoticeCategory | None:
        """The notice category (상품고시정보) named ``name``, or None."""
        return next((n for n in self.noticeCategories if n.noticeCategoryName == name), None)


class CategoryPrediction(CoupangModel):
    """The answer of the category prediction API."""

    autoCategorizationPredictionResultType: str
    predictedCategoryId: str | None = None
    predictedCategoryName: str | None = None
    comment: str | None = None

    @property
    def succeeded(self) -> bool:
        """True when auto-categorization predicted a category (SUCCESS)."""
        return self.autoCategorizationPredictionResultType == "SUCCESS"

    @property
    def code(self) -> int | None:
        """The predicted ``displayCategoryCode`` as a number (None unless one was predicted)."""
        value = (self.predictedCategoryId or "").strip()
        return int(value) if value.isdigit() else None


class SellerEnvelope(CoupangModel, Generic[T]):
    """``{"code": "SUCCESS" | "ERROR", "message", "data"}``: the seller_api provider's answer.

    Some documented samples wrap it once more (``{"code": "200", "data": {"code": "SUCCESS",
    ...}}``); that outer layer is removed when present. ``data`` is required: an answer without
    it does not have the documented shape.
    """

    code: int | str | None = None
    message: str | None = None
    data: T

    @model_validator(mode="before")
    @classmethod
    def _unwrap(cls, value: Any) -> Any:
        if isinstance(value, dict):
            inner = value.get("data")
            if (
                isinstance(inner, dict)
                and "data" in inner
                and str(inner.get("code", "")).upper() in ("SUCCESS", "ERROR", "FAIL")
            ):
                return inner
        return value


def as_flag(value: object) -> bool:
    """``"true"``/``"false"`` (as documented) or a JSON boolean -> bool."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() == "true"
