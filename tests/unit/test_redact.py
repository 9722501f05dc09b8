from __future__ import annotations

import copy
import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from coupang_seller._redact import (
    ALWAYS_REDACTED_KEYS,
    BUYER_BLOCK_REDACTED_KEYS,
    REDACTED,
    RedactingFilter,
    mask_partial,
    redact_headers,
    redact_json,
    redact_text,
)

ACCESS_KEY = "a1b2c3d4-e5f6-7890-abcd-ef0123456789"
SECRET_KEY = "s3cr3t0123456789abcdef0123456789abcdef01"
SIGNATURE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
AUTH = (
    f"CEA algorithm=HmacSHA256, access-key={ACCESS_KEY}, "
    f"signed-date=240501T120000Z, signature={SIGNATURE}"
)


# --- headers ----------------------------------------------------------------------------


def test_redact_authorization_cea() -> None:
    out = redact_headers({"Authorization": AUTH, "Content-Type": "application/json"})
    assert out == {
        "Authorization": (
            "CEA algorithm=HmacSHA256, access-key=a1b2…, "
            "signed-date=240501T120000Z, signature=[REDACTED]"
        ),
        "Content-Type": "application/json",
    }
    assert SIGNATURE not in str(out)
    assert ACCESS_KEY not in str(out)


def test_redact_authorization_is_case_insensitive_and_keeps_order() -> None:
    headers = {"X-Requested-By": "A00012345", "authorization": AUTH, "Accept": "*/*"}
    out = redact_headers(headers)
    assert list(out) == ["X-Requested-By", "authorization", "Accept"]
    assert out["X-Requested-By"] == "A00012345"
    assert out["authorization"].startswith("CEA algorithm=HmacSHA256, access-key=a1b2…")
    assert headers["authorization"] == AUTH  # input untouched


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Bearer abc.def.ghi", "Bearer [REDACTED]"),
        ("opaque-token-without-scheme", REDACTED),
        ("", REDACTED),
        ("CEA garbage", "CEA [REDACTED]"),
        ("CEA access-key=abc, signature=x", "CEA access-key=[REDACTED], signature=[REDACTED]"),
        ("CEA algorithm=HmacSHA256, extra=zzz", "CEA algorithm=HmacSHA256, extra=[REDACTED]"),
    ],
)
def test_redact_authorization_other_shapes(value: str, expected: str) -> None:
    assert redact_headers({"Authorization": value}) == {"Authorization": expected}


@pytest.mark.parametrize(
    "name",
    ["X-Secret-Key", "x-auth-token", "Cookie", "Set-Cookie", "X-Access-Token", "SECRET"],
)
def test_redact_sensitive_header_names(name: str) -> None:
    assert redact_headers({name: "value123"}) == {name: REDACTED}


def test_proxy_authorization_keeps_scheme_only() -> None:
    out = redact_headers({"Proxy-Authorization": "Basic dXNlcjpwYXNz"})
    assert out == {"Proxy-Authorization": "Basic [REDACTED]"}


def test_mask_partial() -> None:
    assert mask_partial(ACCESS_KEY) == "a1b2…"
    assert mask_partial("short") == REDACTED
    assert mask_partial("12345678") == "1234…"


# --- JSON -------------------------------------------------------------------------------

ORDER_SHEET: dict[str, Any] = {
    "code": 200,
    "data": [
        {
            "shipmentBoxId": 642538970006401429,
            "orderer": {
                "name": "이*주",
                "email": "buyer@example.com",
                "safeNumber": "0502-1234-5678",
                "ordererNumber": "010-1234-5678",
            },
            "receiver": {
                "name": "홍길동",
                "safeNumber": "0502-8765-4321",
                "receiverNumber": None,
                "addr1": "서울특별시 송파구 송파대로 570",
                "addr2": "10층",
                "postCode": "05510",
            },
            "overseaShippingInfoDto": {
                "personalCustomsClearanceCode": "P123456789012",
                "ordererPhoneNumber": "010-1111-2222",
                "ordererName": "홍길동",
            },
            "orderItems": [{"vendorItemName": "상품", "shippingCount": 1}],
        }
    ],
    "nextToken": "",
}


def test_redact_order_sheet() -> None:
    original = copy.deepcopy(ORDER_SHEET)
    out = redact_json(ORDER_SHEET)
    assert original == ORDER_SHEET  # the input is not modified
    sheet = out["data"][0]
    assert sheet["shipmentBoxId"] == 642538970006401429
    assert sheet["orderer"] == {
        "name": REDACTED,
        "email": REDACTED,
        "safeNumber": REDACTED,
        "ordererNumber": REDACTED,
    }
    assert sheet["receiver"] == {
        "name": REDACTED,
        "safeNumber": REDACTED,
        "receiverNumber": None,
        "addr1": REDACTED,
        "addr2": REDACTED,
        "postCode": REDACTED,
    }
    assert sheet["overseaShippingInfoDto"] == {
        "personalCustomsClearanceCode": REDACTED,
        "ordererPhoneNumber": REDACTED,
        "ordererName": REDACTED,
    }
    assert sheet["orderItems"] == [{"vendorItemName": "상품", "shippingCount": 1}]
    text = json.dumps(out, ensure_ascii=False)
    for leaked in ("홍길동", "buyer@example.com", "0502-", "010-", "송파", "05510", "P1234"):
        assert leaked not in text


def test_generic_keys_outside_buyer_blocks_are_kept() -> None:
    shipping_place = {
        "shippingPlaceName": "본사 물류센터",
        "name": "seller name",
        "placeAddresses": [
            {
                "companyContactNumber": "02-1234-5678",
                "phoneNumber2": "010-0000-0000",
                "returnZipCode": "05510",
                "returnAddress": "서울특별시 송파구",
            }
        ],
        "phoneNumber": "02-9999-9999",
        "zipCode": "12345",
    }
    # returnAddress/returnZipCode are also the buyer's (exchangeAddressDtoV1): a name alone
    # cannot tell whose, so they are redacted everywhere; the seller's other fields stay.
    redacted = redact_json(shipping_place)
    place = redacted["placeAddresses"][0]
    assert place["returnAddress"] == place["returnZipCode"] == REDACTED
    assert place["companyContactNumber"] == "02-1234-5678" and place["phoneNumber2"]
    assert {k: v for k, v in redacted.items() if k != "placeAddresses"} == {
        k: v for k, v in shipping_place.items() if k != "placeAddresses"
    }


def test_buyer_context_applies_to_nested_objects_and_lists() -> None:
    value = {
        "buyer": [{"name": "A", "address": {"zipCode": "12345", "addr1": "x"}}],
        "Receiver": {"NAME": "B", "PhoneNumber": "010", "cellPhone": "011"},
        "orderer": "홍길동",
    }
    assert redact_json(value) == {
        "buyer": [{"name": REDACTED, "address": {"zipCode": REDACTED, "addr1": REDACTED}}],
        "Receiver": {"NAME": REDACTED, "PhoneNumber": REDACTED, "cellPhone": REDACTED},
        "orderer": REDACTED,
    }


@pytest.mark.parametrize(
    "key",
    [
        "secretKey",
        "secret_key",
        "SECRETKEY",
        "ordererEmail",
        "receiverName",
        "receiverAddr1",
        "receiverAddr2",
        "receiverPhoneNumber",
        "receiverPostCode",
        "requesterName",
        "requesterPhoneNumber",
        "requesterRealPhoneNumber",
        "requesterAddress",
        "requesterAddressDetail",
        "requesterZipCode",
        "customerName",
        "buyerPhone",
        "buyerEmail",
    ],
)
def test_always_redacted_keys_anywhere(key: str) -> None:
    value = {"returns": [{"receiptId": 1, "detail": {key: {"nested": "pii"}}}]}
    assert redact_json(value) == {"returns": [{"receiptId": 1, "detail": {key: REDACTED}}]}


def test_access_key_is_partially_masked() -> None:
    assert redact_json({"accessKey": ACCESS_KEY, "access_key": "abc", "ACCESSKEY": 5}) == {
        "accessKey": "a1b2…",
        "access_key": REDACTED,
        "ACCESSKEY": REDACTED,
    }


def test_redact_json_scalars_tuples_and_non_str_keys() -> None:
    assert redact_json("plain") == "plain"
    assert redact_json(None) is None
    assert redact_json(3.5) == 3.5
    assert redact_json(({"secretKey": "x"}, 1)) == [{"secretKey": REDACTED}, 1]
    assert redact_json({1: {"secretKey": "x"}}) == {1: {"secretKey": REDACTED}}


def test_key_sets_are_lowercase_frozensets() -> None:
    for keys in (ALWAYS_REDACTED_KEYS, BUYER_BLOCK_REDACTED_KEYS):
        assert isinstance(keys, frozenset)
        assert all(k == k.lower() for k in keys)
    assert "companycontactnumber" not in ALWAYS_REDACTED_KEYS


# --- text and logging -------------------------------------------------------------------


def test_redact_text() -> None:
    text = f"signing with {SECRET_KEY} and again {SECRET_KEY}!"
    assert redact_text(text, [SECRET_KEY]) == "signing with [REDACTED] and again [REDACTED]!"
    assert redact_text(text, []) == text
    assert redact_text(text, ["", ""]) == text
    assert redact_text("a.b a*b", ["a.b"]) == "[REDACTED] a*b"  # not a regex


def test_redact_text_overlapping_secrets_prefers_longest() -> None:
    assert redact_text("xxabcdefxx", ["abc", "abcdef"]) == "xx[REDACTED]xx"
    assert redact_text("abcabc", iter(["abc"])) == "[REDACTED][REDACTED]"


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    logger = logging.getLogger("coupang_seller.tests.redact")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(RedactingFilter([SECRET_KEY, ""]))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield logger, stream
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
        logger.setLevel(logging.NOTSET)


def test_filter_scrubs_msg_and_args(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured
    logger.info("config: %s", {"secret": SECRET_KEY})
    logger.warning(f"careless f-string {SECRET_KEY}")
    logger.debug("%(key)s", {"key": SECRET_KEY})
    logger.info("harmless %d", 42)
    output = stream.getvalue()
    assert SECRET_KEY not in output
    assert output.splitlines() == [
        "INFO config: {'secret': '[REDACTED]'}",
        "WARNING careless f-string [REDACTED]",
        "DEBUG [REDACTED]",
        "INFO harmless 42",
    ]


def test_filter_keeps_args_of_clean_records() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "n=%d", (5,), None)
    assert RedactingFilter([SECRET_KEY]).filter(record) is True
    assert record.args == (5,)
    assert record.getMessage() == "n=5"


def test_filter_scrubs_exception_text(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured
    try:
        raise RuntimeError(f"bad key {SECRET_KEY}")
    except RuntimeError:
        logger.exception("request failed")
    output = stream.getvalue()
    assert "request failed" in output
    assert "RuntimeError: bad key [REDACTED]" in output
    assert SECRET_KEY not in output


def test_filter_handles_broken_format_args() -> None:
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "%s %s " + SECRET_KEY, (SECRET_KEY,), None
    )
    assert RedactingFilter([SECRET_KEY]).filter(record) is True
    assert SECRET_KEY not in str(record.msg)
    assert record.args is not None
    assert SECRET_KEY not in repr(record.args)


def test_filter_without_secrets_is_a_no_op() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%s", ("v",), None)
    assert RedactingFilter([]).filter(record) is True
    assert record.msg == "%s"
    assert record.args == ("v",)


#: Personal-data fields of Coupang's reference that must always be redacted (fixed table:
#: if the generated list loses one, this fails).
EXPECTED_PERSONAL_FIELDS = (
    "returnCustomerName",
    "returnAddress",
    "returnAddressDetail",
    "returnAddressZipCode",
    "returnMobile",
    "returnPhone",
    "deliveryCustomerName",
    "deliveryAddress",
    "deliveryAddressDetail",
    "deliveryAddressZipCode",
    "deliveryMobile",
    "deliveryPhone",
    "customerName",
    "customerAddress",
    "customerAddressDetail",
    "customerZipCode",
    "customerMobile",
    "customerPhone",
    "orderedByMobile",
    "safeNumber",
    "safetyNumber",
    "ordererNumber",
    "receiverNumber",
    "ordererPhoneNumber",
    "ordererSsn",
    "orderersSsn",
    "personalCustomsClearanceCode",
    "ordererEmail",
    "email",
    "addr1",
    "addr2",
    "postCode",
    "requesterName",
    "requesterPhoneNumber",
    "requesterRealPhoneNumber",
    "requesterAddress",
    "requesterAddressDetail",
    "requesterZipCode",
    "buyerEmail",
    "buyerPhone",
    "receptionistName",
)


@pytest.mark.parametrize("key", EXPECTED_PERSONAL_FIELDS)
def test_every_personal_field_of_the_reference_is_redacted(key: str) -> None:
    from coupang_seller._redact import ALWAYS_REDACTED_KEYS

    assert key.lower() in ALWAYS_REDACTED_KEYS
    assert redact_json({"data": [{"x": {key: "홍길동 010-1234-5678"}}]}) == {
        "data": [{"x": {key: REDACTED}}]
    }


def test_generic_name_is_redacted_in_the_reference_s_person_blocks() -> None:
    from coupang_seller._personal_fields import PERSONAL_BLOCKS

    assert {"orderer", "receiver"} <= PERSONAL_BLOCKS
    for block in PERSONAL_BLOCKS:
        assert redact_json({block: {"name": "홍길동"}}) == {block: {"name": REDACTED}}


def test_generated_list_matches_the_reference() -> None:
    """``scripts/derive_personal_fields.py --check``, where the reference is available."""
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "derive_personal_fields", root / "scripts" / "derive_personal_fields.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    reference = script.DEFAULT_REFERENCE
    if not (reference / "coupang-openapi-catalog.json").is_file():
        pytest.skip("Coupang's reference docs are not on this machine")
    generated = (root / "src" / "coupang_seller" / "_personal_fields.py").read_text("utf-8")
    assert script.render(*script.derive(reference)) == generated
    fields, _ = script.derive(reference)
    assert set(EXPECTED_PERSONAL_FIELDS) - {"ordererEmail"} <= set(fields)
