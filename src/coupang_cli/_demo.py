"""``coupang-seller demo``: a seller's first day, against an embedded sandbox, through the SDK."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from coupang_cli._embedded import embedded_sandbox
from coupang_cli._output import Output
from coupang_seller import Client, DuplicateShippingPlaceError, PreflightError, ValidationError
from coupang_seller.types.shipping_places import PlaceAddress, RemoteInfo, ReturnFees

DEMO_VENDOR = "A00012345"
DEMO_USER = "demo-wing-user"

WAREHOUSE = [
    PlaceAddress(
        addressType="JIBUN",
        countryCode="KR",
        companyContactNumber="02-1234-5678",
        returnZipCode="10516",
        returnAddress="경기도 파주시 탄현면 월롱산로 294-58",
        returnAddressDetail="1층 물류창고",
    ),
    PlaceAddress(
        addressType="ROADNAME",
        countryCode="KR",
        companyContactNumber="02-1234-5678",
        returnZipCode="10516",
        returnAddress="경기도 파주시 탄현면 월롱산로 294-58",
        returnAddressDetail="1층 물류창고",
    ),
]


SEOUL = PlaceAddress(
    addressType="JIBUN",
    countryCode="KR",
    companyContactNumber="010-9876-5432",
    returnZipCode="06544",
    returnAddress="서울특별시 서초구 반포동 20-43",
    returnAddressDetail="B동 2층",
)


def run_demo(out: Output, *, db_url: str | None = None) -> int:
    with tempfile.TemporaryDirectory(prefix="coupang-demo-") as tmp:
        url = db_url or f"sqlite:///{Path(tmp) / 'sandbox.sqlite3'}"
        access_key, secret_key = secrets.token_hex(8), secrets.token_hex(20)
        seed = [(DEMO_VENDOR, access_key, secret_key)]
        summary: dict[str, object] = {"db": url}
        with embedded_sandbox(db_url=url, vendors=seed) as sandbox:
            out.line(f"Sandbox running at {sandbox.base_url} (store: {url})")
            out.line(
                f"Vendor {DEMO_VENDOR}, access key {access_key}, secret key {secret_key[:4]}… (hidden)"
            )
            with Client(
                access_key, secret_key, DEMO_VENDOR, base_url=sandbox.base_url, user_id=DEMO_USER
            ) as client:
                summary.update(_journey(client, out))
        out.line()
        out.line("Restarting the sandbox on the same store: state survives restarts.")
        with (
            embedded_sandbox(db_url=url, vendors=seed) as sandbox,
            Client(
                access_key, secret_key, DEMO_VENDOR, base_url=sandbox.base_url, user_id=DEMO_USER
            ) as client,
        ):
            names = [p.shippingPlaceName for p in client.outbound_shipping_places.iter()]
            out.line(f"  after restart: {len(names)} outbound place(s): {', '.join(names)}")
            summary["placesAfterRestart"] = names
        out.data(summary)
    out.line()
    out.line("Demo finished: every call above was signed and went over real HTTP to the sandbox.")
    return 0


def _journey(client: Client, out: Output) -> dict[str, object]:
    places = client.outbound_shipping_places
    out.line()
    out.line("1. Create an outbound shipping place (출고지) with Jeju / remote-area fees")
    code = places.create(
        name="파주 1센터",
        addresses=WAREHOUSE,
        remote_infos=[
            RemoteInfo(deliveryCode="CJGLS", jeju=5000, notJeju=3000),
            RemoteInfo(deliveryCode="KDEXP", jeju=30000, notJeju=15000),
        ],
    )
    out.line(f"   created outboundShippingPlaceCode {code}")
    second = places.create(name="서울 소량 출고지", addresses=[SEOUL])
    out.line(f"   created outboundShippingPlaceCode {second}")

    out.line("2. List them (auto-paging)")
    listed = list(places.iter())
    for place in listed:
        couriers = ", ".join(place.courier_codes) or "no remote-area couriers"
        out.line(f"   {place.outboundShippingPlaceCode}  {place.shippingPlaceName}  [{couriers}]")

    out.line("3. Look one up by name, then raise a fee")
    found = places.find_by_name("파주 1센터")
    assert found is not None
    cj = next(r for r in found.remoteInfos if r.deliveryCode == "CJGLS")
    places.update(
        code,
        remote_infos=[
            RemoteInfo(
                remoteInfoId=cj.remoteInfoId,
                deliveryCode="CJGLS",
                jeju=7000,
                notJeju=3000,
                usable=True,
            )
        ],
    )
    updated = places.get(code)
    new_fee = next(r.jeju for r in updated.remoteInfos if r.deliveryCode == "CJGLS")
    out.line(f"   CJGLS Jeju fee is now {new_fee:,} won")

    out.line("4. Create a return center (반품지) with a CJ pick-up contract")
    center = client.return_centers.create(
        name="파주 반품센터",
        courier="CJGLS",
        contract_number="85500067",
        fees=ReturnFees.flat(2500),
        addresses=[SEOUL],
    )
    out.line(f"   created returnCenterCode {center}")

    out.line("5. Refusals, with the field and the rule")
    refusals: list[str] = []
    try:
        places.create(
            name="너무 비싼 제주 배송비",
            addresses=[SEOUL],
            remote_infos=[RemoteInfo(deliveryCode="CJGLS", jeju=25000, notJeju=3000)],
        )
    except PreflightError as exc:
        for v in exc.violations:
            out.line(f"   preflight (nothing sent): {v.field}: {v.message} [{v.rule}]")
            refusals.append(v.rule)
    try:
        client.with_options(preflight=False).outbound_shipping_places.create(
            name="x" * 51, addresses=[WAREHOUSE[0].model_copy(update={"returnZipCode": "1234"})]
        )
    except ValidationError as exc:
        for v in exc.violations:
            out.line(f"   sandbox (HTTP 400): {v.field}: {v.message} [{v.rule}]")
            refusals.append(v.rule)
    try:
        places.create(name="파주 1센터", addresses=WAREHOUSE[:1])
    except DuplicateShippingPlaceError as exc:
        out.line(f"   duplicate: '파주 1센터' already exists as code {exc.existing_code}")
        refusals.append("duplicate")
    return {"outboundCodes": [code, second], "returnCenterCode": center, "refusals": refusals}
