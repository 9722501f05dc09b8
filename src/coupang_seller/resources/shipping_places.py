"""Outbound shipping places (출고지) and return centers (반품지), sync and async side by side.

Each operation is split in two: a pure ``_..._call`` that builds the request (and runs the
preflight rules), and thin sync/async methods that send it and parse the answer.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import Any, Literal

import httpx

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._core import BaseClient, path_param
from coupang_seller._exceptions import DuplicateShippingPlaceError, NotFoundError
from coupang_seller._pagination import aiter_page_num, iter_page_num
from coupang_seller.preflight import shipping_places as rules
from coupang_seller.preflight._core import Violation
from coupang_seller.resources._base import (
    AsyncResource,
    Call,
    ClientT,
    Resource,
    SyncResource,
    nothing,
    result_message,
)
from coupang_seller.types._base import Envelope, Page
from coupang_seller.types.codes import ReturnAutoPickupCourierCode
from coupang_seller.types.shipping_places import (
    OutboundShippingPlace,
    PlaceAddress,
    RemoteInfo,
    ReturnCenter,
    ReturnFees,
)

__all__ = [
    "AsyncOutboundShippingPlaces",
    "AsyncReturnCenters",
    "OutboundShippingPlaces",
    "ReturnCenters",
]

OnDuplicate = Literal["raise", "return_existing"]
_OutboundPage = Page[OutboundShippingPlace]
_ReturnListEnvelope = Envelope[Page[ReturnCenter] | list[ReturnCenter]]
_ReturnCodesEnvelope = Envelope[list[ReturnCenter] | Page[ReturnCenter]]
AddressInput = PlaceAddress | Mapping[str, Any]
RemoteInfoInput = RemoteInfo | Mapping[str, Any]


def _dump(item: Any) -> dict[str, Any]:
    if isinstance(item, PlaceAddress | RemoteInfo | ReturnFees):
        return item.to_body()
    return dict(item)


def _codes_text(codes: Sequence[int | str]) -> list[str]:
    return [str(c).strip() for c in codes]


def _created_code(envelope: Any) -> int:
    return int(result_message(envelope))


def _place(
    found: Sequence[OutboundShippingPlace], code: int | str, client: BaseClient
) -> OutboundShippingPlace:
    for place in found:
        if str(place.outboundShippingPlaceCode) == str(code).strip():
            return place
    raise _not_found(client, f"outbound shipping place {code} not found")


def _center(found: Sequence[ReturnCenter], code: int | str, client: BaseClient) -> ReturnCenter:
    for center in found:
        if center.returnCenterCode == str(code).strip():
            return center
    raise _not_found(client, f"return center {code} not found")


def _named(page: Page[OutboundShippingPlace], name: str) -> OutboundShippingPlace | None:
    return next((p for p in page.content if p.shippingPlaceName == name), None)


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --------------------------------------------------------------------------------------
# Outbound shipping places
# --------------------------------------------------------------------------------------
class _OutboundOps(Resource[ClientT]):
    def _create_call(
        self,
        *,
        name: str,
        addresses: Sequence[AddressInput],
        remote_infos: Sequence[RemoteInfoInput],
        usable: bool,
        global_: bool,
        user_id: str | None,
    ) -> Call:
        body: dict[str, Any] = {
            "vendorId": self._vendor_id,
            "userId": self._user_id(user_id),
            "shippingPlaceName": name,
            "global": global_,
            "usable": usable,
            "placeAddresses": [_dump(a) for a in addresses],
            "remoteInfos": [_dump(r) for r in remote_infos],
        }
        if self._checks:
            self._gate("outbound_shipping_places.create", rules.check_outbound_create(body))
        return Call(
            "POST",
            E.OUTBOUND_CREATE.format(vendorId=path_param(self._vendor_id, "vendorId")),
            body=body,
        )

    def _update_call(
        self,
        code: int | str,
        *,
        name: str | None,
        addresses: Sequence[AddressInput] | None,
        remote_infos: Sequence[RemoteInfoInput] | None,
        usable: bool | None,
        global_: bool | None,
        user_id: str | None,
    ) -> Call:
        code_text = path_param(code, "outboundShippingPlaceCode")
        body: dict[str, Any] = {
            "vendorId": self._vendor_id,
            "userId": self._user_id(user_id),
            "outboundShippingPlaceCode": int(code_text) if code_text.isdigit() else code_text,
        }
        if name is not None:
            body["shippingPlaceName"] = name
        if usable is not None:
            body["usable"] = usable
        if global_ is not None:
            body["global"] = global_
        if addresses is not None:
            body["placeAddresses"] = [_dump(a) for a in addresses]
        if remote_infos is not None:
            body["remoteInfos"] = [_dump(r) for r in remote_infos]
        if self._checks:
            self._gate("outbound_shipping_places.update", rules.check_outbound_update(body))
        path = E.OUTBOUND_UPDATE.format(
            vendorId=path_param(self._vendor_id, "vendorId"), outboundShippingPlaceCode=code_text
        )
        return Call("PUT", path, body=body)

    def _list_call(self, *, page_num: int, page_size: int) -> Call:
        violations = rules.check_page_size(page_size)
        if page_num < 1:
            violations.append(Violation("pageNum", "page_num", "pageNum starts at 1"))
        self._gate("outbound_shipping_places.list", violations, always=True)
        return Call("GET", E.OUTBOUND_QUERY.path, {"pageNum": page_num, "pageSize": page_size})

    def _codes_call(self, codes: Sequence[str]) -> Call:
        violations = rules.check_code_list(
            codes, field="placeCodes", maximum=rules.PAGE_SIZE_MAX, numeric=True
        )
        self._gate("outbound_shipping_places.get_many", violations, always=True)
        return Call("GET", E.OUTBOUND_QUERY.path, {"placeCodes": list(codes)})

    def _name_call(self, name: str) -> Call:
        return Call("GET", E.OUTBOUND_QUERY.path, {"placeNames": name})

    def _codes_calls(self, codes: Sequence[int | str]) -> builtins.list[Call]:
        return [self._codes_call(c) for c in _chunks(_codes_text(codes), rules.PAGE_SIZE_MAX)]


class OutboundShippingPlaces(_OutboundOps[Client], SyncResource):
    """``client.outbound_shipping_places``: create, list, look up and update 출고지."""

    def create(
        self,
        *,
        name: str,
        addresses: Sequence[AddressInput],
        remote_infos: Sequence[RemoteInfoInput] = (),
        usable: bool = True,
        global_: bool = False,
        user_id: str | None = None,
        on_duplicate: OnDuplicate = "raise",
    ) -> int:
        """Create a place and return its ``outboundShippingPlaceCode``.

        A place with the same name already exists -> :class:`DuplicateShippingPlaceError`
        carrying ``existing_code``; pass ``on_duplicate="return_existing"`` to get that code
        back instead. This is also how to reconcile after a create that timed out.

        Returns the new (or existing) code as an ``int``. Raises :class:`PreflightError` for a
        broken rule (postcode, phone, remote fees; nothing sent), an :class:`APIError` subclass when
        Coupang refuses.

        Calls ``POST /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/outboundShippingCenters``.
        """
        call = self._create_call(
            name=name,
            addresses=addresses,
            remote_infos=remote_infos,
            usable=usable,
            global_=global_,
            user_id=user_id,
        )
        try:
            return self._run(call, _created_code)
        except DuplicateShippingPlaceError as exc:
            if on_duplicate == "return_existing":
                return int(exc.existing_code)
            raise

    def list(
        self, *, page_num: int = 1, page_size: int = rules.PAGE_SIZE_MAX
    ) -> Page[OutboundShippingPlace]:
        """One page of the vendor's places.

        Returns a :class:`Page` of :class:`OutboundShippingPlace`. Raises :class:`PreflightError`
        for paging out of range, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound``.
        """
        return self._run(self._list_call(page_num=page_num, page_size=page_size), _OutboundPage)

    def iter(self, *, page_size: int = rules.PAGE_SIZE_MAX) -> Iterator[OutboundShippingPlace]:
        """Every place of the vendor, fetching pages lazily.

        Yields :class:`OutboundShippingPlace` items. Raises as :meth:`list`.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound``.
        """

        def fetch(page: int) -> tuple[Sequence[OutboundShippingPlace], int | None]:
            """One page of outbound shipping places and the total page count."""
            result = self.list(page_num=page, page_size=page_size)
            return result.content, result.total_pages

        return iter_page_num(fetch)

    def get_many(self, codes: Sequence[int | str]) -> builtins.list[OutboundShippingPlace]:
        """Places by code (chunked by 50); codes that do not exist are simply absent.

        Returns a list of :class:`OutboundShippingPlace`. Raises :class:`PreflightError` for
        a code that is not a number, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound``.
        """
        return [
            p for call in self._codes_calls(codes) for p in self._run(call, _OutboundPage).content
        ]

    def get(self, code: int | str) -> OutboundShippingPlace:
        """One place by code.

        Returns an :class:`OutboundShippingPlace`. Raises :class:`NotFoundError` when the
        vendor has no such place; otherwise as :meth:`get_many`.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound``.
        """
        return _place(self.get_many([code]), code, self._client)

    def find_by_name(self, name: str) -> OutboundShippingPlace | None:
        """The place with exactly this name, or ``None`` (names are unique per vendor).

        Returns an :class:`OutboundShippingPlace` or ``None``. Raises an :class:`APIError` subclass
        when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound``.
        """
        return _named(self._run(self._name_call(name), _OutboundPage), name)

    def update(
        self,
        code: int | str,
        *,
        name: str | None = None,
        addresses: Sequence[AddressInput] | None = None,
        remote_infos: Sequence[RemoteInfoInput] | None = None,
        usable: bool | None = None,
        global_: bool | None = None,
        user_id: str | None = None,
    ) -> None:
        """Change a place. Existing remote infos are changed by ``remoteInfoId`` (from ``get``);
        ``usable=False`` on a remote info removes that courier.

        Returns nothing. Raises :class:`PreflightError` for a broken rule, an :class:`APIError`
        subclass when Coupang refuses.

        Calls ``PUT
        /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/outboundShippingCenters/{outboundShippingPlaceCode}``.
        """
        call = self._update_call(
            code,
            name=name,
            addresses=addresses,
            remote_infos=remote_infos,
            usable=usable,
            global_=global_,
            user_id=user_id,
        )
        self._run(call, nothing)


class AsyncOutboundShippingPlaces(_OutboundOps[AsyncClient], AsyncResource):
    """``client.outbound_shipping_places`` of :class:`AsyncClient`: the twin of
    :class:`OutboundShippingPlaces`."""

    async def create(
        self,
        *,
        name: str,
        addresses: Sequence[AddressInput],
        remote_infos: Sequence[RemoteInfoInput] = (),
        usable: bool = True,
        global_: bool = False,
        user_id: str | None = None,
        on_duplicate: OnDuplicate = "raise",
    ) -> int:
        """Create a place and return its ``outboundShippingPlaceCode``.

        A place with the same name already exists -> :class:`DuplicateShippingPlaceError`
        carrying ``existing_code``; pass ``on_duplicate="return_existing"`` to get that code
        back instead. This is also how to reconcile after a create that timed out.

        Returns the new (or existing) code as an ``int``. Raises :class:`PreflightError` for a
        broken rule (postcode, phone, remote fees; nothing sent), an :class:`APIError` subclass when
        Coupang refuses.

        Calls ``POST /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/outboundShippingCenters``.
        """
        call = self._create_call(
            name=name,
            addresses=addresses,
            remote_infos=remote_infos,
            usable=usable,
            global_=global_,
            user_id=user_id,
        )
        try:
            return await self._run(call, _created_code)
        except DuplicateShippingPlaceError as exc:
            if on_duplicate == "return_existing":
                return int(exc.existing_code)
            raise

    async def list(
        self, *, page_num: int = 1, page_size: int = rules.PAGE_SIZE_MAX
    ) -> Page[OutboundShippingPlace]:
        """One page of the vendor's places.

        Returns a :class:`Page` of :class:`OutboundShippingPlace`. Raises :class:`PreflightError`
        for paging out of range, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound``.
        """
        call = self._list_call(page_num=page_num, page_size=page_size)
        return await self._run(call, _OutboundPage)

    def iter(self, *, page_size: int = rules.PAGE_SIZE_MAX) -> AsyncIterator[OutboundShippingPlace]:
        """Every place of the vendor, fetching pages lazily.

        Yields :class:`OutboundShippingPlace` items. Raises as :meth:`list`.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound``.
        """

        async def fetch(page: int) -> tuple[Sequence[OutboundShippingPlace], int | None]:
            """One page of outbound shipping places and the total page count."""
            result = await self.list(page_num=page, page_size=page_size)
            return result.content, result.total_pages

        return aiter_page_num(fetch)

    async def get_many(self, codes: Sequence[int | str]) -> builtins.list[OutboundShippingPlace]:
        """Places by code (chunked by 50); codes that do not exist are simply absent.

        Returns a list of :class:`OutboundShippingPlace`. Raises :class:`PreflightError` for
        a code that is not a number, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound``.
        """
        calls = self._codes_calls(codes)
        return [p for call in calls for p in (await self._run(call, _OutboundPage)).content]

    async def get(self, code: int | str) -> OutboundShippingPlace:
        """One place by code.

        Returns an :class:`OutboundShippingPlace`. Raises :class:`NotFoundError` when the
        vendor has no such place; otherwise as :meth:`get_many`.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound``.
        """
        return _place(await self.get_many([code]), code, self._client)

    async def find_by_name(self, name: str) -> OutboundShippingPlace | None:
        """The place with exactly this name, or ``None`` (names are unique per vendor).

        Returns an :class:`OutboundShippingPlace` or ``None``. Raises an :class:`APIError` subclass
        when Coupang refuses.

        Calls ``GET /v2/providers/marketplace_openapi/apis/api/v2/vendor/shipping-place/outbound``.
        """
        return _named(await self._run(self._name_call(name), _OutboundPage), name)

    async def update(
        self,
        code: int | str,
        *,
        name: str | None = None,
        addresses: Sequence[AddressInput] | None = None,
        remote_infos: Sequence[RemoteInfoInput] | None = None,
        usable: bool | None = None,
        global_: bool | None = None,
        user_id: str | None = None,
    ) -> None:
        """Change a place. Existing remote infos are changed by ``remoteInfoId`` (from ``get``);
        ``usable=False`` on a remote info removes that courier.

        Returns nothing. Raises :class:`PreflightError` for a broken rule, an :class:`APIError`
        subclass when Coupang refuses.

        Calls ``PUT
        /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/outboundShippingCenters/{outboundShippingPlaceCode}``.
        """
        call = self._update_call(
            code,
            name=name,
            addresses=addresses,
            remote_infos=remote_infos,
            usable=usable,
            global_=global_,
            user_id=user_id,
        )
        await self._run(call, nothing)


# --------------------------------------------------------------------------------------
# Return centers
# --------------------------------------------------------------------------------------
class _ReturnOps(Resource[ClientT]):
    def _create_call(
        self,
        *,
        name: str,
        courier: ReturnAutoPickupCourierCode,
        contract_number: str,
        fees: ReturnFees | Mapping[str, Any],
        addresses: Sequence[AddressInput],
        contract_customer_number: str | None,
        courier_name: str | None,
        user_id: str | None,
    ) -> Call:
        goodsflow: dict[str, Any] = {
            "deliverCode": courier,
            "contractNumber": contract_number,
            **_dump(fees),
        }
        if courier_name is not None:
            goodsflow["deliverName"] = courier_name
        if contract_customer_number is not None:
            goodsflow["contractCustomerNumber"] = contract_customer_number
        body: dict[str, Any] = {
            "vendorId": self._vendor_id,
            "userId": self._user_id(user_id),
            "shippingPlaceName": name,
            "goodsflowInfoOpenApiDto": goodsflow,
            "placeAddresses": [_dump(a) for a in addresses],
        }
        if self._checks:
            self._gate("return_centers.create", rules.check_return_create(body))
        return Call(
            "POST",
            E.RETURN_CREATE.format(vendorId=path_param(self._vendor_id, "vendorId")),
            body=body,
        )

    def _update_call(
        self,
        code: str | int,
        *,
        name: str | None,
        usable: bool | None,
        fees: ReturnFees | Mapping[str, Any] | None,
        addresses: Sequence[AddressInput] | None,
        user_id: str | None,
    ) -> Call:
        code_text = path_param(code, "returnCenterCode")
        body: dict[str, Any] = {
            "vendorId": self._vendor_id,
            "userId": self._user_id(user_id),
            "returnCenterCode": code_text,
        }
        if name is not None:
            body["shippingPlaceName"] = name
        if usable is not None:
            body["usable"] = usable
        if fees is not None:
            body["goodsflowInfoOpenApiDto"] = _dump(fees)
        if addresses is not None:
            body["placeAddresses"] = [_dump(a) for a in addresses]
        if self._checks:
            self._gate("return_centers.update", rules.check_return_update(body))
        path = E.RETURN_UPDATE.format(
            vendorId=path_param(self._vendor_id, "vendorId"), returnCenterCode=code_text
        )
        return Call("PUT", path, body=body)

    def _list_call(self, *, page_num: int, page_size: int) -> Call:
        violations = rules.check_page_size(page_size)
        self._gate("return_centers.list", violations, always=True)
        path = E.RETURN_LIST.format(vendorId=path_param(self._vendor_id, "vendorId"))
        return Call("GET", path, {"pageNum": page_num, "pageSize": page_size})

    def _codes_call(self, codes: Sequence[str]) -> Call:
        violations = rules.check_code_list(
            codes, field="returnCenterCodes", maximum=rules.RETURN_CENTER_LOOKUP_MAX
        )
        self._gate("return_centers.get_many", violations, always=True)
        return Call("GET", E.RETURN_BY_CODES.path, {"returnCenterCodes": list(codes)})

    def _codes_calls(self, codes: Sequence[int | str]) -> builtins.list[Call]:
        size = rules.RETURN_CENTER_LOOKUP_MAX
        return [self._codes_call(chunk) for chunk in _chunks(_codes_text(codes), size)]

    @staticmethod
    def _page(envelope: _ReturnListEnvelope) -> Page[ReturnCenter]:
        data = envelope.data
        if isinstance(data, list):  # some answers put the list straight in data
            return Page[ReturnCenter](content=data)
        return data or Page[ReturnCenter]()

    @staticmethod
    def _centers(envelope: _ReturnCodesEnvelope) -> builtins.list[ReturnCenter]:
        data = envelope.data
        if isinstance(data, Page):
            return data.content
        return data or []


class ReturnCenters(_ReturnOps[Client], SyncResource):
    """``client.return_centers``: create, list, look up and update 반품지."""

    def create(
        self,
        *,
        name: str,
        courier: ReturnAutoPickupCourierCode,
        contract_number: str,
        fees: ReturnFees | Mapping[str, Any],
        addresses: Sequence[AddressInput],
        contract_customer_number: str | None = None,
        courier_name: str | None = None,
        user_id: str | None = None,
        on_duplicate: OnDuplicate = "raise",
    ) -> str:
        """Create a return center and return its ``returnCenterCode``.

        Returns the new (or, with ``on_duplicate="return_existing"``, the existing) code. Raises
        :class:`DuplicateShippingPlaceError` for a name already used, :class:`PreflightError` for a
        broken rule (nothing sent), an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/returnShippingCenters``.
        """
        call = self._create_call(
            name=name,
            courier=courier,
            contract_number=contract_number,
            fees=fees,
            addresses=addresses,
            contract_customer_number=contract_customer_number,
            courier_name=courier_name,
            user_id=user_id,
        )
        try:
            return self._run(call, result_message)
        except DuplicateShippingPlaceError as exc:
            if on_duplicate == "return_existing":
                return exc.existing_code
            raise

    def list(
        self, *, page_num: int = 1, page_size: int = rules.PAGE_SIZE_MAX
    ) -> Page[ReturnCenter]:
        """One page of the vendor's return centers.

        Returns a :class:`Page` of :class:`ReturnCenter`. Raises :class:`PreflightError` for
        a page size out of range, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/returnShippingCenters``.
        """
        call = self._list_call(page_num=page_num, page_size=page_size)
        return self._page(self._run(call, _ReturnListEnvelope))

    def iter(self, *, page_size: int = rules.PAGE_SIZE_MAX) -> Iterator[ReturnCenter]:
        """Every return center of the vendor, fetching pages lazily.

        Yields :class:`ReturnCenter` items. Raises as :meth:`list`.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/returnShippingCenters``.
        """

        def fetch(page: int) -> tuple[Sequence[ReturnCenter], int | None]:
            """One page of return centers and the total page count."""
            result = self.list(page_num=page, page_size=page_size)
            return result.content, result.total_pages

        return iter_page_num(fetch)

    def get_many(self, codes: Sequence[str | int]) -> builtins.list[ReturnCenter]:
        """Centers by code, 100 per call (chunked for you); unknown codes are absent.

        Returns a list of :class:`ReturnCenter`. Raises :class:`PreflightError` for a
        malformed code, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v3/return/shipping-places/center-code``.
        """
        calls = self._codes_calls(codes)
        return [c for call in calls for c in self._centers(self._run(call, _ReturnCodesEnvelope))]

    def get(self, code: str | int) -> ReturnCenter:
        """One return center by code.

        Returns a :class:`ReturnCenter`. Raises :class:`NotFoundError` when the vendor has no
        such center; otherwise as :meth:`get_many`.

        Calls ``GET /v2/providers/openapi/apis/api/v3/return/shipping-places/center-code``.
        """
        return _center(self.get_many([code]), code, self._client)

    def update(
        self,
        code: str | int,
        *,
        name: str | None = None,
        usable: bool | None = None,
        fees: ReturnFees | Mapping[str, Any] | None = None,
        addresses: Sequence[AddressInput] | None = None,
        user_id: str | None = None,
    ) -> None:
        """Change a return center (name, use, fees, addresses).

        Returns nothing. Raises :class:`PreflightError` for a broken rule, an :class:`APIError`
        subclass when Coupang refuses.

        Calls ``PUT
        /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/returnShippingCenters/{returnCenterCode}``.
        """
        call = self._update_call(
            code, name=name, usable=usable, fees=fees, addresses=addresses, user_id=user_id
        )
        self._run(call, nothing)


class AsyncReturnCenters(_ReturnOps[AsyncClient], AsyncResource):
    """``client.return_centers`` of :class:`AsyncClient`: the twin of :class:`ReturnCenters`."""

    async def create(
        self,
        *,
        name: str,
        courier: ReturnAutoPickupCourierCode,
        contract_number: str,
        fees: ReturnFees | Mapping[str, Any],
        addresses: Sequence[AddressInput],
        contract_customer_number: str | None = None,
        courier_name: str | None = None,
        user_id: str | None = None,
        on_duplicate: OnDuplicate = "raise",
    ) -> str:
        """Create a return center and return its ``returnCenterCode``.

        Returns the new (or, with ``on_duplicate="return_existing"``, the existing) code. Raises
        :class:`DuplicateShippingPlaceError` for a name already used, :class:`PreflightError` for a
        broken rule (nothing sent), an :class:`APIError` subclass when Coupang refuses.

        Calls ``POST /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/returnShippingCenters``.
        """
        call = self._create_call(
            name=name,
            courier=courier,
            contract_number=contract_number,
            fees=fees,
            addresses=addresses,
            contract_customer_number=contract_customer_number,
            courier_name=courier_name,
            user_id=user_id,
        )
        try:
            return await self._run(call, result_message)
        except DuplicateShippingPlaceError as exc:
            if on_duplicate == "return_existing":
                return exc.existing_code
            raise

    async def list(
        self, *, page_num: int = 1, page_size: int = rules.PAGE_SIZE_MAX
    ) -> Page[ReturnCenter]:
        """One page of the vendor's return centers.

        Returns a :class:`Page` of :class:`ReturnCenter`. Raises :class:`PreflightError` for
        a page size out of range, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/returnShippingCenters``.
        """
        call = self._list_call(page_num=page_num, page_size=page_size)
        return self._page(await self._run(call, _ReturnListEnvelope))

    def iter(self, *, page_size: int = rules.PAGE_SIZE_MAX) -> AsyncIterator[ReturnCenter]:
        """Every return center of the vendor, fetching pages lazily.

        Yields :class:`ReturnCenter` items. Raises as :meth:`list`.

        Calls ``GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/returnShippingCenters``.
        """

        async def fetch(page: int) -> tuple[Sequence[ReturnCenter], int | None]:
            """One page of return centers and the total page count."""
            result = await self.list(page_num=page, page_size=page_size)
            return result.content, result.total_pages

        return aiter_page_num(fetch)

    async def get_many(self, codes: Sequence[str | int]) -> builtins.list[ReturnCenter]:
        """Centers by code, 100 per call (chunked for you); unknown codes are absent.

        Returns a list of :class:`ReturnCenter`. Raises :class:`PreflightError` for a
        malformed code, an :class:`APIError` subclass when Coupang refuses.

        Calls ``GET /v2/providers/openapi/apis/api/v3/return/shipping-places/center-code``.
        """
        calls = self._codes_calls(codes)
        return [
            c for call in calls for c in self._centers(await self._run(call, _ReturnCodesEnvelope))
        ]

    async def get(self, code: str | int) -> ReturnCenter:
        """One return center by code.

        Returns a :class:`ReturnCenter`. Raises :class:`NotFoundError` when the vendor has no
        such center; otherwise as :meth:`get_many`.

        Calls ``GET /v2/providers/openapi/apis/api/v3/return/shipping-places/center-code``.
        """
        return _center(await self.get_many([code]), code, self._client)

    async def update(
        self,
        code: str | int,
        *,
        name: str | None = None,
        usable: bool | None = None,
        fees: ReturnFees | Mapping[str, Any] | None = None,
        addresses: Sequence[AddressInput] | None = None,
        user_id: str | None = None,
    ) -> None:
        """Change a return center (name, use, fees, addresses).

        Returns nothing. Raises :class:`PreflightError` for a broken rule, an :class:`APIError`
        subclass when Coupang refuses.

        Calls ``PUT
        /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/returnShippingCenters/{returnCenterCode}``.
        """
        call = self._update_call(
            code, name=name, usable=usable, fees=fees, addresses=addresses, user_id=user_id
        )
        await self._run(call, nothing)


def _not_found(client: BaseClient, message: str) -> NotFoundError:
    """A NotFoundError for a lookup that answered 200 with no matching item."""
    request = httpx.Request("GET", client.options.base_url)
    response = httpx.Response(404, request=request)
    return NotFoundError(
        message, status_code=404, code=None, body=None, request=request, response=response
    )
