"""Every endpoint the typed layer calls, in one table.

Resources look their paths up here, and ``scripts/gen_coverage.py`` builds the coverage
table in ``docs/COVERAGE.md`` from this table and the documented catalog
(``coupang_seller/_data/endpoints.json``), so docs and code cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One WING Open API operation: its key, HTTP method, path template and the SDK method calling it."""

    key: str
    method: str
    path: str
    #: The SDK method that calls it, as ``client.<resource>.<method>``.
    sdk: str
    #: Other documented paths for the same operation (older/newer versions).
    also: tuple[str, ...] = ()

    def format(self, **params: str) -> str:
        """The path with its ``{placeholders}`` (vendorId, ids) filled in."""
        return self.path.format(**params)


_OPENAPI = "/v2/providers/openapi/apis/api"

OUTBOUND_CREATE = Endpoint(
    "outbound_create",
    "POST",
    f"{_OPENAPI}/v5/vendors/{{vendorId}}/outboundShippingCenters",
    "outbound_shipping_places.create",
    also=(f"{_OPENAPI}/v4/vendors/{{vendorId}}/outboundShippingCenters",),
)
OUTBOUND_QUERY = Endpoint(
    "outbound_query",
    "GET",
    "/v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound",
    "outbound_shipping_places.list / iter / get / get_many / find_by_name",
    also=(
        "/v2/providers/marketplace_openapi/apis/api/v1/vendor/shipping-place/outbound",
        f"{_OPENAPI}/v4/vendors/{{vendorId}}/outboundShippingCenters",
    ),
)
OUTBOUND_UPDATE = Endpoint(
    "outbound_update",
    "PUT",
    f"{_OPENAPI}/v5/vendors/{{vendorId}}/outboundShippingCenters/{{outboundShippingPlaceCode}}",
    "outbound_shipping_places.update",
    also=(
        f"{_OPENAPI}/v4/vendors/{{vendorId}}/outboundShippingCenters/{{outboundShippingPlaceCode}}",
    ),
)
RETURN_CREATE = Endpoint(
    "return_create",
    "POST",
    f"{_OPENAPI}/v5/vendors/{{vendorId}}/returnShippingCenters",
    "return_centers.create",
    also=(f"{_OPENAPI}/v4/vendors/{{vendorId}}/returnShippingCenters",),
)
RETURN_LIST = Endpoint(
    "return_list",
    "GET",
    f"{_OPENAPI}/v5/vendors/{{vendorId}}/returnShippingCenters",
    "return_centers.list / iter",
    also=(f"{_OPENAPI}/v4/vendors/{{vendorId}}/returnShippingCenters",),
)
RETURN_BY_CODES = Endpoint(
    "return_by_codes",
    "GET",
    f"{_OPENAPI}/v3/return/shipping-places/center-code",
    "return_centers.get / get_many",
    also=("/v2/providers/greatwall_api/apis/api/v2/return/shipping-places/center-code",),
)
RETURN_UPDATE = Endpoint(
    "return_update",
    "PUT",
    f"{_OPENAPI}/v5/vendors/{{vendorId}}/returnShippingCenters/{{returnCenterCode}}",
    "return_centers.update",
    also=(f"{_OPENAPI}/v4/vendors/{{vendorId}}/returnShippingCenters/{{returnCenterCode}}",),
)

# -- products (seller_api provider) --------------------------------------------------------
_SELLER = "/v2/providers/seller_api/apis/api/v1/marketplace"
_PRODUCTS = f"{_SELLER}/seller-products"
_PRODUCT = f"{_PRODUCTS}/{{sellerProductId}}"
_ITEM = f"{_SELLER}/vendor-items/{{vendorItemId}}"

PRODUCT_CREATE = Endpoint("product_create", "POST", _PRODUCTS, "products.create")
PRODUCT_UPDATE = Endpoint("product_update", "PUT", _PRODUCTS, "products.update")
PRODUCT_LIST = Endpoint("product_list", "GET", _PRODUCTS, "products.list / iter")
PRODUCT_TIME_FRAME = Endpoint(
    "product_time_frame",
    "GET",
    f"{_PRODUCTS}/time-frame",
    "products.list_time_frame / iter_time_frame",
)
PRODUCT_INFLOW_STATUS = Endpoint(
    "product_inflow_status", "GET", f"{_PRODUCTS}/inflow-status", "products.inflow_status"
)
PRODUCT_BY_EXTERNAL_SKU = Endpoint(
    "product_by_external_sku",
    "GET",
    f"{_PRODUCTS}/external-vendor-sku-codes/{{externalVendorSkuCode}}",
    "products.get_by_external_sku / find_id_by_external_sku",
)
PRODUCT_GET = Endpoint("product_get", "GET", _PRODUCT, "products.get")
PRODUCT_DELETE = Endpoint("product_delete", "DELETE", _PRODUCT, "products.delete")
PRODUCT_PARTIAL_GET = Endpoint(
    "product_partial_get", "GET", f"{_PRODUCT}/partial", "products.get_partial"
)
PRODUCT_PARTIAL_UPDATE = Endpoint(
    "product_partial_update", "PUT", f"{_PRODUCT}/partial", "products.update_partial"
)
PRODUCT_APPROVAL = Endpoint(
    "product_approval", "PUT", f"{_PRODUCT}/approvals", "products.request_approval"
)
PRODUCT_HISTORIES = Endpoint(
    "product_histories", "GET", f"{_PRODUCT}/histories", "products.histories / iter_histories"
)
ITEM_INVENTORY = Endpoint("item_inventory", "GET", f"{_ITEM}/inventories", "products.get_inventory")
ITEM_PRICE = Endpoint("item_price", "PUT", f"{_ITEM}/prices/{{price}}", "products.update_price")
ITEM_QUANTITY = Endpoint(
    "item_quantity", "PUT", f"{_ITEM}/quantities/{{quantity}}", "products.update_quantity"
)
ITEM_ORIGINAL_PRICE = Endpoint(
    "item_original_price",
    "PUT",
    f"{_ITEM}/original-prices/{{originalPrice}}",
    "products.update_original_price",
)
ITEM_SALES_STOP = Endpoint("item_sales_stop", "PUT", f"{_ITEM}/sales/stop", "products.stop_sales")
ITEM_SALES_RESUME = Endpoint(
    "item_sales_resume", "PUT", f"{_ITEM}/sales/resume", "products.resume_sales"
)
ITEM_AUTO_OPTION_OPT_IN = Endpoint(
    "item_auto_option_opt_in",
    "POST",
    f"{_ITEM}/auto-generated/opt-in",
    "products.opt_in_auto_generated_options",
)
ITEM_AUTO_OPTION_OPT_OUT = Endpoint(
    "item_auto_option_opt_out",
    "POST",
    f"{_ITEM}/auto-generated/opt-out",
    "products.opt_out_auto_generated_options",
)
SELLER_AUTO_OPTION_OPT_IN = Endpoint(
    "seller_auto_option_opt_in",
    "POST",
    f"{_SELLER}/seller/auto-generated/opt-in",
    "products.opt_in_auto_generated_options_for_all",
)
SELLER_AUTO_OPTION_OPT_OUT = Endpoint(
    "seller_auto_option_opt_out",
    "POST",
    f"{_SELLER}/seller/auto-generated/opt-out",
    "products.opt_out_auto_generated_options_for_all",
)
#: Retired: Coupang answers 410 (the SDK raises GoneError).
EXPOSED_PRODUCTS_RETIRED = Endpoint(
    "exposed_products_retired",
    "GET",
    f"{_SELLER}/meta/products",
    "products.list_exposed (retired, 410)",
)
BEST_PRICE_GUARANTEED_RETIRED = Endpoint(
    "best_price_guaranteed_retired",
    "PUT",
    f"{_SELLER}/vendor-items/{{vendorId}}/{{vendorItemId}}/best-price-guaranteed-3p/"
    "{bestPriceGuaranteed3P}",
    "products.set_best_price_guaranteed (retired, 410)",
)

CERTIFICATIONS_RETIRED = Endpoint(
    "certifications_retired",
    "GET",
    "/targets/wing/seller_api/apis/api/v1/marketplace/meta/certifications",
    "products.list_certifications (retired, 410)",
)

PRODUCT_ENDPOINTS: tuple[Endpoint, ...] = (
    PRODUCT_CREATE,
    PRODUCT_UPDATE,
    PRODUCT_LIST,
    PRODUCT_TIME_FRAME,
    PRODUCT_INFLOW_STATUS,
    PRODUCT_BY_EXTERNAL_SKU,
    PRODUCT_GET,
    PRODUCT_DELETE,
    PRODUCT_PARTIAL_GET,
    PRODUCT_PARTIAL_UPDATE,
    PRODUCT_APPROVAL,
    PRODUCT_HISTORIES,
    ITEM_INVENTORY,
    ITEM_PRICE,
    ITEM_QUANTITY,
    ITEM_ORIGINAL_PRICE,
    ITEM_SALES_STOP,
    ITEM_SALES_RESUME,
    ITEM_AUTO_OPTION_OPT_IN,
    ITEM_AUTO_OPTION_OPT_OUT,
    SELLER_AUTO_OPTION_OPT_IN,
    SELLER_AUTO_OPTION_OPT_OUT,
    EXPOSED_PRODUCTS_RETIRED,
    BEST_PRICE_GUARANTEED_RETIRED,
    CERTIFICATIONS_RETIRED,
)

# -- categories (seller_api meta, openapi prediction) ---------------------------------------
_MARKETPLACE = "/v2/providers/seller_api/apis/api/v1/marketplace"
_DISPLAY_CATEGORY = f"{_MARKETPLACE}/meta/display-categories/{{displayCategoryCode}}"

CATEGORY_TREE = Endpoint(
    "category_tree",
    "GET",
    f"{_MARKETPLACE}/meta/display-categories",
    "categories.tree / list",
)
CATEGORY_GET = Endpoint("category_get", "GET", _DISPLAY_CATEGORY, "categories.get / children")
CATEGORY_STATUS = Endpoint(
    "category_status", "GET", f"{_DISPLAY_CATEGORY}/status", "categories.status"
)
CATEGORY_META = Endpoint(
    "category_meta",
    "GET",
    f"{_MARKETPLACE}/meta/category-related-metas/display-category-codes/{{displayCategoryCode}}",
    "categories.meta",
)
CATEGORY_META_BY_ID = Endpoint(
    "category_meta_by_id",
    "GET",
    f"{_MARKETPLACE}/meta/categories/{{categoryId}}",
    "categories.meta_by_id",
)
CATEGORY_PREDICT = Endpoint(
    "category_predict", "POST", f"{_OPENAPI}/v1/categorization/predict", "categories.predict"
)
AUTO_CATEGORY_AGREED = Endpoint(
    "auto_category_agreed",
    "GET",
    f"{_MARKETPLACE}/vendors/{{vendorId}}/check-auto-category-agreed",
    "categories.auto_category_agreed",
)

CATEGORY_ENDPOINTS: tuple[Endpoint, ...] = (
    CATEGORY_TREE,
    CATEGORY_GET,
    CATEGORY_STATUS,
    CATEGORY_META,
    CATEGORY_META_BY_ID,
    CATEGORY_PREDICT,
    AUTO_CATEGORY_AGREED,
)

# -- orders (openapi provider; v5 lists/lookups, v4 actions) ---------------------------------
_V4 = f"{_OPENAPI}/v4/vendors/{{vendorId}}"
_V5 = f"{_OPENAPI}/v5/vendors/{{vendorId}}"

ORDER_SHEETS = Endpoint(
    "order_sheets",
    "GET",
    f"{_V5}/ordersheets",
    "orders.list / iter / list_time_frame / iter_time_frame",
    also=(f"{_V4}/ordersheets",),
)
ORDER_SHEET = Endpoint(
    "order_sheet",
    "GET",
    f"{_V5}/ordersheets/{{shipmentBoxId}}",
    "orders.get",
    also=(f"{_V4}/ordersheets/{{shipmentBoxId}}",),
)
ORDER_SHEETS_BY_ORDER = Endpoint(
    "order_sheets_by_order",
    "GET",
    f"{_V5}/{{orderId}}/ordersheets",
    "orders.by_order_id",
    also=(f"{_V4}/{{orderId}}/ordersheets",),
)
ORDER_HISTORY = Endpoint(
    "order_history",
    "GET",
    f"{_V5}/ordersheets/{{shipmentBoxId}}/history",
    "orders.history",
    also=(f"{_V4}/ordersheets/{{shipmentBoxId}}/history",),
)
ORDER_ACKNOWLEDGE = Endpoint(
    "order_acknowledge", "PUT", f"{_V4}/ordersheets/acknowledgement", "orders.acknowledge"
)
ORDER_ACKNOWLEDGE_PATCH = Endpoint(
    "order_acknowledge_patch",
    "PATCH",
    f"{_V4}/ordersheets/acknowledgement",
    "orders.acknowledge(method='PATCH')",
)
ORDER_INVOICES = Endpoint(
    "order_invoices", "POST", f"{_V4}/orders/invoices", "orders.upload_invoices"
)
ORDER_UPDATE_INVOICES = Endpoint(
    "order_update_invoices", "POST", f"{_V4}/orders/updateInvoices", "orders.update_invoices"
)
ORDER_STOPPED_SHIPMENT = Endpoint(
    "order_stopped_shipment",
    "PATCH",
    f"{_V4}/returnRequests/{{receiptId}}/stoppedShipment",
    "orders.stop_shipment",
)
ORDER_COMPLETED_SHIPMENT = Endpoint(
    "order_completed_shipment",
    "PATCH",
    f"{_V4}/returnRequests/{{receiptId}}/completedShipment",
    "orders.mark_already_shipped",
)
ORDER_LONG_UNDELIVERED = Endpoint(
    "order_long_undelivered",
    "POST",
    f"{_V4}/completeLongTermUndelivery",
    "orders.complete_long_undelivered",
)
ORDER_CANCEL = Endpoint(
    "order_cancel",
    "POST",
    f"{_V5}/orders/{{orderId}}/cancel",
    "orders.cancel",
    also=(
        "/v2/providers/wing_api/apis/internal-api/v5/vendors/{vendorId}/orders/{orderId}/cancel",
    ),
)

ORDER_ENDPOINTS: tuple[Endpoint, ...] = (
    ORDER_SHEETS,
    ORDER_SHEET,
    ORDER_SHEETS_BY_ORDER,
    ORDER_HISTORY,
    ORDER_ACKNOWLEDGE,
    ORDER_ACKNOWLEDGE_PATCH,
    ORDER_INVOICES,
    ORDER_UPDATE_INVOICES,
    ORDER_STOPPED_SHIPMENT,
    ORDER_COMPLETED_SHIPMENT,
    ORDER_LONG_UNDELIVERED,
    ORDER_CANCEL,
)

# -- exchanges (openapi v4; season-1 wing_api paths as other versions) -----------------------
_EXCHANGES = f"{_V4}/exchangeRequests"
_WING_EXCHANGE = "/v2/providers/wing_api/apis/internal-api/v1/exchange"

EXCHANGE_LIST = Endpoint(
    "exchange_list",
    "GET",
    _EXCHANGES,
    "exchanges.list / iter",
    also=(f"{_WING_EXCHANGE}/inquiries",),
)
EXCHANGE_RECEIVE_CONFIRMATION = Endpoint(
    "exchange_receive_confirmation",
    "PATCH",
    f"{_EXCHANGES}/{{exchangeId}}/receiveConfirmation",
    "exchanges.confirm_receipt",
)
EXCHANGE_REJECTION = Endpoint(
    "exchange_rejection",
    "PATCH",
    f"{_EXCHANGES}/{{exchangeId}}/rejection",
    "exchanges.reject",
)
EXCHANGE_INVOICES = Endpoint(
    "exchange_invoices",
    "POST",
    f"{_EXCHANGES}/{{exchangeId}}/invoices",
    "exchanges.upload_invoice",
    also=(f"{_WING_EXCHANGE}/{{exchangeId}}/invoices",),
)

EXCHANGE_ENDPOINTS: tuple[Endpoint, ...] = (
    EXCHANGE_LIST,
    EXCHANGE_RECEIVE_CONFIRMATION,
    EXCHANGE_REJECTION,
    EXCHANGE_INVOICES,
)

# -- returns (openapi provider; v6 lists/lookups, v4 actions, v5 parallel versions) -----------
_V6 = f"{_OPENAPI}/v6/vendors/{{vendorId}}"

RETURN_REQUESTS = Endpoint(
    "return_requests",
    "GET",
    f"{_V6}/returnRequests",
    "returns.list / iter / list_time_frame",
    also=(f"{_V4}/returnRequests", f"{_V5}/returnRequests"),
)
RETURN_REQUEST = Endpoint(
    "return_request",
    "GET",
    f"{_V6}/returnRequests/{{receiptId}}",
    "returns.get",
    also=(f"{_V4}/returnRequests/{{receiptId}}", f"{_V5}/returnRequests/{{receiptId}}"),
)
RETURN_RECEIVE_CONFIRMATION = Endpoint(
    "return_receive_confirmation",
    "PATCH",
    f"{_V4}/returnRequests/{{receiptId}}/receiveConfirmation",
    "returns.confirm_receipt",
    also=(f"{_V5}/returnRequests/{{receiptId}}/receiveConfirmation",),
)
RETURN_APPROVAL = Endpoint(
    "return_approval",
    "PATCH",
    f"{_V4}/returnRequests/{{receiptId}}/approval",
    "returns.approve",
    also=(f"{_V5}/returnRequests/{{receiptId}}/approval",),
)
RETURN_WITHDRAW_REQUESTS = Endpoint(
    "return_withdraw_requests",
    "GET",
    f"{_V4}/returnWithdrawRequests",
    "returns.withdrawals / iter_withdrawals",
)
RETURN_WITHDRAW_LIST = Endpoint(
    "return_withdraw_list",
    "POST",
    f"{_V4}/returnWithdrawList",
    "returns.withdrawals_by_ids",
)
RETURN_MANUAL_INVOICE = Endpoint(
    "return_manual_invoice",
    "POST",
    f"{_V4}/return-exchange-invoices/manual",
    "returns.upload_pickup_invoice / exchanges.upload_pickup_invoice",
)

RETURN_ENDPOINTS: tuple[Endpoint, ...] = (
    RETURN_REQUESTS,
    RETURN_REQUEST,
    RETURN_RECEIVE_CONFIRMATION,
    RETURN_APPROVAL,
    RETURN_WITHDRAW_REQUESTS,
    RETURN_WITHDRAW_LIST,
    RETURN_MANUAL_INVOICE,
)

# -- settlement (openapi v1 revenue history, marketplace_openapi settlement histories) ------
REVENUE_HISTORY = Endpoint(
    "revenue_history",
    "GET",
    f"{_OPENAPI}/v1/revenue-history",
    "settlement.revenue_history / iter_revenue_history",
    also=(
        f"{_V4}/orders/salesDetails",
        "/v2/providers/greatwall_api/apis/api/v1/settlement/goods/sales/inquiries/{vendorId}",
    ),
)
SETTLEMENT_HISTORIES = Endpoint(
    "settlement_histories",
    "GET",
    "/v2/providers/marketplace_openapi/apis/api/v1/settlement-histories",
    "settlement.settlement_histories",
)
#: Retired: Coupang answers 410 (use the revenue history and the settlement histories).
SETTLEMENT_DETAILS_RETIRED = Endpoint(
    "settlement_details_retired",
    "GET",
    f"{_V4}/orders/settlementDetails",
    "(retired, 410: settlement.revenue_history)",
)
ORDER_SETTLEMENT_DETAILS_RETIRED = Endpoint(
    "order_settlement_details_retired",
    "GET",
    f"{_V4}/orders/{{orderId}}/settlementDetails",
    "(retired, 410: settlement.revenue_history)",
)
RETROACTIVE_FEES_RETIRED = Endpoint(
    "retroactive_fees_retired",
    "GET",
    f"{_V4}/retroactiveFees",
    "(retired, 410: settlement.settlement_histories)",
    also=(
        "/v2/providers/greatwall_api/apis/api/v1/settlement/goods/fee-corrections/inquiries/{vendorId}",
    ),
)

SETTLEMENT_ENDPOINTS: tuple[Endpoint, ...] = (
    REVENUE_HISTORY,
    SETTLEMENT_HISTORIES,
    SETTLEMENT_DETAILS_RETIRED,
    ORDER_SETTLEMENT_DETAILS_RETIRED,
    RETROACTIVE_FEES_RETIRED,
)

# -- cashback (openapi v4; season-1 greatwall_api path as the other version) -----------------
_CASHBACK = f"{_OPENAPI}/v4/vendors/{{vendorId}}/products/items/cashback"
_CASHBACK_SEASON1 = "/v2/providers/greatwall_api/apis/api/v1/product/vendorItems-cashbacks"

CASHBACK_APPLY = Endpoint(
    "cashback_apply", "POST", _CASHBACK, "cashback.apply", also=(_CASHBACK_SEASON1,)
)
CASHBACK_GET = Endpoint("cashback_get", "GET", _CASHBACK, "cashback.get")
CASHBACK_REMOVE = Endpoint(
    "cashback_remove", "DELETE", _CASHBACK, "cashback.remove", also=(_CASHBACK_SEASON1,)
)

CASHBACK_ENDPOINTS: tuple[Endpoint, ...] = (CASHBACK_APPLY, CASHBACK_GET, CASHBACK_REMOVE)

# -- Rocket Growth (rg_open_api provider; 50 calls a minute per vendor) ----------------------
_RG = "/v2/providers/rg_open_api/apis/api/v1/vendors/{vendorId}/rg"

RG_ORDERS = Endpoint("rg_orders", "GET", f"{_RG}/orders", "rocket_growth.list_orders / iter_orders")
RG_ORDER = Endpoint("rg_order", "GET", f"{_RG}/order/{{orderId}}", "rocket_growth.get_order")
RG_INVENTORY = Endpoint(
    "rg_inventory",
    "GET",
    f"{_RG}/inventory/summaries",
    "rocket_growth.inventory_summaries / iter_inventory",
)

RG_ENDPOINTS: tuple[Endpoint, ...] = (RG_ORDERS, RG_ORDER, RG_INVENTORY)

# -- customer service (openapi; v5 lists, v4 answers/confirms, v5 single call-center lookup) --
CS_ONLINE_LIST = Endpoint(
    "cs_online_list",
    "GET",
    f"{_V5}/onlineInquiries",
    "online_inquiries.list / iter",
    also=(f"{_V4}/onlineInquiries",),
)
CS_ONLINE_REPLY = Endpoint(
    "cs_online_reply",
    "POST",
    f"{_V4}/onlineInquiries/{{inquiryId}}/replies",
    "online_inquiries.answer",
)
CS_CALL_CENTER_LIST = Endpoint(
    "cs_call_center_list",
    "GET",
    f"{_V5}/callCenterInquiries",
    "call_center_inquiries.list / iter",
    also=(f"{_V4}/callCenterInquiries",),
)
CS_CALL_CENTER_GET = Endpoint(
    "cs_call_center_get",
    "GET",
    f"{_OPENAPI}/v5/vendors/callCenterInquiries/{{inquiryId}}",
    "call_center_inquiries.get",
)
CS_CALL_CENTER_REPLY = Endpoint(
    "cs_call_center_reply",
    "POST",
    f"{_V4}/callCenterInquiries/{{inquiryId}}/replies",
    "call_center_inquiries.answer",
)
CS_CALL_CENTER_CONFIRM = Endpoint(
    "cs_call_center_confirm",
    "POST",
    f"{_V4}/callCenterInquiries/{{inquiryId}}/confirms",
    "call_center_inquiries.confirm",
)

CS_ENDPOINTS: tuple[Endpoint, ...] = (
    CS_ONLINE_LIST,
    CS_ONLINE_REPLY,
    CS_CALL_CENTER_LIST,
    CS_CALL_CENTER_GET,
    CS_CALL_CENTER_REPLY,
    CS_CALL_CENTER_CONFIRM,
)

# -- coupons (fms instant-discount coupons; marketplace_openapi downloadable coupons) ------
_FMS = "/v2/providers/fms/apis/api"
_FMS1 = f"{_FMS}/v1/vendors/{{vendorId}}"
_FMS2 = f"{_FMS}/v2/vendors/{{vendorId}}"
_DOWNLOAD = "/v2/providers/marketplace_openapi/apis/api/v1"

COUPON_CONTRACTS = Endpoint(
    "coupon_contracts", "GET", f"{_FMS2}/contract/list", "coupons.list_contracts"
)
COUPON_CONTRACT = Endpoint("coupon_contract", "GET", f"{_FMS2}/contract", "coupons.get_contract")
COUPON_FREE_CONTRACT_RETIRED = Endpoint(
    "coupon_free_contract_retired",
    "POST",
    f"{_FMS2}/contract/create/non_contract_info",
    "coupons.create_free_contract (retired, 410)",
)
COUPON_BUDGETS = Endpoint("coupon_budgets", "GET", f"{_FMS1}/budgets", "coupons.budgets")
COUPON_CREATE = Endpoint(
    "coupon_create", "POST", f"{_FMS2}/coupon", "coupons.create", also=(f"{_FMS1}/coupons",)
)
COUPON_GET = Endpoint("coupon_get", "GET", f"{_FMS2}/coupon", "coupons.get")
COUPON_LIST = Endpoint("coupon_list", "GET", f"{_FMS2}/coupons", "coupons.list / iter")
COUPON_ITEMS_ADD = Endpoint(
    "coupon_items_add", "POST", f"{_FMS1}/coupons/{{couponId}}/items", "coupons.add_items"
)
COUPON_ITEMS_EXPIRE = Endpoint(
    "coupon_items_expire", "PUT", f"{_FMS1}/coupons/{{couponId}}/items", "coupons.expire_items"
)
COUPON_ITEMS_LIST = Endpoint(
    "coupon_items_list", "GET", f"{_FMS1}/coupons/{{couponId}}/items", "coupons.list_items"
)
COUPON_ITEM_GET = Endpoint(
    "coupon_item_get",
    "GET",
    f"{_FMS1}/coupons/{{couponId}}/items/{{couponItemId}}",
    "coupons.get_item / get_item_by_vendor_item",
    also=(f"{_FMS1}/coupons/{{couponId}}/items/{{vendorItemId}}",),
)
COUPON_EXPIRE = Endpoint("coupon_expire", "PUT", f"{_FMS1}/coupons/{{couponId}}", "coupons.expire")
COUPON_REQUEST = Endpoint(
    "coupon_request",
    "GET",
    f"{_FMS1}/requested/{{requestedId}}",
    "coupons.request_status / wait",
)
COUPON_BY_ORDER = Endpoint(
    "coupon_by_order", "GET", f"{_FMS2}/{{orderId}}/coupons", "coupons.list_by_order"
)
COUPON_BY_ORDER_V1_RETIRED = Endpoint(
    "coupon_by_order_v1_retired",
    "GET",
    f"{_FMS1}/{{orderId}}/coupons",
    "coupons.list_by_order_v1 (retired, 410)",
)
DOWNLOAD_COUPON_CREATE = Endpoint(
    "download_coupon_create", "POST", f"{_DOWNLOAD}/coupons", "download_coupons.create"
)
DOWNLOAD_COUPON_EXPIRE = Endpoint(
    "download_coupon_expire", "POST", f"{_DOWNLOAD}/coupons/expire", "download_coupons.expire"
)
DOWNLOAD_COUPON_ITEMS = Endpoint(
    "download_coupon_items", "PUT", f"{_DOWNLOAD}/coupon-items", "download_coupons.add_items"
)
DOWNLOAD_COUPON_STATUS = Endpoint(
    "download_coupon_status",
    "GET",
    f"{_DOWNLOAD}/coupons/transactionStatus",
    "download_coupons.transaction_status / wait",
)
DOWNLOAD_COUPON_GET = Endpoint(
    "download_coupon_get", "GET", f"{_DOWNLOAD}/coupons/{{couponId}}", "download_coupons.get"
)

COUPON_ENDPOINTS: tuple[Endpoint, ...] = (
    COUPON_CONTRACTS,
    COUPON_CONTRACT,
    COUPON_FREE_CONTRACT_RETIRED,
    COUPON_BUDGETS,
    COUPON_CREATE,
    COUPON_GET,
    COUPON_LIST,
    COUPON_ITEMS_ADD,
    COUPON_ITEMS_EXPIRE,
    COUPON_ITEMS_LIST,
    COUPON_ITEM_GET,
    COUPON_EXPIRE,
    COUPON_REQUEST,
    COUPON_BY_ORDER,
    COUPON_BY_ORDER_V1_RETIRED,
    DOWNLOAD_COUPON_CREATE,
    DOWNLOAD_COUPON_EXPIRE,
    DOWNLOAD_COUPON_ITEMS,
    DOWNLOAD_COUPON_STATUS,
    DOWNLOAD_COUPON_GET,
)

ENDPOINTS: tuple[Endpoint, ...] = (
    OUTBOUND_CREATE,
    OUTBOUND_QUERY,
    OUTBOUND_UPDATE,
    RETURN_CREATE,
    RETURN_LIST,
    RETURN_BY_CODES,
    RETURN_UPDATE,
    *PRODUCT_ENDPOINTS,
    *CATEGORY_ENDPOINTS,
    *ORDER_ENDPOINTS,
    *RETURN_ENDPOINTS,
    *EXCHANGE_ENDPOINTS,
    *COUPON_ENDPOINTS,
    *CS_ENDPOINTS,
    *CASHBACK_ENDPOINTS,
    *RG_ENDPOINTS,
    *SETTLEMENT_ENDPOINTS,
)

#: Reads whose answers legitimately run past the default response cap: the whole category
#: tree and its metas, and the lists of products, orders, returns, exchanges, Rocket Growth
#: orders and inventory, and settlement. They get ``LARGE_MAX_RESPONSE_BYTES``.
LARGE_READS: tuple[Endpoint, ...] = (
    CATEGORY_TREE,
    CATEGORY_META,
    CATEGORY_META_BY_ID,
    PRODUCT_LIST,
    PRODUCT_GET,
    ORDER_SHEETS,
    ORDER_SHEETS_BY_ORDER,
    RETURN_REQUESTS,
    EXCHANGE_LIST,
    REVENUE_HISTORY,
    SETTLEMENT_HISTORIES,
    RG_ORDERS,
    RG_INVENTORY,
)
