"""Image contents: the format, size and dimensions Coupang accepts, judged from the bytes.

Pillow is optional (``pip install 'coupang-seller[images]'``); without it the byte checks answer
a single ``image_check_unavailable`` violation instead of failing. Decompression bombs are
handled without touching Pillow's global settings: dimensions are read from the header first and
nothing larger than 5000 x 5000 is ever decoded; Pillow's own bomb guard (an error, or a
warning promoted to an error) is reported as a dimension violation.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Final

from coupang_seller.preflight._core import Violation
from coupang_seller.types.products import IMAGE_REP_OBLONG_ORIGIN

ImageLoader = Callable[[str], bytes | None]

#: 3 MB, read as binary megabytes (the docs write "3MB 이하").
IMAGE_BYTES_MAX: Final = 3 * 1024 * 1024
IMAGE_SIDE_MIN: Final = 500
IMAGE_SIDE_MAX: Final = 5000
#: Image types that need not be square (the SDK-only oblong main image).
NON_SQUARE_IMAGE_TYPES: Final = frozenset({IMAGE_REP_OBLONG_ORIGIN})

INSTALL_HINT: Final = "pip install 'coupang-seller[images]'"

_SIGNATURES: Final = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"%PDF", "PDF"),
)
_ACCEPTED: Final = frozenset({"PNG", "JPEG"})
_URL_RE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//")


def is_url(path: str) -> bool:
    """``http://...``, ``https://...``, ``file://...`` or a scheme-relative ``//host/...``."""
    return bool(_URL_RE.match(path.strip()))


def sniff_format(data: bytes) -> str | None:
    """The container format from the magic bytes; ``None`` when unrecognised."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:12] in (b"ftypavif", b"ftypheic", b"ftypmif1"):
        return "HEIF/AVIF"
    for magic, name in _SIGNATURES:
        if data.startswith(magic):
            return name
    return None


def _pillow() -> ModuleType | None:
    try:
        from PIL import Image
    except ImportError:
        return None
    return Image


def check_image_bytes(data: bytes, field: str, *, image_type: str) -> list[Violation]:
    """Rules for one image file: JPG or PNG by content, at most 3 MB, 500-5000 px, square.

    ``image_type`` is the ``imageType`` of the entry; every type must be square except the
    SDK-only ``REP_OBLONG_ORIGIN``. Never raises: corrupt data is a violation.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        return [Violation(field, "type", "image data must be bytes")]
    raw = bytes(data)
    out: list[Violation] = []
    too_large = len(raw) > IMAGE_BYTES_MAX
    if too_large:
        out.append(
            Violation(
                field,
                "image_too_large",
                f"an image file is at most 3 MB ({IMAGE_BYTES_MAX:,} bytes); "
                f"this one is {len(raw):,} bytes",
            )
        )
    kind = sniff_format(raw)
    if kind not in _ACCEPTED:
        got = kind or ("empty data" if not raw else "unrecognised data")
        out.append(Violation(field, "image_format", f"images must be JPG or PNG (got {got})"))
        return out
    image_module = _pillow()
    if image_module is None:
        out.append(
            Violation(
                field,
                "image_check_unavailable",
                f"image contents cannot be checked because Pillow is not installed ({INSTALL_HINT})",
            )
        )
        return out
    bomb = (image_module.DecompressionBombError, image_module.DecompressionBombWarning)
    try:
        with image_module.open(io.BytesIO(raw), formats=[kind]) as image:
            width, height = image.size
    except bomb:
        out.append(
            Violation(
                field,
                "image_dimensions",
                f"image declares far more pixels than {IMAGE_SIDE_MAX} x {IMAGE_SIDE_MAX} "
                "(refused unread as a possible decompression bomb)",
            )
        )
        return out
    except Exception as exc:  # noqa: BLE001 - any decoder failure means unusable data
        out.append(_corrupt(field, kind, exc))
        return out
    sides_ok = _check_sides(width, height, field, image_type, out)
    if sides_ok and not too_large:
        problem = _decode(image_module, raw, kind)
        if problem is not None:
            out.append(_corrupt(field, kind, problem))
    return out


def _check_sides(
    width: int, height: int, field: str, image_type: str, out: list[Violation]
) -> bool:
    """Each side within the limits (returned) and, for most types, a square image."""
    sides_ok = min(width, height) >= IMAGE_SIDE_MIN and max(width, height) <= IMAGE_SIDE_MAX
    if not sides_ok:
        out.append(
            Violation(
                field,
                "image_dimensions",
                f"each side of an image must be {IMAGE_SIDE_MIN} to {IMAGE_SIDE_MAX} px "
                f"(got {width} x {height})",
            )
        )
    if width != height and image_type not in NON_SQUARE_IMAGE_TYPES:
        out.append(
            Violation(
                field,
                "image_not_square",
                f"{image_type or 'the'} image must be square (got {width} x {height})",
            )
        )
    return sides_ok


def _decode(image_module: ModuleType, raw: bytes, kind: str) -> Exception | None:
    """Verify the file structure, then decode every pixel (bounded: at most 5000 x 5000)."""
    try:
        with image_module.open(io.BytesIO(raw), formats=[kind]) as image:
            image.verify()
        with image_module.open(io.BytesIO(raw), formats=[kind]) as image:
            image.load()
    except Exception as exc:  # noqa: BLE001 - any decoder failure means unusable data
        return exc
    return None


def _corrupt(field: str, kind: str, exc: Exception) -> Violation:
    reason = str(exc).strip() or type(exc).__name__
    return Violation(
        field, "image_corrupt", f"the {kind} data is corrupt or truncated ({reason:.120})"
    )


def local_image_loader(base_dir: Path | None = None) -> ImageLoader:
    """An :data:`ImageLoader` for local files, for the SDK's preflight.

    Relative paths are resolved against ``base_dir`` (the working directory when ``None``).
    URLs are refused (``None``): a remote image is fetched by Coupang, not checked here. At
    most 3 MB + 1 byte is read, enough for the size rule to fire without reading a huge file.
    Unreadable paths give ``None``.
    """
    root = Path(base_dir) if base_dir is not None else None

    def load(path: str) -> bytes | None:
        """Read a local image file for the size/format checks; None for URLs, blanks and missing
        files.
        """
        if not isinstance(path, str) or not path.strip() or is_url(path):
            return None
        candidate = Path(path)
        if root is not None and not candidate.is_absolute():
            candidate = root / candidate
        try:
            with candidate.open("rb") as handle:
                return handle.read(IMAGE_BYTES_MAX + 1)
        except (OSError, ValueError):
            return None

    return load
