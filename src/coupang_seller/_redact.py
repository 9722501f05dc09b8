"""Redaction of credentials and buyer personal data before anything reaches a log.

The SDK logs through ``logging.getLogger("coupang_seller")`` and never prints.  Whatever it
logs goes through these helpers first:

* :func:`redact_headers` masks the ``Authorization`` signature and any header that looks
  like a secret, token or cookie.
* :func:`redact_json` replaces buyer personal data (names, phone and safe numbers,
  addresses, postcodes, customs ids, e-mails) in request/response bodies.  The key lists
  are the field names ``scripts/derive_personal_fields.py`` finds in Coupang's reference
  (``_personal_fields.py``, generated) plus the hand-picked frozensets at the top of this
  module: extend them there.
* :func:`redact_text` and :class:`RedactingFilter` scrub known secret strings (the secret
  key) from any text, so even a careless log line cannot leak them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pydantic

from coupang_seller._personal_fields import PERSONAL_BLOCKS, PERSONAL_FIELDS
from coupang_seller._secret import reveal

__all__ = [
    "ALWAYS_REDACTED_KEYS",
    "BUYER_BLOCK_KEYS",
    "BUYER_BLOCK_REDACTED_KEYS",
    "PARTIALLY_MASKED_KEYS",
    "REDACTED",
    "SENSITIVE_HEADER_MARKERS",
    "RedactingFilter",
    "mask_partial",
    "redact_headers",
    "redact_json",
    "redact_text",
]

REDACTED = "[REDACTED]"

SENSITIVE_HEADER_MARKERS: frozenset[str] = frozenset({"secret", "token", "cookie", "authorization"})
"""A header whose lower-cased name contains one of these is redacted."""

BUYER_BLOCK_KEYS: frozenset[str] = frozenset(
    {"orderer", "receiver", "buyer", *(key.lower() for key in PERSONAL_BLOCKS)}
)
"""Lower-cased keys of objects holding one buyer's (or recipient's) personal data."""

BUYER_BLOCK_REDACTED_KEYS: frozenset[str] = frozenset(
    key.lower()
    for key in (
        "name",
        "email",
        "safeNumber",
        "ordererNumber",
        "receiverNumber",
        "phone",
        "phoneNumber",
        "cellPhone",
        "addr1",
        "addr2",
        "postCode",
        "zipCode",
    )
)
"""Lower-cased keys redacted anywhere inside a :data:`BUYER_BLOCK_KEYS` object.

These names are too generic to redact everywhere: the seller's own shipping places carry
``name``-like and phone fields that are not buyer data.
"""

ALWAYS_REDACTED_KEYS: frozenset[str] = frozenset(
    key.lower()
    for key in (
        # credentials
        "secretKey",
        "secret_key",
        # buyer personal data with unambiguous names
        "personalCustomsClearanceCode",
        "ordererSsn",
        "ordererEmail",
        "ordererName",
        "ordererPhoneNumber",
        "receiverName",
        "receiverAddr1",
        "receiverAddr2",
        "receiverPhoneNumber",
        "receiverPostCode",
        "requesterName",
        "requesterPhoneNumber",
        "requesterRealPhoneNumber",
        "requesterAddress",
        "requesterAddressDetail",
        "requesterZipCode",
        "customerName",
        "buyerPhone",
        "buyerEmail",
        "buyerName",
        # every personal-data field of the reference (generated)
        *PERSONAL_FIELDS,
    )
)
"""Lower-cased keys whose values are redacted wherever they appear."""

PARTIALLY_MASKED_KEYS: frozenset[str] = frozenset({"accesskey", "access_key", "access-key"})
"""Lower-cased keys whose values keep their first characters (see :func:`mask_partial`)."""

_MASK_KEEP = 4


def mask_partial(value: str, keep: int = _MASK_KEEP) -> str:
    """``"abcd1234-..."`` -> ``"abcd…"``; values too short to hide anything become
    :data:`REDACTED` entirely."""
    if len(value) < 2 * keep:
        return REDACTED
    return value[:keep] + "…"


def _redact_authorization(value: str) -> str:
    """Keep the scheme and the non-secret parts of a ``CEA`` authorization header."""
    scheme, _, params = value.strip().partition(" ")
    if scheme.upper() != "CEA":
        return f"{scheme} {REDACTED}" if params and scheme else REDACTED
    parts: list[str] = []
    for raw in params.split(","):
        name, sep, param = raw.strip().partition("=")
        if not sep:
            parts.append(REDACTED)
            continue
        lowered = name.strip().lower()
        if lowered in ("algorithm", "signed-date"):
            parts.append(f"{name.strip()}={param.strip()}")
        elif lowered == "access-key":
            parts.append(f"{name.strip()}={mask_partial(param.strip())}")
        else:
            parts.append(f"{name.strip()}={REDACTED}")
    return f"{scheme} " + ", ".join(parts)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Return a copy of ``headers`` that is safe to log.

    ``Authorization: CEA algorithm=HmacSHA256, access-key=…, signed-date=…, signature=…``
    keeps the algorithm and signed date, the first four characters of the access key and
    nothing of the signature.  Other authorization schemes keep only the scheme name.  Any
    other header whose name contains ``secret``, ``token``, ``cookie`` or
    ``authorization`` (case-insensitive) is replaced by :data:`REDACTED`.  Header names and
    order are preserved.
    """
    result: dict[str, str] = {}
    for name, value in headers.items():
        lowered = name.lower()
        if "authorization" in lowered:
            result[name] = _redact_authorization(value)
        elif any(marker in lowered for marker in SENSITIVE_HEADER_MARKERS):
            result[name] = REDACTED
        else:
            result[name] = value
    return result


def redact_json(value: Any) -> Any:
    """Return a deep copy of a decoded JSON value with personal data redacted.

    * Keys in :data:`ALWAYS_REDACTED_KEYS` are redacted at any depth.
    * Keys in :data:`PARTIALLY_MASKED_KEYS` (``accessKey``) keep their first characters.
    * Keys in :data:`BUYER_BLOCK_REDACTED_KEYS` (``name``, ``safeNumber``, ``addr1``...)
      are redacted anywhere inside an ``orderer``/``receiver``/``buyer`` object, including
      objects nested in it and lists of such objects.

    Matching is case-insensitive on exact key names.  A redacted key's whole value
    (object, list or scalar) becomes :data:`REDACTED`; ``None`` stays ``None`` (nothing to
    hide, and it keeps "absent" visible).  A scalar under ``orderer``/``receiver``/``buyer``
    itself is redacted as well.  Mappings become ``dict``, lists and tuples
    become ``list``; other values are returned as they are.
    """
    return _redact(value, in_buyer_block=False)


def _redact(value: Any, *, in_buyer_block: bool) -> Any:
    if isinstance(value, Mapping):
        out: dict[Any, Any] = {}
        for key, item in value.items():
            lowered = key.lower() if isinstance(key, str) else None
            if item is None or lowered is None:
                out[key] = _redact(item, in_buyer_block=in_buyer_block)
            elif lowered in ALWAYS_REDACTED_KEYS or (
                in_buyer_block and lowered in BUYER_BLOCK_REDACTED_KEYS
            ):
                out[key] = REDACTED
            elif lowered in PARTIALLY_MASKED_KEYS:
                out[key] = mask_partial(item) if isinstance(item, str) else REDACTED
            elif lowered in BUYER_BLOCK_KEYS and not isinstance(item, Mapping | list | tuple):
                # "buyer": "Hong Gildong" -- a scalar in place of the usual block.
                out[key] = REDACTED
            else:
                out[key] = _redact(
                    item, in_buyer_block=in_buyer_block or lowered in BUYER_BLOCK_KEYS
                )
        return out
    if isinstance(value, list | tuple):
        return [_redact(item, in_buyer_block=in_buyer_block) for item in value]
    return value


def redact_text(text: str, secrets: Iterable[str | pydantic.SecretStr]) -> str:
    """Replace every occurrence of each non-empty string of ``secrets`` (plain or
    :class:`~coupang_seller.Secret`) by :data:`REDACTED`.

    Longer secrets win where two overlap.
    """
    pattern = _secrets_pattern(secrets)
    return text if pattern is None else pattern.sub(REDACTED, text)


def _secrets_pattern(secrets: Iterable[str | pydantic.SecretStr]) -> re.Pattern[str] | None:
    unique = sorted({reveal(s) for s in secrets if s}, key=len, reverse=True)
    if not unique:
        return None
    return re.compile("|".join(re.escape(s) for s in unique))


class RedactingFilter(logging.Filter):
    """A logging filter scrubbing known secrets from every record it sees.

    The record's message is rendered (``msg % args``) and, only when it contains one of
    the secrets, replaced by the scrubbed text with ``args`` cleared.  Exception and stack
    text are scrubbed too.  The filter never drops a record.

    Exception text is rendered with the default ``logging.Formatter.formatException``.

    Note that ``logging`` applies a *logger's* filters only to records logged on that very
    logger, not to those propagated from child loggers; attach it to a handler to cover
    the whole ``coupang_seller`` hierarchy.
    """

    def __init__(self, secrets: Iterable[str | pydantic.SecretStr], name: str = "") -> None:
        super().__init__(name)
        self._pattern = _secrets_pattern(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask secrets and buyer personal data in the record's message; never drops the record."""
        pattern = self._pattern
        if pattern is None:
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError, KeyError):
            # Mismatched format arguments: scrub the raw parts instead.
            record.msg = pattern.sub(REDACTED, str(record.msg))
            record.args = (
                tuple(pattern.sub(REDACTED, repr(arg)) for arg in record.args)
                if isinstance(record.args, tuple)
                else None
            )
            message = None
        if message is not None and pattern.search(message):
            record.msg = pattern.sub(REDACTED, message)
            record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = pattern.sub(REDACTED, record.exc_text)
        if record.stack_info:
            record.stack_info = pattern.sub(REDACTED, record.stack_info)
        return True
