"""Copy the documented sample answers of the category endpoints next to the tests.

Run by hand only (``python tests/categories/samples/_derive.py PATH/TO/reference``); the JSON
files it writes are committed, so no test reads the reference folder.

Two samples in the documents are wrapped twice (``{"code": "200", "data": {"code": "SUCCESS",
"data": ...}}``, a known documentation artefact); the inner envelope, which is what the API
answers, is kept. The auto-category agreement endpoint has no sample in the 2019 documents; its
answer is written from the newer notes ("data is the string true/false").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOCS = {
    "list_display_categories": "lookup-exposure-category-list",
    "get_display_category": "lookup-exposure-category",
    "display_category_status": "exposure-category-validation",
    "meta_by_display_code": "lookup-category-meta-info-use-code",
    "meta_by_category_id": "lookup-category-meta-info-use-id",
    "predict": "category-recommendation",
}


def _unwrap(sample: Any) -> Any:
    inner = sample.get("data") if isinstance(sample, dict) else None
    if isinstance(inner, dict) and inner.get("code") in ("SUCCESS", "ERROR") and "data" in inner:
        return inner
    return sample


def main(reference: Path) -> None:
    catalog = json.loads((reference / "coupang-openapi-catalog.json").read_text(encoding="utf-8"))
    newer = json.loads((reference / "coupang-openapi-newer.json").read_text(encoding="utf-8"))
    by_id = {doc["id"]: doc for doc in catalog}
    for name, doc_id in DOCS.items():
        doc = by_id[doc_id]
        entry = {
            "method": doc["method"],
            "path": doc["path"],
            "source": f"coupang-openapi-catalog.json {doc_id} sample_response",
            "response": _unwrap(doc["sample_response"]),
        }
        _write(name, entry)
    agreement = next(e for e in newer["endpoints"] if e["key"] == "auto_category_agreement_check")
    _write(
        "auto_category_agreed",
        {
            "method": agreement["method"],
            "path": agreement["path"],
            "source": "coupang-openapi-newer.json auto_category_agreement_check notes",
            "response": {"code": "SUCCESS", "message": "", "data": "true"},
        },
    )


def _write(name: str, entry: dict[str, Any]) -> None:
    path = HERE / f"{name}.json"
    path.write_text(json.dumps(entry, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
