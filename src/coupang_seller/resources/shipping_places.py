"""Outbound shipping places (출고지) and return centers (반품지), sync and async side by side.

Each operation is split in two: a pure ``_..._call`` that builds the request (and runs the
preflight rules), and thin sync/async methods that send it and parse the answer.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from coupang_seller import _endpoints as E
from coupang_seller._client import AsyncClient, Client
from coupang_seller._core import QueryParams, path_param
from coupang_seller._exceptions import DuplicateShippingPlaceError, NotFoundError
from coupang_seller._pagination import aiter_page_num, iter_page_num
from coupang_seller.preflight import shipping_places as rules
from coupang_seller.preflight._core import Violation
from coupang_seller.resources._base import ClientT, Resource, result_message
from coupang_seller.types._base import Envelope, Page
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


@dataclass(frozen=True, slots=True)
class _Call:
    method: str
    path: str
    params: QueryParams | None = None
    body: Any = None


def _dump(item: Any) -> dict[str, Any]:
    if isinstance(item, PlaceAddress | RemoteInfo | ReturnFees):
        return item.to_body()
    return dict(item)


def _codes_text(codes: Sequence[int | str]) -> list[str]:
    return [str(c).strip() for c in codes]


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
    ) -> _Call:
        body: dict[str, Any] = {
            "vendorId": self._vendor_id,
            "userId": self._user_id(user_id),
            "shippingPlaceName": name,
            "global": global_,
            "usable": usable,
            "placeAddresses": [_dump(a) for a in addresses],
            "remoteInfos": [_dump(r) for r in remote_infos],
        }
        self._preflight("outbound_shipping_places.create", rules.check_outbound_create, body)
        return _Call(
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
    ) -> _Call:
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
        self._preflight("outbound_shipping_places.update", rules.check_outbound_update, body)
        path = E.OUTBOUND_UPDATE.format(
            vendorId=path_param(self._vendor_id, "vendorId"), outboundShippingPlaceCode=code_text
        )
        return _Call("PUT", path, body=body)

    def _list_call(self, *, page_num: int, page_size: int) -> _Call:
        violations = rules.check_page_size(page_size)
        if page_num < 1:
            violations.append(Violation("pageNum", "page_num", "pageNum starts at 1"))
        if violations:
            from coupang_seller._exceptions import PreflightError

            raise PreflightError(violations, operation="outbound_shipping_places.list")
        return _Call("GET", E.OUTBOUND_QUERY.path, {"pageNum": page_num, "pageSize": page_size})

    def _codes_call(self, codes: Sequence[str]) -> _Call:
        violations = rules.check_code_list(
            codes, field="placeCodes", maximum=rules.PAGE_SIZE_MAX, numeric=True
        )
        if violations:
            from coupang_seller._exceptions import PreflightError

            raise PreflightError(violations, operation="outbound_shipping_places.get_many")
        return _Call("GET", E.OUTBOUND_QUERY.path, {"placeCodes": list(codes)})

    def _name_call(self, name: str) -> _Call:
        return _Call("GET", E.OUTBOUND_QUERY.path, {"placeNames": name})

    @staticmethod
    def _created_code(envelope: Any) -> int:
        return int(result_message(envelope))


class OutboundShippingPlaces(_OutboundOps[Client]):
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
            envelope = self._client.request(call.method, call.path, json=call.body)
        except DuplicateShippingPlaceError as exc:
            if on_duplicate == "return_existing":
                return int(exc.existing_code)
            raise
        return self._created_code(envelope)

    def list(
        self, *, page_num: int = 1, page_size: int = rules.PAGE_SIZE_MAX
    ) -> Page[OutboundShippingPlace]:
        call = self._list_call(page_num=page_num, page_size=page_size)
        return self._client.request_model(call.method, call.path, _OutboundPage, params=call.params)

    def iter(self, *, page_size: int = rules.PAGE_SIZE_MAX) -> Iterator[OutboundShippingPlace]:
        """Every place of the vendor, fetching pages lazily."""

        def fetch(page: int) -> tuple[Sequence[OutboundShippingPlace], int | None]:
            result = self.list(page_num=page, page_size=page_size)
            return result.content, result.total_pages

        return iter_page_num(fetch)

    def get_many(self, codes: Sequence[int | str]) -> builtins.list[OutboundShippingPlace]:
        """Places by code (chunked by 50); codes that do not exist are simply absent."""
        found: builtins.list[OutboundShippingPlace] = []
        for chunk in _chunks(_codes_text(codes), rules.PAGE_SIZE_MAX):
            call = self._codes_call(chunk)
            found += self._client.request_model(
                call.method, call.path, _OutboundPage, params=call.params
            ).content
        return found

    def get(self, code: int | str) -> OutboundShippingPlace:
        """One place by code; :class:`NotFoundError` when the vendor has no such place."""
        for place in self.get_many([code]):
            if str(place.outboundShippingPlaceCode) == str(code).strip():
                return place
        raise _not_found(self._client, f"outbound shipping place {code} not found")

    def find_by_name(self, name: str) -> OutboundShippingPlace | None:
        """The place with exactly this name, or ``None`` (names are unique per vendor)."""
        call = self._name_call(name)
        page = self._client.request_model(call.method, call.path, _OutboundPage, params=call.params)
        return next((p for p in page.content if p.shippingPlaceName == name), None)

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
        ``usable=False`` on a remote info removes that courier."""
        call = self._update_call(
            code,
            name=name,
            addresses=addresses,
            remote_infos=remote_infos,
            usable=usable,
            global_=global_,
            user_id=user_id,
        )
        self._client.request(call.method, call.path, json=call.body)


class AsyncOutboundShippingPlaces(_OutboundOps[AsyncClient]):
    """Async twin of :class:`OutboundShippingPlaces`."""

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
        call = self._create_call(
            name=name,
            addresses=addresses,
            remote_infos=remote_infos,
            usable=usable,
            global_=global_,
            user_id=user_id,
        )
        try:
            envelope = await self._client.request(call.method, call.path, json=call.body)
        except DuplicateShippingPlaceError as exc:
            if on_duplicate == "return_existing":
                return int(exc.existing_code)
            raise
        return self._created_code(envelope)

    async def list(
        self, *, page_num: int = 1, page_size: int = rules.PAGE_SIZE_MAX
    ) -> Page[OutboundShippingPlace]:
        call = self._list_call(page_num=page_num, page_size=page_size)
        return await self._client.request_model(
            call.method, call.path, _OutboundPage, params=call.params
        )

    def iter(self, *, page_size: int = rules.PAGE_SIZE_MAX) -> AsyncIterator[OutboundShippingPlace]:
        async def fetch(page: int) -> tuple[Sequence[OutboundShippingPlace], int | None]:
            result = await self.list(page_num=page, page_size=page_size)
            return result.content, result.total_pages

        return aiter_page_num(fetch)

    async def get_many(self, codes: Sequence[int | str]) -> builtins.list[OutboundShippingPlace]:
        found: builtins.list[OutboundShippingPlace] = []
        for chunk in _chunks(_codes_text(codes), rules.PAGE_SIZE_MAX):
            call = self._codes_call(chunk)
            found += (
                await self._client.request_model(
                    call.method, call.path, _OutboundPage, params=call.params
                )
            ).content
        return found

    async def get(self, code: int | str) -> OutboundShippingPlace:
        for place in await self.get_many([code]):
            if str(place.outboundShippingPlaceCode) == str(code).strip():
                return place
        raise _not_found(self._client, f"outbound shipping place {code} not found")

    async def find_by_name(self, name: str) -> OutboundShippingPlace | None:
        call = self._name_call(name)
        page = await self._client.request_model(
            call.method, call.path, _OutboundPage, params=call.params
        )
        return next((p for p in page.content if p.shippingPlaceName == name), None)

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
        call = self._update_call(
            code,
            name=name,
            addresses=addresses,
            remote_infos=remote_infos,
            usable=usable,
            global_=global_,
            user_id=user_id,
        )
        await self._client.request(call.method, call.path, json=call.body)


# --------------------------------------------------------------------------------------
# Return centers
# --------------------------------------------------------------------------------------
class _ReturnOps(Resource[ClientT]):
    def _create_call(
        self,
        *,
        name: str,
        courier: str,
        contract_number: str,
        fees: ReturnFees | Mapping[str, Any],
        addresses: Sequence[AddressInput],
        contract_customer_number: str | None,
        courier_name: str | None,
        user_id: str | None,
    ) -> _Call:
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
        self._preflight("return_centers.create", rules.check_return_create, body)
        return _Call(
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
    ) -> _Call:
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
        self._preflight("return_centers.update", rules.check_return_update, body)
        path = E.RETURN_UPDATE.format(
            vendorId=path_param(self._vendor_id, "vendorId"), returnCenterCode=code_text
        )
        return _Call("PUT", path, body=body)

    def _list_call(self, *, page_num: int, page_size: int) -> _Call:
        violations = rules.check_page_size(page_size)
        if violations:
            from coupang_seller._exceptions import PreflightError

            raise PreflightError(violations, operation="return_centers.list")
        path = E.RETURN_LIST.format(vendorId=path_param(self._vendor_id, "vendorId"))
        return _Call("GET", path, {"pageNum": page_num, "pageSize": page_size})

    def _codes_call(self, codes: Sequence[str]) -> _Call:
        violations = rules.check_code_list(
            codes, field="returnCenterCodes", maximum=rules.RETURN_CENTER_LOOKUP_MAX
        )
        if violations:
            from coupang_seller._exceptions import PreflightError

            raise PreflightError(violations, operation="return_centers.get_many")
        return _Call("GET", E.RETURN_BY_CODES.path, {"returnCenterCodes": list(codes)})

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


class ReturnCenters(_ReturnOps[Client]):
    """``client.return_centers``: create, list, look up and update 반품지."""

    def create(
        self,
        *,
        name: str,
        courier: str,
        contract_number: str,
        fees: ReturnFees | Mapping[str, Any],
        addresses: Sequence[AddressInput],
        contract_customer_number: str | None = None,
        courier_name: str | None = None,
        user_id: str | None = None,
        on_duplicate: OnDuplicate = "raise",
    ) -> str:
        """Create a return center and return its ``returnCenterCode``."""
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
            envelope = self._client.request(call.method, call.path, json=call.body)
        except DuplicateShippingPlaceError as exc:
            if on_duplicate == "return_existing":
                return exc.existing_code
            raise
        return result_message(envelope)

    def list(
        self, *, page_num: int = 1, page_size: int = rules.PAGE_SIZE_MAX
    ) -> Page[ReturnCenter]:
        call = self._list_call(page_num=page_num, page_size=page_size)
        return self._page(
            self._client.request_model(
                call.method, call.path, _ReturnListEnvelope, params=call.params
            )
        )

    def iter(self, *, page_size: int = rules.PAGE_SIZE_MAX) -> Iterator[ReturnCenter]:
        def fetch(page: int) -> tuple[Sequence[ReturnCenter], int | None]:
            result = self.list(page_num=page, page_size=page_size)
            return result.content, result.total_pages

        return iter_page_num(fetch)

    def get_many(self, codes: Sequence[str | int]) -> builtins.list[ReturnCenter]:
        """Centers by code, 100 per call (chunked for you); unknown codes are absent."""
        found: builtins.list[ReturnCenter] = []
        for chunk in _chunks(_codes_text(codes), rules.RETURN_CENTER_LOOKUP_MAX):
            call = self._codes_call(chunk)
            found += self._centers(
                self._client.request_model(
                    call.method, call.path, _ReturnCodesEnvelope, params=call.params
                )
            )
        return found

    def get(self, code: str | int) -> ReturnCenter:
        for center in self.get_many([code]):
            if center.returnCenterCode == str(code).strip():
                return center
        raise _not_found(self._client, f"return center {code} not found")

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
        call = self._update_call(
            code, name=name, usable=usable, fees=fees, addresses=addresses, user_id=user_id
        )
        self._client.request(call.method, call.path, json=call.body)


class AsyncReturnCenters(_ReturnOps[AsyncClient]):
    """Async twin of :class:`ReturnCenters`."""

    async def create(
        self,
        *,
        name: str,
        courier: str,
        contract_number: str,
        fees: ReturnFees | Mapping[str, Any],
        addresses: Sequence[AddressInput],
        contract_customer_number: str | None = None,
        courier_name: str | None = None,
        user_id: str | None = None,
        on_duplicate: OnDuplicate = "raise",
    ) -> str:
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
            envelope = await self._client.request(call.method, call.path, json=call.body)
        except DuplicateShippingPlaceError as exc:
            if on_duplicate == "return_existing":
                return exc.existing_code
            raise
        return result_message(envelope)

    async def list(
        self, *, page_num: int = 1, page_size: int = rules.PAGE_SIZE_MAX
    ) -> Page[ReturnCenter]:
        call = self._list_call(page_num=page_num, page_size=page_size)
        return self._page(
            await self._client.request_model(
                call.method, call.path, _ReturnListEnvelope, params=call.params
            )
        )

    def iter(self, *, page_size: int = rules.PAGE_SIZE_MAX) -> AsyncIterator[ReturnCenter]:
        async def fetch(page: int) -> tuple[Sequence[ReturnCenter], int | None]:
            result = await self.list(page_num=page, page_size=page_size)
            return result.content, result.total_pages

        return aiter_page_num(fetch)

    async def get_many(self, codes: Sequence[str | int]) -> builtins.list[ReturnCenter]:
        found: builtins.list[ReturnCenter] = []
        for chunk in _chunks(_codes_text(codes), rules.RETURN_CENTER_LOOKUP_MAX):
            call = self._codes_call(chunk)
            found += self._centers(
                await self._client.request_model(
                    call.method, call.path, _ReturnCodesEnvelope, params=call.params
                )
            )
        return found

    async def get(self, code: str | int) -> ReturnCenter:
        for center in await self.get_many([code]):
            if center.returnCenterCode == str(code).strip():
                return center
        raise _not_found(self._client, f"return center {code} not found")

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
        call = self._update_call(
            code, name=name, usable=usable, fees=fees, addresses=addresses, user_id=user_id
        )
        await self._client.request(call.method, call.path, json=call.body)


def _not_found(client: Client | AsyncClient, message: str) -> NotFoundError:
    """A NotFoundError for a lookup that answered 200 with no matching item."""
    import httpx

    request = httpx.Request("GET", client.options.base_url)
    response = httpx.Response(404, request=request)
    return NotFoundError(
        message, status_code=404, code=None, body=None, request=request, response=response
    )
