"""Text -> weighted sparse features for the category recommender.

Korean product names glue words together ("섬유유연제", "반팔티") and sellers space them
inconsistently, so Hangul runs are described by their syllable 1-3-grams as well as the whole
run (and the run joined with its neighbour). Latin words get 3-4-grams of the padded word plus
the word itself. Quantities ("2.6L", "x4", "30롤", "120g"), bare numbers and promotion words
("무료배송", "정품") carry no category information and are dropped.
"""

from __future__ import annotations

import re
import unicodedata

Features = dict[str, float]

_TOKEN = re.compile(r"[가-힣]+|[a-z0-9]+(?:\.[0-9]+)*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_QUANTITY = re.compile(r"(?:x|\d+(?:\.\d+)?)+([a-z]*)")
_UNITS = frozenset(
    [
        "x",
        "ml",
        "l",
        "cc",
        "g",
        "kg",
        "mg",
        "mm",
        "cm",
        "m",
        "km",
        "gb",
        "tb",
        "mb",
        "kb",
        "mah",
        "w",
        "kw",
        "v",
        "hz",
        "p",
        "pcs",
        "ea",
        "oz",
        "lb",
        "in",
        "inch",
        "t",
        "pa",
        "pk",
        "ct",
        "cm2",
        "l1",
        "d",
        "s",
        "xl",
        "xxl",
        "xs",
    ]
)
_STOP_HANGUL = frozenset(
    [
        "개",
        "개입",
        "매",
        "매입",
        "팩",
        "입",
        "장",
        "병",
        "캔",
        "봉",
        "포",
        "롤",
        "정",
        "알",
        "박스",
        "세트",
        "셋",
        "켤레",
        "족",
        "벌",
        "구",
        "마리",
        "인용",
        "인분",
        "권",
        "자루",
        "무료배송",
        "무배",
        "당일발송",
        "당일출고",
        "빠른배송",
        "로켓배송",
        "특가",
        "초특가",
        "할인",
        "행사",
        "증정",
        "사은품",
        "정품",
        "국내정품",
        "정식수입",
        "본사",
        "공식",
        "신상",
        "신제품",
        "인기",
        "추천",
        "베스트",
        "단독",
        "한정",
        "최신형",
        "최신",
        "고급",
        "프리미엄",
        "선물포장",
        "택1",
        "및",
        "외",
        "용",
        "등",
    ]
)
_STOP_LATIN = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "of",
        "new",
        "set",
        "pcs",
        "pack",
        "free",
        "ship",
        "to",
        "in",
        "on",
        "by",
        "a",
        "an",
    ]
)

# Feature weights by kind.
W_WORD = 1.5
W_JOINED = 1.0
W_HANGUL_1 = 0.25
W_HANGUL_2 = 1.0
W_HANGUL_3 = 1.0
W_LATIN_GRAM = 0.5


def normalize(text: str) -> str:
    """NFKC-normalize and lowercase ``text`` for matching category names."""
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str) -> list[str]:
    """Meaningful tokens: Hangul runs and Latin/alphanumeric words, quantities dropped."""
    out: list[str] = []
    for token in _TOKEN.findall(normalize(text)):
        if _is_hangul(token[0]):
            if token not in _STOP_HANGUL:
                out.append(token)
            continue
        if _NUMBER.fullmatch(token):
            continue
        quantity = _QUANTITY.fullmatch(token)
        if quantity and quantity.group(1) in _UNITS | {""}:
            continue
        if token in _STOP_LATIN or token.isdigit():
            continue
        out.append(token)
    return out


def _is_hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def add(features: Features, text: str, weight: float = 1.0) -> None:
    """Add the features of ``text`` (scaled by ``weight``) into ``features``.

    Neighbouring tokens also count joined (``"섬유 유연제"`` meets ``"섬유유연제"``, ``"비타민 C"``
    meets ``"비타민C"``); a single letter counts only that way.
    """
    previous: str | None = None
    for word in tokens(text):
        if previous is not None:
            _bump(features, "w|" + previous + word, W_JOINED * weight)
        previous = word
        if len(word) < 2:
            continue
        _bump(features, "w|" + word, W_WORD * weight)
        if _is_hangul(word[0]):
            _hangul_grams(features, word, weight)
        elif len(word) >= 3 and word.isalpha():
            padded = f"<{word}>"
            for n in (3, 4):
                for i in range(len(padded) - n + 1):
                    _bump(features, "l|" + padded[i : i + n], W_LATIN_GRAM * weight)


def _hangul_grams(features: Features, word: str, weight: float) -> None:
    for ch in word:
        _bump(features, "1|" + ch, W_HANGUL_1 * weight)
    for i in range(len(word) - 1):
        _bump(features, "2|" + word[i : i + 2], W_HANGUL_2 * weight)
    for i in range(len(word) - 2):
        _bump(features, "3|" + word[i : i + 3], W_HANGUL_3 * weight)


def _bump(features: Features, key: str, value: float) -> None:
    features[key] = features.get(key, 0.0) + value


def brand_key(brand: str) -> str:
    """Brands compare without case, spaces or punctuation."""
    return "".join(ch for ch in normalize(brand) if ch.isalnum())


def meaningful_length(text: str) -> int:
    """Characters of the meaningful tokens (0 for "", "!!!", "2kg x 3", "무료배송")."""
    return sum(len(t) for t in tokens(text) if len(t) > 1)
