"""Base model: documented field names, unknown fields kept, unknown enum values tolerated."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from coupang_seller._redact import (
    ALWAYS_REDACTED_KEYS,
    BUYER_BLOCK_REDACTED_KEYS,
    REDACTED,
    redact_json,
)

T = TypeVar("T")


class CoupangModel(BaseModel):
    """Fields carry Coupang's documented (camelCase) names; extra fields are kept as-is.

    Enumerated fields are plain ``str`` so a value Coupang adds tomorrow does not break
    parsing today; the known values are listed as constants next to each model.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, frozen=False)

    #: True for a model holding one person's data (``Orderer``, ``Receiver``): its generic
    #: fields (``name``, ``addr1``...) are masked in ``repr``/``str`` too.
    personal_block: ClassVar[bool] = False

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        """``repr``/``str`` mask buyer personal data (the keys ``_redact`` redacts from logs);
        the attributes and ``model_dump()`` keep the real values."""
        block = type(self).personal_block
        for name, value in super().__repr_args__():
            lowered = name.lower() if name is not None else None
            if (
                value is not None
                and lowered is not None
                and (
                    lowered in ALWAYS_REDACTED_KEYS
                    or (block and lowered in BUYER_BLOCK_REDACTED_KEYS)
                )
            ):
                yield name, REDACTED
            elif isinstance(value, dict | list):  # extra fields kept as plain JSON
                yield name, redact_json(value)
            else:
                yield name, value

    def to_body(self) -> dict[str, Any]:
        """The JSON body Coupang expects: documented names, ``None`` left out."""
        return self.model_dump(by_alias=True, exclude_none=True, mode="json")


class Pagination(CoupangModel):
    """Coupang's page block: currentPage, totalPages, totalElements, countPerPage."""

    currentPage: int | None = None
    totalPages: int | None = None
    totalElements: int | None = None
    countPerPage: int | None = None


class Page(CoupangModel, Generic[T]):
    """One page of a ``pageNum``/``pageSize`` list."""

    content: list[T] = []
    pagination: Pagination | None = None

    @property
    def total_pages(self) -> int | None:
        """pagination.totalPages, or None without pagination."""
        return self.pagination.totalPages if self.pagination else None


class Envelope(CoupangModel, Generic[T]):
    """``{"code", "message", "data"}``: the openapi provider's answer around ``data``."""

    code: int | str | None = None
    message: str | None = None
    data: T | None = None


class ResultData(CoupangModel):
    """``data`` of shipping-place and return-step mutations: ``SUCCESS``/``FAIL`` and a message."""

    resultCode: str | None = None
    resultMessage: str | None = None
