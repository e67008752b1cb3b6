"""The abbreviations a text defines (index/definitions.py) and how a query reads them
(index/query/vocabulary.py: Vocabulary.defined, with_definitions). Fixtures written for these tests."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from search_backends import BACKEND_PARAMS, found, indexed

from core.models import Area, Document, Extraction, Finding, Polarity, Source
from index.base import FindingRecord, SearchBackend
from index.definitions import Definition, abbreviation_key, compile_rules, harvest, load_rules, long_key
from index.query import Vocabulary, compile_lexicon, definition_keys, parse, plan_query
from index.records import finding_records

RULES = load_rules()


@pytest.mark.parametrize(("text", "long", "abbreviation"), [
    ("Năm 2024, Trung tâm Phục vụ hành chính công (TTPVHCC) tiếp nhận 9.000 hồ sơ.",
     "Trung tâm Phục vụ hành chính công", "TTPVHCC"),
    ("Thường trực Hội đồng nhân dân (HĐND) huyện giám sát.", "Hội đồng nhân dân", "HĐND"),  # Đ for đ
    ("Sở Tài nguyên và Môi trường (TNMT) chậm trả hồ sơ.", "Tài nguyên và Môi trường", "TNMT"),  # và left out
    ("Sở Tài nguyên và Môi trường (TN&MT) chậm trả hồ sơ.", "Tài nguyên và Môi trường", "TN&MT"),  # & for và
    ("Tỷ lệ hồ sơ DVC trực tuyến (DVCTT) còn thấp.", "DVC trực tuyến", "DVCTT"),  # capitals kept whole
    ("Bộ phận tiếp nhận và trả kết quả (sau đây gọi tắt là Bộ phận TN&TKQ) bố trí 3 công chức.",
     "tiếp nhận và trả kết quả", "TN&TKQ"),  # a cue; the words both write whole set aside
    ("Ủy ban nhân dân tỉnh (UBND tỉnh) ban hành kế hoạch.", "Ủy ban nhân dân", "UBND"),
    ("Tỉnh xếp thứ 12 về Chỉ số cải cách hành chính (PAR INDEX) năm 2023.",
     "Chỉ số cải cách hành chính", "PAR INDEX"),  # English, after a head of a name
    ("Điểm Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) tăng.",
     "Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh", "PAPI"),
    ("Huyện dùng hệ thống quản lý văn bản, gọi tắt là QLVB, từ năm 2022.", "quản lý văn bản", "QLVB"),
])
def test_a_definition_the_text_writes_is_harvested(text: str, long: str, abbreviation: str) -> None:
    assert harvest(text, RULES) == (Definition(long, abbreviation),)


@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn A (Trưởng phòng Nội vụ) cho biết.",  # no abbreviation
    "Kết quả đạt 95% (tăng 3% so với năm 2023).",  # a number
    "Đoàn làm việc với cấp xã (CX) trong hai ngày.",  # two letters: too short
    "Đoàn kiểm tra của Sở Nội vụ (TTHC) làm việc.",  # the initials before it spell something else
    "Đoàn đã làm việc tại trụ sở (UBND, HĐND) của xã.",  # a list, not a definition
    "cán bộ trực mạng nội bộ (LAN) của huyện",  # English, but no head of a name before it
    "Trung tâm hành chính công (sau đây gọi tắt là Trung tâm) mở cửa.",  # a word, not an abbreviation
    "Xã đã bố trí trợ lý (TAM) cho bộ phận.",  # a Vietnamese syllable ("tâm" typed bare)
])
def test_what_is_no_definition_is_not_harvested(text: str) -> None:
    assert harvest(text, RULES) == ()


def test_a_definition_repeated_is_harvested_once() -> None:
    text = ("Thủ tục hành chính (TTHC) được công khai. Các thủ tục hành chính (TTHC) khác còn chậm. "
            "Thủ tục hành chính (TT HC) mới.")
    assert harvest(text, RULES) == (Definition("Thủ tục hành chính", "TTHC"),)


def test_a_definition_is_stored_and_read_back_with_its_keys() -> None:
    definition = Definition("Bộ phận tiếp nhận và trả kết quả", "BPTN&TKQ")
    assert Definition.of_value(definition.value) == definition
    assert definition.keys == ("bptntkq", "bo phan tiep nhan va tra ket qua")
    assert Definition.of_value("no definition") is None
    assert abbreviation_key("TT PVHCC") == abbreviation_key("ttpvhcc") == "ttpvhcc"
    assert long_key("Hội đồng nhân dân") == "hoi dong nhan dan"


def test_the_rules_compile_from_data_and_refuse_a_wrong_shape() -> None:
    rules = compile_rules({"cues": ["gọi tắt là", "sau đây gọi tắt là"], "skipped": ["và"],
                           "shortest": 3, "longest": 10, "heads": ["Chỉ số"]})
    assert rules.cues[0] == ("sau", "day", "goi", "tat", "la")  # longest first, folded
    assert rules.heads == (("chi", "so"),)
    with pytest.raises(ValueError):
        compile_rules({"cues": "gọi tắt là"})


class _Defining(Vocabulary):
    """An index whose texts define `values` (as FindingRecord.definitions holds them)."""

    def __init__(self, values: Sequence[str]) -> None:
        self.values = values
        self.asked: list[list[str]] = []
        self.spans: set[str] = set()

    def known_words(self, candidates: Sequence[str]) -> set[str]:
        self.spans.update(candidates)
        return set()

    def defined(self, keys: Sequence[str]) -> set[str]:
        self.asked.append(list(keys))
        return {v for v in self.values if (d := Definition.of_value(v)) and set(d.keys) & set(keys)}


LEXICON = compile_lexicon([], [["phiếu hẹn", "giấy hẹn"], ["cơ sở vật chất", "CSVC"]])


def _alternatives(text: str, vocabulary: Vocabulary) -> list[set[str]]:
    plan = plan_query(text, vocabulary, LEXICON)
    return [{" ".join(a.syllables) for a in g.alternatives} for g in plan.groups]


def test_an_abbreviation_the_texts_define_brings_its_long_form_and_back() -> None:
    index = _Defining(["Trung tâm xúc tiến đầu tư (TTXTĐT)"])
    assert {"ttxtđt", "trung tâm xúc tiến đầu tư"} <= _alternatives("TTXTĐT", index)[0]
    assert {"ttxtdt", "trung tam xuc tien dau tu"} <= _alternatives("ttxtdt", index)[0]
    assert "ttxtđt" in _alternatives("trung tâm xúc tiến đầu tư", index)[0]
    # typed with a space inside, the pieces spell it
    assert "trung tâm xúc tiến đầu tư" in _alternatives("TTXT ĐT", index)[0]
    # nothing defined: as before
    assert _alternatives("TTXTĐT", Vocabulary()) == [{"ttxtđt"}]


def test_an_abbreviation_defined_two_ways_is_read_as_neither() -> None:
    index = _Defining(["Trung tâm xúc tiến đầu tư (TTXTĐT)", "Trung tâm xử lý tin điện tử (TTXTĐT)"])
    assert _alternatives("TTXTĐT", index) == [{"ttxtđt"}]
    assert not any("ttxtđt" in group for group in _alternatives("trung tâm xúc tiến đầu tư", index))


def test_the_hand_vocabulary_keeps_priority() -> None:
    # the hand list says what CSVC is: a text defining it otherwise is not read
    index = _Defining(["Cổng sáng kiến về văn hóa (CSVC)"])
    assert "cổng sáng kiến về văn hóa" not in _alternatives("CSVC", index)[0]
    # a long form the hand list knows gains the abbreviation a text defines, in its set
    index = _Defining(["phiếu hẹn (PH)", "giấy hẹn trả kết quả (GHTKQ)", "phiếu hẹn (PHTKQ)"])
    assert _alternatives("phiếu hẹn", index)[0] == {"phiếu hẹn", "giấy hẹn", "phtkq"}
    assert {"phieu hen", "giay hen"} <= _alternatives("PHTKQ", index)[0]  # typed bare: folded


def test_the_index_is_asked_for_the_spans_a_query_types() -> None:
    keys = definition_keys(parse("PAR INDEX của tỉnh"), RULES)
    assert {"parindex", "par", "index", "par index cua tinh"} <= set(keys)
    assert "cua" not in keys and "tinh" not in keys  # syllables are no abbreviations
    index = _Defining([])
    plan_query("thủ tục", index, LEXICON)
    assert index.asked == [["thu tuc"]]


def _record(fid: str, doc: str, text: str, definitions: tuple[str, ...] = ()) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=doc, doc_id=f"{doc}.txt", text=text, polarity="shortcoming",
                         area="tthc", year=2024, words=text, definitions=definitions)


DEFINED = ("Trung tâm xúc tiến đầu tư (TTXTĐT)",)
ENGINE_RECORDS = (
    # the document defining the abbreviation writes it alone afterwards
    _record("x1", "docx", "TTXTĐT chưa cập nhật thủ tục trên cổng thông tin.", DEFINED),
    # another document writes the name in full and defines nothing
    _record("y1", "docy", "Trung tâm xúc tiến đầu tư trả hồ sơ trễ hạn."),
)


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, ENGINE_RECORDS)


def test_each_engine_answers_the_definitions_and_finds_both_spellings(engine: SearchBackend) -> None:
    """The abbreviation typed finds the findings writing the name, the name typed those writing
    the abbreviation, on both engines alike (they receive the same plan)."""
    assert {fid for fid, _ in found(engine, text="TTXTĐT")} == {"x1", "y1"}
    assert {fid for fid, _ in found(engine, text="trung tâm xúc tiến đầu tư")} == {"x1", "y1"}
    assert {fid for fid, _ in found(engine, text="TTXT ĐT")} == {"x1", "y1"}


def test_the_words_of_a_long_form_a_definition_brings_are_asked_of_the_index() -> None:
    """The query typed the abbreviation alone: the spans of the long form the index defines it by
    are asked too (an engine segments them as its words), after the definitions are read."""
    index = _Defining(["Trung tâm xúc tiến đầu tư (TTXTĐT)"])
    plan_query("TTXTĐT", index, LEXICON)
    assert {"trung tam", "xuc tien", "dau tu"} <= index.spans


@pytest.fixture(scope="module", params=BACKEND_PARAMS[1:])
def elastic(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SearchBackend:
    return indexed(request, tmp_path_factory, ENGINE_RECORDS)


def test_elasticsearch_asks_words_units_and_definitions_in_one_request(elastic: SearchBackend) -> None:
    """One round trip reads a query against the index (its words, unit names and the
    definitions of what it types) when no definition brings words of its own."""
    calls: list[str] = []
    call = elastic._call  # type: ignore[attr-defined]

    def counted(what: str, *args: object, **kwargs: object) -> object:
        calls.append(what)
        return call(what, *args, **kwargs)

    elastic._call = counted  # type: ignore[attr-defined]
    try:
        elastic.plan("trả hồ sơ trễ hạn")
    finally:
        del elastic._call  # type: ignore[attr-defined]
    assert calls == ["looking up query words"]


def test_a_record_carries_the_definitions_of_its_document() -> None:
    text = ("Trung tâm Phục vụ hành chính công (TTPVHCC) tiếp nhận hồ sơ. "
            "TTPVHCC còn để hồ sơ trễ hạn.")
    document = Document("bc", text, (), Source(path="bc.txt", sha256="k", format="txt", reader="txt"))
    start = text.index("TTPVHCC còn")
    finding = Finding(text=text[start:], polarity=Polarity.SHORTCOMING, area=Area.TTHC, start=start,
                      end=len(text))
    record, = finding_records("k", document, Extraction("bc", findings=(finding,)))
    assert record.definitions == ("Trung tâm Phục vụ hành chính công (TTPVHCC)",)


class _FoldBudget:
    """Counts the syllables harvest folds (every word it reads and every spelling it tries goes
    through `fold`), and stops the harvest once `limit` is passed: the work done, counted, not
    timed, so a slow machine passes and the defect fails at once instead of taking minutes."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import index.definitions as definitions

        self.calls, self.limit = 0, 0
        real = definitions.fold

        def counted(text: str) -> str:
            self.calls += 1
            if self.calls > self.limit:
                raise AssertionError(f"harvest folded more than {self.limit} words")
            return real(text)

        monkeypatch.setattr(definitions, "fold", counted)

    def run(self, text: str, limit: int) -> tuple[Definition, ...]:
        self.calls, self.limit = 0, limit
        return harvest(text, RULES)


@pytest.mark.parametrize("text", [
    "Sở Tài nguyên và Môi trường (" + "A" * 500 + ") chậm trả hồ sơ.",  # a 500-letter token in brackets
    "Ủy ban nhân dân " + "(" * 2000 + "UBND" + ")" * 2000 + " tỉnh.",  # brackets nested deep
    " ".join(["và"] * 40) + " (TV" + "V" * 30 + ")",  # a run of skipped words before a long aside
    "Tài nguyên " + "& " * 150 + "Môi trường (TN&&&&&&&&&&&&MT)",
    "(AB) " * 20_000,  # asides everywhere, none a definition
])
def test_hostile_text_is_harvested_in_bounded_work_and_defines_nothing(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """harvest runs on every ingested text: a garbled or hostile one returns at once, with nothing.
    The run of "và" took minutes before `spell` was memoised (each one tried both ways: 2^40
    spellings; memoised, about 3,700 words folded for its 154 characters). The bound is the work
    counted (`_FoldBudget`), so a loaded machine cannot fail it, and the unmemoised spelling can."""
    budget = _FoldBudget(monkeypatch)
    assert budget.run(text, limit=40 * len(text)) == ()


def test_hostile_harvest_bound_fails_on_the_unmemoised_spelling(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard above guards: without the memo the run of "và" passes its bound at once."""
    import index.definitions as definitions

    budget = _FoldBudget(monkeypatch)
    text = " ".join(["và"] * 40) + " (TV" + "V" * 30 + ")"
    monkeypatch.setattr(definitions, "cache", lambda function: function)
    with pytest.raises(AssertionError, match="folded more than"):
        budget.run(text, limit=40 * len(text))


def test_a_very_long_text_is_harvested_in_linear_work_and_each_definition_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A 4 MB text read in work that grows with it: twice the text folds at most about twice the
    words (a name's run back is bounded by `_WINDOW`, each aside looked at once)."""
    budget = _FoldBudget(monkeypatch)
    calls = []
    for times in (2_000, 4_000, 20_000):
        text = ("Trung tâm Phục vụ hành chính công (TTPVHCC) tiếp nhận hồ sơ. TTPVHCC trả kết quả đúng hạn. "
                * times) + ("hồ sơ " * 5 * times) + "Hội đồng nhân dân (HĐND) giám sát."
        found = budget.run(text, limit=len(text))
        assert [d.value for d in found] == ["Trung tâm Phục vụ hành chính công (TTPVHCC)",
                                            "Hội đồng nhân dân (HĐND)"]
        calls.append(budget.calls)
    assert calls[1] <= 2.05 * calls[0] and calls[2] <= 5.05 * calls[1], calls
