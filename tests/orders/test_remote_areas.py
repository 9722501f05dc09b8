"""The remote-area postcode table (도서산간): the SDK answers ``is_remote_area`` /
``remote_region`` from ``coupang_seller/_data/remote_areas.json``, and the sandbox flags and
prices orders with the same table (one source of truth). Boundaries are tested both ways."""

from __future__ import annotations

import itertools

import pytest

from coupang_seller.preflight.orders import is_remote_area, remote_area_ranges, remote_region
from tests.orders.after_sales import Market

#: postcode -> region, on both sides of range bounds.
BOUNDARIES = {
    "62999": "MAINLAND", "63000": "JEJU", "63644": "JEJU", "63645": "MAINLAND",
    "40199": "MAINLAND", "40200": "ISLAND", "40240": "ISLAND", "40241": "MAINLAND",
    "23099": "MAINLAND", "23100": "ISLAND", "23116": "ISLAND", "23117": "MAINLAND",
    "23121": "MAINLAND", "23122": "ISLAND", "23136": "ISLAND", "23137": "MAINLAND",
    "58799": "MAINLAND", "58800": "ISLAND", "58866": "ISLAND", "58867": "MAINLAND",
    "58827": "MAINLAND", "58826": "ISLAND",
    "59136": "MAINLAND", "59137": "ISLAND", "59166": "ISLAND", "59167": "MAINLAND",
    "53030": "MAINLAND", "53031": "ISLAND", "53104": "ISLAND", "53105": "MAINLAND",
    "33410": "MAINLAND", "33411": "ISLAND", "33412": "MAINLAND",
    "32133": "ISLAND", "58953": "ISLAND", "58958": "ISLAND", "58959": "MAINLAND",
    "06236": "MAINLAND", "48058": "MAINLAND",
}  # fmt: skip


@pytest.mark.parametrize(("postcode", "region"), sorted(BOUNDARIES.items()))
def test_sdk_boundaries(postcode: str, region: str) -> None:
    assert remote_region(postcode) == region
    assert is_remote_area(postcode) is (region != "MAINLAND")


def test_sdk_input_forms() -> None:
    assert remote_region(63100) == "JEJU" and remote_region("63-100") == "JEJU"
    assert remote_region(" 40210 ") == "ISLAND"
    # Old 6-digit postcodes, blanks and junk match no current range.
    for value in ("690-010", "063100", "", None, "6310", "abcde", True, 63100.0):
        assert remote_region(value) == "MAINLAND", value
        assert is_remote_area(value) is False


def test_table_is_sorted_disjoint_and_five_digit() -> None:
    ranges = remote_area_ranges()
    assert {r.region for r in ranges} == {"JEJU", "ISLAND"}
    for before, after in itertools.pairwise(ranges):
        assert before.high < after.low, (before, after)
    for span in ranges:
        assert 10000 <= span.low <= span.high <= 63999 and span.area
    jeju = [r for r in ranges if r.region == "JEJU"]
    assert [(r.low, r.high) for r in jeju] == [(63000, 63644)]


@pytest.mark.parametrize(
    ("postcode", "region"),
    [("62999", "MAINLAND"), ("63644", "JEJU"), ("58866", "ISLAND"), ("58867", "MAINLAND"),
     ("23122", "ISLAND"), ("53030", "MAINLAND")],
)  # fmt: skip
def test_sandbox_flags_orders_with_the_same_table(
    market: Market, postcode: str, region: str
) -> None:
    placed = market.visible_order({market.items[0]: 1}, receiver={"postCode": postcode})
    assert placed.region == region
    sheet = market.client.orders.get(placed.shipment_box_ids[0])
    assert sheet.remoteArea is (region != "MAINLAND")
    assert sheet.receiver is not None and sheet.receiver.postCode == postcode


def test_address_change_to_an_island_flags_the_box(market: Market) -> None:
    placed = market.visible_order({market.items[0]: 1}, receiver={"postCode": "06236"})
    box = placed.shipment_box_ids[0]
    assert market.client.orders.get(box).remoteArea is False
    changed = market.client.sandbox.orders.change_address(placed.orderId, postCode="59137")
    assert changed.region == "ISLAND"
    assert market.client.orders.get(box).remoteArea is True
    market.client.sandbox.orders.change_address(placed.orderId, postCode="59167")
    assert market.client.orders.get(box).remoteArea is False
