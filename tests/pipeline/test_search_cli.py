"""`kiemtra search` and `kiemtra show` on a report written for the tests, ingested in-process."""

import json
from pathlib import Path

import pytest
from cli_helpers import REPORT_IN_PROVINCE as REPORT
from cli_helpers import run
from cli_helpers import search_json as search


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("search-cli")
    report = folder / "thong-bao-41.txt"
    report.write_text(REPORT, encoding="utf-8")
    path = str(folder / "k.db")
    result = run("--db", path, "ingest", str(report), "--no-progress")
    assert result.exit_code == 0, result.output
    return path




def test_results_print_the_finding_id_and_units_with_level_and_province(db: str) -> None:
    result = run("--db", db, "search", "phiếu hẹn")
    assert result.exit_code == 0
    found = search(db, "phiếu hẹn")["hits"][0]
    assert f"finding {found['finding_id']}" in result.stdout
    assert "xã Phú Tân" in result.stdout


def test_show_prints_the_finding_in_its_context(db: str) -> None:
    found = search(db, "chưa cấp phiếu hẹn")["hits"][0]
    result = run("--db", db, "show", found["finding_id"])
    assert result.exit_code == 0, result.output
    assert "thong-bao-41.txt" in result.stdout
    assert f"characters {found['start']}-{found['end']}" in result.stdout
    assert "Xã đã thực hiện tốt việc niêm yết" in result.stdout  # the paragraph around it
    assert "2021-11-01" in result.stdout and "139/QĐ-UBND" in result.stdout
    shown = json.loads(run("--db", db, "show", found["finding_id"], "--format", "json").stdout)
    assert shown["context"]["text"].startswith("Xã đã thực hiện tốt")
    missing = run("--db", db, "show", "khong-co")
    assert missing.exit_code == 1 and missing.stderr.count("\n") == 1


def test_show_escapes_controls_in_the_file_name(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("hostile-name")
    report = folder / "bao-cao\x1b[2J.txt"  # an ESC sequence that would clear the screen
    report.write_text(REPORT, encoding="utf-8")
    path = str(folder / "k.db")
    assert run("--db", path, "ingest", str(report), "--no-progress").exit_code == 0
    found = search(path, "chưa cấp phiếu hẹn")["hits"][0]
    result = run("--db", path, "show", found["finding_id"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "bao-cao\\x1b[2J.txt" in result.stdout


def test_a_filter_no_finding_meets_is_named_on_stderr(db: str) -> None:
    """"0 findings" with a misspelt unit or a year the store does not reach read as if the words
    had found nothing: a line names the filter; a filter that finds findings is not blamed."""
    result = run("--db", db, "search", "phiếu hẹn", "--unit", "Phú Tânn", "--year", "2030")
    assert result.exit_code == 0 and result.stdout.startswith("0 findings")
    # The unit has its own line, naming the stored units meant (pipeline.hints.units_meant, session 25)
    assert ("no findings about a unit named 'Phú Tânn' or one inside it (a unit's name is matched whole);"
            " units meant: xã Phú Tân (") in result.stderr
    assert "no finding in the index is of the year 2030," in result.stderr
    # A province that has findings is not said to have none when the year leaves nothing.
    province = search(db, "phiếu hẹn")["hits"][0]["provinces"][0]
    dated = run("--db", db, "search", "phiếu hẹn", "--province", province, "--year", "2030")
    assert "no finding in the index is of the year 2030," in dated.stderr
    assert "province" not in dated.stderr
    words = run("--db", db, "search", "xyzxyz", "--unit", "Phú Tân", "--year", "2021")
    assert words.stdout.startswith("0 findings") and "no finding in the index" not in words.stderr


def test_an_offset_past_the_last_finding_says_so(db: str) -> None:
    total = search(db, "phiếu hẹn")["total"]
    past = run("--db", db, "search", "phiếu hẹn", "--offset", str(total + 5)).stdout
    assert past == f"{total} findings (none from {total + 6}: --offset is past the last)\n"


def test_document_number_typed_as_the_query_or_as_a_filter(db: str) -> None:
    typed = search(db, "139/QĐ-UBND")
    assert typed["total"] >= 2
    assert search(db, "--doc-number", "139/qđ-ubnd")["total"] == typed["total"]


def test_years_sort_offset_and_facets(db: str) -> None:
    everything = search(db, "--sort", "date", "--facets")
    assert everything["facets"]["year"] == [["2021", everything["total"]]]
    assert search(db, "--from", "2022")["total"] == 0
    assert search(db, "--from", "2020", "--to", "2021")["total"] == everything["total"]
    first, second = search(db, "--limit", "1"), search(db, "--limit", "1", "--offset", "1")
    assert first["hits"][0]["finding_id"] != second["hits"][0]["finding_id"]


def test_similar_findings(db: str) -> None:
    found = search(db, "khắc phục ngay việc cấp phiếu hẹn")["hits"][0]
    similar = search(db, "--similar", found["finding_id"])
    assert found["finding_id"] not in {h["finding_id"] for h in similar["hits"]}


def test_punctuation_or_emoji_finds_nothing(db: str) -> None:
    assert search(db, "?!…")["total"] == 0
    assert search(db, "🙂🙂")["total"] == 0


@pytest.mark.parametrize("args", [("x", "--limit", "-5"), ("x", "--limit", "0"), ("x", "--unit", ""),
                                  ("--within",), ("--offset", "-1"), ("--from", "2023", "--to", "2021"),
                                  ("--doc-number", " "), ("phiếu hẹn " * 60,)])
def test_bad_options_are_one_line_and_exit_2(db: str, args: tuple[str, ...]) -> None:
    result = run("--db", db, "search", *args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("kiemtra: ")


@pytest.mark.parametrize(("args", "said"), [
    (("x", "--limit", "-5"), "--limit must be a positive number, not -5"),
    (("x", "--unit", ""), "--unit must not be empty"),
    (("--within",), "--within needs --unit"),
    (("--offset", "-1"), "--offset must be 0 or more, not -1"),
    (("--from", "2023", "--to", "2021"), "--from 2023 is after --to 2021"),
    (("--doc-number", " "), "--doc-number must not be empty"),
])
def test_a_broken_rule_is_said_by_the_options_typed(db: str, args: tuple[str, ...], said: str) -> None:
    """The CLI's sentence per rule (pipeline/query_rules.py) names the options, not the Query fields."""
    assert run("--db", db, "search", *args).stderr == f"kiemtra: {said}\n"


def test_province_forms_and_close_matches(db: str) -> None:
    units = search(db, "phiếu hẹn")["hits"][0]["provinces"]
    if not units:
        pytest.skip("the extractor gave this report no province")
    province = units[0]
    for typed in (province, f"tỉnh {province}", f"TP. {province}"):
        assert search(db, "--province", typed)["total"] >= 1
    result = run("--db", db, "search", "--province", province[:-1] + "x")
    assert result.exit_code == 0 and "close matches" in result.stderr and province in result.stderr


def test_findings_of_the_query_s_matter_in_other_words_say_why_they_came(db: str) -> None:
    """No finding holds "sổ theo dõi"; the matter (the phiếu hẹn theme) brings them, and says so.
    The tier ends with the other findings of the matter's area (pipeline/search.py
    with_matter_area), which name no matter of the query."""
    hits = search(db, "sổ theo dõi")["hits"]
    assert hits and {h["tier"] for h in hits} == {"matter"}
    of_matter = [h for h in hits if h["matter"]]
    assert of_matter and {h["matter"] for h in of_matter} == {"tthc.phieu_hen"}
    assert all("tthc.phieu_hen" in h["themes"] and h["themes"][0] == h["theme"] for h in of_matter)
    assert all("phiếu hẹn" in h["text"] for h in of_matter)
    assert all(h["area"] == "tthc" and "tthc.phieu_hen" not in h["themes"] for h in hits if not h["matter"])
    assert search(db, "phiếu hẹn")["hits"][0]["tier"] == "words"
    shown = run("--db", db, "search", "sổ theo dõi").stdout
    assert "same matter as the query, in other words: Phiếu hẹn, sổ theo dõi hồ sơ" in shown
    # Each hit of the area alone says so; each hit says one reason, never both.
    assert len(hits) > len(of_matter)
    # The area by its code, which --area takes, and its name, which a person reads.
    by_area = "same area of the reports as the query's matter: tthc (Cải cách thủ tục hành chính)"
    assert shown.count(by_area) == len(hits) - len(of_matter)


def test_a_date_order_lists_the_answers_not_the_area_s_other_findings(db: str) -> None:
    """By date, "sổ theo dõi" lists the findings of its matter newest first and counts them; the
    matter's area's other findings, which fill a short page by relevance after them, would come
    first by date for being recent and be counted (pipeline/search.py `reranked`)."""
    by_relevance = search(db, "sổ theo dõi", "--limit", "50")
    of_matter = {h["finding_id"] for h in by_relevance["hits"] if h["matter"]}
    by_date = search(db, "sổ theo dõi", "--sort", "date", "--limit", "50")
    assert {h["finding_id"] for h in by_date["hits"]} == of_matter
    assert by_date["total"] == len(of_matter) < by_relevance["total"]
    assert "same area of the reports" not in run("--db", db, "search", "sổ theo dõi", "--sort", "date").stdout


def test_a_date_order_lists_the_area_s_findings_when_nothing_else_answers(db: str) -> None:
    """Strengths about "phiếu hẹn": the words and the matter find none, and by relevance the
    matter's area's strengths are listed; by date they are listed too (`dated`), as the engines
    list their fill by date when nothing else answers (Plan.fills_by_date)."""
    by_relevance = search(db, "phiếu hẹn", "--polarity", "strength", "--limit", "50")
    assert by_relevance["total"] and not any(h["matter"] for h in by_relevance["hits"])
    by_date = search(db, "phiếu hẹn", "--polarity", "strength", "--sort", "date", "--limit", "50")
    assert by_date["total"] == by_relevance["total"]
    assert {h["finding_id"] for h in by_date["hits"]} == {h["finding_id"] for h in by_relevance["hits"]}


def test_facets_name_the_areas_and_themes_beside_their_codes(db: str) -> None:
    """`--facets` listed "area: tthc (3)" and "theme: tthc.phieu_hen (2)": codes staff do not
    read; each says its name beside the code a filter takes."""
    shown = run("--db", db, "search", "phiếu hẹn", "--facets").stdout
    area = next(line for line in shown.splitlines() if line.startswith("area: "))
    assert "tthc (Cải cách thủ tục hành chính) (" in area
    theme = next(line for line in shown.splitlines() if line.startswith("theme: "))
    assert "tthc.phieu_hen: Phiếu hẹn, sổ theo dõi hồ sơ (" in theme
    # The kind of finding too, as `stats` names it ("shortcoming (Thiếu sót)"), the code --polarity takes.
    polarity = next(line for line in shown.splitlines() if line.startswith("polarity: "))
    assert "shortcoming (Thiếu sót) (" in polarity


def test_a_query_longer_than_the_setting_is_one_line_naming_it(db: str) -> None:
    words = ("phiếu hẹn " * 60).split()  # 599 characters
    result = run("--db", db, "search", *words)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("kiemtra: the query is 599 characters long; at most 500"
                             " (setting max_query_chars)\n")  # the default: core/defaults.toml
    assert run("--db", db, "--set", "max_query_chars=600", "search", *words).exit_code == 0


def test_json_scores_fall_with_the_rank_on_every_page(db: str) -> None:
    """`score` is what ranked the hit (pipeline/search.py `reranked`): the reranker's score in its
    pool, so a script sorting or cutting by score reads the order the user saw."""
    for words in ("xã chưa cấp phiếu hẹn", "niêm yết phiếu hẹn"):
        whole = search(db, words, "--limit", "50")["hits"]
        scores = [h["score"] for h in whole]
        assert len(scores) >= 3 and scores == sorted(scores, reverse=True), (words, scores)
        paged = [h["score"] for k in range(0, len(whole), 2)
                 for h in search(db, words, "--limit", "2", "--offset", str(k))["hits"]]
        assert paged == scores


def test_a_term_no_finding_holds_lists_the_findings_holding_its_syllables_and_says_so(db: str) -> None:
    """No finding says "dân cư"; the one saying "công dân" holds a syllable of it
    (index.query.Plan.loosened), listed as such, not as a finding holding the words."""
    hits = search(db, "dân cư")["hits"]
    assert [h["tier"] for h in hits] == ["syllables"] and "công dân" in hits[0]["text"]
    shown = run("--db", db, "search", "dân cư").stdout
    assert "no finding holds the query's terms: this one holds some of their syllables" in shown
    assert search(db, "dân cư", "--year", "2021")["hits"] == []  # a filter set: not loosened


# An article without a title (written for this test): its lead says the occasion once, its
# findings one detail each without repeating it.
UNTITLED = (
    "Ngày 12/3/2024, Đoàn kiểm tra cải cách hành chính huyện Vĩnh Linh đã kiểm tra đột xuất tại "
    "xã Vĩnh Hòa về kỷ luật, kỷ cương hành chính sau sáp nhập.\n\n"
    "Tại xã Vĩnh Hòa, sổ theo dõi hồ sơ ghi chép không đầy đủ. Một số cán bộ vắng mặt tại trụ sở "
    "trong giờ làm việc không có lý do.\n"
)


def test_findings_a_title_less_articles_lead_brought_say_so_and_the_lead_is_no_title(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("untitled")
    (folder / "tin-vinh-hoa.txt").write_text(UNTITLED, encoding="utf-8")
    path = str(folder / "k.db")
    assert run("--db", path, "ingest", str(folder / "tin-vinh-hoa.txt"), "--no-progress").exit_code == 0
    hits = search(path, "sau sáp nhập")["hits"]
    came = [h for h in hits if h["headline"] == "lead"]
    assert came and all("sáp nhập" not in h["text"] for h in came)
    shown = run("--db", path, "search", "sau sáp nhập").stdout
    said = "its document's opening paragraph (it has no title) holds the query's words"
    assert shown.count(said) == len(came)
    document = run("--db", path, "show", came[0]["finding_id"]).stdout.splitlines()[1]
    assert document == "document: tin-vinh-hoa"  # no title shown, the lead least of all



def test_the_province_hint_says_when_its_list_is_only_the_largest(monkeypatch: pytest.MonkeyPatch) -> None:
    """The index's provinces come from the province facet, cut at FACET_SIZE: a full list is
    said as the provinces with the most findings, not as all the index holds."""
    import pipeline.search
    from index.base import FACET_SIZE
    from pipeline.cli import _province_hint

    many = tuple(f"Tỉnh {n}" for n in range(FACET_SIZE))
    monkeypatch.setattr(pipeline.search, "province_suggestions", lambda backend, province: (many, False))
    assert f"the {FACET_SIZE} provinces with the most findings: Tỉnh 0," in _province_hint(None, "Quảng Trị")
    monkeypatch.setattr(pipeline.search, "province_suggestions", lambda backend, province: (many[:3], False))
    assert "; provinces in the index: Tỉnh 0, Tỉnh 1, Tỉnh 2" in _province_hint(None, "Quảng Trị")


def test_every_filter_empty_alone_asks_of_has_its_line() -> None:
    """Each filter pipeline.hints.empty_alone may name has a line (the province, the inspector and the
    unit their own hints): a filter added to ALONE_FILTERS without one would fail the search that
    found nothing."""
    from index.base import Query
    from pipeline.cli import _empty_alone_lines
    from pipeline.hints import ALONE_FILTERS

    query = Query(text="x", unit="Xyz", province="Cà Mau", inspector="Sở Nội vụ", level="xã", year=2030,
                  year_from=2030, year_to=2031, area="tthc", polarity="shortcoming", theme="tthc.phieu_hen",
                  doc_kind="Kế hoạch", doc_number="9/QĐ")
    named = tuple(fields[0] for fields in ALONE_FILTERS)
    lines = _empty_alone_lines(query, named)
    assert len(lines) == len(named) - 3 and len(set(lines)) == len(lines)
    assert "bearing or citing a 'Kế hoạch'" in lines[named.index("doc_kind") - 3]
    assert "is of the years 2030-2031" in lines[named.index("year_from") - 3]


def test_every_filter_of_a_query_is_asked_alone() -> None:
    """ALONE_FILTERS is every field that makes a Query filtered (Query.filtered), none missing: a
    filter left out was never named when it alone found nothing (the document kind was)."""
    from dataclasses import fields, replace
    from typing import Any

    from index.base import Query
    from pipeline.hints import ALONE_FILTERS

    asked = [name for filter_fields in ALONE_FILTERS for name in filter_fields]
    changes: list[dict[str, Any]] = [{f.name: 2024} for f in fields(Query)]
    filters = [name for change in changes for name in change if replace(Query(), **change).filtered]
    assert sorted(asked) == sorted(filters)


def test_the_unit_facet_places_each_unit_and_its_value_selects_that_unit(db: str) -> None:
    """`--facets` listed bare names ("Phú Tân (3)"), ambiguous across provinces; each value now says
    the unit's level and province as a result line does, and `--unit-place` takes it as printed."""
    shown = run("--db", db, "search", "--facets").stdout
    unit = next(line for line in shown.splitlines() if line.startswith("unit: "))
    assert "xã Phú Tân — " in unit
    counted = search(db, "--facets")["facets"]["unit"]
    value, n = next((v, n) for v, n in counted if v.startswith("xã Phú Tân — "))
    chosen = search(db, "--unit-place", value, "--limit", "50")
    assert chosen["total"] == n and all(value.split(" — ")[0] in h["unit_levels"] for h in chosen["hits"])
    assert search(db, "--unit-place", "xã Phú Tân")["total"] == 0  # the label alone is no facet value


# A province's department inspected (written for this test): the extraction lists it as a unit of
# level "cơ quan", which its name already says ("Sở …").
AGENCY_REPORT = (
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\n\n"
    "Số: 12/TB-UBND\n\n"
    "Quảng Trị, ngày 10 tháng 6 năm 2022\n\n"
    "Đoàn kiểm tra của UBND tỉnh Quảng Trị đã kiểm tra công tác cải cách hành chính tại Sở Nội vụ.\n\n"
    "Sở Nội vụ chưa cập nhật kịp thời thủ tục hành chính trên Cổng dịch vụ công của tỉnh."
)


def test_an_agency_is_written_without_a_doubled_level_word(tmp_path: Path) -> None:
    """Result lines, the unit facet and `show` wrote "cơ quan Sở Nội vụ — Quảng Trị"; a person
    writes "Sở Nội vụ", and `--unit-place` takes the facet's value as printed."""
    report = tmp_path / "thong-bao-12.txt"
    report.write_text(AGENCY_REPORT, encoding="utf-8")
    db = str(tmp_path / "k.db")
    assert run("--db", db, "ingest", str(report), "--no-progress").exit_code == 0
    shown = run("--db", db, "search", "thủ tục hành chính", "--facets").stdout
    assert "cơ quan" not in shown, shown
    unit = next(line for line in shown.splitlines() if line.startswith("unit: "))
    assert "Sở Nội vụ — Quảng Trị (1)" in unit
    assert "Sở Nội vụ — Quảng Trị" in shown.splitlines()[1]  # the result line
    chosen = search(db, "--unit-place", "Sở Nội vụ — Quảng Trị")
    assert chosen["total"] == 1
    assert "cơ quan Sở Nội vụ" in chosen["hits"][0]["unit_levels"]  # the key keeps it
    finding = chosen["hits"][0]["finding_id"]
    about = [line for line in run("--db", db, "show", finding).stdout.splitlines()
             if line.startswith(("about:", "document units:"))]
    assert about and all("Sở Nội vụ" in line and "cơ quan" not in line for line in about), about


def test_one_result_is_one_finding(db: str) -> None:
    """Session 27: "1 findings (1-1)"."""
    assert search(db, "khắc phục", "--polarity", "recommendation")["total"] == 1
    shown = run("--db", db, "search", "khắc phục", "--polarity", "recommendation").stdout
    assert shown.startswith("1 finding (1-1)\n")
