"""Search as every user gets it: the query's matters found, then the engine asked.

Why here: staff judge as relevant findings that speak of the matter they asked about in other
words ("dịch vụ công trực tuyến" → "tỷ lệ hồ sơ trực tuyến còn thấp"; "không có người trực" →
"trụ sở UBND xã vắng lặng"), which no lexical matching brings. The project already knows the
matters: the theme vocabulary (nlp/vi/themes.toml), which gives every finding its theme at
ingest. So the query's themes are found with the same matcher (nlp/themes.py: accents optional
on its folded path) and handed to the engine as `Query.matters`, a ranking hint: when the words
find less than a page, findings of those themes follow them (the matter tier, index/base.py).
A query naming a whole area by its heading ("tồn tại về tổ chức bộ máy", themes.toml [areas])
hands it as `Query.areas`: that area's findings follow those of its themes in the same tier.
Every query naming a matter hands the engine its strongest matter's area the same way
(`with_matter_area`): a short page ends with the rest of that section of the reports, of the
polarity asked when the query asks for one ("hạn chế trong …": index.query.Plan.section).

index/ must not import nlp/ (the layers), so this is the one place that composes them: the CLI,
the web page and the quality benchmark all search through `search`, and measure what users get.

The query is read once per search: parsed here (index.query.parse, the one grammar), its parse
read for the matters and areas, analysed once by the engine against its own words and units
(`SearchBackend.plan`), and that plan handed to every request the search makes of the engine
(the reranker's pool, the page past it) and to the reranker.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from core.models import spoken
from core.normalize import fold, matching_form
from index.base import (
    FACET_SIZE,
    TIER_MATTER,
    TIER_SYLLABLES,
    TIER_WORDS,
    FindingRecord,
    Hit,
    Query,
    SearchBackend,
    SearchMemo,
    SearchResult,
    facet_values,
)
from index.query import (
    Alternative,
    Lexicon,
    Parsed,
    Plan,
    corrected,
    filter_key,
    inspector_keys,
    load_lexicon,
    parse,
    province_key,
    read_back,
)
from index.rerank import Asked, Ranker, candidates, load_ranker, unit_named
from nlp.themes import Taxonomy, load_taxonomy

# A query names a matter when its phrases of that theme weigh the vocabulary's strong hint
# (Taxonomy.strong_hint, themes.toml: 3 = the phrase alone names the matter, 2 = strong hint,
# 1 = weak hint), the bar a finding's record carries a theme by too: a weak hint ("hồ sơ",
# "công chức", "kế hoạch") is said of every matter and would bring findings at random.
# At most this many matters, strongest first: a short query names one or two; more are the
# weak readings of a long one.
MAX_MATTERS = 2


def query_matters(text: str | Parsed, taxonomy: Taxonomy | None = None,
                  read: Parsed | None = None) -> tuple[str, ...]:
    """The theme codes `text` names, strongest first (Taxonomy.scores' order), at most MAX_MATTERS.

    Only the words the query asks for count: an excluded -"phiếu hẹn" names no matter it wants,
    and the two sides of an OR are read apart (a phrase does not run across them). `read`: the
    parse as the engine read it (index.query.read_back), whose phrases count beside the typed ones.
    """
    tax = taxonomy or load_taxonomy()
    wanted = positive_text(text)
    if not wanted:
        return ()
    said = positive_text(read) if read is not None else None
    typed = [(code, score) for code, score in _scores(wanted, tax, said) if score >= tax.strong_hint]
    # A synonym stands for the query's word, so it names that word's one matter: its best theme
    # only ("giấy tiếp nhận hồ sơ và hẹn trả kết quả" is the phiếu hẹn, not "tiếp nhận hồ sơ").
    # The matters the words name as typed come first, and of the others the one most members
    # name: a set's long form can say more than the word ("bộ phận tiếp nhận và trả kết quả",
    # the one-stop office's full name, also says "tiếp nhận" and "trả kết quả", the handling of
    # files), while its other members ("bộ phận một cửa", "BPMC") say the office.
    named: dict[str, tuple[int, float]] = {}
    lexicon = load_lexicon()
    voted: set[tuple[str, ...]] = set()
    for member in synonyms_of(text, lexicon):
        # One vote per form: members differing by a function word only ("bộ phận tiếp nhận (và)
        # trả kết quả") are one way of naming the thing written twice, not two.
        form = lexicon.content_form(member)
        if form in voted:
            continue
        voted.add(form)
        for code, score in _scores(member, tax)[:1]:
            if score >= tax.strong_hint:
                count, best = named.get(code, (0, 0.0))
                named[code] = (count + 1, max(best, score))
    # When neither names a matter: the query spelled out (each abbreviation or variant replaced
    # by its fullest form: "KH CCHC hằng năm" → "kế hoạch cải cách hành chính hằng năm") says a
    # phrase spanning several of them, which no member says alone; its best theme only, as a
    # member's. Only then: a fullest form says more than the word typed ("phiếu hẹn" → "giấy
    # tiếp nhận hồ sơ và hẹn trả kết quả" also says "tiếp nhận hồ sơ"), and would reorder the
    # matters a query names as typed.
    if not typed and not named:
        for code, score in _scores(spelled_out(wanted), tax)[:1]:
            if score >= tax.strong_hint:
                named[code] = (1, score)
    # Stable sorts: the matcher's order on ties.
    others = sorted(named.items(), key=lambda item: (-item[1][0], -item[1][1]))
    ranked = [code for code, _ in sorted(typed, key=lambda pair: -pair[1])]
    ranked += [code for code, _ in others if code not in ranked]
    return tuple(ranked[:MAX_MATTERS])


def _scores(text: str, taxonomy: Taxonomy, read: str | None = None) -> list[tuple[str, float]]:
    """(theme code, score) of `text`, best first, "<area>.khac" left out; `read`: the text as the
    engine read it (Taxonomy.scores). A query's syllables typed without accents may be any of
    their accented forms ("không có nguoi truc", Taxonomy.matches); where that finds nothing, the
    text is read again without any."""
    scored = taxonomy.scores(text, marks_optional=True, read=read)
    if not scored and fold(text) != text:
        scored = taxonomy.scores(fold(text))
    return [(theme.code, score) for theme, score in scored if not theme.is_other]


def synonyms_of(text: str | Parsed, lexicon: Lexicon | None = None) -> list[str]:
    """The genre's synonyms and expansions of the query's words (index/vi/synonyms.toml), as the
    search applies them: "DVC" names the matter "dịch vụ công trực tuyến" names."""
    lex = lexicon or load_lexicon()
    typed = [s for clause in _parsed(text).clauses for term in clause for s in term.syllables]
    accents = any(fold(s) != s for s in typed)
    out: list[str] = []
    i = 0
    while i < len(typed):
        length, members = lex.synonyms_at(typed, i)
        typed_member = tuple(typed[i:i + length])
        out += [" ".join(m if accents else [fold(s) for s in m]) for m in members if m != typed_member]
        i += max(length, 1)
    return out


def spelled_out(wanted: str, lexicon: Lexicon | None = None) -> str:
    """`wanted` (positive_text's form) with each run of words a synonym set holds replaced by the
    set's fullest member, the one of most syllables ("KH" → "kế hoạch", "CCHC" → "cải cách hành
    chính"): abbreviations and short variants stand for it, and the theme vocabulary writes the
    genre's phrases in full. Folded when nothing was typed with accents, as `synonyms_of`."""
    lex = lexicon or load_lexicon()
    accents = fold(wanted) != wanted
    parts: list[str] = []
    for part in wanted.split(" | "):
        typed = part.lower().split()
        words: list[str] = []
        i = 0
        while i < len(typed):
            length, members = lex.synonyms_at(typed, i)
            if length:
                fullest = max(members, key=len)
                words += [s if accents else fold(s) for s in fullest]
            else:
                words.append(typed[i])
            i += max(length, 1)
        parts.append(" ".join(words))
    return " | ".join(parts)


def _parsed(text: str | Parsed) -> Parsed:
    """The parse of `text`, or `text` when it is one: the functions here take either, so the
    composed search parses once and a caller with only the words need not parse them."""
    return parse(text) if isinstance(text, str) else text


def positive_text(text: str | Parsed) -> str:
    """The query's wanted words as plain text: runs of single words as typed, each quoted phrase
    and each side of an OR apart, behind a separator no theme phrase spans (exclusions and
    query syntax left out)."""
    parts: list[tuple[str, bool]] = []  # (text, whether it is a run of single words)
    for clause in _parsed(text).clauses:
        said = " | ".join(" ".join(term.syllables) for term in clause)
        loose = len(clause) == 1 and not clause[0].phrase
        if parts and loose and parts[-1][1]:  # each single word is a clause: join the run again
            parts[-1] = (parts[-1][0] + " " + said, True)
        else:
            parts.append((said, loose))
    return " | ".join(said for said, _ in parts)


def query_areas(text: str | Parsed, taxonomy: Taxonomy | None = None) -> tuple[str, ...]:
    """The areas whose whole names the query's wanted words say (themes.toml [areas]: "tồn tại
    về tổ chức bộ máy" → bo_may), accents optional; an excluded name names none it wants."""
    wanted = positive_text(text)
    return (taxonomy or load_taxonomy()).areas_named(wanted) if wanted else ()


def with_matters(query: Query, taxonomy: Taxonomy | None = None, parsed: Parsed | None = None,
                 plan: Plan | None = None) -> Query:
    """The query with the matters and areas its text names (each kept when the caller set it);
    `parsed`: the text's parse, when the caller has it; `plan`: the engine's reading of it, whose
    corrections (a typo, a lone syllable read: index.query.Plan.corrections) name their matter
    as the word meant ("cơ sở vật chât"), and whose readings of words typed without accents
    (index.query.read_back) name theirs too."""
    if not query.text.strip():
        return query
    typed = parsed or parse(query.text)
    fixed = corrected(typed, plan.corrections) if plan is not None else typed
    read = read_back(typed, plan) if plan is not None else None
    return replace(query, matters=query.matters or query_matters(fixed, taxonomy, read),
                   areas=query.areas or query_areas(fixed, taxonomy))


def search(backend: SearchBackend, query: Query, taxonomy: Taxonomy | None = None,
           ranker: Ranker | None = None) -> SearchResult:
    """The one search every front end runs: the query's matters found, then the backend asked
    for its first findings, which the reranker orders (`reranked`); each hit of the matter tier
    names the matter it came by (`Hit.matter`). `ranker`: the shipped weights by default."""
    parsed = parse(query.text)
    plan = backend.plan(parsed) if query.text.strip() else Plan()
    # The matters of the query as the engine read it (with_matters).
    asked = with_matters(query, taxonomy, parsed, plan)
    ranker = ranker or load_ranker()
    result = reranked(backend, asked, ranker, plan, taxonomy)
    # Nothing holds any of the query's terms: the findings holding their syllables, marked so. Not
    # when the user set a filter (Query.filtered): the filter may be why nothing was found, and
    # loosened words would list the filter's findings holding a syllable while findings elsewhere
    # hold the whole term; the filters' own hints say so (pipeline/hints.py).
    if not result.total and not query.filtered and (loose := plan.loosened()) is not None:
        result = reranked(backend, asked, ranker, loose, taxonomy)
        result = replace(result, hits=tuple(replace(hit, tier=TIER_SYLLABLES) for hit in result.hits))
    hits = tuple(replace(hit, matter=matter_of(hit.record.theme, hit.record.themes, asked.matters))
                 if hit.tier == TIER_MATTER else hit for hit in result.hits)
    facets = {name: shown_order(name, pairs) for name, pairs in result.facets.items()}
    return replace(result, hits=hits, facets=facets)


# Facets whose values are points in time, listed in time order (`shown_order`).
TIME_FACETS = frozenset({"year"})


def shown_order(name: str, pairs: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """A facet's values in the order the CLI, the page and `--format json` list them: a facet of
    time (TIME_FACETS: the year) oldest first, every other as the engines give it, most findings
    first (ties by value). Which values are listed is the engines' cut either way (FACET_SIZE
    with the most findings).

    Why: a year is a point on a line, and an auditor reads the years as a timeline ("2019 (12),
    2020 (6), 2021 (8)"), the order `kiemtra stats` and the comparison's columns already give
    them; by count they read "2023, 2022, 2019, 2021", and which years are missing or how one
    year stands against the next must be worked out. The search tools that do this well list a
    time facet by its values (Elasticsearch's date histogram, Kibana, Google Scholar's years, the
    library catalogues' publication dates) and a facet of categories by count (Elasticsearch's
    terms and Solr's facets by default, Amazon's and eBay's filters): there the largest tells where
    the findings are, and the units, areas, themes and polarities have no order a reader compares
    along. Oldest first rather than newest: the tool's other year lists read that way, so the
    facet can be read beside them."""
    if name not in TIME_FACETS:
        return list(pairs)
    return sorted(pairs, key=lambda p: (not p[0].isdigit(), int(p[0]) if p[0].isdigit() else 0, p[0]))


# A query of the genre typed without accents: its first search loads what every later one reads
# (the dictionary and the synonym lexicon, the theme taxonomy, the reranker); each folded word's
# readings and each theme phrase's pattern are compiled when a query first looks them up (ux28).
WARM_QUERY = "phieu hen"


def warm_up(backend: SearchBackend) -> None:
    """One search, so the process's first user does not wait for what it compiles (2–3 s: the
    page showed "40 phát hiện · 3207 ms" for the first search after `kiemtra serve`, 40 ms after).
    Why a search and not the loaders one by one: it compiles what the search reads, whatever that
    becomes."""
    search(backend, Query(text=WARM_QUERY, limit=1))


def reranked(backend: SearchBackend, query: Query, ranker: Ranker, plan: Plan | None = None,
             taxonomy: Taxonomy | None = None) -> SearchResult:
    """The engine's result with its first `ranker.pool` findings in the reranker's order
    (index/rerank.py), the page cut from that; findings past the pool keep the engine's order.

    Every request decides the engine's tiers on the pool's size (`pool_page`), so the pool, the
    pages after it, the total and the facets come from the same tiers whatever the offset. A
    browse (no words) or a date order is the engine's alone: nothing to rerank by; a date order
    is not widened by the matter's area either (`with_matter_area`) unless nothing else answers
    (`dated`): that area's findings fill a short page by relevance, after the answers, and by
    date they would come first for being recent, and be counted (ux21; the engines' fill
    likewise: Plan.fills_by_date); its tiers are decided on the pool's size too, so its total
    does not change with the page's size (the CLI's 10 said 12 findings of "phieu hen" by date
    where the page's 20 said 17, ux24). `plan`: the
    engine's plan of the query (`SearchBackend.plan`), made once for every request here.

    Each hit's score says what ranked it (`past_pool`): in the pool, the reranker's score; past
    it, the engine's order counted down below the pool's lowest score. So the scores a user
    reads (`search --format json`) fall with the rank on every page, never rise: the engine's
    scores are on another scale (tier bonuses and bm25), and kept for a reordered hit they
    read as if the reranker had put a weaker finding first. A page past the pool asks the
    engine for the pool too, for its lowest score.

    The engine is asked with the strongest matter's area too (`with_matter_area`; `taxonomy` the
    theme vocabulary); the reranker reads the query as typed, the areas it names whole."""
    pool = ranker.pool
    if query.sort == "date":  # the matter's area fills a page by relevance, not a timeline
        return dated(backend, replace(query, page_size=pool_page(query, pool)), plan, taxonomy)
    if not query.text.strip() or query.limit <= 0 or pool <= 0:
        return backend.search(with_matter_area(query, taxonomy), plan)
    page_size = pool_page(query, pool)
    end = query.offset + query.limit
    # The engine's hits come without snippets (Query.snippets): only the page's are marked, at
    # the end (`SearchBackend.highlighted`), not the pool's three pages.
    bare = with_matter_area(replace(query, snippets=False), taxonomy)
    memo = SearchMemo()  # what this search's requests learn of the index (index.base.SearchMemo)
    first, displaced = engine_pool(backend, bare if query.offset < pool else replace(bare, facets=False),
                                   pool, plan, taxonomy, memo)
    ranked = ranker.ranked(first.hits, Asked.of(query, first.plan or Plan()))
    hits = [replace(hit, score=score) for hit, score in ranked[query.offset:end]]
    if query.offset < pool and (end <= pool or len(first.hits) < pool):
        return replace(first, hits=backend.highlighted(hits, first.plan))
    start = max(query.offset, pool)
    # Past the pool: the engine's findings the place's pushed out of it (engine_pool), then the
    # engine's order after the pool without those the pool holds. With none pushed out, the
    # page is the engine's own page; else it is cut from the engine's order from the pool's end.
    fetched_from = start if not displaced else pool
    after = backend.search(replace(bare, offset=fetched_from, limit=end - fetched_from + len(displaced),
                                   page_size=page_size, facets=query.facets and query.offset >= pool),
                           first.plan, memo)
    pooled = {h.record.finding_id for h in first.hits}
    rest = [*displaced, *(h for h in after.hits if h.record.finding_id not in pooled)]
    rest = rest[start - fetched_from:end - fetched_from]
    hits += past_pool(rest, start - pool, min((score for _, score in ranked), default=0.0))
    return replace(first if query.offset < pool else after, hits=backend.highlighted(hits, first.plan))


def past_pool(hits: Sequence[Hit], skipped: int, floor: float) -> list[Hit]:
    """The engine's hits after the pool, the first of them `skipped` places past its end, each
    scored one below the one before it, the first past the pool one below `floor` (the pool's
    lowest score): past the pool the engine's order is what ranks, and the count keeps it
    below everything the reranker ranked, and the same on every page."""
    return [replace(hit, score=floor - (skipped + k + 1)) for k, hit in enumerate(hits)]


def pool_page(query: Query, pool: int) -> int:
    """The page size the engine decides its tiers on under the reranker: the pool's, not the
    page's. Why: the answers a tier ranks low are what the reranker is for ("hạn chế trong công
    tác chỉ đạo điều hành": the area's shortcomings in the matter tier, behind a page of
    strengths holding every word), and the engine brings that tier only when its stages find
    fewer findings than the page size it is told. So a query whose words find 10 to 29 findings
    now lists the matter tier and the fill after them too, and counts them in its total."""
    return max(pool, query.tier_page)


def engine_pool(backend: SearchBackend, query: Query, pool: int, plan: Plan | None = None,
                taxonomy: Taxonomy | None = None,
                memo: SearchMemo | None = None) -> tuple[SearchResult, tuple[Hit, ...]]:
    """The engine's first `pool` findings for `query` (its matters already found), in its
    order: what the reranker reorders, and what benchmarks/train_ranker.py learns from.

    A query naming one place ("Vị Xuyên chỉ đạo điều hành") asks about that place: the same
    matter elsewhere answers another question, and a finding about the place holding fewer of
    the other words still answers it. The engines rank a named unit as one group among the
    words (heavier than any: index.query.Plan.weights), so their partial stages and matter tier
    bring findings elsewhere holding more of the words before the place's own findings holding
    only the place. So the pool is the place's findings first: those of the engine's order that
    are about it or name it, then the rest of the place's findings (and the units inside it, as
    a unit typed matches: `within`) in the engine's order, then the others. A --unit filter
    already narrows to the place, and a query naming two places says no one place to put first.
    `plan`: the engine's plan of the query, read once for both requests (`SearchBackend.plan`);
    `taxonomy`: the theme vocabulary the matter's area is read from (`with_matter_area`);
    `memo`: the search's (index.base.SearchMemo), by default one for these requests alone.

    A query naming one year ("kết quả chỉ số CCHC năm 2021", "quý IV 2021": `year_first`) asks
    about that period likewise: the year's findings come first (the place's, when it names one
    too), those of the engine's order, then the rest of the year's in the order of the same
    request narrowed to the year, then the others.

    Returns the pool and the engine's own first findings the place's pushed out of it, in the
    engine's order: the pages after the pool list them first, so no finding is lost. The place's
    own request is skipped when the first answer already holds all it could bring
    (`holds_every_answer`): the pool is then the same without it.

    A query naming the inspecting body for certain ("tồn tại do Sở Nội vụ kiểm tra chỉ ra":
    index.query.Plan.inspector) is narrowed by both engines to that body's inspections
    (index.base.asked_query); when the index holds none of them, the pool is the query's without
    that filter, the body's name then ranking as a word.
    """
    asked = with_matter_area(replace(query, offset=0, limit=pool, page_size=pool_page(query, pool)), taxonomy)
    memo = memo if memo is not None else SearchMemo()
    found = with_titled(backend, asked, backend.search(asked, plan, memo), pool)
    if not found.total and (read := found.plan) is not None and read.inspector and query.inspector is None:
        # The inspecting body the words name (Plan.inspector) has no inspection in the index: its
        # words rank, as any words do, rather than a filter the user never set emptying the page
        found = with_titled(backend, asked, backend.search(asked, replace(read, inspector=None), memo), pool)
    place = place_first(query, found.plan or Plan())
    year = year_first(query, found.plan or Plan())
    if place is None and year is None:
        return found, ()
    ordered = list(found.hits)
    first: set[str] = {h.record.finding_id for h in found.hits}
    if place is not None:
        inside = () if holds_every_answer(found, asked) else backend.search(
            replace(asked, unit=place, within=True, facets=False), found.plan, memo).hits
        at_place = Asked.of(query, found.plan or Plan())
        named = [c.record.finding_id for c in candidates(found.hits) if unit_named(c, at_place, pool) > 0]
        first = {*named, *(h.record.finding_id for h in inside)}
        ordered = [h for h in found.hits if h.record.finding_id in named]
        ordered += [h for h in inside if h.record.finding_id not in named]
        ordered += [h for h in found.hits if h.record.finding_id not in first]
    if year is not None:
        # The year's findings first (at the place asked, when one is), then the others in order.
        narrowed = replace(asked, year=year, facets=False)
        if place is not None:
            narrowed = replace(narrowed, unit=place, within=True)
        of_year = () if holds_every_answer(found, asked) else backend.search(narrowed, found.plan, memo).hits
        at = [h for h in ordered if h.record.year == year and h.record.finding_id in first]
        put = {h.record.finding_id for h in at}
        at += [h for h in of_year if h.record.finding_id not in put]
        put |= {h.record.finding_id for h in of_year}
        if len(at) < pool:  # then the rest of the year's findings (the section's first): the period's
            at += of_period(backend, replace(narrowed, text="", matters=(), areas=()), found.plan or Plan(),
                            pool, put)
            put = {h.record.finding_id for h in at}
        ordered = at + [h for h in ordered if h.record.finding_id not in put]
    kept = {h.record.finding_id for h in ordered[:pool]}
    return (replace(found, hits=tuple(ordered[:pool])),
            tuple(h for h in found.hits if h.record.finding_id not in kept))


def of_period(backend: SearchBackend, browse: Query, plan: Plan, pool: int, have: set[str]) -> list[Hit]:
    """The findings of the period `browse` narrows to (its year, and its place when one is asked)
    not in `have`, up to `pool` with them: the section asked (Plan.section) first, in the engine's
    browse order (newest first). Why: a query naming a period asks for what its inspection found
    ("hạn chế qua kiểm tra năm 2020", "ưu điểm công tác CCHC năm 2019"), and its words other than
    the section and the period are then the genre's frame ("kiểm tra", "CCHC"), which the year's
    findings do not say; the reranker orders them with the rest."""
    out: list[Hit] = []
    seen = set(have)
    asks = [replace(browse, polarity=plan.polarity), browse] if plan.section and plan.polarity else [browse]
    for ask in asks:
        for hit in backend.search(replace(ask, limit=pool, offset=0, page_size=0)).hits:
            if len(seen) >= pool:
                return out
            if hit.record.finding_id not in seen:
                seen.add(hit.record.finding_id)
                out.append(hit)
    return out


def year_first(query: Query, plan: Plan) -> int | None:
    """The year whose findings `engine_pool` puts first: the one the query's words name
    (index.query.Plan.year: "năm 2021", "quý IV 2021"), None when it names none or the query has
    a year filter (--year, --from/--to: it already narrows). Why: a report's findings do not
    repeat the year of their inspection, which the index keeps as the finding's year, and a
    query naming a period asks about that period (index/vi/periods.toml): the same matter in
    another year answers another question, as the same matter at another place does
    (`place_first`), and the engines rank the year's findings holding fewer of the other words
    after the other years' holding more."""
    if query.year is not None or query.year_from is not None or query.year_to is not None:
        return None
    return plan.year


def place_first(query: Query, plan: Plan) -> str | None:
    """The one place whose findings `engine_pool` puts first (a unit key, Group.unit), None when
    the query has a --unit filter (it already narrows) or names no place or two. An agency typed
    with a place ("Sở LĐTB&XH Hà Nội", "Cần Thơ ... trung tâm phục vụ hành chính công") is that
    place's agency: the place's findings first (those about its agency among them too, which the
    reranker puts first: index/rerank.py unit_named), not every province's agency of that name;
    an agency typed alone is the place (index.query.Group.agency). Read by benchmarks/pool_recall.py
    too, which classes the findings this keeps out."""
    groups = plan.groups
    places = [g.unit for g in groups if g.unit and not g.agency] or [g.unit for g in groups if g.unit]
    return places[0] if not query.unit and len(set(places)) == 1 else None


def with_titled(backend: SearchBackend, query: Query, found: SearchResult, pool: int) -> SearchResult:
    """`found` with its empty places up to `pool` filled by the findings whose document's headline
    (its title, else its lead: FindingRecord.headline) holds every group of the query
    (SearchBackend.titled), after the engine's own, counted in its total. Why: an article's
    headline says what the whole article is about ("Gia Lai: bộ máy cấp xã sau sáp nhập …", or a
    title-less article's lead "… khó khăn của cấp xã sau sáp nhập …") and its findings, one detail
    each, do not repeat it, so a query naming it may find too few findings by their text. Only
    the empty places: put before the fill they changed nothing measured either
    (docs/search-quality.md, title12), and a short pool is where a user sees that a headline's
    words found nothing. Each fill says so (`Hit.by_headline`, `came_by_headline`)."""
    plan = found.plan
    if plan is None or len(found.hits) >= pool or not query.text.strip() or query.sort == "date":
        return found
    have = {h.record.finding_id for h in found.hits}
    extra = [h for h in backend.titled(query, plan, pool) if h.record.finding_id not in have]
    extra = [replace(h, by_headline=True) for h in extra[:pool - len(found.hits)]]
    if not extra:
        return found
    return replace(found, hits=(*found.hits, *extra), total=found.total + len(extra),
                   facets=with_counted(found.facets, [h.record for h in extra]))


def with_counted(facets: dict[str, list[tuple[str, int]]],
                 records: Sequence[FindingRecord]) -> dict[str, list[tuple[str, int]]]:
    """`facets` (the engine's, of the findings it found) counting `records` too: the headline
    fill's findings (`with_titled`), which the total counts, so the facets add up to it as they
    do for the engine's own. Values compare as filters do (`filter_key`, so "Hòa"/"Hoà" are one),
    shown as the engine showed them, most frequent first, FACET_SIZE each as the engines cut."""
    if not facets:
        return facets
    out: dict[str, list[tuple[str, int]]] = {}
    for name, pairs in facets.items():
        counted = {filter_key(value): (value, n) for value, n in pairs}
        for record in records:
            for value in dict.fromkeys(facet_values(record, name)):
                shown, n = counted.get(filter_key(value), (value, 0))
                counted[filter_key(value)] = (shown, n + 1)
        out[name] = sorted(counted.values(), key=lambda p: (-p[1], p[0]))[:FACET_SIZE]
    return out


def dated(backend: SearchBackend, query: Query, plan: Plan | None = None,
          taxonomy: Taxonomy | None = None) -> SearchResult:
    """The engine's result of a query sorted by date: not widened by the matter's area
    (`with_matter_area`) unless nothing else answers, as the engines' fill (Plan.fills_by_date).
    Why: "phiếu hẹn" of strengths by relevance lists the area's strengths (the words and the
    matter found none), and by date it listed nothing: the order changed what was found."""
    result = backend.search(query, plan)
    widened = with_matter_area(query, taxonomy)
    return result if result.total or widened == query else backend.search(widened, plan)


def with_matter_area(query: Query, taxonomy: Taxonomy | None = None) -> Query:
    """The query as the engine is asked it: the area of its strongest matter joins the areas it
    names whole (`Query.areas`), so the matter tier, when the words find less than a page, ends
    with that area's findings (of the polarity asked, as the whole tier) after the matter's own.

    Why: staff judge a finding on the same field of the reform relevant though the theme it was
    given is a neighbour of the one the query names ("hạn chế ứng dụng công nghệ thông tin":
    the online files' low share, the official mailbox unused, documents not sent through the
    system are all shortcomings of digitisation, each filed under its own theme). The themes of
    one area split one heading of the reports (themes.toml: every theme implies its area), and a
    finding's theme is one reading among close ones; the area is the report's own section, so
    a query short of a page lists the section's other findings before the fill's findings that
    share only a common word (the fill, 6 % relevant in the judged pools). Over the ten judged
    sets the reranker's pool of 30 holds 86 more judged findings (3823 → 3909 of 4943; 40 more
    of grade 2), the area's coming in and the fill's they push out (docs/search-quality.md,
    session 10). The tier runs only when the words leave the page short, the area last in it.

    Only the strongest matter's: the weaker matter of a long query is the weaker reading, as the
    tier's findings speaking of a matter besides their own (index/query). Only for the
    engine's request: the reranker reads the areas the user named (index/rerank.py area_named),
    and a finding of the matter's area is not one of an area the query names. Idempotent, so
    engine_pool can apply it to a query `reranked` already widened.

    A query asking for a section ("hạn chế trong giải quyết thủ tục hộ tịch": Plan.section) gets
    the rest of that section of the polarity asked, as the whole tier is: an inspection report is
    written by the reform's areas, each with its strengths, shortcomings and recommendations, and
    in the judged section queries' pools 14 of 459 findings of the other polarity were relevant
    against 154 of 894 of the polarity asked and the strongest matter's area outside the pool.
    """
    if not query.matters:
        return query
    area = (taxonomy or load_taxonomy()).get(query.matters[0]).area
    return query if area in query.areas else replace(query, areas=(*query.areas, area))


def holds_every_answer(found: SearchResult, asked: Query) -> bool:
    """Whether `found` (the engine's answer to `asked`) already holds every finding the same
    request narrowed to a place could bring, so engine_pool need not ask it: every finding of
    the narrowed answer is then about the place, so in the pool's first part (`unit_named`).

    Why these three conditions: a filter only narrows what a tier admits, but the tiers are
    decided on counts (index.query.Plan.falls_back, fills, matter_tier), and the narrowed counts
    are smaller, so the narrowed request can run a tier the first did not. (1) The first answer
    holds every finding it admits (`total`); (2) its stages found fewer than a page, so it ran
    every tier the narrowed request can (the partial stages, the matter tier, the fill); (3) the
    narrowed request's last resort (half the groups, run when `minimum` finds none of the place's)
    admits only findings holding a topical group, which the fill already holds: true unless the
    query's groups are all sense groups (index.query.Plan.topical), which the fill never admits.
    """
    plan = found.plan or Plan()
    if found.total > len(found.hits):
        return False
    if sum(1 for h in found.hits if h.tier == TIER_WORDS) >= asked.tier_page:
        return False
    return not plan.fallback or any(plan.topical)


def matter_of(theme: str | None, themes: tuple[str, ...], matters: tuple[str, ...]) -> str | None:
    """The query's matter a finding of the matter tier came by: its own theme when that is one,
    else the strongest of the query's matters it speaks of (the engines' order)."""
    if theme in matters:
        return theme
    return next((m for m in matters if m in themes), None)


def matter_label(hit: Hit, taxonomy: Taxonomy | None = None) -> str | None:
    """The label of the matter a hit came by, None for a hit of the query's words: what the CLI's
    "same matter as the query" line and the web page's "cùng vấn đề" badge name."""
    return (taxonomy or load_taxonomy()).label(hit.matter) if hit.matter else None


def came_by_area(hit: Hit) -> bool:
    """Whether a hit came in the matter tier by the area of the query's matter alone
    (`with_matter_area`): none of the query's words, none of its matters, the same section of the
    reports. The CLI's and the web page's "why it came" line for it: a list past the words'
    findings should not read as if those findings held the words."""
    return hit.tier == TIER_MATTER and hit.matter is None


def came_by_headline(hit: Hit) -> str | None:
    """What brought a hit its document's headline fill (`with_titled`): "title", or "lead" for a
    title-less document (FindingRecord.headline); None for a hit of its own text. The CLI's and
    the web page's "why it came" line: the finding itself need not hold any of the query's words,
    and a title-less document's lead is named as its opening paragraph, never shown as a title."""
    if not hit.by_headline:
        return None
    return "title" if hit.record.title and hit.record.title.strip() else "lead"


def without_year(result: SearchResult) -> int:
    """How many of `result`'s findings have no year known (no date in their document), when its
    year facet lists every year (fewer than FACET_SIZE values): the total less the years' counts;
    0 when the facet was cut or holds none.

    Why: the year facet counts the findings of each year, and a report or article with no date
    has none, so "36 findings" over years summing to 24 read as if twelve had gone missing; the
    CLI's facet line and the page's year facet say them as "no year known" (a count, no filter:
    no filter selects them), as `kiemtra stats` does."""
    years = result.facets.get("year")
    if not years or len(years) >= FACET_SIZE:
        return 0
    return max(0, result.total - sum(n for _, n in years))


def province_suggestions(backend: SearchBackend, province: str) -> tuple[tuple[str, ...], bool]:
    """When a province filter finds nothing: the indexed provinces closest to what was typed
    ("Quang Trj" → Quảng Trị) and True, or, when none is close, every indexed province and
    False. One rule for the CLI's hint line and the web page's links."""
    known = [value for value, _ in search(backend, Query(limit=0, facets=True)).facets.get("province", [])]
    by_key = {province_key(v): v for v in known}
    close = difflib.get_close_matches(province_key(province), list(by_key), n=5, cutoff=0.6)
    return (tuple(by_key[k] for k in close), True) if close else (tuple(known), False)


def inspector_suggestions(backend: SearchBackend, inspector: str) -> tuple[tuple[str, ...], bool]:
    """When an inspector filter finds nothing: the indexed inspecting bodies (the inspector facet's
    values, "Sở Nội vụ — Quảng Trị") closest to what was typed, by the body's name or its place
    ("So Noi vu" → Sở Nội vụ — Quảng Trị; "UBND tỉnh Quảng Trị" → tỉnh Quảng Trị), and True; or,
    when none is close, every indexed one and False. The province's rule (`province_suggestions`),
    for the CLI's hint line and the web page's links."""
    known = [value for value, _ in search(backend, Query(limit=0, facets=True)).facets.get("inspector", [])]
    keys: dict[str, str] = {}
    for value in known:  # "Sở Nội vụ — Quảng Trị": whole, and the body's name alone
        for key in (filter_key(value), filter_key(spoken(value)), filter_key(spoken(value).split(" — ")[0])):
            keys.setdefault(key, value)
    typed = inspector_keys(inspector)
    close = [keys[k] for key in typed for k in difflib.get_close_matches(key, list(keys), n=5, cutoff=0.6)]
    named = tuple(dict.fromkeys(close))[:5]
    return (named, True) if named else (tuple(known), False)


_WORD = re.compile(r"\w+")


def as_written(read: str, hits: Sequence[Hit]) -> str:
    """A syllable the engine read for the query (a Correction's `read`, its tone placed as the
    reading table writes it: "hoá") spelled as the findings found write it ("hóa"), lowercase; `read` when
    none writes it. Where they write it both ways, both, the more written first ("hóa/hoá").

    Why: the engine matches either tone placement alike (hoà = hòa), so its reading is right
    either way, but a notice "searched for hoá (typed hoa)" over findings that write "hóa"
    told the user that the engine had searched for a spelling the results do not show. Why both
    on a page writing both: one of them, the page's majority, still named a spelling half the
    page does not show, and changed from one page of the same search to the next."""
    key = matching_form(read)
    written = Counter(w.lower() for h in hits for w in _WORD.findall(h.record.text)
                      if len(w) == len(read) and matching_form(w) == key)
    return "/".join(form for form, _ in written.most_common()) or read


def corrections_shown(result: SearchResult) -> tuple[tuple[str, str], ...]:
    """(typed, searched) of each syllable the engine read otherwise (index.query.Plan.corrections),
    the searched one spelled as the found findings write it (`as_written`): what the CLI's
    "searched for" line and the page's "Đã tìm" say."""
    fixes = result.plan.corrections if result.plan else ()
    return tuple((c.typed, as_written(c.read, result.hits)) for c in fixes)


# How many other words a term's reading lists before "…": a synonym set of twelve spellings
# would fill the line, and the first few say what kind of words were added.
OTHERS_SHOWN = 3


@dataclass(frozen=True)
class Term:
    """One thing the query asks a finding to hold, as a person reads it: the word as read (with
    its accents when the genre's word lists or the accent restoration know them) and the other
    words searched in its place (the genre's synonyms and abbreviations, the negation's forms)."""

    word: str
    others: tuple[str, ...] = ()
    more: int = 0  # other words searched beyond those listed


@dataclass(frozen=True)
class Reading:
    """What the search understood of the query's words (`reading`), said by the page ("Đã hiểu")
    and the CLI ("read as") from this one reading, so both tell the same thing.

    Why: a staff member who typed "xã nào chưa cấp phiếu hẹn ở Cam Lộ năm 2021" sees a page
    ranked by words found, words added (giấy hẹn), a unit named in the words and a year put
    first, and words left out (xã, nào, ở); unsaid, a surprising page cannot be told from a
    wrong one, nor a query be reworded to what the search can do."""

    terms: tuple[Term, ...] = ()  # what a finding must hold first (each group but units, documents)
    units: tuple[str, ...] = ()  # units named in the words: findings about them match
    documents: tuple[str, ...] = ()  # document numbers named: that document's findings match
    year: int | None = None  # the year named: its findings first
    polarity: str | None = None  # the part of the reports asked for first
    place: bool = False  # the query asks which unit: findings naming one first
    excluded: tuple[str, ...] = ()  # words typed after "-": findings holding them left out
    left_out: tuple[str, ...] = ()  # stop and question words, not searched
    ranked: tuple[str, ...] = ()  # words that rank findings holding them higher, not required
    nothing: bool = False  # the query holds no word at all (punctuation, symbols)

    @property
    def partial(self) -> bool:
        """Whether findings holding only some of the terms can follow those holding all."""
        return len(self.terms) + len(self.units) + len(self.documents) >= 2


def _written(alternative: Alternative, plan: Plan, lexicon: Lexicon) -> str:
    """An alternative as a person reads it: as typed when typed with accents, else the accented
    reading the engine restored or the synonym member the word lists write, else as typed."""
    if alternative.any_accent:
        return " ".join(alternative.syllables)
    folded = alternative.folded
    restored = next((r for r in plan.restored if r.folded == folded), None)
    if restored is not None:
        return " ".join(restored.syllables)
    return " ".join(lexicon.member_written(folded) or alternative.syllables)


# The words that start a unit's name with its level ("xã Cam Tuyền", "thành phố Huế"), folded:
# they stay lower case when a unit named in the words is shown with capitals.
_LEVEL_WORDS = frozenset({"xa", "phuong", "thi", "tran", "huyen", "quan", "thanh", "pho", "tinh"})


def _unit_cased(name: str) -> str:
    """A unit named in the query (the plan keeps it lower case) as its name is written: each
    syllable capitalised but the leading level words ("cam lộ" → "Cam Lộ", "xa cam tuyen" →
    "xa Cam Tuyen")."""
    syllables = name.split()
    lead = 0
    while lead < len(syllables) - 1 and fold(syllables[lead]) in _LEVEL_WORDS:
        lead += 1
    return " ".join([*syllables[:lead], *(s[:1].upper() + s[1:] for s in syllables[lead:])])


def reading(plan: Plan | None, lexicon: Lexicon | None = None) -> Reading | None:
    """What `plan` (the engine's reading of the query, SearchResult.plan) asks, as `Reading`
    says it; None for a search without words (browsing by filters)."""
    if plan is None:
        return None
    if plan.nothing:
        return Reading(nothing=True)
    if not plan.groups and not plan.excluded:
        return None
    lex = lexicon or load_lexicon()
    terms: list[Term] = []
    units: list[str] = []
    documents: list[str] = []
    for group in plan.groups:
        words = list(dict.fromkeys(_written(a, plan, lex) for a in group.alternatives))
        if group.unit:
            units.append(_unit_cased(words[0]))
        elif group.doc_number:
            documents.append(words[0].upper().replace(" ", "/", 1).replace(" ", "-"))
        elif all(t.word != words[0] for t in terms):  # a word typed twice is one group each: said once
            others = words[1:]
            terms.append(Term(words[0], tuple(others[:OTHERS_SHOWN]), max(0, len(others) - OTHERS_SHOWN)))
    year_words = {str(plan.year), "nam"} if plan.year else set()
    ranked = [w for a in plan.optional if fold(w := _written(a, plan, lex)) not in year_words]
    return Reading(
        terms=tuple(terms), units=tuple(units), documents=tuple(documents), year=plan.year,
        polarity=plan.polarity, place=plan.place_asked,
        excluded=tuple(_written(a, plan, lex) for a in plan.excluded),
        left_out=tuple(dict.fromkeys(plan.dropped)), ranked=tuple(dict.fromkeys(ranked)))


@dataclass(frozen=True)
class Phrasing:
    """How one language says a `Reading` (`said`): each a format of one value, "{}" (a list of
    words in «», a number, the polarity named), or a fixed phrase. The page says it in Vietnamese
    (web/views.py), the CLI in English (pipeline/cli.py): one sentence's structure, two wordings."""

    terms: str  # the terms, when the only thing asked ("tìm phát hiện có {}")
    terms_first: str  # the terms, when findings holding part of what is asked follow
    others: str  # a term's other words, "{}" their list ("hoặc {}")
    more: str  # beyond those listed, "{}" how many (" và {} cách nói khác")
    both: str  # between two terms (" và ")
    units: str
    documents: str
    partial: str
    excluded: str
    year: str
    polarity: str  # "{}" the polarity as `polarity_named` gives it
    place: str
    ranked: str
    left_out: str
    end: str = ""


def said(r: Reading, phrasing: Phrasing, polarity_named: Callable[[str], str] = str) -> str:
    """`r` in one sentence as `phrasing` words it: what is asked (the terms, the units, the
    documents), then each other thing the reading holds, "; " between them."""
    def quoted(words: Sequence[str]) -> str:
        return ", ".join(f"«{w}»" for w in words)

    def term(t: Term) -> str:
        if not t.others:
            return f"«{t.word}»"
        return f"«{t.word}» (" + phrasing.others.format(quoted(t.others)) + (
            phrasing.more.format(t.more) if t.more else "") + ")"

    asked = []
    if r.terms:
        words = phrasing.both.join(term(t) for t in r.terms)
        asked.append((phrasing.terms_first if r.partial else phrasing.terms).format(words))
    if r.units:
        asked.append(phrasing.units.format(quoted(r.units)))
    if r.documents:
        asked.append(phrasing.documents.format(quoted(r.documents)))
    parts = [", ".join(asked) + (phrasing.partial if r.partial else "")] if asked else []
    parts += [phrasing.excluded.format(quoted(r.excluded))] if r.excluded else []
    parts += [phrasing.year.format(r.year)] if r.year else []
    parts += [phrasing.polarity.format(polarity_named(r.polarity))] if r.polarity else []
    parts += [phrasing.place] if r.place else []
    parts += [phrasing.ranked.format(quoted(r.ranked))] if r.ranked else []
    parts += [phrasing.left_out.format(quoted(r.left_out))] if r.left_out else []
    return "; ".join(parts) + phrasing.end
