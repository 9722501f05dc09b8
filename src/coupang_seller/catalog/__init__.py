"""Coupang's display-category catalog, offline: the tree, per-leaf meta, and a recommender.

::

    from coupang_seller.catalog import load_catalog, recommend

    catalog = load_catalog()                      # the packaged seed catalog, read once
    leaf = catalog.get(63950)                     # CategoryNode(code=63950, name="일반 섬유유연제", ...)
    catalog.path_name(63950)                      # "생활용품>세제>섬유유연제>일반 섬유유연제"
    catalog.meta(63950)["noticeCategories"]       # documented shape of the category meta API
    recommend("다우니 섬유유연제 실내건조 2.6L x 4개")  # [Recommendation(code=63950, ...), ...]

Pure Python (no runtime dependency beyond the standard library). The seed catalog is realistic
but not Coupang's live tree: use the category API (``client.categories``) for production codes.
"""

from coupang_seller.catalog._recommend import (
    FAILURE,
    INSUFFICIENT_INFORMATION,
    SUCCESS,
    Prediction,
    Recommendation,
    Recommender,
    predict,
    recommend,
    recommender_for,
)
from coupang_seller.catalog._tree import ROOT_CODE, ROOT_NAME, Catalog, CategoryNode, load_catalog

__all__ = [
    "FAILURE",
    "INSUFFICIENT_INFORMATION",
    "ROOT_CODE",
    "ROOT_NAME",
    "SUCCESS",
    "Catalog",
    "CategoryNode",
    "Prediction",
    "Recommendation",
    "Recommender",
    "load_catalog",
    "predict",
    "recommend",
    "recommender_for",
]
