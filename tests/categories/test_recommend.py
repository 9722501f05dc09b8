"""The offline recommender: clear cases, hints, refusals, determinism, speed, held-out score."""

from __future__ import annotations

import pytest
from benchmarks.recommend import load_holdout, run

from coupang_seller.catalog import (
    FAILURE,
    INSUFFICIENT_INFORMATION,
    SUCCESS,
    load_catalog,
    predict,
    recommend,
)


def top(name: str, **kwargs: object) -> int:
    found = recommend(name, **kwargs)  # type: ignore[arg-type]
    assert found
    return found[0].code


def code_of(path: str) -> int:
    catalog = load_catalog()
    return next(leaf.code for leaf in catalog.leaves() if catalog.path_name(leaf.code) == path)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # The documented examples of the prediction API.
        ("[유한양행] 유한젠 가루세제 1kg 용기(살균표백제)x10개", 63955),
        ("[유한양행] 유한젠 액체세제 1.8L 리필 (살균표백제)", 63954),
        ("[유한양행] 유한락스 파워젤 1L (살균/악취제거)x10개", 63922),
        ("[무료배송] 다우니 섬유유연제 실내건조 2.6L x 4개", 63950),
        ("fabric softener 3L refill", 63950),
    ],
)
def test_documented_examples(name: str, code: int) -> None:
    assert top(name) == code


def test_clear_cases_across_verticals() -> None:
    assert top("코데즈컴바인 양트임싱글코트") == code_of("패션의류잡화>여성패션>여성의류>여성 코트")
    assert top("삼성 갤럭시 S24 자급제 256GB") == code_of("가전디지털>휴대폰>스마트폰")
    assert top("로얄캐닌 강아지 사료 8kg") == code_of("반려동물용품>강아지용품>강아지 사료")
    assert top("비타민C 1000mg 200정") == code_of("헬스/건강식품>건강기능식품>비타민C")
    assert top("비타민 D 4000IU") == code_of("헬스/건강식품>건강기능식품>비타민D")


def test_brand_hint_decides_an_ambiguous_name() -> None:
    breast = code_of("식품>즉석/간편식>닭가슴살")
    assert top("오리지널 100g x 10") != breast
    assert top("오리지널 100g x 10", brand="아임닭") == breast
    razor = code_of("뷰티>뷰티소품>면도기/면도날")
    assert top("퓨전 프로글라이드", brand="질레트") == razor
    assert top("질레트 퓨전 프로글라이드") == razor  # a known brand inside the name counts too


def test_attribute_hint() -> None:
    men = code_of("패션의류잡화>남성패션>남성의류>남성 패딩/점퍼")
    women = code_of("패션의류잡화>여성패션>여성의류>여성 패딩/점퍼")
    assert top("겨울 롱패딩", attributes={"성별": "남성"}) == men
    assert top("겨울 롱패딩", attributes={"성별": "여성"}) == women
    listed = predict("겨울 롱패딩", attributes=["남성"])
    assert listed.best is not None and listed.best.code == men


@pytest.mark.parametrize("name", ["", "   ", "!!!", "2kg x 3", "500ml 12개", "무료배송 특가", "A"])
def test_insufficient_information(name: str) -> None:
    result = predict(name)
    assert result.result == INSUFFICIENT_INFORMATION
    assert result.best is None and result.comment
    assert recommend(name) == []


def test_unknown_words_and_weak_matches() -> None:
    assert predict("zzqx wvvk").result == INSUFFICIENT_INFORMATION
    weak = predict("오늘 날씨가 좋네요")
    assert weak.result == FAILURE and weak.best is None and weak.comment
    assert weak.candidates  # the ranking is still there for who wants it


def test_results_are_ranked_deterministic_and_complete() -> None:
    first = recommend("스텐 접이식 빨래건조대", top_k=5)
    assert first == recommend("스텐 접이식 빨래건조대", top_k=5)
    assert len(first) == 5
    assert [r.score for r in first] == sorted((r.score for r in first), reverse=True)
    assert all(0 < r.score <= 1 for r in first)
    catalog = load_catalog()
    for r in first:
        node = catalog.get(r.code)
        assert node is not None and node.is_leaf and node.name == r.name
        assert r.path == catalog.path_name(r.code)
    result = predict("스텐 접이식 빨래건조대")
    assert result.result == SUCCESS and result.best == first[0]


def test_holdout_file_and_score() -> None:
    rows = load_holdout()
    catalog = load_catalog()
    assert len(rows) >= 300
    for row in rows:
        assert catalog.is_leaf(row.code), row
        assert catalog.path_name(row.code) == row.path
    result = run(rows)
    assert result.n == len(rows)
    assert result.top1 >= 0.6 and result.top3 >= 0.8
