"""Copy the documented samples of the cashback endpoints next to the tests.

Run by hand only (``python tests/cashback/samples/_derive.py PATH/TO/reference``); the JSON
files it writes are committed, so no test reads the reference folder. Each file keeps the
documented request, the sample answer and the response field table (names only).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOCS = {
    "apply": "apply-product-cashback",
    "lookup": "lookup-product-cashback-settings",
    "remove": "remove-product-cashback",
}


def _names(fields: list[dict[str, Any]]) -> dict[str, Any]:
    return {f["name"]: _names(f.get("children") or []) for f in fields}


def main(reference: Path) -> None:
    catalog = json.loads((reference / "coupang-openapi-catalog.json").read_text(encoding="utf-8"))
    by_id = {doc["id"]: doc for doc in catalog}
    for name, doc_id in DOCS.items():
        doc = by_id[doc_id]
        out = {
            "source": f"coupang-openapi-catalog.json#{doc_id}",
            "method": doc["method"],
            "path": doc["path"],
            "request": doc["sample_request"],
            "sample": doc["sample_response"],
            "response_fields": _names(doc["response_fields"]),
            "errors": [e["description"] for e in doc["errors"]],
        }
        text = json.dumps(out, ensure_ascii=False, indent=2) + "\n"
        (HERE / f"{name}.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
