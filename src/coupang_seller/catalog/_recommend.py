"""Offline category recommendation: TF-IDF over character n-grams, cosine similarity.

Each leaf is one document: its name (weighted most), its synonyms, the names of its ancestors
(less the further up), its typical brands and its attribute names. Queries (product name, plus
the optional brand, attributes and description) go through the same featurizer
(:mod:`coupang_seller.catalog._text`). Scores are cosines in [0, 1]; an inverted index built
once per catalog keeps a query to a few thousand multiply-adds.

Brands work two ways: as text (their n-grams), and as an exact ``b|brand`` feature present in the
documents of the leaves the brand is typical of, added to a query when the ``brand`` argument or
a known brand inside the product name matches it.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal
from weakref import WeakKeyDictionary

from coupang_seller.catalog import _text
from coupang_seller.catalog._tree import Catalog, load_catalog

__all__ = [
    "FAILURE",
    "INSUFFICIENT_INFORMATION",
    "SUCCESS",
    "AttributesInput",
    "Prediction",
    "Recommendation",
    "Recommender",
    "predict",
    "recommend",
    "recommender_for",
]

#: ``autoCategorizationPredictionResultType`` values (CategoryPredictionResultType).
SUCCESS: Final = "SUCCESS"
FAILURE: Final = "FAILURE"
INSUFFICIENT_INFORMATION: Final = "INSUFFICIENT_INFORMATION"
ResultType = Literal["SUCCESS", "FAILURE", "INSUFFICIENT_INFORMATION"]

#: Attributes as Coupang's sample sends them (``{"색상": "베이지"}``) or as a list of values.
AttributesInput = Mapping[str, object] | Iterable[object]

# Document field weights.
_W_LEAF_NAME = 3.0
_W_KEYWORD = 2.0
_W_ANCESTORS = (1.0, 0.6, 0.4, 0.3, 0.3)  # parent, grandparent, ...
_W_BRAND_TEXT = 0.8
_W_BRAND_KEY = 2.0
_W_ATTRIBUTE_NAME = 0.3
# Query field weights.
_Q_NAME = 1.0
_Q_BRAND_TEXT = 1.0
_Q_BRAND_KEY = 3.0
_Q_ATTRIBUTE_VALUE = 0.5
_Q_ATTRIBUTE_NAME = 0.3
_Q_DESCRIPTION = 0.3
_DESCRIPTION_CHARS = 400

#: Below this cosine the best leaf is not trusted (FAILURE).
MIN_SCORE = 0.10
#: Fewer meaningful characters than this in the product name: INSUFFICIENT_INFORMATION.
MIN_NAME_CHARS = 2
#: Brands this short only match a whole token of the name (``"돌"`` must not match ``"돌체"``).
_SHORT_BRAND = 2


@dataclass(frozen=True, slots=True)
class Recommendation:
    """A suggested leaf: its ``displayCategoryCode``, name, cosine score and full path."""

    code: int
    name: str
    score: float
    path: str = ""


@dataclass(frozen=True, slots=True)
class Prediction:
    """The outcome of :func:`predict`: a result type and the ranked candidates."""

    result: ResultType
    candidates: tuple[Recommendation, ...] = ()
    comment: str | None = None

    @property
    def best(self) -> Recommendation | None:
        """The top candidate when the prediction succeeded, else None."""
        return self.candidates[0] if self.result == SUCCESS and self.candidates else None


@dataclass(slots=True)
class _Index:
    codes: list[int]
    postings: dict[str, list[tuple[int, float]]]
    idf: dict[str, float]
    brands: dict[str, list[int]]  # brand key -> leaf indexes
    long_brands: list[str] = field(default_factory=list)


class Recommender:
    """A model trained on one :class:`Catalog` (see :func:`recommender_for`)."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._index = self._build(catalog)

    @staticmethod
    def _leaf_features(catalog: Catalog, code: int) -> dict[str, float]:
        features: dict[str, float] = {}
        path = catalog.path(code)
        leaf = path[-1]
        _text.add(features, leaf.name.replace("/", " "), _W_LEAF_NAME)
        for keyword in catalog.keywords(code):
            _text.add(features, keyword, _W_KEYWORD)
        for distance, ancestor in enumerate(reversed(path[:-1])):
            weight = _W_ANCESTORS[min(distance, len(_W_ANCESTORS) - 1)]
            _text.add(features, ancestor.name.replace("/", " "), weight)
        for brand in catalog.brands(code):
            _text.add(features, brand, _W_BRAND_TEXT)
            key = _text.brand_key(brand)
            if key:
                features["b|" + key] = features.get("b|" + key, 0.0) + _W_BRAND_KEY
        meta = catalog.meta(code) or {}
        for attribute in meta.get("attributes", ()):
            key = "a|" + _text.normalize(str(attribute["attributeTypeName"]))
            features[key] = features.get(key, 0.0) + _W_ATTRIBUTE_NAME
        return features

    def _build(self, catalog: Catalog) -> _Index:
        codes = [leaf.code for leaf in catalog.leaves()]
        raw = [self._leaf_features(catalog, code) for code in codes]
        df: dict[str, int] = {}
        for features in raw:
            for key in features:
                df[key] = df.get(key, 0) + 1
        total = len(codes)
        idf = {key: math.log((total + 1) / (count + 1)) + 1.0 for key, count in df.items()}
        postings: dict[str, list[tuple[int, float]]] = {}
        for index, features in enumerate(raw):
            weighted = {k: _sublinear(v) * idf[k] for k, v in features.items()}
            norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
            for key, weight in weighted.items():
                postings.setdefault(key, []).append((index, weight / norm))
        brands: dict[str, list[int]] = {}
        for index, code in enumerate(codes):
            for brand in catalog.brands(code):
                key = _text.brand_key(brand)
                if key and index not in brands.setdefault(key, []):
                    brands[key].append(index)
        long_brands = sorted((b for b in brands if len(b) > _SHORT_BRAND), key=len, reverse=True)
        return _Index(codes, postings, idf, brands, long_brands)

    # -- queries ------------------------------------------------------------------------

    def _query(
        self,
        product_name: str,
        brand: str | None,
        attributes: AttributesInput | None,
        description: str | None,
    ) -> dict[str, float]:
        features: dict[str, float] = {}
        _text.add(features, product_name, _Q_NAME)
        brand_keys: set[str] = set()
        if brand:
            _text.add(features, brand, _Q_BRAND_TEXT)
            brand_keys.add(_text.brand_key(brand))
        brand_keys |= self._brands_in(product_name)
        for key in brand_keys:
            if key in self._index.brands:
                features["b|" + key] = features.get("b|" + key, 0.0) + _Q_BRAND_KEY
        for name, value in _attribute_pairs(attributes):
            if value:
                _text.add(features, value, _Q_ATTRIBUTE_VALUE)
            if name:
                key = "a|" + _text.normalize(name)
                features[key] = features.get(key, 0.0) + _Q_ATTRIBUTE_NAME
        if description:
            _text.add(features, description[:_DESCRIPTION_CHARS], _Q_DESCRIPTION)
        return features

    def _brands_in(self, text: str) -> set[str]:
        squeezed = _text.brand_key(text)
        words = {_text.brand_key(t) for t in _text.normalize(text).split()}
        found = {b for b in self._index.long_brands if b in squeezed}
        found |= {w for w in words if 0 < len(w) <= _SHORT_BRAND and w in self._index.brands}
        return found

    def rank(
        self,
        product_name: str,
        *,
        brand: str | None = None,
        attributes: AttributesInput | None = None,
        description: str | None = None,
        top_k: int = 3,
    ) -> Prediction:
        """Score every leaf against the product; the ``top_k`` best, with a result type."""
        if _text.meaningful_length(product_name or "") < MIN_NAME_CHARS:
            return Prediction(
                INSUFFICIENT_INFORMATION,
                comment="productName has no words that describe a product",
            )
        index = self._index
        query = self._query(product_name, brand, attributes, description)
        weighted = {
            k: _sublinear(v) * index.idf[k]
            for k, v in query.items()
            if v > 0 and k in index.postings
        }
        if not weighted:
            return Prediction(
                INSUFFICIENT_INFORMATION,
                comment="none of the words of productName is known to the catalog",
            )
        norm = math.sqrt(sum(w * w for w in weighted.values()))
        scores: dict[int, float] = {}
        for key, weight in weighted.items():
            q = weight / norm
            for leaf_index, d in index.postings[key]:
                scores[leaf_index] = scores.get(leaf_index, 0.0) + q * d
        ranked = sorted(scores.items(), key=lambda item: (-item[1], index.codes[item[0]]))
        candidates = tuple(self._recommendation(i, s) for i, s in ranked[: max(top_k, 1)])
        if not candidates or candidates[0].score < MIN_SCORE:
            return Prediction(
                FAILURE,
                candidates,
                comment="no category matches the product information closely enough",
            )
        return Prediction(SUCCESS, candidates)

    def _recommendation(self, leaf_index: int, score: float) -> Recommendation:
        code = self._index.codes[leaf_index]
        node = self._catalog.get(code)
        if node is None:
            raise LookupError(f"category {code} of the index is not in the catalog")
        return Recommendation(code, node.name, round(score, 6), self._catalog.path_name(code))


def _sublinear(value: float) -> float:
    return 1.0 + math.log(value) if value > 1.0 else value


def _attribute_pairs(attributes: AttributesInput | None) -> list[tuple[str, str]]:
    if attributes is None:
        return []
    if isinstance(attributes, Mapping):
        return [(str(k), "" if v is None else str(v)) for k, v in attributes.items()]
    pairs: list[tuple[str, str]] = []
    for item in attributes:
        if isinstance(item, Mapping):  # {"attributeTypeName": .., "attributeValueName": ..}
            name = item.get("attributeTypeName", item.get("name", ""))
            value = item.get("attributeValueName", item.get("value", ""))
            pairs.append((str(name or ""), str(value or "")))
        elif item is not None:
            pairs.append(("", str(item)))
    return pairs


_models: WeakKeyDictionary[Catalog, Recommender] = WeakKeyDictionary()
_lock = threading.Lock()


def recommender_for(catalog: Catalog | None = None) -> Recommender:
    """The model of ``catalog`` (default: the packaged one), built on first use and kept."""
    catalog = catalog or load_catalog()
    with _lock:
        model = _models.get(catalog)
        if model is None:
            model = Recommender(catalog)
            _models[catalog] = model
        return model


def predict(
    product_name: str,
    *,
    brand: str | None = None,
    attributes: AttributesInput | None = None,
    description: str | None = None,
    top_k: int = 3,
    catalog: Catalog | None = None,
) -> Prediction:
    """Like Coupang's category prediction, offline: a result type and ranked candidates."""
    return recommender_for(catalog).rank(
        product_name, brand=brand, attributes=attributes, description=description, top_k=top_k
    )


def recommend(
    product_name: str,
    *,
    brand: str | None = None,
    attributes: Mapping[str, str] | None = None,
    top_k: int = 3,
    catalog: Catalog | None = None,
) -> list[Recommendation]:
    """The ``top_k`` best leaves for a product (empty when the name says nothing)."""
    prediction = predict(
        product_name, brand=brand, attributes=attributes, top_k=top_k, catalog=catalog
    )
    return list(prediction.candidates)
