"""Derive the documented sample responses of the return (return-api) endpoints into test data.

Run by maintainers only (``python scripts/derive_return_samples.py PATH/TO/reference``); the
output, ``tests/returns/samples/<name>.json``, is committed, so the conformance test
(``tests/returns/test_conformance.py``) never needs the reference folder.

Each file holds ``{"method", "path", "source", "note", "sample", "request", "errors"}``: the
documented sample response, sample request body and error texts as published. The v5/v6
paths have no sample of their own (the newer notes list them as version bumps of the same
contract): the test holds them to the v4 samples. ``newer.json`` keeps the newer notes
(``cancelType`` of v6, the v5 actions).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "tests" / "returns" / "samples"

#: catalog document id -> sample file name
CATALOG: dict[str, str] = {
    "lookup-return-request-list-per-day": "list_daily",
    "lookup-return-request-list-per-minute": "list_time_frame",
    "lookup-return-request-by-product": "get",
    "return-request-product-receipt-confirmation-processing": "receive_confirmation",
    "return-request-approval-processing": "approval",
    "lookup-return-cancel-list-per-day": "withdraw_requests",
    "lookup-return-cancel-list": "withdraw_list",
    "retrun_invoice_processing": "manual_invoice",
}
NEWER_KEYS = ("return_requests_v6_list", "return_request_v6_single",
              "return_receive_confirmation_and_approval_v5")  # fmt: skip


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
            "errors": [e.get("description") for e in doc.get("errors") or []],
        }
        (OUT / f"{name}.json").write_text(
            json.dumps(entry, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        written += 1
    notes = [
        {k: e.get(k) for k in ("key", "method", "path", "notes")}
        for e in newer.get("endpoints", [])
        if e.get("key") in NEWER_KEYS
    ]
    (OUT / "newer.json").write_text(
        json.dumps({"source": "coupang-openapi-newer.json#endpoints", "endpoints": notes},
                   ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    print(f"wrote {written + 1} files to {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python scripts/derive_return_samples.py PATH/TO/reference")
    main(Path(sys.argv[1]))
