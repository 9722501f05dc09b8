"""``coupang-seller demo``: the whole seller journey, in-process, over real HTTP."""

from __future__ import annotations

import json
import re

import pytest

from coupang_cli import main

pytestmark = pytest.mark.e2e


def test_demo_readable_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert re.search(r"Sandbox running at http://127\.0\.0\.1:\d+", out)
    created = re.findall(r"created outboundShippingPlaceCode (\d+)", out)
    assert len(created) == 2 and len(set(created)) == 2
    assert re.search(r"created returnCenterCode \d+", out)
    assert "파주 1센터  [CJGLS, KDEXP]" in out
    assert "CJGLS Jeju fee is now 7,000 won" in out
    # the secret is never shown in full
    assert "(hidden)" in out
    # refusals name the field and the rule
    assert re.search(
        r"preflight \(nothing sent\): remoteInfos\[0\]\.jeju: .*\[remote_fee_range\]", out
    )
    assert re.search(r"sandbox \(HTTP 400\): shippingPlaceName: .*\[max_length\]", out)
    assert re.search(
        r"sandbox \(HTTP 400\): placeAddresses\[0\]\.returnZipCode: .*\[postcode_format\]", out
    )
    assert f"duplicate: '파주 1센터' already exists as code {created[0]}" in out
    # the product sheet: checked offline, the refused row shown with its cell and the fix
    assert (
        "products_sample.csv row 6 [notice:사용기한 또는 개봉 후 사용기간] notice_detail_missing"
        in out
    )
    assert "products_sample.csv row 6 [representativeImage] image_not_square" in out
    assert "4 product(s): 3 ready, 1 with problems (2 problem(s))" in out
    assert "skipped 봄날 허니 립밤 (rows 6):" in out
    pushed = re.findall(r"\[(\d)/3\] (.+): created sellerProductId (\d+)", out)
    assert [(n, name) for n, name, _ in pushed] == [
        ("1", "봄날 퓨어 클렌징 오일"),
        ("2", "봄날 데일리 선크림 SPF50+ PA++++"),
        ("3", "봄날 시어버터 핸드크림"),
    ]
    assert re.search(r"0 created, 3 already created, 0 failed, 1 skipped", out)  # the rerun
    for _, name, product_id in pushed:
        assert f"{product_id}  {name}: 승인완료" in out
    assert "3 product(s) listed for A00012345:" in out
    assert re.search(
        r"봄날 퓨어 클렌징 오일 200ml \(vendorItemId \d+\): price 15,900 -> 13,900 won, "
        r"stock 120 -> 95",
        out,
    )
    # the order journey: one bundle, re-read address, split shipping, delivery, return, exchange
    assert re.search(
        r"orderId \d+: 봄날 퓨어 클렌징 오일 200ml, 봄날 퓨어 클렌징 오일 400ml, "
        r"봄날 데일리 선크림 50ml -> 1 box, shipmentBoxId (\d+)",
        out,
    )
    assert "the seller's ACCEPT list right after payment: 0 sheet(s)" in out
    assert re.search(r"ACCEPT: 1 sheet\(s\); box \d+ with 3 item\(s\), postCode 03925", out)
    assert "status INSTRUCT; re-read postCode 48058 (ship there, not to 03925)" in out
    split = re.search(
        r"200ml: invoice 100000000001 -> new shipmentBoxId (\d+) \[DEPARTURE\]; "
        r"box (\d+) stays \[INSTRUCT\]",
        out,
    )
    assert split and split.group(1) != split.group(2)
    assert f"invoice 100000000002 -> box {split.group(2)} [DEPARTURE]" in out
    assert "PICKUP: DELIVERING" in out and "DELIVERED: FINAL_DELIVERY" in out
    assert re.search(
        r"receiptId \d+ \[RETURNS_UNCHECKED\], pickup 연동택배: fault CUSTOMER, "
        r"the customer pays 3,000 won return shipping",
        out,
    )
    assert "courier picks it up: quick refund yes -> [RETURNS_COMPLETED]" in out
    assert re.search(r"exchangeId \d+ \[RECEIPT\], fault VENDOR", out)
    new_box = re.search(r"new shipmentBoxId (\d+) \(the original was (\d+)\)", out)
    assert new_box and new_box.group(1) != new_box.group(2) == split.group(2)
    assert f"exchange invoice 100000000003 on box {new_box.group(1)}: SUCCESS" in out
    # the restart section: the same store, read by a new server
    restart = out[out.index("Restarting the sandbox on the same store") :]
    assert "after restart: 2 outbound place(s): 파주 1센터, 서울 소량 출고지" in restart
    assert out.rstrip().endswith("went over real HTTP to the sandbox.")


def test_demo_json_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", "demo"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    summary = json.loads(out)  # nothing but one JSON document on stdout
    assert summary["db"].startswith("sqlite:///")
    codes = summary["outboundCodes"]
    assert len(codes) == 2 and all(isinstance(c, int) for c in codes)
    assert summary["returnCenterCode"].isdigit()
    assert summary["refusals"] == ["remote_fee_range", "max_length", "postcode_format", "duplicate"]
    assert summary["placesAfterRestart"] == ["파주 1센터", "서울 소량 출고지"]
    products = summary["products"]
    assert products["checkExitCode"] == 3
    assert len(products["created"]) == 3 and len(set(products["created"])) == 3
    assert products["skipped"] == ["봄날 허니 립밤"]
    assert products["refusedRules"] == ["image_not_square", "notice_detail_missing"]
    assert products["approvedItems"] == 4 and products["listed"] == 3
    change = products["priceChange"]
    assert change["salePrice"] == [15900, 13900] and change["stock"] == [120, 95]
    orders = summary["orders"]
    assert orders["visibleBeforeWait"] == 0
    assert orders["postCodes"] == ["03925", "48058"]
    assert orders["splitShipmentBoxId"] != orders["shipmentBoxId"]
    assert orders["statuses"] == [
        "ACCEPT", "INSTRUCT", "DEPARTURE", "DELIVERING", "DELIVERING", "FINAL_DELIVERY",
    ]  # fmt: skip
    assert orders["return"] == {
        "receiptId": orders["return"]["receiptId"],
        "faultByType": "CUSTOMER",
        "returnShippingCharge": 3000,
        "preRefund": True,
        "pickupScan": "RETURNS_COMPLETED",
        "receiptStatus": "RETURNS_COMPLETED",
    }
    exchange = orders["exchange"]
    assert exchange["faultType"] == "VENDOR" and exchange["result"] == "SUCCESS"
    assert exchange["newShipmentBoxId"] not in (
        orders["shipmentBoxId"], orders["splitShipmentBoxId"], None,
    )  # fmt: skip
