"""JSON responses and Coupang's envelopes."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse, Response

MEDIA_TYPE = "application/json;charset=UTF-8"


class CoupangJSONResponse(JSONResponse):
    """``Content-Type: application/json;charset=UTF-8`` exactly, UTF-8 text (not ``\\uXXXX``)."""

    media_type = MEDIA_TYPE

    def render(self, content: Any) -> bytes:
        """``content`` as compact UTF-8 JSON."""
        return dumps(content).encode("utf-8")


class PrerenderedJSONResponse(Response):
    """A body already rendered as JSON text (stored documents spliced together)."""

    media_type = MEDIA_TYPE


def dumps(content: Any) -> str:
    """``content`` as compact JSON text, non-ASCII kept as is (Coupang's form)."""
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))


def _page_json(docs: list[str], pagination: dict[str, int]) -> str:
    return f'{{"content":[{",".join(docs)}],"pagination":{dumps(pagination)}}}'


def success_page(docs: list[str], pagination: dict[str, int]) -> Response:
    """``{"code":200,"message":"SUCCESS","data":{"content":[...],"pagination":{...}}}``"""
    body = f'{{"code":200,"message":"SUCCESS","data":{_page_json(docs, pagination)}}}'
    return PrerenderedJSONResponse(body.encode("utf-8"))


def success_docs(docs: list[str]) -> Response:
    """``{"code":200,"message":"SUCCESS","data":[...]}``"""
    body = f'{{"code":200,"message":"SUCCESS","data":[{",".join(docs)}]}}'
    return PrerenderedJSONResponse(body.encode("utf-8"))


def raw_page(docs: list[str], pagination: dict[str, int]) -> Response:
    """``{"content":[...],"pagination":{...}}`` without envelope (marketplace_openapi)."""
    return PrerenderedJSONResponse(_page_json(docs, pagination).encode("utf-8"))


def success(data: Any, status_code: int = 200) -> CoupangJSONResponse:
    """The openapi provider's success envelope."""
    return CoupangJSONResponse({"code": 200, "message": "SUCCESS", "data": data}, status_code)


def raw(content: Any, status_code: int = 200) -> CoupangJSONResponse:
    """A body without envelope (the marketplace_openapi provider answers this way)."""
    return CoupangJSONResponse(content, status_code)
