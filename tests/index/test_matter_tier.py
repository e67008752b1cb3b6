"""The matter tier (Query.matters) on both engines: findings of the query's matter in other words.

The findings below are written for these tests; their themes are set as the pipeline would set
them at ingest (nlp/vi/themes.toml codes). The query "phiếu hẹn trực tuyến máy tính" has three
groups: the stages take findings holding two or more; the matter tier the other findings of
its matters, by the groups they hold, the strongest matter first; the fill last.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from search_backends import BACKEND_PARAMS, FACTORIES, found, indexed

from core.models import Area, Polarity
from index.base import TIER_MATTER, TIER_SOME_WORDS, TIER_WORDS, FindingRecord, Query, SearchBackend

NEG = Polarity.SHORTCOMING
TEXT = "phiếu hẹn trực tuyến máy tính"
MATTERS = ("tthc.phieu_hen", "tthc.giai_quyet")  # what pipeline/search.py finds for such a query


def _rec(fid: str, text: str, words: str, theme: str, year: int = 2022) -> FindingRecord:
    return _headed(fid, text, words, theme, Area.TTHC, published=f"{year}-05-01")


def _headed(fid: str, text: str, words: str, theme: str, area: Area, polarity: Polarity = NEG,
            published: str = "2022-05-01") -> FindingRecord:
    """A finding of an area of the reform, as ingest gives it its area and theme."""
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words=words,
                         polarity=polarity, area=area, theme=theme, year=int(published[:4]),
                         published=published)


RECORDS = (
    _rec("w1", "Xã chưa cấp phiếu hẹn trực tuyến qua máy tính.",
         "Xã chưa cấp phiếu_hẹn trực_tuyến qua máy_tính .", "tthc.phieu_hen"),
    _rec("w2", "Phiếu hẹn trực tuyến in sai ngày trả kết quả.",
         "Phiếu_hẹn trực_tuyến in sai ngày trả kết_quả .", "tthc.phieu_hen"),
    _rec("m1", "Sổ theo dõi hồ sơ trực tuyến chưa được lập.",
         "Sổ theo_dõi hồ_sơ trực_tuyến chưa được lập .", "tthc.phieu_hen"),
    _rec("m2", "Không có giấy biên nhận cho người dân.",
         "Không có giấy biên_nhận cho người_dân .", "tthc.phieu_hen", year=2023),
    _rec("m3", "Hồ sơ tiếp nhận chưa được giải quyết kịp thời.",
         "Hồ_sơ tiếp_nhận chưa được giải_quyết kịp_thời .", "tthc.giai_quyet"),
    _rec("f1", "Máy tính của bộ phận một cửa đã cũ.",
         "Máy_tính của bộ_phận một_cửa đã cũ .", "so_hoa.ha_tang"),
    _rec("x1", "Công chức đi muộn về sớm.", "Công_chức đi muộn về sớm .", "cong_vu.ky_luat"),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, RECORDS)


def test_the_matter_tier_comes_after_the_words_and_before_the_fill(backend: SearchBackend) -> None:
    assert found(backend, text=TEXT, matters=MATTERS) == [
        ("w1", TIER_WORDS), ("w2", TIER_WORDS),  # all three groups, then two of them
        ("m1", TIER_MATTER),  # the matter, and one of the query's words
        ("m2", TIER_MATTER),  # the matter in other words only
        ("m3", TIER_MATTER),  # the weaker matter
        ("f1", TIER_SOME_WORDS),  # one word, another matter: the fill
    ]  # x1, of neither matter nor word, never comes
    assert backend.search(Query(text=TEXT, matters=MATTERS)).total == 6


def test_without_matters_the_same_query_finds_only_its_words(backend: SearchBackend) -> None:
    hits = found(backend, text=TEXT)
    assert {fid for fid, _ in hits} == {"w1", "w2", "m1", "f1"}
    assert hits[:2] == [("w1", TIER_WORDS), ("w2", TIER_WORDS)]
    assert {tier for _, tier in hits[2:]} == {TIER_SOME_WORDS}


def test_the_tier_runs_only_when_the_words_find_less_than_a_page(backend: SearchBackend) -> None:
    result = backend.search(Query(text=TEXT, matters=MATTERS, limit=2))
    assert [(h.record.finding_id, h.tier) for h in result.hits] == [("w1", TIER_WORDS), ("w2", TIER_WORDS)]
    assert result.total == 2


def test_pages_follow_the_tiers(backend: SearchBackend) -> None:
    second = found(backend, text=TEXT, matters=MATTERS, limit=3, offset=3)
    assert second == [("m2", TIER_MATTER), ("m3", TIER_MATTER), ("f1", TIER_SOME_WORDS)]


def test_filters_and_exclusions_hold_in_the_tier(backend: SearchBackend) -> None:
    assert "m2" not in dict(found(backend, text=TEXT, matters=MATTERS, year=2022))
    assert "m2" not in dict(found(backend, text=TEXT + ' -"biên nhận"', matters=MATTERS))
    # A matter is a hint, not a filter: a theme filter still narrows everything.
    assert found(backend, text=TEXT, matters=MATTERS, theme="tthc.giai_quyet") == [("m3", TIER_MATTER)]


def test_a_query_of_one_word_gets_its_matter_too(backend: SearchBackend) -> None:
    """No partial stage or fill exists for one group; the tier still follows it."""
    hits = found(backend, text="biên nhận", matters=("tthc.phieu_hen",))
    assert hits[0] == ("m2", TIER_WORDS)
    # Equal in all but their position: each engine breaks such ties its own way (rowid, date).
    assert sorted(hits[1:]) == [("m1", TIER_MATTER), ("w1", TIER_MATTER), ("w2", TIER_MATTER)]


def test_no_text_means_no_tier(backend: SearchBackend) -> None:
    assert len(found(backend, matters=MATTERS, limit=50)) == len(RECORDS)  # browsing: every finding


SLIPS = (  # the matter of "hạn chế phiếu hẹn trực tuyến" in both senses (tthc.phieu_hen)
    _rec("s1", "Xã cấp phiếu hẹn trực tuyến đầy đủ cho người dân.",
         "Xã cấp phiếu_hẹn trực_tuyến đầy_đủ cho người_dân .", "tthc.phieu_hen"),
    _rec("s2", "Phiếu hẹn trực tuyến in sai ngày trả kết quả.",
         "Phiếu_hẹn trực_tuyến in sai ngày trả kết_quả .", "tthc.phieu_hen"),
    _rec("s3", "Phiếu hẹn ghi đúng ngày trả kết quả.", "Phiếu_hẹn ghi đúng ngày trả kết_quả .",
         "tthc.phieu_hen"),
    _rec("s4", "Phiếu hẹn chưa ghi ngày trả kết quả.", "Phiếu_hẹn chưa ghi ngày trả kết_quả .",
         "tthc.phieu_hen"),
    _rec("s5", "Không có giấy biên nhận cho người dân.",
         "Không có giấy biên_nhận cho người_dân .", "tthc.phieu_hen"),
)
STRONG = {"s1", "s3"}  # what the inspection found done well


@pytest.fixture
def slips(fresh: SearchBackend) -> SearchBackend:
    fresh.index([replace(r, polarity=Polarity.STRENGTH) if r.finding_id in STRONG else r for r in SLIPS])
    return fresh


def test_a_section_asked_ranks_every_finding_of_its_polarity_before_any_other(slips: SearchBackend) -> None:
    """"hạn chế …" asks for the shortcomings on a matter (index.query.Plan.section): the strength
    holding every word comes after the shortcoming holding one and after the matter tier, which
    its place in the stages no longer keeps from running; nothing is lost from the total."""
    matters = ("tthc.phieu_hen",)
    assert found(slips, text="hạn chế phiếu hẹn trực tuyến", matters=matters) == [
        ("s2", TIER_WORDS), ("s4", TIER_WORDS), ("s5", TIER_MATTER), ("s1", TIER_WORDS), ("s3", TIER_WORDS)]
    assert found(slips, text="ưu điểm phiếu hẹn trực tuyến", matters=matters)[:2] == [
        ("s1", TIER_WORDS), ("s3", TIER_WORDS)]
    # A page the stages' findings of another polarity would fill is still the tiers' page.
    assert found(slips, text="hạn chế phiếu hẹn trực tuyến", matters=matters, limit=3) == [
        ("s2", TIER_WORDS), ("s4", TIER_WORDS), ("s5", TIER_MATTER)]
    assert slips.search(Query(text="hạn chế phiếu hẹn trực tuyến", matters=matters)).total == 5
    # A question about the matter is answered by either section: the stages keep their order.
    assert found(slips, text="phiếu hẹn trực tuyến ở xã nào", matters=matters)[:2] == [
        ("s2", TIER_WORDS), ("s1", TIER_WORDS)]
    # "còn" leads the category word ("còn hạn chế"): the question asks the shortcomings, ranked first,
    # though it is no section query (the matter tier keeps its place after the words).
    assert found(slips, text="xã nào còn hạn chế phiếu hẹn trực tuyến", matters=matters) == [
        ("s2", TIER_WORDS), ("s4", TIER_WORDS), ("s1", TIER_WORDS), ("s3", TIER_WORDS), ("s5", TIER_MATTER)]


BADGES = (
    FindingRecord(finding_id="b1", doc_key="doc-b", doc_id="b.pdf", text="Cán bộ không đeo thẻ khi làm việc.",
                  words="Cán_bộ không đeo thẻ khi làm_việc .", polarity=NEG, area=Area.CONG_VU,
                  theme="cong_vu.the_ten", year=2022),
    FindingRecord(finding_id="b2", doc_key="doc-b", doc_id="b.pdf", text="Công chức thiếu bảng tên trên bàn.",
                  words="Công_chức thiếu bảng_tên trên bàn .", polarity=NEG, area=Area.CONG_VU,
                  theme="cong_vu.the_ten", year=2022),
    FindingRecord(finding_id="b3", doc_key="doc-b", doc_id="b.pdf",
                  text="Cán bộ, công chức đều có bảng tên trên bàn.",
                  words="Cán_bộ , công_chức đều có bảng_tên trên bàn .", polarity=Polarity.STRENGTH,
                  area=Area.CONG_VU, theme="cong_vu.the_ten", year=2022),
)


@pytest.fixture(params=BACKEND_PARAMS)
def fresh(request: pytest.FixtureRequest, tmp_path: Path) -> SearchBackend:
    """An empty backend of each engine, in the test's folder; the fixtures below index theirs in it."""
    return FACTORIES[request.param](tmp_path, request)


@pytest.fixture
def badges(fresh: SearchBackend) -> SearchBackend:
    fresh.index(BADGES)
    return fresh


def test_a_query_asking_a_sense_gets_its_matter_in_that_sense_only(badges: SearchBackend) -> None:
    """"không đeo thẻ" asks for shortcomings: "đều có bảng tên" is its matter and answers nothing."""
    matters = ("cong_vu.the_ten",)
    assert found(badges, text="không đeo thẻ", matters=matters) == [("b1", TIER_WORDS), ("b2", TIER_MATTER)]
    plain = found(badges, text="đeo thẻ", matters=matters)
    assert plain[0] == ("b1", TIER_WORDS)
    assert sorted(plain[1:]) == [("b2", TIER_MATTER), ("b3", TIER_MATTER)]


def test_the_matter_in_other_words_only_comes_newest_first(fresh: SearchBackend) -> None:
    """Holding no query word, such findings have no bm25 to rank by: the newest come first on
    both engines (Elasticsearch orders equal scores by date), after the strongest matter."""
    def desk(fid: str, published: str, theme: str = "tthc.mot_cua") -> FindingRecord:
        return _headed(fid, "Khu vực chờ của bộ phận một cửa chật hẹp, thiếu ghế.",
                       "Khu_vực chờ của bộ_phận một_cửa chật_hẹp , thiếu ghế .", theme, Area.TTHC,
                       published=published)

    fresh.index([desk("k1", "2021-03-01"), desk("k2", "2024-06-01"), desk("k3", "2023-01-15"),
                 desk("k4", "2025-01-01", theme="tthc.lien_thong")])
    assert found(fresh, text="máy lấy số", matters=("tthc.mot_cua", "tthc.lien_thong")) == [
        ("k2", TIER_MATTER), ("k3", TIER_MATTER), ("k1", TIER_MATTER), ("k4", TIER_MATTER)]


def test_the_matter_in_other_words_ranks_first_what_holds_a_synonyms_words(fresh: SearchBackend) -> None:
    """"nghỉ làm không phép" has the synonym "vắng mặt không lý do" (index/vi/synonyms.toml): of
    its matter's findings holding none of the query's groups, the one saying "vắng mặt" (a word of
    that synonym, Plan.related) ranks above a newer one saying neither, on both engines."""
    def late(fid: str, text: str, words: str, published: str) -> FindingRecord:
        return _headed(fid, text, words, "cong_vu.ky_luat", Area.CONG_VU, published=published)

    fresh.index([
        late("n1", "Công chức đi muộn, về sớm so với giờ hành chính.",
              "Công_chức đi muộn , về sớm so_với giờ hành_chính .", "2025-03-01"),
        late("n2", "Hai công chức vắng mặt tại trụ sở khi đoàn đến kiểm tra.",
             "Hai công_chức vắng_mặt tại trụ_sở khi đoàn đến kiểm_tra .", "2021-03-01"),
        late("n3", "Một số cán bộ uống rượu trong giờ làm việc.",
             "Một_số cán_bộ uống rượu trong giờ làm_việc .", "2023-03-01"),
    ])
    assert found(fresh, text="nghỉ làm không phép", matters=("cong_vu.ky_luat",)) == [
        ("n2", TIER_MATTER), ("n1", TIER_MATTER), ("n3", TIER_MATTER)]  # then the newest first


def _desk(fid: str, text: str, words: str, published: str) -> FindingRecord:
    """A finding of the one-stop desk's matter, as the matter-tier tests in other words need."""
    return _headed(fid, text, words, "tthc.mot_cua", Area.TTHC, published=published)


def test_the_matter_in_other_words_ranks_by_the_plan_s_words_alone_on_both_engines(
        fresh: SearchBackend) -> None:
    """Of the matter's findings holding none of the query's groups, neither a syllable of a typed
    term ("tự" of "thứ tự") nor a cue word the query did not require ("hạn chế") moves one up:
    they rank by Plan.bare_ranked alone, then the newest, on both engines (Elasticsearch scored
    the query's other words on them too, SQLite did not)."""
    fresh.index([
        _desk("t1", "Công chức một cửa chưa tự giác, còn hạn chế khi hướng dẫn người dân.",
              "Công_chức một_cửa chưa tự_giác , còn hạn_chế khi hướng_dẫn người_dân .", "2021-03-01"),
        _desk("t2", "Khu vực chờ thiếu ghế ngồi cho người dân.",
              "Khu_vực chờ thiếu ghế ngồi cho người_dân .", "2024-03-01"),
    ])
    for text in ("máy lấy số thứ tự", "hạn chế về máy lấy số"):
        assert found(fresh, text=text, matters=("tthc.mot_cua",)) == [
            ("t2", TIER_MATTER), ("t1", TIER_MATTER)], text


def test_the_matter_in_other_words_ranks_first_what_names_an_instance_of_the_concept_asked(
        fresh: SearchBackend) -> None:
    """"cơ sở vật chất" is a concept (index/vi/concepts.toml) the reports write as its instances:
    of the matter's findings holding none of the query's groups, the one listing "máy lấy số" and
    "ghế chờ" (Plan.instances) ranks above a newer one about the desk's staff, on both engines;
    before, the newer came first, and in a large matter such answers fell out of the
    reranker's pool (docs/search-quality.md, session 11)."""
    fresh.index([
        _desk("c1", "Máy lấy số thứ tự hỏng, thiếu ghế chờ cho người dân.",
              "Máy lấy số thứ_tự hỏng , thiếu ghế chờ cho người_dân .", "2021-03-01"),
        _desk("c2", "Công chức trực chưa hướng dẫn tận tình người dân.",
              "Công_chức trực chưa hướng_dẫn tận_tình người_dân .", "2024-03-01"),
    ])
    for text in ("cơ sở vật chất bộ phận một cửa", "co so vat chat bo phan mot cua"):
        assert found(fresh, text=text, matters=("tthc.mot_cua",)) == [
            ("c1", TIER_MATTER), ("c2", TIER_MATTER)], text


ONLINE, SIGNED, INFRA = "so_hoa.dvc_truc_tuyen", "so_hoa.chu_ky_so", "so_hoa.ha_tang"


def _spoken(fid: str, text: str, words: str, theme: str, themes: tuple[str, ...] = (),
            published: str = "2022-05-01") -> FindingRecord:
    """A finding with every theme it speaks of, as ingest gives them (nlp.themes.finding_themes)."""
    return FindingRecord(finding_id=fid, doc_key=f"doc-{fid}", doc_id=f"{fid}.pdf", text=text, words=words,
                         polarity=NEG, area=Area.SO_HOA, theme=theme, themes=themes or (theme,),
                         year=int(published[:4]), published=published)


SPOKEN = (
    _spoken("o1", "Dịch vụ công trực tuyến ít người dùng.", "Dịch_vụ công trực_tuyến ít người dùng .",
            ONLINE),
    _spoken("o2", "Tỷ lệ hồ sơ nộp qua mạng còn thấp.", "Tỷ_lệ hồ_sơ nộp qua mạng còn thấp .", ONLINE),
    # Its own theme is the signatures; it speaks of online services besides.
    _spoken("s1", "Chưa ký số văn bản; hồ sơ nộp qua mạng rất ít.",
            "Chưa ký_số văn_bản ; hồ_sơ nộp qua mạng rất ít .", SIGNED, (SIGNED, ONLINE), "2024-01-01"),
    _spoken("s2", "Chưa ký số văn bản đi.", "Chưa ký_số văn_bản đi .", SIGNED),
    # About the equipment, speaking of signatures or of online services besides.
    _spoken("h1", "Máy chủ cũ làm việc ký số văn bản chậm.", "Máy_chủ cũ làm việc ký_số văn_bản chậm .",
            INFRA, (INFRA, SIGNED), "2025-01-01"),
    _spoken("h2", "Đường truyền yếu, hồ sơ nộp qua mạng hay lỗi.",
            "Đường_truyền yếu , hồ_sơ nộp qua mạng hay lỗi .", INFRA, (INFRA, ONLINE), "2021-01-01"),
)


@pytest.fixture
def spoken(fresh: SearchBackend) -> SearchBackend:
    fresh.index(SPOKEN)
    return fresh


def test_a_finding_comes_by_a_matter_it_speaks_of_besides_its_own_after_those_it_is_about(
        spoken: SearchBackend) -> None:
    """o2 is about online services in other words; s1 and h2 speak of them besides their own
    matter: they come after o2, newest first. s2 and h1 never speak of them and never come."""
    assert found(spoken, text="dịch vụ công trực tuyến", matters=(ONLINE,)) == [
        ("o1", TIER_WORDS), ("o2", TIER_MATTER), ("s1", TIER_MATTER), ("h2", TIER_MATTER)]
    # Asked for signatures, s1 is of its own matter, h1 (newest) speaks of it besides.
    # (the signing key: words of the matter no finding holds; "chữ ký điện tử" is a synonym of ký số)
    assert found(spoken, text="USB token", matters=(SIGNED,)) == [
        ("s1", TIER_MATTER), ("s2", TIER_MATTER), ("h1", TIER_MATTER)]


def test_own_themes_first_then_those_speaking_of_the_strongest_matter_besides(
        spoken: SearchBackend) -> None:
    """Own theme the first matter (o1, o2), the second (s1, s2), then h2, speaking of the first
    besides its own. h1 speaks of the second, weaker matter besides its own: it does not come."""
    assert found(spoken, text="phần mềm", matters=(ONLINE, SIGNED)) == [
        ("o1", TIER_MATTER), ("o2", TIER_MATTER), ("s1", TIER_MATTER), ("s2", TIER_MATTER),
        ("h2", TIER_MATTER)]
    assert found(spoken, text="phần mềm", matters=(SIGNED, ONLINE)) == [
        ("s1", TIER_MATTER), ("s2", TIER_MATTER), ("o1", TIER_MATTER), ("o2", TIER_MATTER),
        ("h1", TIER_MATTER)]


def test_the_theme_filter_and_facet_count_every_theme_a_finding_speaks_of(spoken: SearchBackend) -> None:
    """A user filtering on a matter expects the findings speaking of it; the facet counts what
    its filter finds (comparison keeps counting each finding's own theme only)."""
    assert sorted(fid for fid, _ in found(spoken, theme=ONLINE)) == ["h2", "o1", "o2", "s1"]
    assert sorted(fid for fid, _ in found(spoken, theme=SIGNED)) == ["h1", "s1", "s2"]
    facets = spoken.search(Query(facets=True)).facets["theme"]
    assert facets == [(ONLINE, 4), (SIGNED, 3), (INFRA, 2)]
    assert [h.record.themes for h in spoken.search(Query(theme=SIGNED, sort="date")).hits] == [
        (INFRA, SIGNED), (SIGNED, ONLINE), (SIGNED,)]


LEAD, PLAN, REPORT = "chi_dao.trach_nhiem", "chi_dao.ke_hoach", "chi_dao.bao_cao"


HEADED = (
    _headed("c1", "Hạn chế trong công tác chỉ đạo điều hành của UBND xã.",
            "Hạn_chế trong công_tác chỉ_đạo điều_hành của UBND xã .", LEAD, Area.CHI_DAO),
    # Of the query's theme (the leaders' responsibility), in other words.
    _headed("c2", "Người đứng đầu chưa quan tâm đúng mức.", "Người đứng_đầu chưa quan_tâm đúng_mức .",
            LEAD, Area.CHI_DAO),
    # Of the area named, of other themes, in other words: after c2, newest first.
    _headed("c3", "Báo cáo quý gửi chậm so với quy định.", "Báo_cáo quý gửi chậm so với quy_định .",
            REPORT, Area.CHI_DAO, published="2024-03-01"),
    _headed("c4", "Kế hoạch năm gửi muộn.", "Kế_hoạch năm gửi muộn .", PLAN, Area.CHI_DAO,
            published="2023-03-01"),
    # Of the area, praised: a query asking for shortcomings gets the area in that sense only.
    _headed("c5", "Kế hoạch năm ban hành đúng hạn, đầy đủ.", "Kế_hoạch năm ban_hành đúng hạn , đầy_đủ .",
            PLAN, Area.CHI_DAO, Polarity.STRENGTH),
    # Another area: never comes.
    _headed("v1", "Công chức đi muộn về sớm.", "Công_chức đi muộn về sớm .", "cong_vu.ky_luat",
            Area.CONG_VU),
)
DIRECTION = "hạn chế trong công tác chỉ đạo điều hành"


@pytest.fixture
def headed(fresh: SearchBackend) -> SearchBackend:
    fresh.index(HEADED)
    return fresh


def test_a_query_naming_an_area_gets_its_findings_after_those_of_its_matters(headed: SearchBackend) -> None:
    """c2 is the query's matter in other words; c3 and c4 are only of the area it names (after
    c2; c4's "kế hoạch" is an instance of the concept "chỉ đạo điều hành" asked, Plan.instances,
    so it ranks before the newer c3); c5 is the area praised, v1 another area: neither answers."""
    assert found(headed, text=DIRECTION, matters=(LEAD,), areas=("chi_dao",)) == [
        ("c1", TIER_WORDS), ("c2", TIER_MATTER), ("c4", TIER_MATTER), ("c3", TIER_MATTER)]
    # Without the area named, the matter's findings come, and of the others only c4: the query asks
    # a section (the shortcomings) and c4 names an instance of its concept (Plan.names_instances).
    assert found(headed, text=DIRECTION, matters=(LEAD,)) == [
        ("c1", TIER_WORDS), ("c2", TIER_MATTER), ("c4", TIER_MATTER)]


def test_an_area_finding_holding_query_words_still_ranks_below_the_matters(
        headed: SearchBackend) -> None:
    """A finding of the area only, holding a word of the query ("UBND"), comes after c2 (the
    matter, holding none) and before those holding none. ("công tác" would not do: a filler noun
    of the genre, it is ranked, not a word the query requires: index/vi/query_stopwords.txt.)"""
    headed.index([_headed("c6", "UBND xã gửi báo cáo còn chậm.", "UBND xã gửi báo_cáo còn chậm .", REPORT,
                          Area.CHI_DAO)])
    assert found(headed, text=f"{DIRECTION} của UBND", matters=(LEAD,), areas=("chi_dao",)) == [
        ("c1", TIER_WORDS), ("c2", TIER_MATTER), ("c6", TIER_MATTER), ("c4", TIER_MATTER),
        ("c3", TIER_MATTER)]  # c4 before c3: an instance of the concept asked (see above)


def test_an_area_alone_brings_its_findings_in_the_sense_asked(headed: SearchBackend) -> None:
    """No matter named, the area's findings still come, those naming an instance of the concept
    asked ("người đứng đầu", "kế hoạch" of "chỉ đạo điều hành": Plan.instances) first, then the
    newest; without a polarity word the praised c5 comes too. Another area named, only the
    shortcomings naming an instance of the concept come (c2, c4: the section asked reads its
    findings naming one whatever their area, Plan.names_instances); v1 and c3, naming none, never do."""
    assert found(headed, text=DIRECTION, areas=("chi_dao",)) == [
        ("c1", TIER_WORDS), ("c2", TIER_MATTER), ("c4", TIER_MATTER), ("c3", TIER_MATTER)]
    plain = found(headed, text="chỉ đạo điều hành", areas=("chi_dao",))
    assert plain[0] == ("c1", TIER_WORDS)
    assert sorted(plain[1:]) == [(f, TIER_MATTER) for f in ("c2", "c3", "c4", "c5")]
    assert found(headed, text=DIRECTION, areas=("tai_chinh",)) == [
        ("c1", TIER_WORDS), ("c2", TIER_MATTER), ("c4", TIER_MATTER)]


def _scored(fid: str, text: str, words: str, theme: str, polarity: Polarity = NEG) -> FindingRecord:
    return _headed(fid, text, words, theme, Area.CHI_DAO, polarity, published="2023-04-01")


# No finding says SIPAS (its synonyms neither): "điểm … đơn vị" findings hold only the query's
# commoner words; the satisfaction surveys are the matter SIPAS names. Unrelated findings make
# the index large enough for idf to tell a word no finding holds from common ones.
SURVEYS = (
    _scored("p1", "Điểm chấm của các đơn vị trực thuộc còn chênh lệch lớn.",
            "Điểm chấm của các đơn_vị trực_thuộc còn chênh_lệch lớn .", "chung.chi_so"),
    _scored("p2", "Nhiều đơn vị tự chấm điểm cao hơn kết quả thẩm định.",
            "Nhiều đơn_vị tự chấm điểm cao hơn kết_quả thẩm_định .", "chung.chi_so"),
    _scored("p3", "Các đơn vị bị trừ điểm do nộp báo cáo muộn; xếp hạng giảm.",
            "Các đơn_vị bị trừ điểm do nộp báo_cáo muộn ; xếp_hạng giảm .", "chung.chi_so"),
    _scored("p4", "Đơn vị có điểm thấp nhất chưa xây dựng kế hoạch khắc phục.",
            "Đơn_vị có điểm thấp nhất chưa xây_dựng kế_hoạch khắc_phục .", "chung.chi_so"),
    _scored("s1", "Tỷ lệ người dân hài lòng khi giải quyết thủ tục chỉ đạt 78%.",
            "Tỷ_lệ người_dân hài_lòng khi giải_quyết thủ_tục chỉ đạt 78 % .", "chi_dao.hai_long"),
    _scored("s2", "Số phiếu khảo sát thu về còn ít, chưa phản ánh đúng ý kiến tổ chức, cá nhân.",
            "Số phiếu khảo_sát thu về còn ít , chưa phản_ánh đúng ý_kiến tổ_chức , cá_nhân .",
            "chi_dao.hai_long"),
    *(_scored(f"o{k}", text, words, theme) for k, (text, words, theme) in enumerate((
        ("Công chức đi muộn về sớm.", "Công_chức đi muộn về sớm .", "cong_vu.ky_luat"),
        ("Chưa niêm yết số điện thoại đường dây nóng.", "Chưa niêm_yết số điện_thoại đường_dây_nóng .",
         "tthc.cong_khai"),
        ("Máy tính của bộ phận một cửa đã cũ.", "Máy_tính của bộ_phận một_cửa đã cũ .", "so_hoa.ha_tang"),
        ("Hồ sơ trễ hẹn chưa có văn bản xin lỗi.", "Hồ_sơ trễ_hẹn chưa có văn_bản xin_lỗi .",
         "tthc.giai_quyet"),
        ("Cán bộ không đeo thẻ công chức.", "Cán_bộ không đeo thẻ công_chức .", "cong_vu.the_ten"),
        ("Chữ ký số chưa được dùng trong gửi nhận văn bản.",
         "Chữ_ký_số chưa được dùng trong gửi nhận văn_bản .", "so_hoa.van_ban"),
        ("Phiếu hẹn ghi sai thời hạn trả kết quả.", "Phiếu_hẹn ghi sai thời_hạn trả kết_quả .",
         "tthc.phieu_hen"),
        ("Kế hoạch tuyên truyền CCHC ban hành chậm.", "Kế_hoạch tuyên_truyền CCHC ban_hành chậm .",
         "chi_dao.tuyen_truyen"),
    ))),
)


@pytest.fixture
def surveys(fresh: SearchBackend) -> SearchBackend:
    fresh.index(SURVEYS)
    return fresh


def test_a_word_no_finding_holds_lets_its_matter_come_before_the_common_words(surveys: SearchBackend) -> None:
    """"điểm SIPAS các đơn vị": no finding says SIPAS, and it outweighs by idf the common words the
    "điểm … đơn vị" findings hold (index.query.Plan.matter_first): the surveys come first, on both
    engines; the partial matches follow in the fill, still all found."""
    hits = found(surveys, text="điểm SIPAS các đơn vị", matters=("chi_dao.hai_long",))
    assert sorted(hits[:2]) == [("s1", TIER_MATTER), ("s2", TIER_MATTER)]
    assert sorted(hits[2:]) == [("p1", TIER_SOME_WORDS), ("p2", TIER_SOME_WORDS), ("p3", TIER_SOME_WORDS),
                                ("p4", TIER_SOME_WORDS)]
    # Without a matter named there is nothing to come first: the partial matches keep their stage.
    assert {tier for _, tier in found(surveys, text="điểm SIPAS các đơn vị")} == {TIER_WORDS}


def test_a_partial_match_holding_a_rare_word_of_the_query_keeps_its_stage(surveys: SearchBackend) -> None:
    """"điểm SIPAS xếp hạng": no finding says SIPAS, but one finding says "xếp hạng" beside "điểm",
    together weighing more than the absent word: it says most of the query, and stays first."""
    hits = found(surveys, text="điểm SIPAS xếp hạng", matters=("chi_dao.hai_long",))
    assert hits[0] == ("p3", TIER_WORDS)
    assert sorted(hits[1:3]) == [("s1", TIER_MATTER), ("s2", TIER_MATTER)]


def _in_year(record: FindingRecord, year: int) -> FindingRecord:
    """The record as published in `year` (as `_rec` dates it)."""
    return replace(record, year=year, published=f"{year}-05-01")


_SLIP = {r.finding_id: r for r in SLIPS}
DATED = (  # "hạn chế phiếu hẹn trực tuyến" sorted by date: each tier and polarity, dates apart
    _in_year(_SLIP["s1"], 2025),
    _in_year(_SLIP["s2"], 2021),
    _in_year(_SLIP["s4"], 2022),
    _in_year(_SLIP["s5"], 2024),
    _rec("s6", "Phiếu hẹn trực tuyến thiếu chữ ký của công chức.",
         "Phiếu_hẹn trực_tuyến thiếu chữ_ký của công_chức .", "tthc.phieu_hen", year=2021),
    # Dated as s2 and s6: a strength holding the words, a shortcoming of the matter in other words.
    _rec("s7", "Phiếu hẹn trực tuyến được cấp ngay khi nhận hồ sơ.",
         "Phiếu_hẹn trực_tuyến được cấp ngay khi nhận hồ_sơ .", "tthc.phieu_hen", year=2021),
    _rec("s8", "Sổ theo dõi trả kết quả chưa được lập.", "Sổ theo_dõi trả kết_quả chưa được lập .",
         "tthc.phieu_hen", year=2021),
)


@pytest.fixture
def dated(fresh: SearchBackend) -> SearchBackend:
    strong = {"s1", "s7"}
    fresh.index([replace(r, polarity=Polarity.STRENGTH) if r.finding_id in strong else r for r in DATED])
    return fresh


def test_a_date_sort_is_newest_first_across_the_tiers_the_query_admits(dated: SearchBackend) -> None:
    """Sorted by date, the user asks for the newest findings the query finds, on both engines:
    the matter tier's s5 (2024) before the stages' s4 (2022), each hit keeping its tier. Of a
    section asked ("hạn chế …", Plan.section) the strength s1 is admitted (the total counts it)
    and takes its place by date, the newest; among equal dates (2021) the relevance order's:
    the stages' shortcomings, the matter tier's s8, the strength s7 last."""
    matters = ("tthc.phieu_hen",)
    section = found(dated, text="hạn chế phiếu hẹn trực tuyến", matters=matters, sort="date")
    assert section[:3] == [("s1", TIER_WORDS), ("s5", TIER_MATTER), ("s4", TIER_WORDS)]
    assert sorted(section[3:5]) == [("s2", TIER_WORDS), ("s6", TIER_WORDS)]  # equal in all but wording
    assert section[5:] == [("s8", TIER_MATTER), ("s7", TIER_WORDS)]
    assert dated.search(Query(text="hạn chế phiếu hẹn trực tuyến", matters=matters, sort="date")).total == 7
    paged = found(dated, text="hạn chế phiếu hẹn trực tuyến", matters=matters, sort="date", limit=3,
                  offset=4, page_size=7)
    assert paged == section[4:]
    # Not a section: s7, holding every word, comes before the matter tier's s8 of its date.
    plain = found(dated, text="phiếu hẹn trực tuyến", matters=matters, sort="date")
    assert [fid for fid, _ in plain[:3]] == ["s1", "s5", "s4"]
    assert [fid for fid, _ in plain[6:]] == ["s8"]


def test_a_date_sort_lists_the_fill_only_when_nothing_else_answers(fresh: SearchBackend) -> None:
    """Sorted by date, a finding sharing one word of the query (the fill: f1 holds "máy tính"
    only) is not listed beside the answers, though it is the newest, nor counted: by relevance it
    ranks after them, by date it came first for being recent (Plan.fills_by_date). A query the
    words and the matters do not answer still lists its fill, as relevance does."""
    fresh.index([_in_year(r, 2026) if r.finding_id == "f1" else r for r in RECORDS])
    dated = fresh.search(Query(text=TEXT, matters=MATTERS, sort="date"))
    assert {h.record.finding_id for h in dated.hits} == {"w1", "w2", "m1", "m2", "m3"}
    assert dated.total == 5
    # No matter named: the findings holding most of the words alone (m1 holds one: the fill).
    assert sorted(found(fresh, text=TEXT, sort="date")) == [("w1", TIER_WORDS), ("w2", TIER_WORDS)]
    assert found(fresh, text="máy tính hỏng hóc lạc hậu", sort="date") == [("f1", TIER_SOME_WORDS),
                                                                         ("w1", TIER_SOME_WORDS)]
