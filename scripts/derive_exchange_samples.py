"""Derive the documented sample responses of the exchange (exchange-api) endpoints into test data.

Run by maintainers only (``python scripts/derive_exchange_samples.py PATH/TO/reference``); the
output, ``tests/exchanges/samples/<name>.json``, is committed, so the conformance test
(``tests/exchanges/test_conformance.py``) never needs the reference folder.

Each file holds ``{"method", "path", "source", "note", "sample", "request", "previous"}``: the
documented sample response and request body as published, and the older (season-1) paths.
``newer_fields.json`` keeps the behaviour changes that touch exchanges (2024-09: safe phone
numbers in the exchange list; 2024-11: 18-digit shipmentBoxIds).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "tests" / "exchanges" / "samples"

#: catalog document id -> sample file name
CATALOG: dict[str, str] = {
    "lookup-change-request-list": "list",
    "exchange-request-product-receipt-confirmation-processing": "receive_confirmation",
    "exchange-request-deny-processing": "rejection",
    "processing-exchange-product-invoice-upload": "invoices",
}


def main(reference: Path) -> None:
    catalog = json.loads((reference / "coupang-openapi-catalog.json").read_text(encoding="utf-8"))
    newer = json.loads((reference / "coupang-openapi-newer.json").read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    written = 0
    for doc in catalog:
        name = CATALOG.get(doc["id"])
        if name is None:
            continue
        request = doc.get("sample_request") or {}
        entry: dict[str, Any] = {
            "method": doc["method"],
            "path": doc["path"],
            "source": f"coupang-openapi-catalog.json#{doc['id']}",
            "note": doc.get("warning") or "",
            "sample": doc.get("sample_response"),
            "request": request.get("body"),
            "previous": [v["path"] for v in doc.get("previous_versions") or []],
        }
        (OUT / f"{name}.json").write_text(
            json.dumps(entry, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written += 1
    changes = [
        change
        for change in newer.get("behaviour_changes", [])
        if "xchange" in change.get("change", "")
    ]
    (OUT / "newer_fields.json").write_text(
        json.dumps(
            {"source": "coupang-openapi-newer.json#behaviour_changes", "changes": changes},
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {written + 1} files to {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: derive_exchange_samples.py PATH/TO/reference")
    main(Path(sys.argv[1]))
