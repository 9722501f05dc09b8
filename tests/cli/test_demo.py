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
