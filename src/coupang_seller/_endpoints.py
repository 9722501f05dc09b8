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

ENDPOINTS: tuple[Endpoint, ...] = (
    OUTBOUND_CREATE,
    OUTBOUND_QUERY,
    OUTBOUND_UPDATE,
    RETURN_CREATE,
    RETURN_LIST,
    RETURN_BY_CODES,
    RETURN_UPDATE,
)
