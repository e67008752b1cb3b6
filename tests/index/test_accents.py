"""Accent restoration (index/accents.py, Plan.restored): words typed without accents read as the
accented words they most likely are, on the real dictionary and the genre's data, and ranked so
on both engines without losing what the folded form matches."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from search_backends import BACKEND_PARAMS, FACTORIES

from core.models import Area, Polarity
from index.accents import compile_readings, reading, written_as
from index.base import FindingRecord, Query, SearchBackend
from index.elastic import alternative_clause, text_query
from index.matching import is_accented
from index.query import Alternative, Vocabulary, dictionary_file, load_lexicon, plan_query, ranked_units

needs_dictionary = pytest.mark.skipif(dictionary_file() is None,
                                      reason="underthesea's Viet74K is not installed")


def _dictionary(*words: str) -> dict[str, set[tuple[str, ...]]]:
    from core.normalize import fold

    out: dict[str, set[tuple[str, ...]]] = {}
    for word in words:
        out.setdefault(fold(word), set()).add(tuple(word.split()))
    return out


# ------------------------------------------------------------------------------------ the compiled readings


def test_a_word_with_one_reading_is_restored() -> None:
    readings = compile_readings(_dictionary("kỷ luật", "cán bộ"), [])
    assert reading(readings, ["ky", "luat"]) == ("kỷ", "luật")
    assert reading(readings, ["can", "bo"]) == ("cán", "bộ")


def test_an_ambiguous_word_is_left_unless_the_genre_writes_one_reading() -> None:
    dictionary = _dictionary("hồ sơ", "hò sơ", "bộ máy", "bọ mảy")
    assert reading(compile_readings(dictionary, []), ["ho", "so"]) is None
    genre = [("hồ", "sơ", "trực", "tuyến")]  # a run inside a phrase of the genre's data counts
    readings = compile_readings(dictionary, genre)
    assert reading(readings, ["ho", "so"]) == ("hồ", "sơ")
    assert reading(readings, ["bo", "may"]) is None


def test_typed_accents_narrow_an_ambiguous_word_and_are_never_contradicted() -> None:
    readings = compile_readings(_dictionary("hồ sơ", "hò sơ", "kỷ luật"), [])
    assert reading(readings, ["hồ", "so"]) == ("hồ", "sơ")
    assert reading(readings, ["ho", "sơ"]) is None  # both readings agree: still ambiguous
    assert reading(readings, ["kỳ", "luat"]) is None  # the typed tone is no reading of the dictionary's
    assert reading(readings, ["kỷ", "luật"]) is None  # nothing to restore: typed as the reading


def test_a_word_typed_as_its_reading_is_written_so_and_has_nothing_to_restore() -> None:
    readings = load_lexicon().readings
    assert reading(readings, ("theo", "dõi")) is None
    assert written_as(readings, ("theo", "dõi")) == written_as(readings, ("theo", "doi")) == ("theo", "dõi")
    assert written_as(readings, ("theo", "dôi")) is None  # accents typed against every reading


def test_a_lone_syllable_is_never_restored() -> None:
    readings = compile_readings(_dictionary("kỷ luật"), [("kỷ",)])
    assert reading(readings, ["ky"]) is None


def test_a_negation_starts_a_phrase_not_the_dictionary_word() -> None:
    """"chua dung" in a report is "chưa đúng", not the dictionary's one reading "chứa đựng"."""
    dictionary = _dictionary("chứa đựng", "không dưng", "kỷ luật")
    readings = compile_readings(dictionary, [], heads=["chưa", "không"])
    assert reading(readings, ["chua", "dung"]) is None
    assert reading(readings, ["khong", "dung"]) is None
    assert reading(readings, ["ky", "luat"]) == ("kỷ", "luật")
    # the genre writing the word makes it its reading after all
    assert reading(compile_readings(dictionary, [("chứa", "đựng")], heads=["chưa"]), ["chua", "dung"]) == (
        "chứa", "đựng")


def test_a_genre_phrase_is_a_word_though_no_dictionary_has_it() -> None:
    readings = compile_readings({}, [("phiếu", "hẹn")])
    assert reading(readings, ["phieu", "hen"]) == ("phiếu", "hẹn")


# ------------------------------------------------------------------------------------ plans on real phrases


class _Words(Vocabulary):
    """An index whose segmented words are the genre's (as the dev corpus's index holds them)."""

    WORDS = frozenset({"xu ly", "ky luat", "can bo", "vi pham", "sap xep", "to chuc", "bo may", "ho so",
                       "truc tuyen", "chua", "quy dinh", "tru so", "lam viec", "thoi han"})

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return {c for c in candidates if c in self.WORDS}


def _restored(text: str) -> list[str]:
    return [" ".join(a.syllables) for a in plan_query(text, _Words()).restored]


@needs_dictionary
@pytest.mark.parametrize(("text", "expected"), [
    ("xu ly ky luat can bo vi pham", ["xử lý", "kỷ luật", "cán bộ", "vi phạm"]),
    # "bo may" alone is ambiguous (bộ máy, bọ mảy, bọ mẩy), but "tổ chức bộ máy" is a synonym member
    # (TCBM), as the synonym file writes it
    ("sap xep to chuc bo may", ["sắp xếp", "tổ chức bộ máy"]),
    ("phieu hen", ["phiếu hẹn"]),  # a synonym member: as the synonym file writes it
    ("he thong quan ly chat luong iso", ["hệ thống quản lý chất lượng"]),
    ("ho so truc tuyen", ["hồ sơ", "trực tuyến"]),  # "ho so": hồ sơ, the genre's of hò sơ / hồ sơ
    ("chua dung quy dinh", ["quy định"]),  # not "chứa đựng"
    # trụ sở / trú sở: the synonym file writes the building ("trụ sở làm việc" → "trụ sở", read37)
    ("tru so", ["trụ sở"]),
    ("ky", []), ("thoi han", ["thời hạn"]),
])
def test_unaccented_queries_of_the_genre(text: str, expected: list[str]) -> None:
    assert _restored(text) == expected


class _Places(_Words):
    """The same index, holding the word "thanh tri" and, when `district`, the district Thanh Trì."""

    def __init__(self, district: bool) -> None:
        self.district = district

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        return {c for c in candidates if c in self.WORDS | {"thanh tri", "gio giac"}}

    def known_units(self, candidates: Sequence[str]) -> set[str]:
        return {c for c in candidates if self.district and c == "thanh tri"}


@needs_dictionary
def test_a_word_named_like_a_unit_of_the_index_stays_folded() -> None:
    """"thanh tri": the dictionary's one reading is thành trì (a citadel), these texts' the district."""
    def restored(district: bool) -> list[tuple[str, ...]]:
        return [a.syllables for a in plan_query("thanh tri gio giac", _Places(district)).restored]

    assert restored(district=True) == [("giờ", "giấc")]
    assert restored(district=False) == [("thành", "trì"), ("giờ", "giấc")]


@needs_dictionary
def test_a_mixed_query_keeps_the_accents_typed() -> None:
    plan = plan_query("hồ so trực tuyen", _Words())
    assert [g.alternatives[0].syllables for g in plan.groups] == [("hồ", "so"), ("trực", "tuyen")]
    assert [a.syllables for a in plan.restored] == [("hồ", "sơ"), ("trực", "tuyến")]


@needs_dictionary
def test_an_accented_query_restores_nothing_and_plans_as_before() -> None:
    plan = plan_query("xử lý kỷ luật cán bộ vi phạm", _Words())
    assert plan.restored == ()


@needs_dictionary
@pytest.mark.parametrize(("text", "ranked"), [
    # synonym groups (spelling variants xử lí, kỉ luật) rank each alternative, the reading in
    # place of the word typed; a word alone ranks by its syllables, now the reading's
    ("xu ly ky luat can bo", [("xử", "lý"), ("xu", "li"), ("kỷ", "luật"), ("ki", "luat"), ("cán",), ("bộ",)]),
    ("vi pham", [("vi",), ("phạm",)]),  # "vi" literal: not ví, vì, vị
    ("hồ so", [("hồ",), ("sơ",)]),
    # the dictionary knows several readings (bộ máy, bọ mảy, bọ mẩy); the genre's data writes one
    # (tổ chức bộ máy, TCBM in the synonyms): ranked as that reading
    ("bo may", [("bộ",), ("máy",)]),
])
def test_restoration_only_ranks_the_groups_match_what_the_folded_words_mean(
        text: str, ranked: list[tuple[str, ...]]) -> None:
    """Recall stays: the groups of an unaccented query are the folded words; the readings
    take their place only in what bm25 ranks by, as the query typed with accents would rank."""
    plan = plan_query(text, _Words())
    assert not any(a.literal for g in plan.groups for a in g.alternatives)
    assert [g.alternatives[0].syllables for g in plan.groups] == [tuple(text.split()[i:i + 2])
                                                                  for i in range(0, len(text.split()), 2)]
    units = ranked_units(plan)
    assert [a.syllables for a in units] == ranked
    assert all(a.whole for a in units if any(is_accented(s) for s in a.syllables) or a.literal)
    assert [a.literal for a in units if a.syllables == ("vi",)] in ([], [True])


def test_a_literal_reading_is_matched_as_written_on_elasticsearch() -> None:
    """"vi phạm" restored means exactly that, its unmarked "vi" too: a phrase on the canonical field."""
    literal = Alternative(("vi", "phạm"), literal=True)
    assert alternative_clause(literal) == {"match_phrase": {"text_canonical": "vi phạm"}}
    typed = Alternative(("vi", "phạm"))  # typed so: "vi" any form, "phạm" with its accents
    assert "bool" in alternative_clause(typed)


@needs_dictionary
def test_elasticsearch_ranks_by_the_readings() -> None:
    body = str(text_query(plan_query("xu ly ky luat", _Words())))
    # Weighed by the folded phrase's shingle, held where the reading is written with its accents.
    assert "'text_canonical': 'kỷ luật'" in body and "'text_canonical': 'xử lý'" in body
    assert "'text_folded.p2': 'ky luat'" in body and "'text_folded.p2': 'xu ly'" in body


# ------------------------------------------------------------------------------------ both engines


def _rec(fid: str, text: str, words: str) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key="doc", doc_id="doc.pdf", text=text, words=words,
                         polarity=Polarity.SHORTCOMING, area=Area.BO_MAY, year=2023, published="2023-05-01")


# "ky luat" folded is in both; only the second writes kỷ luật (the first reads "định kỳ. Luật").
RECORDS = (
    _rec("period", "Xã báo cáo định kỳ. Luật Tiếp công dân được niêm yết.",
         "Xã báo_cáo định_kỳ . Luật Tiếp_công_dân được niêm_yết ."),
    _rec("discipline",
         "UBND xã chưa xử lý kỷ luật cán bộ vi phạm giờ giấc làm việc, để tình trạng đi muộn kéo dài.",
         "UBND xã chưa xử_lý kỷ_luật cán_bộ vi_phạm giờ_giấc làm_việc , để tình_trạng đi_muộn kéo_dài ."),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    shared = FACTORIES[request.param](Path(tmp_path_factory.mktemp("accents")), request)
    assert shared.index(RECORDS) == len(RECORDS)
    return shared


@needs_dictionary
def test_the_restored_reading_ranks_first_and_the_other_still_matches(backend: SearchBackend) -> None:
    found = [h.record.finding_id for h in backend.search(Query(text="ky luat", limit=10)).hits]
    assert found == ["discipline", "period"]
    # typed with its accents, the word matches its reading alone (the accent rule)
    accented = backend.search(Query(text="kỷ luật", limit=10)).hits
    assert [h.record.finding_id for h in accented] == ["discipline"]


def test_the_lexicon_compiles_its_readings_once() -> None:
    lexicon = load_lexicon()
    assert lexicon.readings is lexicon.readings
