"""A ranked cue brings the other members of the synonym set it is whole (index/query/analysis.py
`_cue_siblings`): "tuyên dương cán bộ" ranks "biểu dương" and "khen ngợi" beside it, as the reports
write any of the three (index/vi/synonyms.toml). Before, the cue was read before any set and its
siblings were never asked (BL-S4: the answer "ghi nhận, biểu dương những nỗ lực …" at 11)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from search_backends import elastic_backend, segmented, sqlite_backend

from core.models import Area, Polarity
from index.base import FindingRecord, Query
from index.query import plan_query


def _ranked(text: str) -> list[str]:
    return [" ".join(a.syllables) for a in plan_query(text).optional]


@pytest.mark.parametrize(("typed", "ranked"), [
    ("tuyên dương cán bộ một cửa", ["tuyên dương", "biểu dương", "khen ngợi"]),
    ("biểu dương cán bộ", ["biểu dương", "tuyên dương", "khen ngợi"]),
    ("bieu duong can bo", ["bieu duong", "tuyên dương", "khen ngợi"]),  # the sibling keeps its accents
])
def test_a_praise_cue_ranks_its_siblings_and_keeps_its_polarity(typed: str, ranked: list[str]) -> None:
    plan = plan_query(typed)
    assert _ranked(typed) == ranked
    assert plan.polarity == "strength" and all(" ".join(g.alternatives[0].syllables) != "biểu dương"
                                               for g in plan.groups)  # ranked, never required


def test_folded_tuyen_duong_brings_nothing() -> None:
    """Folded, "tuyen duong" is also "tuyến đường" (a road): the set's member only with its accents."""
    assert _ranked("tuyen duong can bo") == ["tuyen duong"]


def test_two_verbs_of_one_act_stay_one_group() -> None:
    """"khen thưởng, tuyên dương": the act itself (intents.toml [acts]), a group, no siblings ranked."""
    plan = plan_query("khen thưởng, tuyên dương cán bộ")
    assert [" ".join(a.syllables) for a in plan.groups[0].alternatives] == ["khen thưởng", "tuyên dương"]
    assert _ranked("khen thưởng, tuyên dương cán bộ") == []


def _praise(fid: str, text: str, compounds: list[str]) -> FindingRecord:
    return replace(segmented(fid, text, compounds), polarity=Polarity.STRENGTH, area=Area.CONG_VU)


RECORDS = (
    _praise("b1", "Đoàn kiểm tra ghi nhận, biểu dương những nỗ lực của cán bộ trung tâm.",
            ["kiểm tra", "ghi nhận", "biểu dương", "nỗ lực", "cán bộ", "trung tâm"]),
    _praise("c1", "Cán bộ trung tâm được bố trí đủ theo đề án.", ["Cán bộ", "trung tâm", "bố trí", "đề án"]),
    _praise("c2", "Cán bộ trung tâm được tập huấn nghiệp vụ.",
            ["Cán bộ", "trung tâm", "tập huấn", "nghiệp vụ"]),
)


@pytest.mark.elasticsearch
def test_both_engines_rank_the_sibling_s_finding_first(tmp_path: Path,
                                                        request: pytest.FixtureRequest) -> None:
    for backend in (sqlite_backend(tmp_path, request), elastic_backend(tmp_path, request)):
        assert backend.index(RECORDS) == len(RECORDS)
        hits = backend.search(Query(text="tuyên dương cán bộ trung tâm")).hits
        assert hits[0].record.finding_id == "b1", backend.name
        assert hits[0].score > hits[1].score, backend.name
