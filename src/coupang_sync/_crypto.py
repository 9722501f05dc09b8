"""Vendor credentials at rest: Fernet tokens under the key in ``COUPANG_SYNC_KEY``."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken

from coupang_sync._errors import CredentialKeyError

__all__ = ["KEY_ENV", "Credentials", "Sealer", "generate_key"]

KEY_ENV = "COUPANG_SYNC_KEY"


def generate_key() -> str:
    """A fresh key for ``COUPANG_SYNC_KEY`` (urlsafe base64 of 32 random bytes)."""
    return Fernet.generate_key().decode("ascii")


@dataclass(frozen=True, slots=True)
class Credentials:
    """A vendor's Open API keys; ``repr`` never shows the secret."""

    access_key: str
    secret_key: str

    def __repr__(self) -> str:
        """Mask both keys."""
        return "Credentials(access_key='***', secret_key='***')"


class Sealer:
    """Encrypts and decrypts credentials with one key (``key`` or ``$COUPANG_SYNC_KEY``)."""

    def __init__(self, key: str | None = None) -> None:
        """Take ``key``, else the environment's; a missing key fails only when used."""
        self._text = key if key is not None else os.environ.get(KEY_ENV)
        self._fernet: Fernet | None = None

    def _cipher(self) -> Fernet:
        if self._fernet is None:
            if not self._text:
                raise CredentialKeyError(
                    f"{KEY_ENV} is not set: the sync store keeps vendor credentials encrypted "
                    "and needs that key (create one with `coupang-seller sync key`)"
                )
            try:
                self._fernet = Fernet(self._text.encode("ascii"))
            except (ValueError, UnicodeEncodeError):
                raise CredentialKeyError(
                    f"{KEY_ENV} is not a valid key (expected 32 bytes in urlsafe base64, "
                    "as `coupang-seller sync key` prints)"
                ) from None
        return self._fernet

    def seal(self, credentials: Credentials) -> str:
        """The Fernet token of ``credentials``."""
        plain = json.dumps({"a": credentials.access_key, "s": credentials.secret_key})
        return self._cipher().encrypt(plain.encode("utf-8")).decode("ascii")

    def open(self, token: str, *, vendor_id: str) -> Credentials:
        """The credentials of ``token``; :class:`CredentialKeyError` for another key's token."""
        try:
            plain = self._cipher().decrypt(token.encode("ascii"))
        except InvalidToken:
            raise CredentialKeyError(
                f"{KEY_ENV} does not open the credentials of vendor {vendor_id}: the store "
                "was written with another key"
            ) from None
        data = json.loads(plain)
        return Credentials(access_key=str(data["a"]), secret_key=str(data["s"]))
