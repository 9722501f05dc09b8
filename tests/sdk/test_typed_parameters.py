"""Typing that catches a seller's mistakes: closed code sets are ``Literal`` types (mypy
flags ``status="ACEPT"`` and the courier ``"CJ"``), and date parameters refuse strings with
a :class:`TypeError` naming the parameter, before anything is sent."""

from __future__ import annotations

import asyncio
import importlib.util
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from coupang_seller import AsyncClient, Client, PreflightError
from coupang_seller.preflight import orders as order_rules
from tests.sdk.conftest import SECRET

ROOT = Path(__file__).resolve().parents[2]

#: Calls a seller could write; the ones marked ``# wrong`` must be mypy errors, the others
#: must type-check.
SNIPPET = """\
from datetime import date, datetime

from coupang_seller import Client


def calls(client: Client) -> None:
    day, moment = date(2024, 5, 1), datetime(2024, 5, 1, 9)
    client.orders.list(day, day, status="ACCEPT")
    client.orders.list(day, day, status="ACEPT")  # wrong
    client.orders.list_time_frame(moment, moment, status="INSTRUCT")
    client.orders.mark_already_shipped(1, delivery_company_code="CJGLS", invoice_number="1")
    client.orders.mark_already_shipped(1, delivery_company_code="CJ", invoice_number="1")  # wrong
    client.orders.cancel(1, {2: 1}, middle_cancel_code="CCPNER")
    client.orders.cancel(1, {2: 1}, middle_cancel_code="SOLDOUT")  # wrong
    client.returns.list(day, day, status="UC")
    client.returns.list(day, day, status="RETURNS_UNCHECKED")  # wrong
    client.returns.upload_pickup_invoice(1, delivery_company_code="HANJIN", invoice_number="1")
    client.returns.upload_pickup_invoice(1, delivery_company_code="KOREX", invoice_number="1")  # wrong
    client.exchanges.list(moment, moment, status="RECEIPT")
    client.exchanges.list(moment, moment, status="RECIEPT")  # wrong
    client.exchanges.reject(1, reason="SOLDOUT")
    client.exchanges.reject(1, reason="OUT_OF_STOCK")  # wrong
    client.exchanges.upload_invoice(1, shipment_box_id=2, goods_delivery_code="CJ", invoice_number="1")  # wrong
    client.products.list(status="APPROVED")
    client.products.list(status="APROVED")  # wrong
    client.orders.list("2024-05-01", day, status="ACCEPT")  # wrong
    client.settlement.revenue_history(day, day)
    centers = client.return_centers
    centers.create(name="c", courier="HANJIN", contract_number="1", fees={}, addresses=[])
    centers.create(name="c", courier="DHL", contract_number="1", fees={}, addresses=[])  # wrong
    client.settlement.revenue_history("2024-05-01", day)  # wrong
    client.sandbox.clock.advance(86400)
    client.sandbox.advance_clock(86400)  # wrong
"""


def test_mypy_flags_the_wrong_codes_and_only_them(tmp_path: Path) -> None:
    """mypy reports an error on exactly the ``# wrong`` lines of a seller's snippet."""
    api = pytest.importorskip("mypy.api")
    source = tmp_path / "seller_calls.py"
    source.write_text(SNIPPET, encoding="utf-8")
    config = tmp_path / "mypy.ini"
    config.write_text(
        f"[mypy]\nmypy_path = {ROOT / 'src'}\nfollow_imports = silent\nplugins = pydantic.mypy\n",
        encoding="utf-8",
    )
    cache = ROOT / ".mypy_cache" / "typed_parameters_test"
    out, err, _ = api.run(
        ["--config-file", str(config), "--cache-dir", str(cache), "--strict", str(source)]
    )
    wrong = {i for i, line in enumerate(SNIPPET.splitlines(), 1) if line.endswith("# wrong")}
    flagged = {int(m) for m in re.findall(r"seller_calls\.py:(\d+): error", out)}
    assert flagged == wrong, out + err


def test_the_committed_code_types_match_the_reference() -> None:
    """``scripts/derive_codes.py --check``, where the reference is available."""
    spec = importlib.util.spec_from_file_location(
        "derive_codes", ROOT / "scripts" / "derive_codes.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    reference = script.DEFAULT_REFERENCE
    if not (reference / "coupang-enums.json").is_file():
        pytest.skip("Coupang's reference docs are not on this machine")
    generated = (ROOT / "src" / "coupang_seller" / "types" / "codes.py").read_text("utf-8")
    assert script.render(script.derive(reference)) == generated


def test_the_courier_type_and_the_preflight_agree() -> None:
    """One set: the ``DeliveryCompanyCode`` type is what the preflight accepts (with the
    Java SDK's additions), the struck-out couriers are neither."""
    assert "CJGLS" in order_rules.COURIER_CODES and "LOGEN" in order_rules.COURIER_CODES
    assert "CJ" not in order_rules.COURIER_CODES
    assert {"KOREX", "DONGBU", "INNOGIS", "IQS"} == order_rules.DEFUNCT_COURIERS
    assert not order_rules.COURIER_CODES & order_rules.DEFUNCT_COURIERS


def _nothing_sent(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"sent {request.method} {request.url}")


@pytest.fixture
def client() -> Any:
    with Client(
        "AK",
        SECRET,
        "A00012345",
        base_url="https://gateway.test",
        transport=httpx.MockTransport(_nothing_sent),
        rate_limit=None,
    ) as made:
        yield made


D, M, S = date(2024, 5, 1), datetime(2024, 5, 1, 9), "2024-05-01"

#: (what to call, the parameter named in the message, what the message says to pass)
STRING_DATES: list[tuple[str, Callable[[Any], object], str, str]] = [
    ("orders.list", lambda c: c.orders.list(S, D, status="ACCEPT"), "created_from", "date("),
    ("orders.iter", lambda c: c.orders.iter(D, S, status="ACCEPT"), "created_to", "date("),
    (
        "orders.list_time_frame",
        lambda c: c.orders.list_time_frame(M, S, status="ACCEPT"),
        "end",
        "datetime(",
    ),
    ("returns.list", lambda c: c.returns.list(S, D, status="UC"), "created_from", "date("),
    ("returns.withdrawals", lambda c: c.returns.withdrawals(D, S), "date_to", "date("),
    ("exchanges.list", lambda c: c.exchanges.list(S, M), "created_from", "datetime("),
    ("products.list", lambda c: c.products.list(created_at=S), "created_at", "datetime("),
    ("products.iter_time_frame", lambda c: c.products.iter_time_frame(S, M), "start", "datetime("),
    (
        "online_inquiries.list",
        lambda c: c.online_inquiries.list(start=S, end=D),
        "start",
        "date(",
    ),
    ("rocket_growth.list_orders", lambda c: c.rocket_growth.list_orders(D, S), "paid_to", "date("),
    (
        "settlement.revenue_history",
        lambda c: c.settlement.revenue_history(S, D),
        "date_from",
        "date(",
    ),
    (
        "settlement.settlement_histories",
        lambda c: c.settlement.settlement_histories("2024-05"),
        "year_month",
        "date(",
    ),
    (
        "coupons.create",
        lambda c: c.coupons.create(
            contract_id=1,
            name="n",
            max_discount_price=1000,
            discount=10,
            start_at="2024-05-01 00:00:00",
            end_at=M,
            type="RATE",
        ),
        "start_at",
        "datetime(",
    ),
    (
        "coupons.budgets",
        lambda c: c.coupons.budgets(target_month="2024-05"),
        "target_month",
        "date(",
    ),
    (
        "download_coupons.create",
        lambda c: c.download_coupons.create(
            contract_id=1, title="t", start_date=M, end_date="2024-05-09", policies=[]
        ),
        "end_date",
        "datetime(",
    ),
    (
        "cashback.apply",
        lambda c: c.cashback.apply(
            rule_id=1,
            value_type="FIXED",
            value=100,
            vendor_item_ids=[1],
            start_at=M,
            end_at="2024-05-02 00:00:00",
        ),
        "end_at",
        "datetime(",
    ),
]


@pytest.mark.parametrize(
    ("call", "parameter", "example"),
    [pytest.param(c, p, e, id=name) for name, c, p, e in STRING_DATES],
)
def test_a_string_date_is_refused_with_a_type_error(
    client: Client, call: Callable[[Any], object], parameter: str, example: str
) -> None:
    with pytest.raises(TypeError) as caught:
        result = call(client)
        if hasattr(result, "__next__"):
            next(iter(result))  # type: ignore[call-overload]
    message = str(caught.value)
    assert message.startswith(f"{parameter} takes a ")
    assert "not str" in message and f"pass {example}" in message


def test_a_plain_date_for_a_moment_is_refused(client: Client) -> None:
    with pytest.raises(TypeError, match=r"^start takes a datetime\.datetime, not date"):
        client.orders.list_time_frame(D, M, status="ACCEPT")  # type: ignore[arg-type]


def test_the_async_half_refuses_string_dates_too() -> None:
    async def main() -> None:
        async with AsyncClient(
            "AK",
            SECRET,
            "A00012345",
            base_url="https://gateway.test",
            transport=httpx.MockTransport(_nothing_sent),
            rate_limit=None,
        ) as aclient:
            with pytest.raises(TypeError, match=r"^created_from takes a datetime\.date"):
                await aclient.orders.list(S, D, status="ACCEPT")  # type: ignore[arg-type]
            with pytest.raises(TypeError, match=r"^date_to takes a datetime\.date"):
                await aclient.returns.withdrawals(D, S)  # type: ignore[arg-type]
            with pytest.raises(TypeError, match=r"^created_to takes a datetime\.datetime"):
                aclient.exchanges.iter(M, S)  # type: ignore[arg-type]

    asyncio.run(main())


def test_an_order_status_outside_the_set_is_refused_by_preflight(client: Client) -> None:
    """At run time (no type checker) the preflight still names the field and the rule."""
    with pytest.raises(PreflightError) as caught:
        client.orders.list(D, D, status="ACEPT")  # type: ignore[arg-type]
    assert [(v.field, v.rule) for v in caught.value.violations] == [("status", "enum")]
    with pytest.raises(PreflightError) as caught:
        client.orders.list_time_frame(M, M, status="ACEPT")  # type: ignore[arg-type]
    assert [(v.field, v.rule) for v in caught.value.violations] == [("status", "enum")]
    with pytest.raises(PreflightError) as caught:
        client.orders.mark_already_shipped(1, delivery_company_code="CJ", invoice_number="1")  # type: ignore[arg-type]
    assert ("deliveryCompanyCode", "courier_unknown") in [
        (v.field, v.rule) for v in caught.value.violations
    ]
