"""index/feedback_terms.py: the words a query's first findings share that the query did not type."""

from __future__ import annotations

from index.base import FindingRecord
from index.feedback_terms import Term, candidate_terms, expansion_terms, segmented_terms
from index.query import load_frame


def record(words: str, n: int = 0) -> FindingRecord:
    return FindingRecord(finding_id=f"f{n}", doc_key=f"d{n}", doc_id=f"d{n}", text=words.replace("_", " "),
                         polarity="han_che", area="tthc", words=words)


def test_terms_are_segmented_words_of_two_syllables_not_names_or_numbers() -> None:
    words = ("Ông Phạm_Văn_Hà phê_bình ( thái_độ ) 39,5_điểm của Buôn_Đôn , "
             "Hộ_tịch chưa cấp giấy_biên_nhận .")
    expected = [("phê", "bình"), ("thái", "độ"), ("hộ", "tịch"), ("giấy", "biên", "nhận")]
    assert segmented_terms(words) == expected


def test_the_query_s_own_syllables_stop_words_and_the_frame_are_never_terms() -> None:
    first = [record("cán_bộ chưa cấp giấy_biên_nhận cho hồ_sơ của công_dân", 1),
             record("bộ_phận một_cửa không cấp giấy_biên_nhận , không có sổ_theo_dõi", 2)]
    found = candidate_terms(first, ["phiếu", "hẹn", "cong", "dan"], load_frame())
    keys = set(found)
    assert ("giay", "bien", "nhan") in keys and ("so", "theo", "doi") in keys
    assert ("can", "bo") not in keys and ("ho", "so") not in keys  # the genre's frame
    assert ("cong", "dan") not in keys  # typed (folded: accents optional)
    # Held by both, spelled as met.
    assert found[("giay", "bien", "nhan")] == Term(("giấy", "biên", "nhận"), 2.0)


def test_a_term_the_first_findings_share_and_the_index_seldom_holds_comes_first() -> None:
    found = {("giay", "bien", "nhan"): Term(("giấy", "biên", "nhận"), 2.0),
             ("thuc", "hien"): Term(("thực", "hiện"), 2.0),
             ("so", "theo", "doi"): Term(("sổ", "theo", "dõi"), 1.0)}
    held_by = {("giay", "bien", "nhan"): 3, ("thuc", "hien"): 900, ("so", "theo", "doi"): 5}
    terms = expansion_terms(found, held_by, 1000, 2)
    assert [t.phrase for t in terms] == ['"giấy biên nhận"', '"sổ theo dõi"']
    # A term every finding holds weighs nothing and is never asked.
    everywhere = {("thuc", "hien"): 1000}
    assert expansion_terms({("thuc", "hien"): Term(("thực", "hiện"), 3.0)}, everywhere, 999, 5) == ()
