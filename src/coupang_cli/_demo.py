"""``coupang-seller demo``: a seller's first day, against an embedded sandbox, through the SDK."""

from __future__ import annotations

import io
import json
import secrets
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from coupang_cli._embedded import embedded_sandbox
from coupang_cli._output import Output
from coupang_cli._products import run_check, run_push
from coupang_seller import Client, DuplicateShippingPlaceError, PreflightError, ValidationError
from coupang_seller._constants import KST
from coupang_seller.resources.sandbox import ScanEvent
from coupang_seller.types.orders import BulkResult, InvoiceLine
from coupang_seller.types.shipping_places import PlaceAddress, RemoteInfo, ReturnFees

DEMO_VENDOR = "A00012345"
#: The demo makes a vendor with fresh keys: a store that already has it cannot be reused.
DEMO_STORE_HINT = "the demo makes its own vendor: give --db a new store, or leave --db out"
DEMO_USER = "demo-wing-user"
#: The sample sheet of a source checkout (``examples/`` is not part of the installed package).
SAMPLE_SHEET = Path(__file__).resolve().parents[2] / "examples" / "products_sample.csv"
#: Where the demo pretends the sheet's image files were uploaded (Coupang downloads URLs).
DEMO_IMAGE_BASE_URL = "https://cdn.bomnal-shop.example/coupang"

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
    """Run the guided demo against a throwaway sandbox (SQLite in a temp dir unless ``db_url``);
    return the exit code.
    """
    with tempfile.TemporaryDirectory(prefix="coupang-demo-") as tmp:
        url = db_url or f"sqlite:///{Path(tmp) / 'sandbox.sqlite3'}"
        access_key, secret_key = secrets.token_hex(8), secrets.token_hex(20)
        seed = [(DEMO_VENDOR, access_key, secret_key)]
        summary: dict[str, object] = {"db": url}
        with embedded_sandbox(db_url=url, vendors=seed, conflict_hint=DEMO_STORE_HINT) as sandbox:
            out.line(f"Sandbox running at {sandbox.base_url} (store: {url})")
            out.line(
                f"Vendor {DEMO_VENDOR}, access key {access_key}, secret key {secret_key[:4]}… (hidden)"
            )
            with Client(
                access_key, secret_key, DEMO_VENDOR, base_url=sandbox.base_url, user_id=DEMO_USER
            ) as client:
                summary.update(_journey(client, out))
                catalog: dict[str, dict[str, int]] = {}
                summary["products"] = _product_journey(
                    client,
                    out,
                    outbound=summary["outboundCodes"][0],  # type: ignore[index]
                    return_center=str(summary["returnCenterCode"]),
                    journal=Path(tmp) / "products.journal.jsonl",
                    catalog=catalog,
                )
                if catalog:
                    summary["orders"] = _order_journey(client, out, catalog)
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
    """Steps 1-5: shipping places, a return center and three refusals; return their summary."""
    out.line()
    code, second = _create_places(client, out)
    _raise_jeju_fee(client, out, code)
    out.line("4. Create a return center (반품지) with a CJ pick-up contract")
    center = client.return_centers.create(
        name="파주 반품센터",
        courier="CJGLS",
        contract_number="85500067",
        fees=ReturnFees.flat(2500),
        addresses=[SEOUL],
    )
    out.line(f"   created returnCenterCode {center}")
    refusals = _refusals(client, out)
    return {"outboundCodes": [code, second], "returnCenterCode": center, "refusals": refusals}


def _create_places(client: Client, out: Output) -> tuple[int, int]:
    """Steps 1-2: create two outbound shipping places and list them; return their codes."""
    places = client.outbound_shipping_places
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
    return code, second


def _raise_jeju_fee(client: Client, out: Output, code: int) -> None:
    """Step 3: find the place by name and raise its CJGLS Jeju fee."""
    places = client.outbound_shipping_places
    out.line("3. Look one up by name, then raise a fee")
    found = places.find_by_name("파주 1센터")
    if found is None:
        raise LookupError("the demo's place 파주 1센터 was not found after creating it")
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


def _refusals(client: Client, out: Output) -> list[str]:
    """Step 5: one preflight refusal, two sandbox refusals and a duplicate; return their rules."""
    places = client.outbound_shipping_places
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
    return refusals


class _Indented(io.TextIOBase):
    """Lines written to ``target`` with a margin, so nested command output reads as a step."""

    def __init__(self, target: TextIO, margin: str = "   ") -> None:
        self.target = target
        self.margin = margin
        self.at_start = True

    def write(self, text: str) -> int:
        """Write ``text``, putting the margin in front of every non-blank line; return the
        characters taken.
        """
        for piece in text.splitlines(keepends=True):
            if self.at_start and piece.strip():
                self.target.write(self.margin)
            self.target.write(piece)
            self.at_start = piece.endswith("\n")
        return len(text)


def _product_journey(
    client: Client,
    out: Output,
    *,
    outbound: int,
    return_center: str,
    journal: Path,
    catalog: dict[str, dict[str, int]] | None = None,
) -> dict[str, object]:
    """Steps 6-9; ``catalog`` is filled with ``{product name: {item name: vendorItemId}}``."""
    out.line()
    if not SAMPLE_SHEET.exists():
        out.line(f"6. (skipped: the sample sheet {SAMPLE_SHEET} is not here)")
        return {}
    places = {"outboundShippingPlaceCode": outbound, "returnCenterCode": return_center}
    check_code, report = _check_and_push(client, out, places=places, journal=journal)
    created = [r for r in report["results"] if r["status"] in ("created", "already")]
    skipped = [s["product"] for s in report["skipped"]]
    items, listed = _review(client, out, created, catalog)
    price_change = _change_price_and_stock(client, out, items)
    return {
        "checkExitCode": check_code,
        "created": [r["sellerProductId"] for r in created],
        "skipped": skipped,
        "refusedRules": sorted({p["rule"] for s in report["skipped"] for p in s["problems"]}),
        "approvedItems": len(items),
        "listed": listed,
        "priceChange": price_change,
    }


def _check_and_push(
    client: Client, out: Output, *, places: dict[str, Any], journal: Path
) -> tuple[int, dict[str, Any]]:
    """Steps 6-7: check the sample sheet, push it, then push it again; return the check's exit
    code and the first push's ``--json`` report.
    """
    # The commands' own output, indented; nothing of it in --json mode (one summary document).
    stream: TextIO = io.StringIO() if out.as_json else _Indented(out.out)  # type: ignore[assignment]
    nested = Output(as_json=False, out=stream, err=stream)
    sheet = SAMPLE_SHEET.relative_to(SAMPLE_SHEET.parents[1])
    out.line(f"6. Check a product sheet offline: coupang-seller products check {sheet}")
    check_code = run_check(SAMPLE_SHEET, nested, vendor_id=client.vendor_id, overrides=places)
    out.line(f"   exit code {check_code}: the refused row is reported, the others are ready")

    out.line(
        f"7. List the valid products: coupang-seller products push {sheet} "
        f"--image-base-url {DEMO_IMAGE_BASE_URL}"
    )
    pushed = io.StringIO()
    capture = Output(as_json=True, out=pushed)
    run_push(
        SAMPLE_SHEET,
        _Tee(nested, capture),
        client,
        image_base_url=DEMO_IMAGE_BASE_URL,
        overrides=places,
        journal_path=journal,
        progress=stream,
    )
    report: dict[str, Any] = json.loads(pushed.getvalue())
    out.line("   push again (as after a crash or Ctrl-C): the journal lists nothing twice")
    rerun_text = io.StringIO()
    again = Output(as_json=False, out=rerun_text)
    rerun_stream = io.StringIO()
    run_push(
        SAMPLE_SHEET,
        again,
        client,
        image_base_url=DEMO_IMAGE_BASE_URL,
        overrides=places,
        journal_path=journal,
        progress=rerun_stream,
    )
    out.line(f"   {rerun_text.getvalue().strip().splitlines()[-1]}")
    return check_code, report


def _review(
    client: Client,
    out: Output,
    created: list[dict[str, Any]],
    catalog: dict[str, dict[str, int]] | None,
) -> tuple[dict[str, int], int]:
    """Step 8: approve the pushed products and list them; return ``{item name: vendorItemId}``
    of the approved items and how many products are listed.
    """
    out.line("8. Coupang reviews them (played by the sandbox's control API)")
    items: dict[str, int] = {}
    for result in created:
        review = client.sandbox.products.review(result["sellerProductId"], result="APPROVED")
        product = client.products.get(review.sellerProductId)
        for item in product.items or []:
            if item.vendorItemId is not None and item.itemName:
                items[item.itemName] = item.vendorItemId
                if catalog is not None:
                    catalog.setdefault(result["product"], {})[item.itemName] = item.vendorItemId
        out.line(
            f"   {review.sellerProductId}  {result['product']}: {review.statusName or review.status}"
        )
    listed = list(client.products.iter())
    out.line(f"   {len(listed)} product(s) listed for {client.vendor_id}:")
    for summary in listed:
        out.line(
            f"     {summary.sellerProductId}  {summary.sellerProductName}  [{summary.statusName}]"
        )
    return items, len(listed)


def _change_price_and_stock(
    client: Client, out: Output, items: dict[str, int]
) -> dict[str, object]:
    """Step 9: lower one item's price and stock; return the before/after figures."""
    out.line("9. Change the price and the stock of one item")
    name = "봄날 퓨어 클렌징 오일 200ml"
    vendor_item = items[name]
    before = client.products.get_inventory(vendor_item)
    new_price = 13900
    client.products.update_price(vendor_item, price=new_price, current_price=before.salePrice)
    client.products.update_quantity(vendor_item, quantity=95)
    after = client.products.get_inventory(vendor_item)
    out.line(
        f"   {name} (vendorItemId {vendor_item}): price {before.salePrice:,} -> "
        f"{after.salePrice:,} won, stock {before.amountInStock} -> {after.amountInStock}"
    )
    return {
        "vendorItemId": vendor_item,
        "salePrice": [before.salePrice, after.salePrice],
        "stock": [before.amountInStock, after.amountInStock],
    }


#: Where the demo customer lives, then moves to before the seller acknowledges.
FIRST_ADDRESS = {
    "name": "김*희",
    "addr1": "서울특별시 마포구 월드컵북로 396",
    "addr2": "101동 1203호",
    "postCode": "03925",
}
NEW_ADDRESS = {"addr1": "부산광역시 해운대구 센텀중앙로 79", "addr2": "2층", "postCode": "48058"}


@dataclass(frozen=True)
class _Bundle:
    """The demo's order: its id, its first box, and the names and vendorItemIds of its items
    (two options of one product, ``first`` and ``second``, and ``other`` of another product).
    """

    order_id: int
    box: int
    first_name: str
    first: int
    second_name: str
    second: int
    other_name: str
    other: int


def _order_journey(
    client: Client, out: Output, catalog: dict[str, dict[str, int]]
) -> dict[str, object]:
    """Steps 10-17: one order from payment to settlement; return its summary."""
    bundle, visible_before = _place_order(client, out, catalog)
    first_status, acknowledged, post_codes, now = _acknowledge(client, out, bundle)
    split_box, departed = _split_ship(client, out, bundle, now)
    statuses = [
        first_status,
        acknowledged,
        departed,
        *_courier_scans(client, out, bundle, split_box),
    ]
    returned = _customer_return(client, out, bundle)
    exchanged = _customer_exchange(client, out, bundle)
    inquiry = _answer_inquiry(client, out, bundle)
    revenue = _revenue_history(client, out)
    return {
        "orderId": bundle.order_id,
        "shipmentBoxId": bundle.box,
        "splitShipmentBoxId": split_box,
        "visibleBeforeWait": visible_before,
        "postCodes": post_codes,
        "statuses": statuses,
        "return": returned,
        "exchange": exchanged,
        "inquiry": inquiry,
        "revenue": revenue,
    }


def _place_order(
    client: Client, out: Output, catalog: dict[str, dict[str, int]]
) -> tuple[_Bundle, int]:
    """Step 10: a customer orders two options of one product and one of another; return the
    order and how many ACCEPT sheets the seller sees right after payment.
    """
    sandbox = client.sandbox
    product, options = next((p, o) for p, o in catalog.items() if len(o) >= 2)
    others = next(o for p, o in catalog.items() if p != product)
    (first_name, first), (second_name, second) = list(options.items())[:2]
    other_name, other = next(iter(others.items()))

    out.line()
    out.line("10. A customer orders both options of one product and another one, in one bundle")
    placed = sandbox.orders.place({first: 1, second: 1, other: 1}, receiver=FIRST_ADDRESS)
    box = placed.shipment_box_ids[0]
    out.line(
        f"   orderId {placed.orderId}: {first_name}, {second_name}, {other_name} "
        f"-> {len(placed.shipment_box_ids)} box, shipmentBoxId {box}"
    )
    out.line(f"   to {FIRST_ADDRESS['addr1']} ({FIRST_ADDRESS['postCode']})")
    now = sandbox.clock.get().now.astimezone(KST)
    before = [s.shipmentBoxId for s in client.orders.iter(now.date(), now.date(), status="ACCEPT")]
    out.line(f"   the seller's ACCEPT list right after payment: {len(before)} sheet(s)")
    sandbox.clock.advance(600)
    out.line("   ... the sandbox clock moves on 10 minutes (Coupang shows orders ~10 min late)")
    bundle = _Bundle(placed.orderId, box, first_name, first, second_name, second, other_name, other)
    return bundle, len(before)


def _acknowledge(
    client: Client, out: Output, bundle: _Bundle
) -> tuple[str, str, list[str | None], datetime]:
    """Step 11: list, acknowledge and re-read the order after the customer moved; return the
    listed and acknowledged statuses, the listed and re-read postcodes, and the clock's time.
    """
    sandbox = client.sandbox
    box = bundle.box
    out.line("11. The seller lists new order sheets, acknowledges, and re-reads the address")
    now = sandbox.clock.get().now.astimezone(KST)
    day_before = (now - timedelta(days=1)).date()
    sheets = list(client.orders.iter(day_before, now.date(), status="ACCEPT"))
    sheet = next(s for s in sheets if s.shipmentBoxId == box)
    listed_post = sheet.receiver.postCode if sheet.receiver else None
    out.line(
        f"   ACCEPT: {len(sheets)} sheet(s); box {box} with {len(sheet.orderItems)} item(s), "
        f"postCode {listed_post}"
    )
    sandbox.orders.change_address(bundle.order_id, **NEW_ADDRESS)
    out.line(f"   meanwhile the customer moves: {NEW_ADDRESS['addr1']} ({NEW_ADDRESS['postCode']})")
    ack = _succeeded(client.orders.acknowledge([box]))
    reread = client.orders.get(box)
    reread_post = reread.receiver.postCode if reread.receiver else None
    out.line(
        f"   acknowledged ({len(ack.failed)} failed): status {reread.status}; "
        f"re-read postCode {reread_post} (ship there, not to {listed_post})"
    )
    return sheet.status, reread.status, [listed_post, reread_post], now


def _split_ship(client: Client, out: Output, bundle: _Bundle, now: datetime) -> tuple[int, str]:
    """Step 12: ship one option now (a new box), the rest later; return the new box and the
    original box's status.
    """
    box = bundle.box
    out.line("12. Ship with split shipping: one option now, the rest later")
    line = {"orderId": bundle.order_id, "shipmentBoxId": box, "deliveryCompanyCode": "CJGLS"}
    later = (now + timedelta(days=2)).date().isoformat()
    first_part = [
        InvoiceLine(
            **line, vendorItemId=bundle.first, invoiceNumber="100000000001", splitShipping=True
        ),
        *(
            InvoiceLine(**line, vendorItemId=v, splitShipping=True, estimatedShippingDate=later)
            for v in (bundle.second, bundle.other)
        ),
    ]
    _succeeded(client.orders.upload_invoices(first_part))
    boxes = {s.shipmentBoxId: s for s in client.orders.by_order_id(bundle.order_id)}
    split_box = next(b for b in boxes if b != box)
    out.line(
        f"   {bundle.first_name}: invoice 100000000001 -> new shipmentBoxId {split_box} "
        f"[{boxes[split_box].status}]; box {box} stays [{boxes[box].status}]"
    )
    rest = [
        InvoiceLine(**line, vendorItemId=v, invoiceNumber="100000000002", splitShipping=True,
                    preSplitShipped=True)
        for v in (bundle.second, bundle.other)
    ]  # fmt: skip
    _succeeded(client.orders.upload_invoices(rest))
    departed = client.orders.get(box).status
    out.line(f"   the rest (preSplitShipped): invoice 100000000002 -> box {box} [{departed}]")
    return split_box, departed


def _courier_scans(client: Client, out: Output, bundle: _Bundle, split_box: int) -> list[str]:
    """Step 13: the courier scans both boxes to delivery; return the original box's statuses."""
    out.line("13. The courier scans: pickup, in transit, delivered")
    statuses: list[str] = []
    events: tuple[ScanEvent, ...] = ("PICKUP", "IN_TRANSIT", "DELIVERED")
    for event in events:
        for parcel in (split_box, bundle.box):
            client.sandbox.courier.scan(parcel, event)
        state = client.orders.get(bundle.box).status
        statuses.append(state)
        out.line(f"   {event}: {state}")
    return statuses


def _customer_return(client: Client, out: Output, bundle: _Bundle) -> dict[str, object]:
    """Step 14: the customer returns the first option and the courier picks it up; return the
    return's summary.
    """
    sandbox = client.sandbox
    out.line(f"14. The customer returns {bundle.first_name} (changed their mind)")
    answer = sandbox.returns.request(bundle.order_id, {bundle.first: 1}, reason_code="CHANGEMIND")
    receipt_id = answer.receipt_ids[0]
    ret = client.returns.get(receipt_id)
    charge = (ret.model_extra or {}).get("returnShippingCharge")
    payer = {"CUSTOMER": "the customer", "VENDOR": "the seller"}.get(
        ret.faultByType or "", ret.faultByType
    )
    out.line(
        f"   receiptId {receipt_id} [{ret.receiptStatus}], pickup {ret.returnDeliveryType}: "
        f"fault {ret.faultByType}, {payer} pays {charge:,} won return shipping"
        if isinstance(charge, int)
        else f"   receiptId {receipt_id} [{ret.receiptStatus}]: fault {ret.faultByType}"
    )
    scanned = sandbox.courier.pick_up_return(receipt_id)
    done = client.returns.get(receipt_id)
    out.line(
        f"   courier picks it up: quick refund {'yes' if done.preRefund else 'no'} "
        f"-> [{done.receiptStatus}]"
    )
    return {
        "receiptId": receipt_id,
        "faultByType": ret.faultByType,
        "returnShippingCharge": charge,
        "preRefund": bool(done.preRefund),
        "pickupScan": scanned.receiptStatus,
        "receiptStatus": done.receiptStatus,
    }


def _customer_exchange(client: Client, out: Output, bundle: _Bundle) -> dict[str, object]:
    """Step 15: the customer exchanges the other product; the seller ships the replacement;
    return the exchange's summary.
    """
    sandbox = client.sandbox
    out.line(f"15. The customer exchanges {bundle.other_name} for the same option (defect)")
    asked = sandbox.exchanges.request(bundle.order_id, bundle.other, reason_code="DEFECT")
    out.line(f"   exchangeId {asked.exchangeId} [{asked.exchangeStatus}], fault {asked.faultType}")
    sandbox.courier.scan_exchange(asked.exchangeId, "PICKUP")
    client.exchanges.confirm_receipt(asked.exchangeId)
    sandbox.clock.advance(600)
    out.line("   the seller confirms receipt; the clock moves on 10 minutes")
    now = sandbox.clock.get().now
    found = client.exchanges.list(
        now - timedelta(days=1),
        now,
        order_id=bundle.order_id,
        status="PROGRESS",
    ).items
    exchange = next(x for x in found if x.exchangeId == asked.exchangeId)
    new_box = exchange.new_shipment_box_id
    out.line(f"   new shipmentBoxId {new_box} (the original was {bundle.box})")
    result = client.exchanges.upload_invoice(
        asked.exchangeId,
        shipment_box_id=new_box or bundle.box,
        goods_delivery_code="CJGLS",
        invoice_number="100000000003",
    )
    out.line(f"   exchange invoice 100000000003 on box {new_box}: {result.resultCode}")
    return {
        "exchangeId": asked.exchangeId,
        "faultType": asked.faultType,
        "newShipmentBoxId": new_box,
        "result": result.resultCode,
    }


def _answer_inquiry(client: Client, out: Output, bundle: _Bundle) -> dict[str, object]:
    """Step 16: a customer asks about the second option and the seller answers; return the
    inquiry and the answered ids.
    """
    sandbox = client.sandbox
    out.line(
        f"16. A customer asks about {bundle.second_name}; the seller answers unanswered questions"
    )
    question = sandbox.inquiries.ask(bundle.second, content="세탁기에 돌려도 되나요?")
    today = sandbox.clock.get().now.astimezone(KST).date()
    waiting = list(client.online_inquiries.iter(today, today, answered_type="NOANSWER"))
    for inquiry in waiting:
        client.online_inquiries.answer(
            inquiry.inquiryId, content="네, 울코스로 세탁하시면 됩니다.\n감사합니다."
        )
    answered = [
        i.inquiryId for i in client.online_inquiries.iter(today, today, answered_type="ANSWERED")
    ]
    out.line(
        f"   inquiryId {question.inquiryId}: {len(waiting)} unanswered -> answered "
        f"{len(answered)} (an inquiry takes one answer, replyBy is the WING user)"
    )
    return {"inquiryId": question.inquiryId, "answered": answered}


def _revenue_history(client: Client, out: Output) -> list[dict[str, object]]:
    """Step 17: eight days later, print the revenue history; return its entries' keys."""
    sandbox = client.sandbox
    out.line("17. Eight days later: the revenue history the settlement is built from")
    sandbox.clock.advance(8 * 86400)
    end = sandbox.clock.get().now.astimezone(KST).date()
    lines = list(client.settlement.iter_revenue_history(end - timedelta(days=30), end))
    for entry in lines:
        amount = sum(item.saleAmount or 0 for item in entry.items)
        fee = sum(item.serviceFee or 0 for item in entry.items)
        kind = "refund" if entry.saleType == "REFUND" else "sale"
        out.line(
            f"   {entry.recognitionDate} {entry.saleType:<6} order {entry.orderId}: "
            f"{kind} {amount:,} won, commission {fee:,} won"
        )
    return [
        {"saleType": e.saleType, "orderId": e.orderId, "recognitionDate": e.recognitionDate}
        for e in lines
    ]


def _succeeded(result: BulkResult) -> BulkResult:
    """``result`` when every item succeeded; raise :class:`RuntimeError` otherwise."""
    if not result.all_succeeded:
        raise RuntimeError(f"the sandbox refused: {result.failed}")
    return result


class _Tee(Output):
    """Text to one :class:`Output`, the ``--json`` document to another."""

    def __init__(self, text: Output, data: Output) -> None:
        super().__init__(as_json=False, out=text.out, err=text.err)
        self._data = data

    def data(self, value: object) -> None:
        """Pass ``value`` on to the wrapped output's data channel."""
        self._data.data(value)
