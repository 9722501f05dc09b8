"""Image files judged by their bytes (Pillow), the local loader, and loading during create."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

from coupang_seller.preflight import products as rules
from tests.products.rule_cases import create, image_bytes, pairs, png_header, product

pytest.importorskip("PIL.Image")

F = "items[0].images[0].vendorPath"


def rules_of(data: bytes, image_type: str = "REPRESENTATION") -> set[str]:
    return {v.rule for v in rules.check_image_bytes(data, F, image_type=image_type)}


def test_square_jpg_and_png_within_bounds_pass() -> None:
    assert rules.check_image_bytes(image_bytes(500, 500), F, image_type="REPRESENTATION") == []
    assert rules.check_image_bytes(image_bytes(640, 640, "PNG"), F, image_type="DETAIL") == []


def test_format_is_judged_by_content() -> None:
    assert rules_of(image_bytes(500, 500, "GIF")) == {"image_format"}
    assert rules_of(image_bytes(500, 500, "BMP")) == {"image_format"}
    assert rules_of(image_bytes(500, 500, "WEBP")) == {"image_format"}
    assert rules_of(b"") == {"image_format"}
    assert rules_of(b"<html>not an image</html>") == {"image_format"}
    assert rules_of(b"\x00\x00\x00\x1cftypheic" + b"\x00" * 20) == {"image_format"}
    (violation,) = rules.check_image_bytes(b"%PDF-1.7 ...", F, image_type="DETAIL")
    assert (violation.field, violation.rule) == (F, "image_format")
    assert "PDF" in violation.message


def test_dimensions() -> None:
    assert rules_of(image_bytes(499, 499)) == {"image_dimensions"}
    assert rules_of(png_header(5001, 5001)) == {"image_dimensions"}
    assert rules_of(image_bytes(600, 500)) == {"image_not_square"}
    assert rules_of(image_bytes(400, 600)) == {"image_dimensions", "image_not_square"}


def test_oblong_main_image_need_not_be_square() -> None:
    assert rules_of(image_bytes(800, 500), "REP_OBLONG_ORIGIN") == set()


def test_size_limit_three_megabytes() -> None:
    small = image_bytes(500, 500)
    padded = small + b"\x00" * (rules.IMAGE_BYTES_MAX - len(small) + 1)  # data after the JPEG end
    (violation,) = rules.check_image_bytes(padded, F, image_type="REPRESENTATION")
    assert (violation.field, violation.rule) == (F, "image_too_large")
    assert f"{rules.IMAGE_BYTES_MAX + 1:,}" in violation.message
    assert rules_of(small + b"\x00" * (rules.IMAGE_BYTES_MAX - len(small))) == set()


def test_corrupt_and_truncated_data() -> None:
    jpeg = image_bytes(600, 600, noise=True)
    assert rules_of(jpeg[: len(jpeg) * 2 // 3]) == {"image_corrupt"}
    png = bytearray(image_bytes(600, 600, "PNG", noise=True))
    png[len(png) // 2] ^= 0xFF
    assert rules_of(bytes(png)) == {"image_corrupt"}
    assert rules_of(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40) == {"image_corrupt"}
    assert rules_of(b"\xff\xd8\xff\xe0garbage") == {"image_corrupt"}


def test_decompression_bombs_are_refused_unread() -> None:
    # Far beyond Pillow's limit: its own error.
    assert rules_of(png_header(40_000, 40_000)) == {"image_dimensions"}
    # Beyond the warning limit: a warning, promoted to an error under these tests ...
    assert rules_of(png_header(10_000, 10_000)) == {"image_dimensions"}
    # ... or only a warning elsewhere; the size rule refuses it either way.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert rules_of(png_header(10_000, 10_000)) == {"image_dimensions"}


def test_without_pillow(monkeypatch: pytest.MonkeyPatch) -> None:
    jpeg = image_bytes(500, 500)
    monkeypatch.setitem(sys.modules, "PIL", None)
    (violation,) = rules.check_image_bytes(jpeg, F, image_type="DETAIL")
    assert violation.rule == "image_check_unavailable"
    assert "coupang-seller[images]" in violation.message
    # what needs no Pillow is still checked
    assert rules_of(b"GIF89a....") == {"image_format"}


def test_not_bytes() -> None:
    assert rules_of("a string") == {"type"}  # type: ignore[arg-type]
    assert rules_of(bytearray(image_bytes(500, 500))) == set()  # type: ignore[arg-type]


def test_local_loader(tmp_path: Path) -> None:
    data = image_bytes(500, 500)
    (tmp_path / "a.jpg").write_bytes(data)
    (tmp_path / "big.jpg").write_bytes(b"x" * (rules.IMAGE_BYTES_MAX + 500))
    (tmp_path / "dir.jpg").mkdir()
    load = rules.local_image_loader(tmp_path)
    assert load("a.jpg") == data
    assert load(str(tmp_path / "a.jpg")) == data
    assert load("missing.jpg") is None
    assert load("dir.jpg") is None
    assert load("bad\x00name.jpg") is None
    assert load("") is None
    assert load(123) is None  # type: ignore[arg-type]
    for url in ("http://example.com/a.jpg", "https://x/a.jpg", "file:///etc/passwd", "//cdn/a.jpg"):
        assert load(url) is None
    big = load("big.jpg")
    assert big is not None
    assert len(big) == rules.IMAGE_BYTES_MAX + 1
    assert rules.local_image_loader()(str(tmp_path / "a.jpg")) == data


def test_create_loads_each_image_once() -> None:
    files = {
        "images/1개.jpg": image_bytes(500, 500),
        "images/2개.jpg": image_bytes(600, 600, "PNG"),
        "images/detail-1.png": image_bytes(700, 700, "PNG"),
        "vendor_inventory/2024/05/01/detail-2.jpg": image_bytes(800, 800),
    }
    calls: list[str] = []

    def load(path: str) -> bytes | None:
        calls.append(path)
        return files.get(path)

    assert create(product(), load_image=load) == []
    assert sorted(calls) == sorted(files)  # the shared DETAIL images are read once

    files["images/detail-1.png"] = image_bytes(600, 500, "PNG")
    files["images/2개.jpg"] = b"GIF89a"
    found = pairs(create(product(), load_image=load))
    assert found == {
        ("items[0].images[1].vendorPath", "image_not_square"),
        ("items[1].images[1].vendorPath", "image_not_square"),
        ("items[1].images[0].vendorPath", "image_format"),
    }


def test_unreadable_local_file_but_not_a_url() -> None:
    body = product()
    body["items"][1]["images"][0]["vendorPath"] = "https://img.example.com/2.jpg"
    found = pairs(create(body, load_image=lambda path: None))
    assert ("items[1].images[0].vendorPath", "image_unreadable") not in found
    assert ("items[0].images[0].vendorPath", "image_unreadable") in found
    assert ("items[0].images[2].cdnPath", "image_unreadable") in found
