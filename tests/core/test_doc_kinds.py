"""The one table of document kinds: checked when loaded, and read by both title detection and
the document-number rules, so the two cannot drift apart again."""

from __future__ import annotations

import pytest

from core.doc_kinds import (
    DocKind,
    bare_number_kinds,
    cited_kinds,
    doc_kinds,
    heading_kinds,
    kind_codes,
    known_kind,
    parse_doc_kinds,
)
from core.errors import ConfigError
from extractors.title import heading_title, headings
from nlp.docnumbers import find_documents
from nlp.vi import doc_kinds as nlp_kinds


def test_title_detection_reads_the_heading_rows_of_the_table() -> None:
    assert set(headings().kinds) == set(heading_kinds())
    assert "BÁO CÁO" in heading_kinds() and "KẾT LUẬN THANH TRA" in heading_kinds()


def test_the_number_rules_read_the_cited_rows_and_codes_of_the_table() -> None:
    assert cited_kinds() == nlp_kinds.KIND_WORDS
    assert kind_codes() == nlp_kinds.KIND_CODES
    assert bare_number_kinds() == nlp_kinds.BARE_NUMBER_KINDS
    names = {k.name for k in doc_kinds()}
    for kind in (nlp_kinds.GENERIC_KIND, nlp_kinds.DEFAULT_KIND, nlp_kinds.LEGISLATURE_KIND):
        assert kind in names


def test_every_row_is_used_and_bare_number_kinds_are_cited() -> None:
    for kind in doc_kinds():
        assert kind.heading or kind.cited or kind.codes, kind
        assert kind.cited or not kind.bare_number, kind


@pytest.mark.parametrize("kind", [k for k in doc_kinds() if k.heading], ids=lambda k: k.name)
def test_each_heading_kind_titles_a_document(kind: DocKind) -> None:
    line = kind.name.upper()
    assert heading_title([line, "Kết quả kiểm tra công tác cải cách hành chính năm 2022"]) == \
        f"{line} Kết quả kiểm tra công tác cải cách hành chính năm 2022"


def test_a_code_of_the_table_names_the_kind_of_a_cited_number() -> None:
    mentions = find_documents("Thực hiện văn bản số 12/GM-UBND ngày 3/3/2022 của UBND huyện.")
    assert [m.ref.kind for m in mentions] == ["Giấy mời"]


@pytest.mark.parametrize("rows, problem", [
    ([{"name": "Quyết định", "codes": ["QĐ"]}, {"name": "Quy định", "codes": ["QĐ"]}], "QĐ"),
    ([{"name": "Báo cáo"}, {"name": "báo cáo"}], "báo cáo"),
    ([{"name": "Báo cáo", "heading": True, "headline": True}], "only"),
    ([{"codes": ["BC"]}], "needs a name"),
])
def test_a_broken_table_is_one_clear_error(rows: list[dict[str, object]], problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        parse_doc_kinds({"kinds": rows}, "kinds.toml")


def test_a_kind_is_known_by_its_name_in_any_case_or_by_its_code() -> None:
    """The CLI's --doc-kind: "QĐ" was refused as "no kind of document", the table's own code."""
    assert known_kind("kế hoạch") == known_kind("KH") == known_kind("kh") == "Kế hoạch"
    assert known_kind("QĐ") == known_kind("QD") == "Quyết định"
    assert known_kind("phiếu hẹn") is None
