"""`kiemtra search --doc-kind` on a store holding an inspection report and a news article, both
written for the tests and ingested in-process.

The report (cli_helpers.REPORT) is numbered "41/TB-UBND" (a Thông báo) and cites a Quyết định; the
article cites a Kế hoạch only. A finding's kinds are those its document bears or cites.
"""

import pytest
from cli_helpers import REPORT, ingested_store, run
from cli_helpers import search_json as search

ARTICLE = (
    "Huyện Châu Thành kiểm tra cải cách hành chính ở xã Tân Hương\n\n"
    "Ngày 10/3/2022, Đoàn kiểm tra của UBND huyện Châu Thành đã kiểm tra công tác cải cách hành chính "
    "tại UBND xã Tân Hương theo Kế hoạch số 12/KH-UBND ngày 01/3/2022 của UBND huyện.\n\n"
    "Theo phóng viên ghi nhận, xã đã bố trí đủ công chức tại bộ phận một cửa. Tuy nhiên, một số hồ sơ "
    "đất đai còn giải quyết trễ hạn mà không có văn bản xin lỗi."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested_store(tmp_path_factory.mktemp("doc-kind-cli"),
                          {"thong-bao-41.txt": REPORT, "tin-tan-huong.txt": ARTICLE})


def _docs(db: str, *args: str) -> set[str]:
    return {hit["doc_id"] for hit in search(db, *args, "--limit", "50")["hits"]}


def test_the_kind_keeps_the_findings_of_the_documents_bearing_or_citing_it(db: str) -> None:
    assert _docs(db) == {"thong-bao-41", "tin-tan-huong"}
    assert _docs(db, "--doc-kind", "Kế hoạch") == {"tin-tan-huong"}
    assert _docs(db, "--doc-kind", "thông báo") == {"thong-bao-41"}  # any case: the table's name
    assert _docs(db, "--doc-kind", "Quyết định", "--polarity", "shortcoming") == {"thong-bao-41"}


def test_a_kind_no_document_has_is_named_alone(db: str) -> None:
    """The line the filter alone earns was unreachable before: no option set the kind."""
    result = run("--db", db, "search", "phiếu hẹn", "--doc-kind", "Biên bản")
    assert result.exit_code == 0, result.output
    assert "0 findings" in result.stdout
    assert ("no finding in the index comes from a document bearing or citing a 'Biên bản', whatever the"
            " words: check that filter") in result.stderr


def test_a_word_that_is_no_kind_is_one_line_naming_the_close_kinds(db: str) -> None:
    result = run("--db", db, "search", "phiếu hẹn", "--doc-kind", "Kế hoạc")
    assert result.exit_code == 2
    said = "--doc-kind 'Kế hoạc' is no kind of document; did you mean: Kế hoạch"
    assert result.stderr.strip().endswith(said)
    far = run("--db", db, "search", "--doc-kind", "zzz")
    assert far.exit_code == 2 and "the kinds are in core/doc_kinds.toml" in far.stderr


def test_similar_takes_no_kind(db: str) -> None:
    result = run("--db", db, "search", "--similar", "x", "--doc-kind", "Kế hoạch")
    assert result.exit_code == 2 and "--doc-kind" in result.stderr
