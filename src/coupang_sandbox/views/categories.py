"""Categories as Coupang answers them: the whole tree (rendered once per catalog, as JSON
text), one category with its direct children, the ``"true"``/``"false"`` flags and the
prediction's ``data``.

The single-category sample says ``displayItemCategoryCode`` where its field table says
``displayCategoryCode``, so that answer carries both; the whole tree names codes
``displayCategoryCode`` only (its field table and sample agree).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from coupang_sandbox.responses import dumps
from coupang_seller.catalog import ROOT_CODE, ROOT_NAME, SUCCESS, Catalog, CategoryNode, Prediction


def _single(code: int, name: str, status: str) -> dict[str, Any]:
    return {
        "displayItemCategoryCode": code,
        "displayCategoryCode": code,
        "name": name,
        "status": status,
    }


def category(node: CategoryNode | None, children: Sequence[CategoryNode]) -> dict[str, Any]:
    """One category (``None``: ROOT) with its direct children, theirs empty."""
    if node is None:
        head = _single(ROOT_CODE, ROOT_NAME, "ACTIVE")
    else:
        head = _single(node.code, node.name, node.status)
    head["child"] = [{**_single(c.code, c.name, c.status), "child": []} for c in children]
    return head


@cache
def tree_json(catalog: Catalog) -> str:
    """ROOT with the whole tree under ``child``, as JSON text (rendered once per catalog)."""

    def node_doc(node: CategoryNode) -> dict[str, Any]:
        """One category node as the category API answers it."""
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


def flag(value: bool) -> str:
    """Coupang's ``"true"``/``"false"`` strings."""
    return json.dumps(value)


def prediction(result: Prediction) -> dict[str, Any]:
    """``data`` of the prediction answer (``predictedCategoryId`` as a string)."""
    best = result.best
    return {
        "autoCategorizationPredictionResultType": result.result,
        "predictedCategoryId": str(best.code) if best else None,
        "predictedCategoryName": best.name if best else None,
        "comment": None if result.result == SUCCESS else result.comment,
    }
