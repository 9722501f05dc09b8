"""Display categories, category meta and prediction, served from the packaged seed catalog.

The tree is read-only and shared by every vendor (:func:`coupang_seller.catalog.load_catalog`),
so nothing is stored: documents are rendered once per catalog and kept.

Wire details kept from Coupang's documents:

* seller_api envelope ``{"code": "SUCCESS", "message": "", "data": ...}``; refusals
  ``{"code": "ERROR", "message": ..., "data": null}`` with HTTP 400 (a code that is not a
  number, meta of a non-leaf) or 404 (an unknown code).
* The whole-tree answer names codes ``displayCategoryCode`` (its field table and sample agree);
  the single-category sample says ``displayItemCategoryCode`` where its field table says
  ``displayCategoryCode``, so that answer carries both.
* The status and auto-category agreement answers carry ``"true"``/``"false"`` as strings.
* The prediction answers in the openapi envelope ``{"code": 200, "message": "OK", "data": ...}``
  with ``predictedCategoryId`` as a string.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from coupang_sandbox.errors import SandboxError, ValidationFailed
from coupang_sandbox.responses import dumps
from coupang_seller.catalog import (
    ROOT_CODE,
    ROOT_NAME,
    SUCCESS,
    Catalog,
    CategoryNode,
    load_catalog,
    predict,
)
from coupang_seller.preflight import Violation

#: Longest productName / productDescription / brand / sellerSkuCode accepted (characters).
TEXT_LIMITS = {
    "productName": 500,
    "productDescription": 50_000,
    "brand": 200,
    "sellerSkuCode": 100,
}
ATTRIBUTES_MAX = 200
CODE_MAX = 2**63


class CategoryError(SandboxError):
    """A refusal in the seller_api envelope: ``{"code": "ERROR", "message", "data": null}``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(status, message, code="ERROR")


def parse_code(text: str, field: str) -> int:
    """A path code: ASCII digits that fit in a long, else 400."""
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) >= CODE_MAX:
        raise CategoryError(400, f"{field} must be a number (got {text!r})")
    return int(value)


class Categories:
    """Category answers over one catalog (the packaged one unless given)."""

    def __init__(self, catalog: Catalog | None = None) -> None:
        self.catalog = catalog or load_catalog()

    # -- tree -----------------------------------------------------------------------------

    def tree_json(self) -> str:
        """ROOT with the whole tree under ``child``, as JSON text (rendered once)."""
        return _tree_json(self.catalog)

    def category(self, code: int) -> dict[str, Any]:
        """One category with its direct children (theirs empty); 0 is ROOT."""
        if code == ROOT_CODE:
            head: dict[str, Any] = _single(ROOT_CODE, ROOT_NAME, "ACTIVE")
            children = self.catalog.roots()
        else:
            node = self._known(code, "displayCategoryCode")
            head = _single(node.code, node.name, node.status)
            children = self.catalog.children(code)
        head["child"] = [{**_single(c.code, c.name, c.status), "child": []} for c in children]
        return head

    def usable(self, code: int) -> bool:
        """Products can be registered on active leaves only (ROOT and inner nodes: false)."""
        if code == ROOT_CODE:
            return False
        node = self._known(code, "displayCategoryCode")
        return node.is_leaf and node.status == "ACTIVE"

    def meta(self, code: int, field: str = "displayCategoryCode") -> dict[str, Any]:
        node = self._known(code, field)
        meta = self.catalog.meta(node.code)
        if meta is None:
            raise CategoryError(
                400,
                f"{field} {code} ({node.name}) is not a leaf category: "
                "meta exists for leaf categories only",
            )
        return meta

    def _known(self, code: int, field: str) -> CategoryNode:
        node = self.catalog.get(code)
        if node is None:
            raise CategoryError(404, f"{field} {code} does not exist")
        return node

    # -- prediction -----------------------------------------------------------------------

    def predict(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """``data`` of the prediction answer for a request body (400 when it is malformed)."""
        violations: list[Violation] = []
        name = body.get("productName")
        if name is None:
            violations.append(Violation("productName", "required", "productName is required"))
        for field, limit in TEXT_LIMITS.items():
            value = body.get(field)
            if value is None:
                continue
            if not isinstance(value, str):
                violations.append(Violation(field, "type", f"{field} must be a string"))
            elif len(value) > limit:
                violations.append(
                    Violation(field, "max_length", f"{field} is at most {limit} characters")
                )
        attributes = body.get("attributes")
        if attributes is not None:
            if not isinstance(attributes, dict | list):
                violations.append(
                    Violation("attributes", "type", "attributes must be an object or a list")
                )
            elif len(attributes) > ATTRIBUTES_MAX:
                violations.append(
                    Violation(
                        "attributes",
                        "max_items",
                        f"attributes has at most {ATTRIBUTES_MAX} entries",
                    )
                )
        if violations or not isinstance(name, str):
            raise ValidationFailed(violations)
        result = predict(
            name,
            brand=body.get("brand"),
            attributes=attributes,
            description=body.get("productDescription"),
            top_k=1,
            catalog=self.catalog,
        )
        best = result.best
        return {
            "autoCategorizationPredictionResultType": result.result,
            "predictedCategoryId": str(best.code) if best else None,
            "predictedCategoryName": best.name if best else None,
            "comment": None if result.result == SUCCESS else result.comment,
        }


def _single(code: int, name: str, status: str) -> dict[str, Any]:
    return {
        "displayItemCategoryCode": code,
        "displayCategoryCode": code,
        "name": name,
        "status": status,
    }


@cache
def _tree_json(catalog: Catalog) -> str:
    def node_doc(node: CategoryNode) -> dict[str, Any]:
        return {
            "displayCategoryCode": node.code,
            "name": node.name,
            "status": node.status,
            "child": [node_doc(c) for c in catalog.children(node.code)],
        }

    root = {
        "displayCategoryCode": ROOT_CODE,
        "name": ROOT_NAME,
        "status": "ACTIVE",
        "child": [node_doc(r) for r in catalog.roots()],
    }
    return dumps(root)


def seller_success_json(data_json: str) -> str:
    """The seller_api success envelope around already-rendered ``data``."""
    return f'{{"code":"SUCCESS","message":"","data":{data_json}}}'


def flag(value: bool) -> str:
    """Coupang's ``"true"``/``"false"`` strings."""
    return json.dumps(value)
