"""Cross-year reports on a store filled here with inspection reports written for the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.levels import Level
from core.models import (
    Area,
    Extraction,
    Finding,
    Polarity,
    Role,
    Source,
    Unit,
    document_from_blocks,
    sha256_bytes,
)
from index.store import Store
from pipeline.export import comparison_tables
from reports.compare import (
    Filters,
    compare,
    compare_findings,
    load_findings,
    recurring_shortcomings,
    select_findings,
    theme_year_matrix,
    themed_findings,
    turnarounds,
    unit_timeline,
)

PROVINCE = "Thái Bình"
# Units as the extractor gives them: role, province, and the post-2025 unit they belong to.
TAN_LAP = Unit(Level.XA, "Tân Lập", Role.INSPECTED, PROVINCE, "xã Tân Hòa")
HOA_BINH = Unit(Level.XA, "Hòa Bình", Role.INSPECTED, PROVINCE, "xã Tân Hòa")  # merged with Tân Lập
TT_HUNG_HA = Unit(Level.THI_TRAN, "Hưng Hà", Role.INSPECTED, PROVINCE, "xã Hưng Hà")
H_HUNG_HA = Unit(Level.HUYEN, "Hưng Hà", Role.INSPECTOR, PROVINCE, "tỉnh Thái Bình")
NEW_HUNG_HA = Unit(Level.XA, "Hưng Hà", Role.INSPECTED, PROVINCE, None)  # named after the reorganisation

REPORTS: dict[
    int, tuple[tuple[Unit, ...], list[tuple[str, str, str, tuple[str, ...]]]]
] = {  # year -> (units, [(polarity, area, sentence, names)])
    2019: (
        (H_HUNG_HA, TAN_LAP, HOA_BINH, TT_HUNG_HA),
        [
            (
                "shortcoming",
                "tthc",
                "Tại xã Tân Lập, nhiều hồ sơ tiếp nhận không có phiếu hẹn.",
                ("Tân Lập",),
            ),
            ("shortcoming", "tthc", "Thị trấn Hưng Hà còn 12 hồ sơ giải quyết quá hạn.", ("Hưng Hà",)),
            ("shortcoming", "cong_vu", "Công chức chưa đeo thẻ khi làm việc.", ()),
        ],
    ),
    2021: (
        (H_HUNG_HA, TAN_LAP, TT_HUNG_HA),
        [
            ("shortcoming", "tthc", "Xã Tân Lập vẫn chưa cấp phiếu hẹn cho người dân.", ("Tân Lập",)),
            (
                "shortcoming",
                "tthc",
                "Thị trấn Hưng Hà vẫn còn hồ sơ trễ hạn chưa có văn bản xin lỗi.",
                ("Hưng Hà",),
            ),
            ("strength", "tthc", "Xã Tân Lập niêm yết công khai đầy đủ thủ tục hành chính.", ("Tân Lập",)),
        ],
    ),
    2023: (
        (H_HUNG_HA, TAN_LAP, HOA_BINH),
        [
            ("strength", "tthc", "100% hồ sơ tiếp nhận đều có phiếu hẹn.", ()),
            ("shortcoming", "cong_vu", "Vẫn còn công chức không đeo thẻ.", ()),
        ],
    ),
    2026: (
        (NEW_HUNG_HA,),
        [
            ("shortcoming", "tthc", "Xã Hưng Hà còn 3 hồ sơ quá hạn.", ("Hưng Hà",)),
        ],
    ),
}


def _save(
    store: Store, year: int, units: tuple[Unit, ...], items: list[tuple[str, str, str, tuple[str, ...]]]
) -> None:
    sentences = [f"Báo cáo kết quả kiểm tra năm {year}."] + [s for _, _, s, _ in items]
    data = "\n".join(sentences).encode()
    source = Source(path=f"/tmp/bao-cao-{year}.txt", sha256=sha256_bytes(data), format="txt", reader="txt")
    document = document_from_blocks(
        f"bao-cao-{year}", [(s, None, "paragraph", None) for s in sentences], source
    )
    findings = []
    for polarity, area, sentence, names in items:
        start = document.text.index(sentence)
        findings.append(
            Finding(Polarity(polarity), Area(area), sentence, start, start + len(sentence), names)
        )
    extraction = Extraction(
        doc_id=document.doc_id, inspection_year=year, units=units, findings=tuple(findings)
    )
    store.save(document, extraction, extractor_version="test")


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "k.db", segmenter=str) as st:
        for year, (units, items) in REPORTS.items():
            _save(st, year, units, items)
        yield st


def test_matrix_counts_shortcomings_by_theme_and_year(store: Store) -> None:
    matrix = theme_year_matrix(store)
    assert matrix.years == (2019, 2021, 2023, 2026)
    assert matrix.cell("tthc.phieu_hen", 2019).documents == 1
    assert matrix.cell("tthc.phieu_hen", 2023).documents == 0  # a strength is not counted
    # the badge sentence names no unit: it is about the document's three inspected units
    assert matrix.cell("cong_vu.the_ten", 2019).units == 3
    assert matrix.cell("tthc.thoi_han", 2021).units == 1
    assert matrix.labels["tthc.phieu_hen"] == "Phiếu hẹn, sổ theo dõi hồ sơ"


def test_a_year_of_no_shortcoming_on_the_themes_is_an_empty_column_not_a_gap(store: Store) -> None:
    """ux28's sweep: `compare --theme "phieu hen"` headed 2019, 2020, 2021, 2022, 2024, 2025: the
    year the unit's phiếu hẹn became a strength (2023) was missing between its neighbours, as if
    no report of that year had been compared. Every year of the findings compared is a column."""
    matrix = theme_year_matrix(store, Filters(theme="phieu hen"))
    shortcoming_years = {year for year in matrix.years if matrix.cell("tthc.phieu_hen", year).documents}
    assert 2023 in matrix.years and 2023 not in shortcoming_years  # the year of the strength
    assert matrix.years == tuple(sorted(matrix.years))


def test_recurrence_follows_a_unit_across_years_and_the_reorganisation(store: Store) -> None:
    found = {(r.unit.label, r.theme): r for r in recurring_shortcomings(store)}
    overdue = found[("thị trấn Hưng Hà", "tthc.thoi_han")]
    # the 2026 report names the new "xã Hưng Hà", the only unit the old thị trấn became
    assert overdue.years == (2019, 2021, 2026)
    assert (overdue.first_year, overdue.last_year) == (2019, 2026)
    assert [e.doc_id for e in overdue.evidence] == ["bao-cao-2019", "bao-cao-2021", "bao-cao-2026"]
    assert found[("xã Tân Lập", "tthc.phieu_hen")].years == (2019, 2021)
    # the district shares the town's name but the sentences say "thị trấn"
    assert not any(label == "huyện Hưng Hà" for label, _ in found)
    # badges recur only through sentences that name nobody: not a recurrence of any one unit
    assert not any(theme == "cong_vu.the_ten" for _, theme in found)


def test_a_shortcoming_that_becomes_a_strength_is_a_turnaround(store: Store) -> None:
    items = {(t.unit.label, t.theme): t for t in turnarounds(store)}
    slips = items[("xã Tân Lập", "tthc.phieu_hen")]
    assert slips.shortcoming_years == (2019, 2021)
    assert slips.strength_years == (2023,)
    assert slips.improved_in == 2023 and not slips.relapsed
    assert ("xã Tân Lập", "tthc.niem_yet") not in items  # a strength never preceded by a shortcoming


def test_timeline_of_a_post_reorganisation_unit_holds_its_predecessors(store: Store) -> None:
    entries = unit_timeline(store, "Tan Hoa")
    assert {e.unit for e in entries} == {"xã Tân Lập", "xã Hòa Bình"}
    assert [e.year for e in entries] == sorted(e.year for e in entries if e.year is not None)
    assert ("xã Tân Lập", 2023, "strength", "tthc.phieu_hen") in {
        (e.unit, e.year, e.polarity, e.theme) for e in entries
    }


def test_filters_restrict_theme_unit_and_years(store: Store) -> None:
    matrix = theme_year_matrix(store, Filters(theme="phieu hen"))
    assert matrix.themes == ("tthc.phieu_hen",)
    recent = recurring_shortcomings(store, Filters(year_from=2020))
    assert [(r.unit.label, r.years) for r in recent] == [("thị trấn Hưng Hà", (2021, 2026))]
    assert recurring_shortcomings(store, Filters(unit="xã Tân Lập", year_to=2020)) == []
    only = theme_year_matrix(store, Filters(unit="thị trấn Hưng Hà"))
    # its overdue dossiers, and the 2019 badge remark it inherits as an inspected unit
    assert set(only.themes) == {"tthc.thoi_han", "cong_vu.the_ten"}


def test_the_level_filter_keeps_the_units_of_that_level(store: Store) -> None:
    towns = recurring_shortcomings(store, Filters(level=Level.THI_TRAN))
    # as the search's level filter: the level each finding names it at, so the 2026 report's
    # "xã Hưng Hà" (the thị trấn's successor) is a commune's finding, not a town's
    assert [(r.unit.label, r.years) for r in towns] == [("thị trấn Hưng Hà", (2019, 2021))]
    communes = {r.unit.label for r in recurring_shortcomings(store, Filters(level=Level.XA))}
    assert "xã Tân Lập" in communes and "thị trấn Hưng Hà" not in communes
    # the district only inspected: no finding is about it
    assert theme_year_matrix(store, Filters(level=Level.HUYEN)).themes == ()


def test_a_stored_theme_wins_over_recomputing_it(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db", segmenter=str) as st:
        _save(
            st,
            2020,
            (TAN_LAP,),
            [("shortcoming", "tthc", "Tại xã Tân Lập còn phiếu hẹn ghi sai.", ("Tân Lập",))],
        )
        doc = st.documents()[0]
        extraction = st.get_extraction(doc.doc_key)
        assert extraction.findings[0].theme is None  # saved without one: compare themes it
        assert theme_year_matrix(st).themes == ("tthc.phieu_hen",)
        document = st.get_document(doc.doc_key)
        themed = Extraction(
            doc_id=extraction.doc_id,
            inspection_year=2020,
            units=extraction.units,
            findings=tuple(
                Finding(f.polarity, f.area, f.text, f.start, f.end, f.units, "tthc.mot_cua")
                for f in extraction.findings
            ),
        )
        st.save(document, themed, extractor_version="test")
        assert theme_year_matrix(st).themes == ("tthc.mot_cua",)


def test_comparison_tables_carry_every_report(store: Store) -> None:
    comparison = compare(store, Filters(unit="Tân Lập"))
    tables = {t.name: t for t in comparison_tables(comparison)}
    assert set(tables) == {"matrix_documents", "matrix_units", "recurring", "improved", "timeline"}
    recurring = tables["recurring"]
    assert recurring.rows[0][0] == "xã Tân Lập"
    assert "bao-cao-2021" in str(recurring.rows[0][-1])
    assert all(len(row) == len(t.headers) for t in tables.values() for row in t.rows)
    assert "timeline" not in {t.name for t in comparison_tables(compare(store))}


@pytest.mark.parametrize("filters", [
    Filters(), Filters(year_from=2025), Filters(year_to=2021), Filters(unit="Cam Tuyền"),
    Filters(theme="phieu hen", year_from=2019, year_to=2023), Filters(level=Level.THI_TRAN, year_from=2020),
])
def test_loading_once_then_selecting_equals_reading_per_filter(store: Store, filters: Filters) -> None:
    """What the web page caches (every year loaded once, selected per request) is what a
    direct read for the filters gives, links across the reorganisation included."""
    assert select_findings(load_findings(store), filters) == themed_findings(store, filters)
    selected = select_findings(load_findings(store), filters)
    assert compare_findings(selected, filters) == compare(store, filters)


# The commune Tân Lập was merged with Hòa Bình into xã Tân Hòa; in 2026 the merged commune is
# inspected and its phiếu hẹn found wanting again.
NEW_TAN_HOA = Unit(Level.XA, "Tân Hòa", Role.INSPECTED, PROVINCE, None)
AFTER_MERGER: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("shortcoming", "tthc", "Xã Tân Hòa vẫn còn hồ sơ tiếp nhận không có phiếu hẹn.", ("Tân Hòa",)),
]


def test_a_shortcoming_found_again_at_the_merged_unit_is_said_beside_the_old_one(tmp_path: Path) -> None:
    """The auditor's sweep (ux29): two communes merged in 2025 keep their own histories, so the
    merged commune's shortcoming of 2026 stayed off Tân Lập's rows, and the turnaround table said
    "Tái phạm: không" of a matter the next inspection found again. It is said beside the rows, on
    the terminal, in the CSV/XLSX table and on the page; the unit's own years are unchanged."""
    with Store(tmp_path / "k.db", segmenter=str) as st:
        for year, (units, items) in REPORTS.items():
            _save(st, year, units, items)
        _save(st, 2027, (NEW_TAN_HOA,), AFTER_MERGER)
        comparison = compare(st, Filters(theme="phieu hen"))
    [recurrence] = [r for r in comparison.recurring if r.unit.label == "xã Tân Lập"]
    assert recurrence.years == (2019, 2021)  # its own
    assert recurrence.after_merger == ((2027, "xã Tân Hòa"),)
    [turnaround] = [t for t in comparison.turnarounds if t.unit.label == "xã Tân Lập"]
    assert not turnaround.relapsed and turnaround.after_merger == ((2027, "xã Tân Hòa"),)
    tables = {t.name: t for t in comparison_tables(comparison)}
    for name in ("recurring", "improved"):
        row = dict(zip(tables[name].headers, tables[name].rows[0], strict=True))
        assert row["Lặp lại sau sáp nhập"] == "2027: xã Tân Hòa", name
    # Hòa Bình, the other commune merged in, had no phiếu hẹn shortcoming: no row is made for it
    assert {r.unit.label for r in comparison.recurring} == {"xã Tân Lập"}


def test_a_unit_not_merged_has_nothing_after_the_merger(store: Store) -> None:
    assert all(not r.after_merger for r in recurring_shortcomings(store))
    assert all(not t.after_merger for t in turnarounds(store))
