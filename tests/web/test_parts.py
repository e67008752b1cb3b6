"""The web layer's plain functions: text segments, safe snippets, parameters, the heat scale."""

from __future__ import annotations

import pytest

from nlp.gazetteer import load_gazetteer
from web.document import Mark, segments
from web.params import BadRequest, CompareParams, SearchParams
from web.snippets import safe_snippet
from web.views import heat, moved_to


def test_segments_cover_the_text_and_mark_each_finding() -> None:
    text = "Đầu. Thiếu phiếu hẹn. Giữa. Đã sửa. Cuối."
    a, b = text.index("Thiếu"), text.index("Đã")
    parts = segments(text, [Mark(a, a + 16, "f1", "shortcoming", True), Mark(b, b + 7, "f2", "strength")])
    assert "".join(p.text for p in parts) == text
    marked = [(p.text, p.mark.finding_id, p.mark.current) for p in parts if p.mark]
    assert marked == [("Thiếu phiếu hẹn.", "f1", True), ("Đã sửa.", "f2", False)]


def test_overlapping_spans_the_current_finding_wins() -> None:
    text = "0123456789"
    parts = segments(
        text,
        [
            Mark(0, 6, "other", "strength"),
            Mark(4, 8, "this", "shortcoming", True),
            Mark(7, 20, "late", "recommendation"),
        ],
    )
    assert "".join(p.text for p in parts) == text
    assert [(p.text, p.mark.finding_id if p.mark else None) for p in parts] == [
        ("0123", "other"),
        ("4567", "this"),
        ("89", "late"),
    ]


def test_spans_outside_the_text_are_dropped() -> None:
    assert [p.mark for p in segments("abc", [Mark(5, 9, "x", "strength")])] == [None]


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("Thiếu <mark>phiếu</mark> <mark>hẹn</mark>", "Thiếu <mark>phiếu</mark> <mark>hẹn</mark>"),
        ("&lt;b&gt; <mark>x</mark>", "&lt;b&gt; <mark>x</mark>"),
        ("<script>alert(1)</script><mark>x", "&lt;script&gt;alert(1)&lt;/script&gt;<mark>x</mark>"),
        ("a</mark><mark><mark>b</mark>", "a<mark>b</mark>"),
        ('"&amp;"', "&quot;&amp;&quot;"),
        ("<mark onclick=x>y</mark>", "&lt;mark onclick=x&gt;y"),
    ],
)
def test_snippets_keep_only_balanced_marks_and_escape_everything_else(raw: str, safe: str) -> None:
    assert str(safe_snippet(raw)) == safe


def test_search_params_round_trip_through_the_url() -> None:
    params = SearchParams.parse(
        {"q": "  phieu   hen ", "nam": "2021", "loai": "shortcoming", "trang": "3", "utm_source": "zalo"},
        max_query_chars=500,
    )
    assert params.q == "phieu hen" and params.nam == 2021 and params.trang == 3
    assert params.url() == "/?q=phieu+hen&nam=2021&loai=shortcoming"  # a change goes back to page 1
    assert params.url(trang=4).endswith("&trang=4")
    query = params.query()
    assert (query.offset, query.limit, query.year, query.facets) == (40, 20, 2021, True)
    assert SearchParams.parse({}, max_query_chars=500).url() == "/"


def test_compare_params_reject_a_reversed_range() -> None:
    with pytest.raises(BadRequest, match=r"«từ năm» \(2023\) không được lớn hơn «đến năm» \(2019\)"):
        CompareParams.parse({"tu_nam": "2023", "den_nam": "2019"})
    assert CompareParams.parse({"don_vi": "Cam Tuyền", "do_do": "units"}).url() == (
        "/so-sanh?don_vi=Cam+Tuy%E1%BB%81n&do_do=units"
    )


def test_heat_scale() -> None:
    assert [heat(n, 10) for n in (0, 1, 5, 10)] == [0, 1, 2, 5]
    assert heat(3, 0) == 0


def test_a_unit_the_reorganisation_kept_is_not_said_to_belong_to_itself() -> None:
    """The gazetteer names tỉnh Gia Lai as its own successor (it took in Bình Định); the page said
    "tỉnh Gia Lai — nay thuộc tỉnh Gia Lai". A merged province still says where it went."""
    gazetteer = load_gazetteer()
    kept = gazetteer.current_unit("tỉnh", "Gia Lai", "Gia Lai")
    merged = gazetteer.current_unit("tỉnh", "Bình Định", "Bình Định")
    assert kept == merged == "tỉnh Gia Lai"
    assert moved_to("tỉnh Gia Lai", kept) is None and moved_to("Tỉnh  Gia Lai", kept) is None
    assert moved_to("tỉnh Bình Định", merged) == "tỉnh Gia Lai"
    assert moved_to("xã Cam Tuyền", None) is None


def test_every_filter_empty_alone_asks_of_has_its_sentence() -> None:
    """Each filter pipeline.hints.empty_alone may name has a sentence on the page, its value by
    its name where the page names it so (the area, the type)."""
    from pipeline.hints import ALONE_FILTERS
    from web.views import _empty_alone

    params = SearchParams(q="x", nam=2030, tu_nam=2030, den_nam=2031, linh_vuc="tthc", loai="shortcoming",
                          tinh="Cà Mau", co_quan_kiem_tra="Sở Nội vụ", don_vi="Xyz", cap="xã",
                          loai_van_ban="Kế hoạch", so_hieu="9/QĐ", chu_de="tthc.phieu_hen")
    named = tuple(fields[0] for fields in ALONE_FILTERS)
    said = _empty_alone(params, named)
    assert len(said) == len(named) == len(set(said))
    assert "từ năm 2030 đến năm 2031" in said[named.index("year_from")]
    assert "«Cải cách thủ tục hành chính»" in said[named.index("area")]
