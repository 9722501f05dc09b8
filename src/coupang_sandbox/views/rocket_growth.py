"""Rocket Growth answers as Coupang's JSON: an order (the list's entries, the lookup's and the
control API's ``data``) and an option's inventory summary.

Pure functions of the backend's rows (:mod:`coupang_sandbox.backends.rocket_growth`): the
routes call them and wrap the result in the envelope. ``paidAt`` is epoch milliseconds in a
string, as the documented sample.
"""

from __future__ import annotations

from typing import Any

from coupang_sandbox.backends.rocket_growth import RgOrder, Stock
from coupang_sandbox.clock import from_us, to_ms


def order(value: RgOrder) -> dict[str, Any]:
    """One Rocket Growth order with its ``orderItems``."""
    row = value.row
    return {
        "orderId": int(row["order_id"]),
        "vendorId": row["vendor_id"],
        "paidAt": str(to_ms(from_us(int(row["paid_at_us"])))),
        "orderItems": [
            {
                "vendorItemId": int(i["vendor_item_id"]),
                "productName": i["product_name"],
                "salesQuantity": int(i["sales_quantity"]),
                "unitSalesPrice": int(i["unit_sales_price"]),
                "currency": i["currency"],
            }
            for i in value.items
        ],
    }


def stock(value: Stock) -> dict[str, Any]:
    """One option's inventory summary (orderable units, units sold in the last 30 days)."""
    row = value.row
    return {
        "vendorId": row["vendor_id"],
        "vendorItemId": int(row["vendor_item_id"]),
        "externalSkuId": row["external_sku_id"],
        "inventoryDetails": {"totalOrderableQuantity": int(row["quantity"])},
        "salesCountMap": {"SALES_COUNT_LAST_THIRTY_DAYS": value.sold},
    }
