"""`kiemtra search --inspector`: the findings of one body's inspections, on a report written for the
tests whose team is the Sở Nội vụ's; the body's close matches when nothing fits, as --province does."""

import pytest
from cli_helpers import REPORT, ingested_store, run
from cli_helpers import search_json as search

BY_DEPARTMENT = REPORT.replace("Đoàn kiểm tra đã kiểm tra tại UBND xã Phú Tân",
                               "Đoàn kiểm tra của Sở Nội vụ tỉnh Tiền Giang đã kiểm tra tại UBND xã Phú Tân")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested_store(tmp_path_factory.mktemp("inspector-cli"), {"thong-bao-41.txt": BY_DEPARTMENT})


def test_the_inspector_filter_and_facet(db: str) -> None:
    every = search(db, "--facets")
    assert every["total"] >= 2
    # the department's team, and its province (core/inspectors.toml: "Đoàn kiểm tra của Sở Nội vụ tỉnh A")
    placed = [value for value, _n in every["facets"]["inspector"]]
    assert placed == ["cơ quan Sở Nội vụ — Tiền Giang", "tỉnh Tiền Giang — Tiền Giang"], placed
    for typed in ("Sở Nội vụ", "so noi vu", "Sở Nội vụ — Tiền Giang", *placed, "UBND tỉnh Tiền Giang"):
        assert search(db, "--inspector", typed)["total"] == every["total"], typed
    assert search(db, "phiếu hẹn", "--inspector", "Sở Nội vụ")["total"] >= 1
    assert search(db, "--inspector", "xã Phú Tân")["total"] == 0  # inspected, not inspecting


def test_a_misspelt_inspector_lists_the_close_matches(db: str) -> None:
    result = run("--db", db, "search", "--inspector", "So Noi vu Tien Giag")
    assert result.exit_code == 0 and "0 findings" in result.stdout
    assert "close matches" in result.stderr and "Sở Nội vụ" in result.stderr


def test_the_query_reads_the_inspector_from_the_genres_frame(db: str) -> None:
    """"hạn chế do Sở Nội vụ kiểm tra": the department's inspections; the same words naming another
    body's inspections, none indexed, still rank the words (no filter the user never set)."""
    assert search(db, "phiếu hẹn do Sở Nội vụ kiểm tra")["total"] >= 1
    assert search(db, "phiếu hẹn do Sở Tài chính kiểm tra")["total"] >= 1
