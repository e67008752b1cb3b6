"""`kiemtra search` and `show` tried as a provincial staff member would (issue 12), on two
reports written for these tests: what a user types beyond the happy path."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from cli_helpers import REPORT_IN_PROVINCE as REPORT_2021
from cli_helpers import ingested_store, run
from cli_helpers import search_json as search

REPORT_2023 = (
    "ỦY BAN NHÂN DÂN HUYỆN CAM LỘ\n\n"
    "Số: 88/BC-UBND\n\n"
    "Cam Lộ, ngày 05 tháng 12 năm 2023\n\n"
    "Ngày 20/11/2023, Đoàn kiểm tra đã kiểm tra công tác cải cách hành chính tại UBND xã Cam Tuyền, "
    "huyện Cam Lộ, tỉnh Quảng Trị.\n\n"
    "Bộ phận một cửa xã Cam Tuyền chưa cấp phiếu hẹn cho một số hồ sơ tiếp nhận. "
    "Sổ theo dõi hồ sơ chưa ghi đầy đủ.\n\n"
    "Đề nghị UBND xã Cam Tuyền khắc phục việc cấp phiếu hẹn cho công dân."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return ingested_store(tmp_path_factory.mktemp("search-qa"),
                          {"thong-bao-41.txt": REPORT_2021, "bao-cao-88.txt": REPORT_2023})




def _a_phieu_hen_finding(db: str) -> dict[str, Any]:
    hits = search(db, "chưa cấp phiếu hẹn", "--unit", "Phú Tân")["hits"]
    assert hits
    return hits[0]


@pytest.mark.parametrize("extra", [("--unit", "Cam Tuyền"), ("--year", "2023"), ("--province", "Quảng Trị"),
                                   ("--polarity", "strength"), ("--sort", "date"), ("--facets",),
                                   ("phiếu", "hẹn")])
def test_similar_with_a_filter_or_a_query_is_refused_not_ignored(db: str, extra: tuple[str, ...]) -> None:
    """`--similar` ranks by one finding and knows no filter: a filter or query given with it was
    silently dropped (a finding of Phú Tân listed under --unit "Cam Tuyền"). Say so instead."""
    found = _a_phieu_hen_finding(db)
    result = run("--db", db, "search", "--similar", found["finding_id"], *extra)
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("kiemtra: ")
    assert "--similar" in result.stderr


def test_similar_pages_with_offset(db: str) -> None:
    """--offset on --similar numbered the results from the offset but showed the first page."""
    found = _a_phieu_hen_finding(db)
    every = search(db, "--similar", found["finding_id"], "--limit", "5")["hits"]
    if len(every) < 2:
        pytest.skip("fewer than two similar findings to page through")
    second = search(db, "--similar", found["finding_id"], "--limit", "1", "--offset", "1")
    assert [h["finding_id"] for h in second["hits"]] == [every[1]["finding_id"]]


@pytest.mark.parametrize("args", [("phiếu", "hẹn", "-sổ"), ("phiếu", "hẹn", '-"sổ theo dõi"'),
                                  ("phiếu", "hẹn", "-hồ"), ("-sổ", "phiếu", "hẹn", "--unit", "Cam Tuyền")])
def test_an_exclusion_typed_as_its_own_word_is_part_of_the_query(db: str, args: tuple[str, ...]) -> None:
    """The README's -word and -"phrase" exclusions, typed unquoted as a shell user does
    (`kiemtra search phiếu hẹn -sổ`), were taken for unknown options: a usage error."""
    result = run("--db", db, "search", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)["hits"]
    excluded = args[2].strip('-"') if args[0] != "-sổ" else "sổ"
    assert hits and all(excluded not in " ".join(re.findall(r"\w+", h["text"].lower())).split()
                        if " " not in excluded else excluded not in h["text"].lower() for h in hits)
    # Those of the words and of their matter say it; the matter's area closes a short page (not them).
    assert all("phiếu hẹn" in h["text"].lower() for h in hits if h["tier"] == "words" or h["matter"])


def test_search_help_still_answers_to_dash_h(db: str) -> None:
    result = run("--db", db, "search", "-h")
    assert result.exit_code == 0 and "--similar" in result.stdout


def test_a_unit_with_nothing_of_its_own_points_to_within(db: str) -> None:
    """`--unit "huyện Cam Lộ"` found 0 and said nothing, while its commune's findings were one
    --within away: the complaint of issue 12 ("--unit misses findings about its communes")."""
    assert search(db, "--unit", "huyện Cam Lộ", "--within")["total"] >= 1
    result = run("--db", db, "search", "--unit", "huyện Cam Lộ")
    assert result.exit_code == 0 and result.stdout.startswith("0 findings")
    assert result.stderr.count("\n") == 1 and "--within" in result.stderr
    assert "--within" not in run("--db", db, "search", "--unit", "Không Có").stderr


@pytest.mark.parametrize(("args", "named"), [(("--theme", "tthc.phieu_hn"), "tthc.phieu_hen"),
                                             (("--theme", "phiu hen"), "tthc.phieu_hen"),
                                             (("--level", "commune"), "xã")])
def test_an_unknown_theme_or_level_is_named_not_an_empty_result(db: str, args: tuple[str, ...],
                                                                named: str) -> None:
    """A misspelt --theme or a level in English gave "0 findings", as if nothing matched;
    the web page refuses an unknown theme. One line naming what is accepted."""
    result = run("--db", db, "search", *args)
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and named in result.stderr


def test_known_themes_and_levels_still_filter(db: str) -> None:
    assert search(db, "--theme", "tthc.phieu_hen")["total"] >= 1
    # Words of one theme's label name it, as `compare --theme` reads them (ux24: one rule).
    assert search(db, "--theme", "phiếu hẹn") == search(db, "--theme", "tthc.phieu_hen")
    assert search(db, "--level", "xa")["total"] == search(db, "--level", "xã")["total"] >= 1
