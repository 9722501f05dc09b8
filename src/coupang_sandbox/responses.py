"""JSON responses and Coupang's envelopes."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse

MEDIA_TYPE = "application/json;charset=UTF-8"


class CoupangJSONResponse(JSONResponse):
    """``Content-Type: application/json;charset=UTF-8`` exactly, UTF-8 text (not ``\\uXXXX``)."""

    media_type = MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def success(data: Any, status_code: int = 200) -> CoupangJSONResponse:
    """The openapi provider's success envelope."""
    return CoupangJSONResponse({"code": 200, "message": "SUCCESS", "data": data}, status_code)


def raw(content: Any, status_code: int = 200) -> CoupangJSONResponse:
    """A body without envelope (the marketplace_openapi provider answers this way)."""
    return CoupangJSONResponse(content, status_code)
