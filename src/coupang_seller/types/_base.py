"""Base model: documented field names, unknown fields kept, unknown enum values tolerated."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class CoupangModel(BaseModel):
    """Fields carry Coupang's documented (camelCase) names; extra fields are kept as-is.

    Enumerated fields are plain ``str`` so a value Coupang adds tomorrow does not break
    parsing today; the known values are listed as constants next to each model.
    """

    model_config = ConfigDict(extra="allow", populate_by_name=True, frozen=False)

    def to_body(self) -> dict[str, Any]:
        """The JSON body Coupang expects: documented names, ``None`` left out."""
        return self.model_dump(by_alias=True, exclude_none=True, mode="json")


class Pagination(CoupangModel):
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
