"""Errors you can act on: rules broken before sending, refusals from Coupang, lost answers.

What it shows:

1. ``PreflightError``: the SDK checks Coupang's rules before a call; nothing is sent and
   ``.violations`` names each field and rule.
2. ``ValidationError``: with ``client.with_options(preflight=False)`` the request goes out and
   the sandbox (like Coupang) answers HTTP 400, again naming the fields.
3. Reconciling a mutation whose answer was lost. Coupang has no idempotency keys, so the SDK
   never resends a POST that may have arrived; it raises
   ``APIConnectionError(request_may_have_been_processed=True)``. Here a transport delivers the
   request and then drops the answer (as a timed-out network would); the place is then read
   back with ``find_by_name``, or created again with ``on_duplicate="return_existing"``.

Run it like ``shipping_places_quickstart.py``::

    python examples/error_handling.py
"""

from __future__ import annotations

import httpx

from coupang_seller import APIConnectionError, Client, PreflightError, ValidationError
from coupang_seller.types.shipping_places import PlaceAddress, RemoteInfo

ADDRESS = PlaceAddress(
    addressType="JIBUN",
    companyContactNumber="031-555-0100",
    returnZipCode="17100",
    returnAddress="경기도 용인시 처인구 백암면 근창리 100",
)


class LostAnswerTransport(httpx.HTTPTransport):
    """Delivers POSTs, then loses the answer: the server did the work, the client never hears."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.method != "POST":
            return response
        response.read()
        response.close()
        raise httpx.ReadTimeout("the answer was lost on the way back", request=request)


def preflight_refusal(client: Client) -> None:
    print("1. Broken rules are refused before sending (PreflightError)")
    try:
        client.outbound_shipping_places.create(
            name="제주 배송비가 너무 비싼 출고지",
            addresses=[ADDRESS.model_copy(update={"companyContactNumber": "0312345678"})],
            remote_infos=[RemoteInfo(deliveryCode="CJGLS", jeju=25000, notJeju=3000)],
        )
    except PreflightError as exc:
        for v in exc.violations:
            print(f"   {v.field}: {v.message} [{v.rule}]")


def sandbox_refusal(client: Client) -> None:
    print("2. With preflight off, the sandbox refuses instead (ValidationError, HTTP 400)")
    unchecked = client.with_options(preflight=False)  # shares the connection pool
    try:
        unchecked.outbound_shipping_places.create(
            name="x" * 51, addresses=[ADDRESS.model_copy(update={"returnZipCode": "1234"})]
        )
    except ValidationError as exc:
        print(f"   HTTP {exc.status_code}: {exc.message}")
        for v in exc.violations:
            print(f"   {v.field}: {v.message} [{v.rule}]")


def reconcile_lost_answer(client: Client) -> None:
    print("3. A create whose answer was lost: read back instead of resending")
    name = "용인 센터"
    with Client(transport=LostAnswerTransport()) as flaky:  # same COUPANG_* credentials
        try:
            flaky.outbound_shipping_places.create(name=name, addresses=[ADDRESS])
        except APIConnectionError as exc:
            print(f"   {type(exc).__name__}: {exc}")
            print(f"   request_may_have_been_processed={exc.request_may_have_been_processed}")
            if not exc.request_may_have_been_processed:
                raise  # nothing reached Coupang: simply try again later

    found = client.outbound_shipping_places.find_by_name(name)
    if found is None:
        print("   not there: the create never happened, so it is safe to create it now")
        code = client.outbound_shipping_places.create(name=name, addresses=[ADDRESS])
    else:
        code = found.outboundShippingPlaceCode
        print(f"   find_by_name: the create did happen, code {code}")

    # The other way: create again and let the duplicate refusal hand back the existing code.
    again = client.outbound_shipping_places.create(
        name=name, addresses=[ADDRESS], on_duplicate="return_existing"
    )
    print(f"   on_duplicate='return_existing': code {again}")
    assert again == code


def main() -> None:
    with Client() as client:
        preflight_refusal(client)
        sandbox_refusal(client)
        reconcile_lost_answer(client)


if __name__ == "__main__":
    main()
