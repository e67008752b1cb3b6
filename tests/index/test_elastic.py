"""What only the Elasticsearch backend has: the alias, atomic rebuilds, bulk failure handling.

The request-building functions are pure and tested without a server; the rest runs against the
real test server (tests/conftest.py `es_url`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from elastic_transport import ConnectionError as TransportConnectionError
from elasticsearch import Elasticsearch

from core.errors import BackendError
from core.models import Area, Polarity
from index import elastic
from index.base import LAYOUT_VERSION, RECORD_FIELDS, FindingRecord, Query, SearchMemo
from index.elastic import ElasticBackend, from_source, search_body, to_source
from index.query import Alternative, plan_query


def _record(fid: str, text: str, doc: str = "doc1", **extra: Any) -> FindingRecord:
    return FindingRecord(finding_id=fid, doc_key=doc, doc_id=f"{doc}.docx", text=text,
                         polarity=Polarity.SHORTCOMING, area=Area.TTHC, **extra)


def test_source_round_trips_and_folds_with_same_length() -> None:
    record = _record("x1", "Đoàn kiểm tra nhận thấy việc hòa giải còn chậm.", year=2024,
                     units=("Hoà Lạc",), provinces=("Đồng Tháp",), words="Đoàn kiểm_tra")
    source = to_source(record)
    # Cut into words as FTS5 cuts them (core.normalize.words_apart): the period is a space.
    assert source["text_folded"] == "doan kiem tra nhan thay viec hoa giai con cham "
    assert source["text_canonical"].endswith("hoà giải còn chậm ")
    assert len(source["text_folded"]) == len(source["text_canonical"]) == len(record.text)
    assert source["text_words"] == "doan kiem_tra"
    assert source["units_folded"] == ["hoa lac"] and source["provinces_folded"] == ["dong thap"]
    assert from_source(source) == record


def test_query_parts_quotes_prefixes_and_filters() -> None:
    body = search_body(Query(text='"hồ sơ" tiep nhậ* trễ', province="tỉnh Đắk Lắk", year_from=2020))
    required = body["query"]["bool"]["must"][0]["bool"]["filter"]
    assert {"prefix": {"text_canonical": "nhậ"}} in required  # accents typed: only that form
    assert {"match_phrase": {"text_canonical": "hồ sơ"}} in required
    assert {"term": {"text_folded": "tiep"}} in required  # no accents: every form
    province = {"bool": {"should": [{"term": {"provinces_folded": "dak lak"}},  # then, or today (2025)
                                    {"terms": {"aliases_folded": ["thanh pho dak lak", "tinh dak lak"]}}],
                         "minimum_should_match": 1}}
    assert body["query"]["bool"]["filter"] == [province, {"range": {"year": {"gte": 2020}}}]
    assert search_body(Query())["query"]["bool"]["must"] == [{"match_all": {}}]


def test_fallback_requires_most_groups() -> None:
    plan = plan_query("alpha beta gamma delta epsilon")
    assert (plan.minimum, plan.last_resort) == (4, 3)
    body = search_body(Query(text="alpha beta gamma delta epsilon"), plan, minimum=plan.minimum)
    required = body["query"]["bool"]["must"][0]["bool"]["filter"]
    assert required[0]["bool"]["minimum_should_match"] == 4  # of 5 words


def test_hits_asked_without_snippets_are_fetched_unmarked_with_their_record_fields_only() -> None:
    """No request asks the server's highlighter (snippets are cut by index.base.highlight, as
    SQLite's: ux23); every request fetches the record's fields, not the derived ones."""
    body = search_body(Query(text="phiếu hẹn", snippets=False))
    assert "highlight" not in body and "highlight" not in search_body(Query(text="phiếu hẹn"))
    fetched = set(body["_source"]["includes"])
    assert fetched == set(RECORD_FIELDS) and not fetched & {"text_folded", "text_canonical", "units_folded"}


@pytest.fixture
def name(es_prefix: str) -> str:
    return f"{es_prefix}-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def backend(es_url: str, name: str) -> Iterator[ElasticBackend]:
    es = ElasticBackend(es_url, name)
    yield es
    es.drop()
    es.close()


def _targets(es: ElasticBackend) -> list[str]:
    return sorted(es.client.indices.get_alias(name=es.alias).body)


@pytest.mark.elasticsearch
def test_alias_points_at_one_timestamped_index(backend: ElasticBackend, name: str) -> None:
    targets = _targets(backend)
    assert len(targets) == 1 and re.fullmatch(rf"{name}-\d{{20}}", targets[0])


@pytest.mark.elasticsearch
def test_reindex_builds_a_new_index_and_swaps_atomically(backend: ElasticBackend) -> None:
    backend.index([_record("old", "Hồ sơ tồn đọng chưa giải quyết.")])
    before = _targets(backend)
    assert backend.reindex([_record("new", "Hồ sơ đã giải quyết đúng hạn.")]) == 1
    after = _targets(backend)
    assert after != before and len(after) == 1
    assert not backend.client.indices.exists(index=before[0])  # the old index is gone
    settings = backend.client.indices.get_settings(index=after[0])[after[0]]["settings"]["index"]
    assert "refresh_interval" not in settings  # the bulk-load settings are back to the defaults
    assert settings.get("translog", {}).get("durability", "request") == "request"
    assert [h.record.finding_id for h in backend.search(Query(text="ho so")).hits] == ["new"]


@pytest.mark.elasticsearch
def test_swap_alias_keeps_old_index_until_dropped(backend: ElasticBackend) -> None:
    old = _targets(backend)
    new = backend.create_new_index()
    backend.swap_alias(new)
    assert _targets(backend) == [new]
    assert backend.client.indices.exists(index=old[0])
    backend.client.indices.delete(index=old[0])


@pytest.mark.elasticsearch
def test_rejected_items_raise_naming_the_findings(backend: ElasticBackend) -> None:
    physical = _targets(backend)[0]
    backend.client.indices.put_settings(index=physical, settings={"index.blocks.write": True})
    try:
        with pytest.raises(BackendError) as caught:
            backend.index([_record("bi-tu-choi", "Ý kiến phản ánh chưa được trả lời.")])
    finally:
        backend.client.indices.put_settings(index=physical, settings={"index.blocks.write": False})
    message = str(caught.value)
    assert "bi-tu-choi" in message and "403" in message and backend.url in message
    assert "\n" not in message


@pytest.mark.elasticsearch
def test_connection_lost_mid_bulk_is_retried(backend: ElasticBackend,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    real_bulk = Elasticsearch.bulk
    calls: list[int] = []

    def flaky_bulk(self: Elasticsearch, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise TransportConnectionError("connection reset by the test")
        return real_bulk(self, *args, **kwargs)

    monkeypatch.setattr(Elasticsearch, "bulk", flaky_bulk)
    monkeypatch.setattr(elastic, "BACKOFF_S", 0.01)
    records = [_record(f"r{i}", f"Hồ sơ số {i} được trả kết quả đúng hạn.") for i in range(3)]
    assert backend.index(records) == 3
    assert len(calls) == 2 and backend.count() == 3


@pytest.mark.elasticsearch
def test_many_findings_of_one_document_are_all_deleted(backend: ElasticBackend,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(elastic, "BATCH_SIZE", 4)  # several pages and several bulk batches
    backend.index([_record(f"n{i}", f"Nội dung kiểm tra thứ {i}.", doc="lon") for i in range(10)])
    backend.index([_record("khac", "Nội dung của văn bản khác.", doc="khac")])
    backend.delete_document("lon")
    assert backend.count() == 1
    backend.delete_document("lon")  # nothing left: a no-op, not an error


def test_unreachable_server_is_a_backend_error_naming_the_url() -> None:
    with pytest.raises(BackendError, match=r"^http://127\.0\.0\.1:1: cannot reach Elasticsearch"):
        ElasticBackend("http://127.0.0.1:1", "kiemtra-test-none", request_timeout=2)


@pytest.mark.elasticsearch
def test_unreachable_server_fails_fast_until_the_cooldown_ends(backend: ElasticBackend,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """One lost connection, then every call fails at once: an ingest run must not wait out
    the client's timeouts and retries per document while the server is gone."""
    calls: list[int] = []

    def unreachable(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        raise TransportConnectionError("connection refused by the test")

    monkeypatch.setattr(backend.client, "search", unreachable)
    with pytest.raises(BackendError, match="server unreachable"):
        backend.search(Query(text="hồ sơ"))
    with pytest.raises(BackendError, match="not retried for another"):
        backend.delete_document("doc1")
    with pytest.raises(BackendError, match="not retried for another"):
        backend.index([_record("x", "Hồ sơ chưa được giải quyết.")])
    assert len(calls) == 1
    monkeypatch.undo()
    monkeypatch.setattr(elastic, "OUTAGE_COOLDOWN_S", 0.0)
    backend._mark_down()  # a cooldown that has already ended: the next call tries again
    assert backend.index([_record("y", "Hồ sơ đã được giải quyết.")]) == 1


@pytest.mark.elasticsearch
def test_facet_fields_load_global_ordinals_eagerly_and_index_has_one_shard(backend: ElasticBackend) -> None:
    """A faceted search must not pay the ordinals build after each refresh; one primary, no replica."""
    (physical,) = _targets(backend)
    properties = backend.client.indices.get_mapping(index=physical)[physical]["mappings"]["properties"]
    for field in ("area", "polarity", "provinces_facet", "places_facet"):
        assert properties[field].get("eager_global_ordinals") is True, field
    assert "eager_global_ordinals" not in properties["doc_key"]
    settings = backend.client.indices.get_settings(index=physical)[physical]["settings"]["index"]
    assert (settings["number_of_shards"], settings["number_of_replicas"]) == ("1", "0")


def _older_index(client: Elasticsearch, name: str, missing: Iterable[str],
                 records: Iterable[FindingRecord] = (), meta: dict[str, Any] | None = None) -> None:
    """An index as an older kiemtra created it, behind the alias `name`: its mapping lacks the
    `missing` fields and the `layout` one (no kiemtra recorded it before), and has no `_meta`
    marker but `meta`; `records` are written without those fields."""
    lacked = {*missing, "layout"}
    fields = {k: v for k, v in elastic.MAPPING["properties"].items() if k not in lacked}
    mappings = {**elastic.MAPPING, "properties": fields, **({"_meta": meta} if meta else {})}
    client.indices.create(index=f"{name}-old", mappings=mappings, settings=elastic.INDEX_SETTINGS)
    client.indices.put_alias(index=f"{name}-old", name=name)
    for record in records:
        source = {k: v for k, v in to_source(record).items() if k not in lacked}
        client.index(index=name, id=record.finding_id, document=source, refresh=True)


@pytest.mark.elasticsearch
def test_an_index_made_before_the_unit_fields_takes_them(es_url: str, name: str) -> None:
    """An index created by an older kiemtra (strict mapping, no today's-unit or container fields)
    accepts the new records without a reindex: the backend adds the fields before writing."""
    client = Elasticsearch(es_url)
    _older_index(client, name, ("unit_aliases", "unit_parents", "aliases_folded", "parents_folded"))
    backend = ElasticBackend(es_url, name)
    try:
        backend.index([_record("f1", "Hồ sơ trễ hạn.", unit_aliases=("xã Mường Vang",),
                               unit_parents=("huyện Lạc Sơn",))])
        assert [h.record.finding_id for h in backend.search(Query(unit="Mường Vang")).hits] == ["f1"]
        within = backend.search(Query(unit="Lạc Sơn", within=True))
        assert [h.record.finding_id for h in within.hits] == ["f1"]
    finally:
        backend.drop()
        backend.close()
        client.close()


@pytest.mark.elasticsearch
def test_an_index_made_before_themes_takes_them_and_its_old_findings_still_match_by_their_own(
        es_url: str, name: str) -> None:
    """Documents written before `themes` match the theme filter and the matter tier by their own
    theme; those written since by every theme they speak of, their own first."""
    client = Elasticsearch(es_url)
    _older_index(client, name, ("themes",), [_record("o1", "Chưa ký số văn bản.", theme="so_hoa.chu_ky_so")])
    backend = ElasticBackend(es_url, name)
    try:
        backend.index([_record("n1", "Hồ sơ trực tuyến ít, chưa ký số văn bản.",
                               theme="so_hoa.dvc_truc_tuyen",
                               themes=("so_hoa.dvc_truc_tuyen", "so_hoa.chu_ky_so"))])
        backend.refresh()
        assert sorted(h.record.finding_id for h in backend.search(Query(theme="so_hoa.chu_ky_so")).hits) == [
            "n1", "o1"]
        tier = backend.search(Query(text="phần mềm", matters=("so_hoa.chu_ky_so",))).hits
        assert [(h.record.finding_id, h.record.themes) for h in tier] == [
            ("o1", ("so_hoa.chu_ky_so",)), ("n1", ("so_hoa.dvc_truc_tuyen", "so_hoa.chu_ky_so"))]
    finally:
        backend.drop()
        backend.close()
        client.close()


@pytest.mark.elasticsearch
def test_findings_an_older_kiemtra_indexed_are_counted_until_a_reindex(es_url: str, name: str) -> None:
    """An index written before `themes` and `dated`: its findings are counted (the CLI and the
    page then say `kiemtra reindex`), each of them, since which ones lack the title fields
    cannot be asked; also once a newer write has added the fields to the mapping (the old
    findings still lack them, the new one is of today's layout); a rebuild leaves none."""
    client = Elasticsearch(es_url)
    olds = [_record("o1", "Chưa ký số văn bản.", theme="so_hoa.chu_ky_so", year=2021),
            _record("o2", "Chưa niêm yết thủ tục.", published="2022-05-04"),
            _record("o3", "Một câu không có năm, ngày hay chủ đề.")]
    _older_index(client, name, ("themes", "dated", "title_canonical", "title_folded"), olds)
    backend = ElasticBackend(es_url, name)
    try:
        assert backend.outdated() == 3
        backend.index([_record("n1", "Hồ sơ trực tuyến ít.", theme="so_hoa.dvc_truc_tuyen", year=2023,
                               themes=("so_hoa.dvc_truc_tuyen",))])
        backend.refresh()
        properties = client.indices.get_mapping(index=name)[f"{name}-old"]["mappings"]["properties"]
        assert {"themes", "layout", "title_folded"} <= set(properties)
        assert backend.outdated() == 3  # the mapping has the fields now; the old findings do not
        backend.rebuild([*olds, _record("n1", "Hồ sơ trực tuyến ít.", year=2023)])
        assert backend.outdated() == 0 and backend.count() == 4
    finally:
        backend.drop()
        backend.close()
        client.close()


@pytest.mark.elasticsearch
def test_an_index_written_before_the_title_fields_is_outdated_until_a_rebuild_finds_its_titles(
        es_url: str, name: str) -> None:
    """An index the kiemtra before the title fields wrote, with its themes and dates (its
    mapping's `_meta` names the fields its findings have, no title field among them): its
    findings are not found by their document's title, so they are counted until a rebuild,
    which finds them by it."""
    client = Elasticsearch(es_url)
    titled = [_record("o1", "Chưa niêm yết thủ tục.", title="Kết luận kiểm tra cải cách hành chính"),
              _record("o2", "Chưa ký số văn bản.", doc="doc2", title="Báo cáo chuyển đổi số")]
    untitled = ("title_canonical", "title_folded")
    written_with = sorted(set(elastic.MAPPING["properties"]) - {*untitled, "layout"})
    _older_index(client, name, untitled, titled, meta={"kiemtra_written_with": written_with})
    backend = ElasticBackend(es_url, name)
    try:
        asked = Query(text="cải cách hành chính")
        assert backend.titled(asked, backend.plan(asked.text), 10) == []
        assert backend.outdated() == 2
        backend.rebuild(titled)
        assert backend.outdated() == 0
        assert [h.record.finding_id for h in backend.titled(asked, backend.plan(asked.text), 10)] == ["o1"]
    finally:
        backend.drop()
        backend.close()
        client.close()


@pytest.mark.elasticsearch
def test_an_index_marked_with_every_field_or_a_layout_as_new_is_never_counted(
        es_url: str, name: str) -> None:
    """An index marked with today's layout or a later one: no count. (One the kiemtra before
    layouts marked with its fields is of layout 7 at most, older than the shingles of 8.)"""
    client = Elasticsearch(es_url)
    records = [_record("o1", "Chưa niêm yết thủ tục.", title="Kết luận kiểm tra")]
    metas: list[dict[str, Any]] = [{elastic.LAYOUT_KEY: LAYOUT_VERSION},
                                   {elastic.LAYOUT_KEY: LAYOUT_VERSION + 1}]
    for n, meta in enumerate(metas):
        _older_index(client, f"{name}{n}", (), records, meta=meta)
        recording = _Recording(es_url)
        backend = ElasticBackend(es_url, f"{name}{n}", client=recording)
        try:
            assert backend.outdated() == 0 and not _asked(recording, "/_count")
        finally:
            backend.drop()
            backend.close()
    client.close()


def test_an_index_says_its_layout_in_its_mapping_meta() -> None:
    """What `_meta` says of the findings (no server): the layout this version writes, a later
    one, an older one; the fields the kiemtra before layouts named, or nothing: no layout."""
    def answer(meta: dict[str, Any] | None) -> dict[str, Any]:
        return {"mappings": {"properties": {}, **({"_meta": meta} if meta is not None else {})}}

    new = {"mappings": elastic.new_index_mappings()}
    assert elastic.index_layout(new) == LAYOUT_VERSION and elastic.written_whole(new)
    assert elastic.written_whole(answer({elastic.LAYOUT_KEY: LAYOUT_VERSION + 1}))
    assert not elastic.written_whole(answer({elastic.LAYOUT_KEY: LAYOUT_VERSION - 1}))
    fields = sorted(set(elastic.MAPPING["properties"]) - {"layout"})
    assert not elastic.written_whole(answer({"kiemtra_written_with": fields}))
    assert elastic.index_layout(answer(None)) is None and not elastic.written_whole(answer(None))
    assert to_source(_record("x1", "Chưa ký số."))["layout"] == LAYOUT_VERSION


class _Recording(Elasticsearch):
    """A client that notes each request it sends ("GET /name/_search"): what a call costs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sent: list[str] = []

    def perform_request(self, method: str, path: str, **kwargs: Any) -> Any:
        self.sent.append(f"{method} {path}")
        return super().perform_request(method, path, **kwargs)


def _asked(client: _Recording, what: str) -> list[str]:
    return [request for request in client.sent if what in request]


@pytest.mark.elasticsearch
def test_the_outdated_findings_are_learnt_once_per_index_and_forgotten_by_a_reindex_elsewhere(
        es_url: str, name: str) -> None:
    """The CLI and the web page ask outdated() after every search: a long-lived reader (the web
    server's backend) counts an older index once, then answers a search answered by the same
    index with no request at all; after `kiemtra reindex` in another process its next search
    sees the new index, whose mapping says it was written whole: 0, and never a count."""
    client = Elasticsearch(es_url)
    olds = [_record("o1", "Chưa ký số văn bản.", theme="so_hoa.chu_ky_so", year=2021),
            _record("o2", "Chưa niêm yết thủ tục.", published="2022-05-04")]
    _older_index(client, name, ("themes", "dated"), olds)
    recording = _Recording(es_url)
    reader = ElasticBackend(es_url, name, client=recording)
    try:
        assert reader.search(Query(text="chưa")).total == 2
        assert reader.outdated() == 2 and len(_asked(recording, "/_count")) == 1
        recording.sent.clear()
        for _ in range(3):
            assert reader.search(Query(text="chưa")).total == 2 and reader.outdated() == 2
        assert recording.sent and all(request.endswith("/_search") for request in recording.sent)

        writer = ElasticBackend(es_url, name)  # `kiemtra reindex`, another process
        writer.rebuild(olds)
        writer.close()

        recording.sent.clear()
        assert reader.search(Query(text="chưa")).total == 2 and reader.outdated() == 0
        assert not _asked(recording, "/_count") and len(_asked(recording, "/_mapping")) == 1
        recording.sent.clear()
        assert reader.search(Query(text="chưa")).total == 2 and reader.outdated() == 0
        assert all(request.endswith("/_search") for request in recording.sent)
        recording.sent.clear()
        assert reader.search(Query(text="zzzkhongco")).total == 0 and reader.outdated() == 0
        assert not _asked(recording, "/_count")  # nothing answered: the mapping says which index

        fresh = _Recording(es_url)  # a CLI search on the rebuilt index: no count, no extra read
        opened = ElasticBackend(es_url, name, client=fresh)
        assert opened.search(Query(text="chưa")).total == 2 and opened.outdated() == 0
        assert not _asked(fresh, "/_count") and len(_asked(fresh, "/_mapping")) == 1  # on opening
        opened.close()
    finally:
        reader.drop()
        reader.close()
        client.close()


class _Searches(Elasticsearch):
    """A client that keeps the body of each search it sends: which requests a search made."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bodies: list[dict[str, Any]] = []

    def perform_request(self, method: str, path: str, **kwargs: Any) -> Any:
        body = kwargs.get("body")
        if path.endswith("/_search") and isinstance(body, dict):
            self.bodies.append(body)
        return super().perform_request(method, path, **kwargs)

    @property
    def weighed(self) -> int:
        """The requests weighing a plan's groups (ElasticBackend._holders)."""
        return sum("df" in (body.get("aggs") or {}) for body in self.bodies)


@pytest.mark.elasticsearch
def test_a_plan_is_weighed_once_per_search_and_again_after_a_write(es_url: str, name: str) -> None:
    """The composed search hands one plan and one memo to every request of a search (the pool, the
    place's own findings): its groups' holders, counted over the whole index, are asked once; the
    memo ends with the search, so the same plan searched again after a write (here by another
    backend, as another process writes) is counted again, and the new finding weighs in."""
    client = _Searches(es_url)
    es = ElasticBackend(es_url, name, client=client)
    try:
        es.index([_record("w1", "Chưa trả phiếu hẹn."), _record("w2", "Hồ sơ trễ hạn.")])
        plan = es.plan("phiếu hẹn trễ hạn")  # no finding holds both: the partial stage weighs
        memo = SearchMemo()
        first = es.search(Query(text="phiếu hẹn trễ hạn"), plan, memo)
        again = es.search(Query(text="phiếu hẹn trễ hạn", year=2024), plan, memo)
        assert client.weighed == 1 and {h.record.finding_id for h in first.hits} == {"w1", "w2"}
        assert again.total == 0
        writer = ElasticBackend(es_url, name)
        writer.index([_record("w3", "Phiếu hẹn ghi sai ngày trả, hồ sơ trễ hạn.")])
        writer.close()
        assert es.search(Query(text="phiếu hẹn trễ hạn"), plan).hits[0].record.finding_id == "w3"
        assert client.weighed == 2
    finally:
        es.drop()
        es.close()


@pytest.mark.elasticsearch
def test_a_narrower_search_of_a_plan_whose_words_found_too_little_goes_to_the_partial_stage(
        es_url: str, name: str) -> None:
    """A plan whose stage of all the groups found fewer than a page: the same plan asked again
    with more filters (the place's own findings, engine_pool) finds fewer still, so it is not
    asked that stage again, and finds what a search planned afresh finds; with fewer filters,
    or in a search of its own (another memo: a write may have come between), it is asked."""
    client = _Searches(es_url)
    es = ElasticBackend(es_url, name, client=client)
    try:
        es.index([_record("n1", "Chưa trả phiếu hẹn.", year=2024), _record("n2", "Hồ sơ trễ hạn.", year=2024),
                  _record("n3", "Phiếu hẹn ghi sai ngày.", year=2023)])
        text = "phiếu hẹn trễ hạn"
        plan = es.plan(text)
        memo = SearchMemo()
        es.search(Query(text=text, area=Area.TTHC), plan, memo)
        client.bodies.clear()
        narrowed = es.search(Query(text=text, area=Area.TTHC, year=2024), plan, memo)
        assert len(client.bodies) == 2  # the partial stage, then the fill (index.query.Plan.fills)
        replanned = es.plan(text)
        client.bodies.clear()
        fresh = es.search(Query(text=text, area=Area.TTHC, year=2024), replanned, SearchMemo())
        assert len(client.bodies) == 4  # the stage of all the groups, the weighing, the partial, the fill
        assert [(h.record.finding_id, h.score, h.tier) for h in narrowed.hits] == [
            (h.record.finding_id, h.score, h.tier) for h in fresh.hits]
        assert {h.record.finding_id for h in narrowed.hits} == {"n1", "n2"}
        es.search(Query(text=text, year=2024), plan, memo)
        client.bodies.clear()
        es.search(Query(text=text), plan, memo)  # fewer filters than the last: the stage is asked
        assert len(client.bodies) == 3
        es.index([_record("n4", "Phiếu hẹn trễ hạn trả.", year=2024)])
        client.bodies.clear()
        found = es.search(Query(text=text, year=2024), plan)  # a search of its own: asked, and weighed
        assert len(client.bodies) == 4 and found.hits[0].record.finding_id == "n4"
    finally:
        es.drop()
        es.close()


def test_a_ranked_phrase_is_one_shingle_term_and_a_longer_one_its_start_within_the_phrase() -> None:
    """FTS5 weighs a phrase by how many findings hold the phrase; a Lucene phrase query by the sum
    of its words' idf. Ranked as a term of the folded text's shingle field of its length, the
    phrase's idf is its own (elastic._ranked_clause); typed with every accent, held where the
    accented phrase is; past SHINGLE_MAX syllables, weighed by its first ones, where the whole
    phrase is."""
    assert elastic._ranked_clause(Alternative(("tre", "han"))) == {"term": {"text_folded.p2": "tre han"}}
    # Typed with every accent: held on the canonical field, as SQLite ranks it on `original`.
    assert elastic._ranked_clause(Alternative(("trễ", "hạn"))) == {"bool": {
        "must": [{"term": {"text_folded.p2": "tre han"}}],
        "filter": [{"match_phrase": {"text_canonical": "trễ hạn"}}]}}
    assert elastic._ranked_clause(Alternative(("han",))) == {"term": {"text_folded": "han"}}
    assert elastic._ranked_clause(Alternative(("tre", "ha"), prefix=True)) == {
        "match_phrase_prefix": {"text_folded": "tre ha"}}
    name = ("bo", "phan", "tiep", "nhan", "va", "tra", "ket", "qua")
    assert elastic._ranked_clause(Alternative(name)) == {"bool": {
        "must": [{"term": {"text_folded.p3": "bo phan tiep"}}],
        "filter": [{"match_phrase": {"text_folded": "bo phan tiep nhan va tra ket qua"}}]}}


@pytest.mark.elasticsearch
def test_a_phrase_ranks_by_the_findings_holding_it(es_url: str, name: str) -> None:
    """The shingle term of "tre han" is held by the one finding writing the phrase, not by those
    holding both syllables apart: its document frequency, hence its idf, is the phrase's."""
    backend = ElasticBackend(es_url, name)
    try:
        backend.index([_record("apart1", "Hạn nộp đã trễ."),
                       _record("apart2", "Trễ một ngày so với hạn."),
                       _record("apart3", "Hạn chót bị trễ."),
                       _record("phrase", "Một hồ sơ trễ hạn."),
                       _record("words", "Hồ sơ hồ sơ hồ sơ đầy đủ.")])
        clause = elastic._ranked_clause(Alternative(("tre", "han")))
        scored = backend.client.search(index=name, query=clause)["hits"]["hits"]
        assert [h["_id"] for h in scored] == ["phrase"]  # the shingle holds the phrase alone
        accented = elastic._ranked_clause(Alternative(("trễ", "hạn")))
        scored = backend.client.search(index=name, query=accented)["hits"]["hits"]
        assert [h["_id"] for h in scored] == ["phrase"]
        layout = backend.client.indices.get_mapping(index=name)
        (mapping,) = layout.body.values()
        properties = mapping["mappings"]["properties"]
        assert set(properties["text_folded"]["fields"]) == {
            f"p{k}" for k in range(2, elastic.SHINGLE_MAX + 1)}
        assert "fields" not in properties["text_canonical"]  # one field's shingles rank both
    finally:
        backend.drop()
        backend.close()


@pytest.mark.elasticsearch
def test_an_index_made_before_the_shingles_takes_writes_and_says_it_is_outdated(
        es_url: str, name: str) -> None:
    """An index of layout 7 has no shingle analyzers (they are fixed when an index is created):
    writing to it adds no shingle fields (elastic.EXTENDABLE_PROPERTIES), searching it still
    matches, and its findings count as outdated until `kiemtra reindex`."""
    client = Elasticsearch(es_url)
    properties = dict(elastic.EXTENDABLE_PROPERTIES)
    client.indices.create(index=f"{name}-old", mappings={"dynamic": "strict", "properties": properties,
                                                         "_meta": {elastic.LAYOUT_KEY: 7}},
                          settings={"number_of_shards": 1, "number_of_replicas": 0})
    client.indices.put_alias(index=f"{name}-old", name=name)
    backend = ElasticBackend(es_url, name)
    try:
        backend.index([_record("f1", "Hồ sơ trễ hạn nhiều."), _record("f2", "Hồ sơ đầy đủ.")])
        assert [h.record.finding_id for h in backend.search(Query(text="hồ sơ trễ hạn")).hits][:1] == ["f1"]
        assert backend.outdated() == 2
    finally:
        backend.drop()
        backend.close()
        client.close()
