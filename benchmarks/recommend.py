"""Offline category recommender on the held-out product names.

    .venv/bin/python -m benchmarks.recommend          # held-out accuracy and speed
    .venv/bin/python -m benchmarks.recommend --dev    # also the 5-fold keyword dev score

``benchmarks/data/category_holdout.csv`` holds product names written the way sellers write them
(brands, sizes, counts, promotion words, typos, English), each labelled with its leaf; they were
written apart from the catalog's keyword lists and are never used to tune the model. Tuning uses
:func:`run_dev` instead: the catalog's own synonyms, 5-fold (each fold's synonyms are removed
from the catalog the model is trained on, then used as queries).
"""

from __future__ import annotations

import csv
import json
import sys
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from coupang_seller.catalog import Catalog, load_catalog, recommend
from coupang_seller.catalog._recommend import Recommender

HOLDOUT = Path(__file__).resolve().parent / "data" / "category_holdout.csv"
FOLDS = 5


@dataclass(frozen=True, slots=True)
class RecommendResult:
    top1: float
    top3: float
    n: int
    ms_per_query: float


@dataclass(frozen=True, slots=True)
class HoldoutRow:
    product_name: str
    brand: str | None
    code: int
    path: str


def load_holdout(path: Path = HOLDOUT) -> list[HoldoutRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            HoldoutRow(
                row["product_name"],
                row["brand"] or None,
                int(row["category_code"]),
                row["category_path"],
            )
            for row in csv.DictReader(handle)
        ]


def run(rows: list[HoldoutRow] | None = None) -> RecommendResult:
    """Top-1 / top-3 accuracy of :func:`coupang_seller.catalog.recommend` and its speed."""
    rows = rows if rows is not None else load_holdout()
    recommend("warm-up 섬유유연제")  # builds the model once, outside the timing
    hits1 = hits3 = 0
    started = time.perf_counter()
    for row in rows:
        found = [r.code for r in recommend(row.product_name, brand=row.brand, top_k=3)]
        hits1 += bool(found) and found[0] == row.code
        hits3 += row.code in found
    elapsed = time.perf_counter() - started
    n = len(rows)
    return RecommendResult(hits1 / n, hits3 / n, n, elapsed * 1000 / n)


def misses(rows: list[HoldoutRow] | None = None) -> list[tuple[HoldoutRow, str]]:
    """The held-out rows whose top-1 is wrong, with the path that was predicted."""
    catalog = load_catalog()
    out = []
    for row in rows if rows is not None else load_holdout():
        found = recommend(row.product_name, brand=row.brand, top_k=1)
        if not found or found[0].code != row.code:
            out.append((row, catalog.path_name(found[0].code) if found else "-"))
    return out


def run_dev() -> RecommendResult:
    """5-fold over the catalog's own synonyms (never the held-out names)."""
    text = resources.files("coupang_seller").joinpath("_data/categories.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    leaves = [n for n in data["nodes"] if "meta" in n]
    queries: list[tuple[int, int, str]] = []  # fold, code, keyword
    for i, leaf in enumerate(leaves):
        for j, keyword in enumerate(leaf["keywords"]):
            if keyword != leaf["name"]:
                queries.append(((i + j) % FOLDS, leaf["code"], keyword))
    hits1 = hits3 = 0
    elapsed = 0.0
    for fold in range(FOLDS):
        held = {(code, kw) for f, code, kw in queries if f == fold}
        reduced = json.loads(text)
        for node in reduced["nodes"]:
            if "meta" in node:
                node["keywords"] = [k for k in node["keywords"] if (node["code"], k) not in held]
        model = Recommender(Catalog(reduced))
        started = time.perf_counter()
        for code, keyword in held:
            found = [r.code for r in model.rank(keyword, top_k=3).candidates]
            hits1 += bool(found) and found[0] == code
            hits3 += code in found
        elapsed += time.perf_counter() - started
    n = len(queries)
    return RecommendResult(hits1 / n, hits3 / n, n, elapsed * 1000 / n)


def main(argv: list[str]) -> int:
    result = run()
    print(
        f"held-out: top-1 {result.top1:.3f}  top-3 {result.top3:.3f}  "
        f"n={result.n}  {result.ms_per_query:.2f} ms/query"
    )
    if "--dev" in argv:
        dev = run_dev()
        print(f"dev (5-fold synonyms): top-1 {dev.top1:.3f}  top-3 {dev.top3:.3f}  n={dev.n}")
    if "--misses" in argv:
        for row, predicted in misses():
            print(f"{row.product_name}  =>  {predicted}   (want {row.path})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
