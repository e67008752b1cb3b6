"""The CLI says which syllables the engine read as typos of others (index/spelling.py)."""

from __future__ import annotations

from index.base import FindingRecord, Hit, SearchResult
from index.query import Plan
from index.spelling import Correction
from pipeline.cli import _corrections_line
from pipeline.search import as_written


def test_the_cli_says_what_it_searched_for() -> None:
    plan = Plan(corrections=(Correction(0, 0, "nhâm", "nhân"),))
    assert _corrections_line(SearchResult(total=0, hits=(), plan=plan)) == "searched for nhân (typed nhâm)"
    assert _corrections_line(SearchResult(total=0, hits=(), plan=Plan())) is None


def _hit(text: str) -> Hit:
    return Hit(FindingRecord("f" + str(len(text)), "d", "d", text, "shortcoming", "so_hoa"), 1.0, text)


def test_the_syllable_searched_is_spelled_as_the_findings_found_write_it() -> None:
    """The engine reads a lone "hoa" with its tone placed by the modern rule ("hoá"); the findings
    write "hóa", and either placement matches alike: the notice says the spelling the user reads
    in the results, not one no result shows."""
    plan = Plan(corrections=(Correction(0, 1, "hoa", "hoá"),))
    hits = (_hit("Việc số hóa hồ sơ chưa đạt yêu cầu"), _hit("Số hóa kết quả giải quyết"))
    assert _corrections_line(SearchResult(total=2, hits=hits, plan=plan)) == "searched for hóa (typed hoa)"
    # The syllable in another word of the page ("chuẩn hoá") is written so too: both are named.
    both = (*hits, _hit("Chuẩn hoá dữ liệu hộ tịch"))
    said = _corrections_line(SearchResult(total=3, hits=both, plan=plan))
    assert said == "searched for hóa/hoá (typed hoa)"
    # Findings writing the modern placement: it is shown as they write it.
    modern = (_hit("Tỷ lệ số hoá hồ sơ đạt 100%"),)
    assert _corrections_line(SearchResult(total=1, hits=modern, plan=plan)) == "searched for hoá (typed hoa)"
    # No finding on the page writes it (another syllable of the word "hoa" is not it): as read.
    assert as_written("hoá", (_hit("Hoa nở"), _hit("hòa giải"))) == "hoá"


def test_a_page_writing_the_syllable_both_ways_names_both_the_more_written_first() -> None:
    """Findings of one store write "hóa" and "hoá" alike: the page's majority alone named a
    spelling the rest of the page does not show, and changed from one page to the next."""
    plan = Plan(corrections=(Correction(0, 1, "hoa", "hoá"),))
    mixed = (_hit("Số hoá hồ sơ còn chậm"), _hit("Việc số hóa hồ sơ chưa đạt"),
             _hit("Số hóa kết quả giải quyết"))
    said = _corrections_line(SearchResult(total=3, hits=mixed, plan=plan))
    assert said == "searched for hóa/hoá (typed hoa)"
    assert as_written("hoá", mixed[:2]) == "hoá/hóa"  # as many each: the first found first
