"""Derive the documented sample responses of the product endpoints into test data files.

Run by maintainers only (``python scripts/derive_product_samples.py PATH/TO/reference``);
the output, ``tests/products/samples/<name>.json``, is committed, so the conformance test
(``tests/products/test_conformance.py``) never needs the reference folder.

Each file holds ``{"method", "path", "source", "note", "sample"}``; ``create_request.json``
and ``update_request.json`` are the documented request bodies of create and full update. Catalog samples are
copied as documented (the create/update samples keep their double wrapping; the test
unwraps it, see the README's contradictions). The post-2019 endpoints have no sample in
the reference, only notes naming the fields; for those the sample is built from the
field names the notes give, and ``note`` says so.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "tests" / "products" / "samples"

#: catalog document id -> sample file name
CATALOG: dict[str, str] = {
    "create-seller-product": "create",
    "lookup-seller-product": "get",
    "modify-seller-product": "update",
    "request-for-product-approval": "request_approval",
    "delete-seller-product": "delete",
    "lookup-seller-product-list-paging": "list",
    "lookup-seller-product-list-period": "list_time_frame",
    "lookup-product-modify-history": "histories",
    "lookup-product-summary": "summary_by_external_sku",
    "lookup-quantity-price-status-by-product": "inventory",
    "change-price-by-product": "update_price",
    "change-quantity-by-product": "update_quantity",
    "change-sale-status-to-stop-by-product": "stop_sales",
    "change-sale-status-to-resumption-by-product": "resume_sales",
    "change-price-based-on-discount-rate-by-product": "update_original_price",
    "change-best-price-guaranteed-by-product": "best_price_guaranteed",
    "lookup-exposure-product-list-paging": "exposed_products",
}


def _from_notes(entry: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    key = entry["key"]
    if key == "seller_product_inflow_status":
        data = {
            "vendorId": "A00012345",
            "restricted": False,
            "registeredCount": 0,
            "permittedCount": None,
        }
        return {"code": "SUCCESS", "message": "", "data": data}, entry["notes"]
    if key == "seller_product_partial_get":
        # The notes of the partial PUT name the fields the partial GET gives back.
        put = entry.get("_partial_put_notes", "")
        data = {
            "sellerProductId": 1,
            "deliveryCharge": 0,
            "deliveryChargeOnReturn": 0,
            "returnCenterCode": "",
            "companyContactNumber": "",
        }
        return {"code": "SUCCESS", "message": "", "data": data}, f"{entry['notes']} / {put}"
    if key in ("seller_product_partial_put",):
        data = 1
        return {"code": "SUCCESS", "message": "", "data": data}, entry["notes"]
    return None, ""


def main(reference: Path) -> None:
    catalog = json.loads((reference / "coupang-openapi-catalog.json").read_text(encoding="utf-8"))
    newer = json.loads((reference / "coupang-openapi-newer.json").read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    written = 0
    for doc in catalog:
        name = CATALOG.get(doc["id"])
        if name is None:
            continue
        record = {
            "method": doc["method"],
            "path": doc["path"],
            "source": f"catalog-2019:{doc['id']}",
            "note": "documented sample response",
            "sample": doc["sample_response"],
        }
        (OUT / f"{name}.json").write_text(
            json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        written += 1
        request = doc.get("sample_request") or {}
        if name in ("create", "update") and isinstance(request.get("body"), dict):
            (OUT / f"{name}_request.json").write_text(
                json.dumps(request["body"], ensure_ascii=False, indent=1) + "\n",
                encoding="utf-8",
            )
            written += 1
    entries = {e["key"]: e for e in newer["endpoints"]}
    partial_put = entries.get("seller_product_partial_put", {})
    names = {
        "seller_product_inflow_status": "inflow_status",
        "seller_product_partial_get": "partial_get",
        "seller_product_partial_put": "partial_update",
    }
    for key, name in names.items():
        entry = dict(entries[key])
        entry["_partial_put_notes"] = partial_put.get("notes", "")
        sample, note = _from_notes(entry)
        record = {
            "method": entry["method"],
            "path": entry["path"],
            "source": f"newer:{key}",
            "note": f"no documented sample; fields from the notes: {note}",
            "sample": sample,
        }
        (OUT / f"{name}.json").write_text(
            json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        written += 1
    print(f"wrote {written} samples to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"))
