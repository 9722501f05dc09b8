"""Valid queries of the list endpoints (on the market's frozen day, 2025-07-15), so a test can
replace one parameter with a hostile value and reach the paging of the store."""

from __future__ import annotations

from tests.products.conftest import VENDOR

V = VENDOR[0]
OPENAPI = "/v2/providers/openapi/apis/api"
SELLER = "/v2/providers/seller_api/apis/api/v1/marketplace"
FMS1 = f"/v2/providers/fms/apis/api/v1/vendors/{V}"
FMS2 = f"/v2/providers/fms/apis/api/v2/vendors/{V}"
DAY = {"createdAtFrom": "2025-07-15", "createdAtTo": "2025-07-15"}
INQUIRY_DAY = {"inquiryStartAt": "2025-07-15", "inquiryEndAt": "2025-07-15"}

#: ``(path, valid query, paging parameters)``; ``{coupon}`` / ``{product}`` are filled in.
LISTINGS: list[tuple[str, dict[str, str], tuple[str, ...]]] = [
    (f"{SELLER}/seller-products", {"vendorId": V}, ("nextToken", "maxPerPage")),
    (f"{SELLER}/seller-products/{{product}}/histories", {}, ("pageNum", "pageSize")),
    (f"{FMS2}/coupons", {"status": "APPLIED"}, ("page", "size")),
    (f"{FMS1}/coupons/{{coupon}}/items", {"status": "APPLIED"}, ("page", "size")),
    (
        f"{OPENAPI}/v4/vendors/{V}/onlineInquiries",
        {**INQUIRY_DAY, "answeredType": "ALL"},
        ("pageNum", "pageSize", "vendorItemId"),
    ),
    (
        f"{OPENAPI}/v4/vendors/{V}/callCenterInquiries",
        {**INQUIRY_DAY, "partnerCounselingStatus": "NONE"},
        ("pageNum", "pageSize", "vendorItemId", "orderId"),
    ),
    (
        f"{OPENAPI}/v4/vendors/{V}/exchangeRequests",
        {"createdAtFrom": "2025-07-15T00:00:00", "createdAtTo": "2025-07-15T10:00:00"},
        ("maxPerPage", "nextToken", "orderId"),
    ),
    (
        f"{OPENAPI}/v6/vendors/{V}/returnRequests",
        {**DAY, "status": "UC"},
        ("maxPerPage", "nextToken", "orderId"),
    ),
    (
        f"{OPENAPI}/v5/vendors/{V}/ordersheets",
        {**DAY, "status": "ACCEPT"},
        ("maxPerPage", "nextToken"),
    ),
    (f"{OPENAPI}/v5/vendors/{V}/returnShippingCenters", {}, ("pageNum", "pageSize")),
    (
        "/v2/providers/marketplace_openapi/apis/api/v1/vendor/shipping-place/outbound",
        {"pageNum": "1", "pageSize": "10"},
        ("pageNum", "pageSize"),
    ),
]
