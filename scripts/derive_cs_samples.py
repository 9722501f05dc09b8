"""Derive the documented samples of the customer-service (customer-service-api) endpoints into
test data.

Run by maintainers only (``python scripts/derive_cs_samples.py PATH/TO/reference``); the
output, ``tests/customer_service/samples/<name>.json``, is committed, so the conformance test
(``tests/customer_service/test_conformance.py``) never needs the reference folder.

Each file holds ``{"method", "path", "source", "note", "sample", "request", "query", "errors"}``:
the documented sample response, request body and query as published, and the documented error
texts. ``codes.json`` keeps the enumerations the rules use and ``newer.json`` the post-2019
notes (v5 lists, the single call-center lookup, the 2024 email change).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

OUT = Path(__file__).resolve().parent.parent / "tests" / "customer_service" / "samples"

#: catalog document id -> sample file name
CATALOG: dict[str, str] = {
    "lookup-customer-inquiry-by-product": "online_list",
    "answer-to-customer-inquiry": "online_reply",
    "lookup-coupang-call-center-inquiry": "call_center_list",
    "answer-to-coupang-call-center-inquiry": "call_center_reply",
    "confirm-to-coupang-call-center-inquiry": "call_center_confirm",
}
ENUMS = (
    "OnlineInquiryAnsweredType",
    "CallCenterPartnerCounselingStatus",
    "CallCenterInquiryStatus",
    "CallCenterPartnerTransferStatus",
    "CallCenterPartnerTransferCompleteReason",
)


def _write(name: str, value: Any) -> None:
    (OUT / f"{name}.json").write_text(
        json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def main(reference: Path) -> None:
    catalog = json.loads((reference / "coupang-openapi-catalog.json").read_text(encoding="utf-8"))
    newer = json.loads((reference / "coupang-openapi-newer.json").read_text(encoding="utf-8"))
    enums = json.loads((reference / "coupang-enums.json").read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    for doc in catalog:
        name = CATALOG.get(doc["id"])
        if name is None:
            continue
        request = doc.get("sample_request") or {}
        _write(
            name,
            {
                "method": doc["method"],
                "path": doc["path"],
                "source": f"coupang-openapi-catalog.json#{doc['id']}",
                "note": doc.get("warning") or "",
                "sample": doc.get("sample_response"),
                "request": request.get("body"),
                "query": dict(parse_qsl(urlsplit(request.get("endpoint") or "").query)),
                "errors": [e["description"] for e in doc.get("errors") or []],
            },
        )
    _write(
        "codes",
        {e["name"]: [v["code"] for v in e["values"]] for e in enums if e["name"] in ENUMS},
    )
    keys = ("online_inquiries_v5", "call_center_inquiries_v5", "call_center_inquiry_single_v5")
    _write(
        "newer",
        {
            "endpoints": [
                {k: e.get(k) for k in ("key", "method", "path", "notes")}
                for e in newer["endpoints"]
                if e.get("key") in keys
            ],
            "changes": [
                c for c in newer["behaviour_changes"] if "inquir" in c.get("change", "").lower()
            ],
        },
    )
    print(f"wrote {len(CATALOG) + 2} files to {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: derive_cs_samples.py PATH/TO/reference")
    main(Path(sys.argv[1]))
