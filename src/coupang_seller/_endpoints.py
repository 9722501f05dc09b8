"""Every endpoint the typed layer calls, in one table.

Resources look their paths up here, and ``scripts/gen_coverage.py`` builds the coverage
table in ``docs/COVERAGE.md`` from this table and the documented catalog
(``coupang_seller/_data/endpoints.json``), so docs and code cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Endpoint:
    key: str
    method: str
    path: str
    #: The SDK method that calls it, as ``client.<resource>.<method>``.
    sdk: str
    #: Other documented paths for the same operation (older/newer versions).
    also: tuple[str, ...] = ()

    def format(self, **params: str) -> str:
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
    "returns.upload_pickup_invoice",
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
)
