"""Derive the documented sample responses of the order (delivery-api) endpoints into test data.

Run by maintainers only (``python scripts/derive_order_samples.py PATH/TO/reference``); the
output, ``tests/orders/samples/<name>.json``, is committed, so the conformance test
(``tests/orders/test_conformance.py``) never needs the reference folder.

Each file holds ``{"method", "path", "source", "note", "sample", "request"}``: the documented
sample response and sample request body as published. The v5 order-sheet endpoints have no
sample of their own (the newer notes say "same contract as v4"); the test compares them with
the v4 samples plus the fields the behaviour changes add (``isCod``, ``extraProperties``),
which ``newer_fields.json`` lists.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "tests" / "orders" / "samples"

#: catalog document id -> sample file name
CATALOG: dict[str, str] = {
    "lookup-order-list-per-day": "list_daily",
    "lookup-order-list-per-minute": "list_time_frame",
    "lookup-order-book": "get",
    "lookup-order-by-orderid": "by_order",
    "lookup-delivery-modify-history": "history",
    "product-preparation-processing": "acknowledge",
    "invoice-upload-processing": "upload_invoices",
    "invoice-update-processing": "update_invoices",
    "stop-shipping-complete-processing": "stopped_shipment",
    "products-already-shipped-processing": "completed_shipment",
    "delivery-complete-processing": "long_undelivered",
    "instruct_cancel": "cancel",
    "payment-complete-refund": "refunds",
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
            "note": doc.get("sample_note") or "",
            "sample": doc.get("sample_response"),
            "request": request.get("body"),
        }
        (OUT / f"{name}.json").write_text(
            json.dumps(entry, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written += 1
    changes = [
        change
        for change in newer.get("behaviour_changes", [])
        if "isCod" in change.get("change", "") or "email" in change.get("change", "")
    ]
    extra = {
        "source": "coupang-openapi-newer.json#behaviour_changes",
        "changes": changes,
        # 2025-12: added to all four order-sheet responses; 2024-08: email returned as "".
        "sheet_fields": ["isCod", "extraProperties"],
        "empty_email": True,
    }
    (OUT / "newer_fields.json").write_text(
        json.dumps(extra, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {written + 1} files to {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: derive_order_samples.py PATH/TO/reference")
        raise SystemExit(2)
    main(Path(sys.argv[1]))
