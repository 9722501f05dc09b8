"""Derive the facts the project needs from Coupang's reference docs into its own files.

Run by maintainers only (``python scripts/derive_reference.py PATH/TO/reference``); the
output, ``src/coupang_seller/_data/endpoints.json``, is committed, so nothing at run or
test time needs the reference folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "coupang_seller" / "_data" / "endpoints.json"


def _has_sample(sample: object) -> bool:
    """A documented response sample with at least one field (some docs show an empty ``{}``)."""
    if isinstance(sample, str):
        try:
            sample = json.loads(sample)
        except ValueError:
            return bool(sample.strip())
    return bool(sample)


def main(reference: Path) -> None:
    catalog = json.loads((reference / "coupang-openapi-catalog.json").read_text(encoding="utf-8"))
    newer = json.loads((reference / "coupang-openapi-newer.json").read_text(encoding="utf-8"))
    endpoints: list[dict[str, object]] = []
    for doc in catalog:
        if not doc.get("method") or not doc.get("path"):
            continue
        endpoints.append(
            {
                "key": doc["id"],
                "group": doc["group"],
                "method": doc["method"],
                "path": doc["path"],
                "name": doc.get("suggested_sdk_name"),
                "active": bool(doc.get("listed_in_site_index")),
                "source": "catalog-2019",
                "sample": _has_sample(doc.get("sample_response")),
            }
        )
    for entry in newer["endpoints"]:
        if not entry.get("path") or not entry.get("method"):
            continue
        endpoints.append(
            {
                "key": entry["key"],
                "group": "newer",
                "method": entry["method"],
                "path": entry["path"],
                "name": entry["key"],
                "active": "removed" not in str(entry.get("status", "")),
                "source": "newer",
                "sample": False,
            }
        )
    OUT.write_text(json.dumps(endpoints, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(endpoints)} endpoints to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"))
