"""`kiemtra compare --theme` naming no theme says so, with the close themes, as --province does.

Found by ux23's sweep: `compare --theme zzz` printed "No shortcomings among the 373 findings in the
store for --theme zzz: check those filters", as if the store held nothing of a theme that exists.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import REPORT, run

from reports.compare import close_themes, one_theme, themes_named


@pytest.fixture()
def db(tmp_path: Path) -> str:
    report = tmp_path / "thong-bao.txt"
    report.write_text(REPORT, encoding="utf-8")
    path = str(tmp_path / "k.db")
    assert run("--db", path, "ingest", str(report), "--no-progress").exit_code == 0
    return path


def test_a_theme_naming_none_is_refused_with_the_close_ones(db: str) -> None:
    typo = run("--db", db, "compare", "--theme", "tthc.phieuhen")
    assert typo.exit_code == 2 and typo.stdout == ""
    assert typo.stderr.startswith("kiemtra: --theme 'tthc.phieuhen' names no theme")
    assert "close: tthc.phieu_hen (Phiếu hẹn, sổ theo dõi hồ sơ)" in typo.stderr
    none = run("--db", db, "compare", "--theme", "zzz")
    assert none.exit_code == 2 and "--theme 'zzz' names no theme" in none.stderr
    assert "none is close" in none.stderr and "check those filters" not in none.stdout + none.stderr
    named = run("--db", db, "compare", "--theme", "phieu hen")  # words of a label: a theme
    assert named.exit_code == 0 and "Phiếu hẹn" in named.stdout


def test_what_a_theme_filter_names() -> None:
    assert themes_named("tthc.phieu_hen") == {"tthc.phieu_hen"}
    assert "tthc.phieu_hen" in themes_named("phieu hen")  # a label's words, accents optional
    assert themes_named("zzz") == frozenset() and close_themes("zzz") == ()
    assert close_themes("phiu hen")[0] == "tthc.phieu_hen"  # a slip in a label's words


def test_search_reads_a_theme_as_compare_does(db: str) -> None:
    """`search --theme` had its own close-match rule (difflib over the codes) and took no label's
    words; it reads a theme by compare's rules now (themes_named, one_theme, close_themes)."""
    by_code = run("--db", db, "search", "phiếu hẹn", "--theme", "tthc.phieu_hen", "--format", "json")
    by_words = run("--db", db, "search", "phiếu hẹn", "--theme", "phieu hen", "--format", "json")
    assert by_code.exit_code == by_words.exit_code == 0, by_words.output
    assert by_words.stdout == by_code.stdout and '"total": 0' not in by_code.stdout
    for slip in ("tthc.phieuhen", "phiu hen so theo doi", "zzz"):
        searched = run("--db", db, "search", "phiếu hẹn", "--theme", slip)
        compared = run("--db", db, "compare", "--theme", slip)
        assert searched.exit_code == compared.exit_code == 2 and searched.stdout == ""
        assert searched.stderr == compared.stderr, slip  # the one line, the same close themes
    several = run("--db", db, "search", "--theme", "hồ sơ")
    assert several.exit_code == 2
    assert several.stderr.startswith("kiemtra: --theme 'hồ sơ' names ")
    assert "themes, the search takes one: " in several.stderr and "tthc.phieu_hen (" in several.stderr
    assert one_theme("phieu hen") == "tthc.phieu_hen" and one_theme("tthc.phieu_hen") == "tthc.phieu_hen"
    assert one_theme("hồ sơ") is None and one_theme("zzz") is None


@pytest.mark.parametrize(("typed", "theme"), [
    ("vắng mặt", "cong_vu.ky_luat"), ("vang mat", "cong_vu.ky_luat"), ("Đi muộn", "cong_vu.ky_luat")])
def test_the_matter_typed_names_the_theme_whose_vocabulary_holds_it_first(typed: str, theme: str) -> None:
    """An auditor types the matter, not the label (session 25): "vắng mặt" was refused with "Văn
    thư" and "Đeo thẻ" as the close themes, the spelling nearest; the theme whose phrases hold it
    (nlp/vi/themes.toml: "vắng mặt" = 3 under Giờ giấc, kỷ luật, kỷ cương) now comes first."""
    assert themes_named(typed) == frozenset()
    assert close_themes(typed)[0] == theme


def test_the_matter_typed_is_said_on_both_edges(db: str) -> None:
    for command in (["compare"], ["search", "phiếu hẹn"]):
        refused = run("--db", db, *command, "--theme", "vắng mặt")
        assert refused.exit_code == 2
        assert "close: cong_vu.ky_luat (Giờ giấc, kỷ luật, kỷ cương)" in refused.stderr, command
