"""The one bounded id rule (shared by the SDK's preflight and the sandbox) and the bounded
number and page rules beside it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coupang_sandbox.backends._ids import parse_id
from coupang_seller.preflight._core import (
    ID_MAX,
    INT64_MAX,
    INT64_MIN,
    PAGE_MAX,
    as_id,
    as_int,
    as_page,
    id_violation,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, 1),
        ("1", 1),
        (ID_MAX, ID_MAX),
        (str(ID_MAX), ID_MAX),
        ("000123", 123),
        (0, None),
        ("0", None),
        (-1, None),
        ("-1", None),
        (ID_MAX + 1, None),
        (2**63, None),
        ("9223372036854775807", None),
        (True, None),
        (False, None),
        (1.0, None),
        (1e308, None),
        ("1e308", None),
        ("1.0", None),
        (" 12", None),
        ("12\n", None),
        ("\uff11\uff12", None),
        ("", None),
        (None, None),
        ([1], None),
    ],
)
def test_as_id(value: Any, expected: int | None) -> None:
    assert as_id(value) == expected
    assert parse_id(value) == expected


def test_minimum_zero_takes_zero_only_when_asked() -> None:
    assert as_id(0, minimum=0) == 0
    assert parse_id("0", minimum=0) == 0
    assert as_id(-1, minimum=0) is None


@given(st.integers() | st.floats() | st.booleans() | st.text(max_size=25))
def test_an_id_always_fits_a_bigint(value: Any) -> None:
    number = as_id(value)
    assert number is None or (1 <= number <= ID_MAX < INT64_MAX)


@given(st.integers() | st.floats(allow_nan=True) | st.text(max_size=30))
def test_as_int_stays_inside_64_bits(value: Any) -> None:
    number = as_int(value)
    assert number is None or INT64_MIN <= number <= INT64_MAX


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 1e308, -1e308, str(2**63), True])
def test_as_int_refuses_what_a_bigint_cannot_hold(value: Any) -> None:
    assert as_int(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1, 1), ("50", 50), (PAGE_MAX, PAGE_MAX), (PAGE_MAX + 1, None), (0, None), ("x", None)],
)
def test_as_page(value: Any, expected: int | None) -> None:
    assert as_page(value) == expected


def test_the_violation_names_the_field_and_the_rule() -> None:
    violation = id_violation("orderId", 1e308)
    assert (violation.field, violation.rule) == ("orderId", "id_format")
    assert "18 digits" in violation.message and "1e+308" in violation.message
