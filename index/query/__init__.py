"""The query language, parsed once, analysed once, for every search engine.

Why one package: SQLite FTS5 and Elasticsearch must read "phiếu hẹn" OR “sổ theo dõi” -"giấy
biên nhận" alike, or the same query finds different findings on each. So the user's text is
parsed here into one structure (`parse`), analysed into a `Plan` with the genre's knowledge
(`analyse`: question and function words, synonyms, words of the index, unit names), and each
engine only translates the plan into its own syntax (index/sqlite_fts.py, index/elastic.py).

The language: words; "quoted phrases" (straight, “curly”, ‘single’, «guillemets»; an unclosed
quote runs to the end); word* prefixes; -word and -"phrase" exclusions; OR between two terms,
where a term is a quoted phrase or the run of unquoted words on that side; the words offering a
choice (intents.toml [coordination]: "hoặc", how a Vietnamese user writes it, and a lowercase
"or") beside a quoted phrase are OR too, else words (the analysis reads them). Anything else
(punctuation, emoji) separates words and is otherwise ignored; HTML tags and entities pasted
from a page's source are markup, not words (index/markup.py). A document number
("139/QĐ-UBND") finds that document's findings; typed as documents cite it ("Quyết định số
139/QĐ-UBND"), the kind and "số" before it are the citation, not search words
(`Lexicon.citation_before`): else findings holding "số" would fill the page.

Matching rules the plan carries, for the engines to apply:
- a syllable typed with accents matches only that accented form (tone placement does not
  count: hoà = hòa); one typed without accents matches every form (`Alternative.accented`),
  unless it is alone (in no word) and the index writes one form beside its neighbours
  (index/lone_reading.py: "so theo doi" → sổ); one typed with accents that the index's own text
  makes improbable beside its neighbours, a close spelling making a word of the index with them
  far more often, is searched as that spelling (index/spelling.py: "nguyên nhâm" → nhân, "vật
  chât" → chất); both are `Plan.corrections`, which the CLI says: "searched for nhân (typed
  nhâm)";
- each required `Group` must match (conjunction); when fewer than a page of findings match
  them all, findings matching `Plan.minimum` of them (of the groups but the frame's) come next
  (`Plan.falls_back`), and only when that finds nothing at all, those matching half of them
  (`Plan.last_resort`, counted as `minimum` is: `Plan.groups_but_frame`): a query
  should not come back empty while findings share most of its words; a finding of these
  partial stages holds one topical group at least (`Plan.topical`): with two groups,
  `minimum` is one, and "xã nào chưa cấp phiếu hẹn" would else admit every finding saying
  "chưa" as soon as fewer than a page hold both — a negation alone never admits a finding;
  nor does the genre's frame alone ("bộ phận một cửa" of "trang thiết bị bộ phận một cửa",
  `Plan.stage_topical`) when the query has a matter group: the frame says where, not what,
  and such a finding joins the fill;
- when those stages find fewer findings than a page holds (the query's limit, whatever the
  offset, so totals do not change while paging), they are followed by the
  findings matching at least one group (`Plan.fills`; a sense group alone does not count:
  `Plan.topical`), ranked strictly below every finding of the stages, by the idf-weighted
  groups they match (`Plan.weights`: idf; a sense group the heaviest, a unit named in the
  query heavier still), then polarity, then bm25: a query whose words no
  finding holds together still shows the findings holding its rarest one; the fill also
  admits findings holding the words inside a group's multi-word term (`Plan.parts`: "trực
  tuyến" of "dịch vụ công trực tuyến"), each counting a share of its group's weight where
  the group itself did not match (`Plan.weights`), so a query of one term fills its page too;
- the matter tier (`Plan.matter_tier`: the query names a matter or an area, index.base.Query.matters
  and Query.areas, and the stages found fewer findings than a page holds) comes after the
  stages and before the fill, a fill finding of it moving up into it; it admits, of the
  polarity asked for only (the matter in the opposite sense answers nothing: "đều đeo thẻ" for
  "không đeo thẻ"), in this order: findings whose own theme is one of the matters, then those
  speaking of the strongest matter besides their own (FindingRecord.themes: a weaker matter
  spoken of besides is two weak readings together, and brought findings at random), then those
  of an area the query names whole; among those of the matters, the strongest matter's first;
  within each, the findings holding some of the query's groups first (ranked as the fill), then
  those holding none, ranked by bm25 of the words inside the groups' terms and all their
  synonyms (`Plan.related`: "vắng mặt" of "vắng mặt không lý do" for "nghỉ làm không phép"),
  of the narrower terms of the concepts it asks (`Plan.instances`: "máy lấy số" for "cơ sở vật
  chất") and of the fill's parts (`Plan.parts`) alone (`Plan.bare_ranked`: not by a syllable of a
  typed term, nor by the optional words), then the newest: in a large matter, the ones saying
  the query's thing in other words first;
- the partial stages give way to the matter tier (`Plan.matter_first`) when the query names a
  matter or an area and its topical groups no finding holds outweigh by idf those some finding
  holds: a partial match then holds only the query's commoner words ("điểm … đơn vị" for "điểm
  SIPAS các đơn vị", no finding saying SIPAS) and joins the fill, after the matter that the absent
  word names (the satisfaction surveys);
- when the stages, the matter tier and the fill find nothing at all (no finding holds any of the
  query's terms) and no filter is set, the composed search (pipeline/search.py) runs the query's
  loosest reading (`Plan.loosened`): the syllables of its terms, one group each, a lone syllable
  typed with accents folded; its findings are marked as such (index.base.TIER_SYLLABLES);
- findings holding the whole query as typed (`Plan.exact`) rank first in their tier; a query
  of one group with synonyms has its typed words as `exact`, so "quá hạn" ranks the findings
  saying "quá hạn" before those saying its synonym "trễ hẹn" (the typed tier);
- a unit name in the query, quoted or not, matches the findings about that unit (or a unit
  inside it) as well as the findings holding the name (`Group.unit`): quotes ask for the
  words in a row, not for fewer findings about the place; a name that is also a common word
  ("an ninh", "thống nhất") is the unit only typed after a level word or capitalised as a name
  ("xã an ninh", "An Ninh"; `names_place` says why), or, when no finding writes it but as the
  name, typed lowercase without accents or with the name's own; a level abbreviated before a
  name ("TP Quy Nhơn", "tx an nhơn") is the level word (`_abbreviated_unit`);
- a query asking for a polarity (`Plan.polarity`, from index/vi/intents.toml: "hạn chế …",
  "ưu điểm …", "đề nghị …", "chưa …") ranks findings of that polarity first among those
  matching as many groups, and a query naming it by the report's category word, no question
  (`Plan.section`: "hạn chế trong …"), every finding of that polarity before any other, its
  tiers decided on those alone; the category word itself is not required (`Plan.optional`); of
  several cues the one naming what is asked decides (`Lexicon.asked`: the first, but in a
  question the comment after "thì" and the cue a "gì"/"thế nào" asks about: "cán bộ chưa đạt
  chuẩn thì đoàn kiểm tra kiến nghị xử lý thế nào" asks for recommendations); a failing that a
  verb of reducing or ending acts on names none (`Lexicon.reduced_at`, intents.toml [reducing]:
  "xã nào giảm được tỉ lệ hồ sơ trễ hạn", "không còn hồ sơ quá hạn");
- the query's structure (`_cut_run`): matters offered as a choice ("X hoặc Y",
  intents.toml [coordination]) are one group of alternatives, the rest staying required
  (`_coordinated`; a list, by a comma or "và", is not: it names one heading, whose findings
  naming both answer best); a collective compound ("sổ sách", synonyms.toml [[collective]]) is a group
  of itself or its head ("sổ": `with_collectives`); a cue of praise or sanction followed by another
  verb of its kind ("biểu dương khen thưởng", intents.toml [reading] `acts`) is the act asked
  about, one group of both verbs, no section (`Lexicon.act_pair`); after words of the topic, the
  word a preposition of place introduces ("… ở 1 cửa", [setting]), the working hours "trong"
  introduces ("… trong giờ hành chính", [setting] times), the province the topic is measured
  in ("PAR index tỉnh", [setting] levels; not the levels below it, which name the matter's tier:
  "công chức cấp xã") and, in a question, the words of a clause of circumstance ("… khi đoàn đến kiểm tra",
  [reading] circumstances) are ranked, not required: they say where and when, not what; a
  function word wins over a rare dictionary word it would start or end ("nào hay", "dân
  khí": `Lexicon.bounded`), and no word spans a list mark;
- a question asking for more than its topic ("tại sao …", intents.toml [[answer]]) carries
  the words an answer holds (`Plan.answer`: "nguyên nhân", "là do"), never required, counting
  as one group more for the findings holding one;
- a word of two syllables or more typed without accents carries its accented reading when the
  reading is clear (`Plan.restored`, index/accents.py says when and why: "ky luat" is kỷ luật,
  "ho so" hồ sơ; "bo may" stays folded, the dictionary knowing three readings and the genre's
  data none): never required, so the folded form still matches everything it can mean, but
  ranked in the folded word's place (bm25 on the accented text, the reading as written:
  `Alternative.literal`, `ranked_units`), as the query typed with its accents would rank, so
  among findings matching as many groups the ones writing the reading come first; the accents
  a user typed are kept, and narrow an ambiguous word to the reading they agree with;
- a question word of one syllable typed without accents ("gi", "dau", "may") is read as the
  question word where its neighbour's clear reading writes it so ("lam gi", "o dau", "thu may")
  or, asking for content ("gi"), it ends the query read no other way (`Lexicon.question_read_at`),
  and then as typed with its marks by every reader of the grammar; elsewhere it is the word of
  its spelling ("may tra cuu": máy, "con dau": dấu).

The package's modules, each importing only those above it:
- common.py: the constants and data files every step reads;
- filters.py: units and provinces as typed, compared folded;
- lexicon.py: the genre's knowledge as the reading asks it (`Lexicon`);
- compiling.py: the word lists and tables compiled into it (`load_lexicon`);
- parsing.py: the text into terms (`parse`);
- frame.py: the genre's frame words (who and where, not what);
- vocabulary.py: what the index knows, as the analysis asks it;
- defined.py: the abbreviations the indexed texts define;
- plan.py: what a search must do (`Plan`), engine-neutral;
- cutting.py: a run of typed syllables cut into words (`best_cut`);
- clauses.py: the read groups joined into clauses, lists offered as alternatives;
- places.py: where a typed run names a unit the index knows (`names_place`);
- analysis.py: the parsed query read into a plan (`analyse`, `plan_query`);
- highlight.py: the text a plan matched, found again for display.
"""

from index.query.analysis import (
    analyse,
    candidates,
    concepts_asked,
    corrected,
    plan_query,
    ranked_units,
    read_back,
    with_period,
)
from index.query.common import (
    ACCENTS_ONLY,
    CONCEPTS_FILE,
    DATA,
    FRAME_FILE,
    FRAME_GAP,
    INTENTS_FILE,
    LEVEL,
    LIST_MARKS,
    MAX_WORD_SYLLABLES,
    NUMBER_WORD,
    OPEN_QUOTES,
    OPTIONAL,
    SETTING_FORMS,
    STOPWORDS_FILE,
    SYNONYMS_FILE,
    Entries,
    Places,
    syllables_of,
)
from index.query.compiling import (
    ActsError,
    ExpansionError,
    compile_acts,
    compile_amount,
    compile_answer,
    compile_collectives,
    compile_coordinators,
    compile_cues,
    compile_expansions,
    compile_lexicon,
    compile_paired,
    compile_reducing,
    compile_verdict,
    compile_which,
    concept_phrases,
    dictionary_file,
    load_coordinators,
    load_lexicon,
    request_phrases,
    with_abbreviations,
    with_broader,
    with_collectives,
    with_expansions,
    with_named_measures,
    word_list_entries,
)
from index.query.defined import (
    defined_asked,
    definition_keys,
    with_definitions,
)
from index.query.filters import (
    PROVINCE_PREFIXES,
    filter_key,
    inspector_keys,
    level_of,
    name_forms,
    province_aliases,
    province_key,
)
from index.query.frame import (
    compile_frame,
    is_frame,
    load_frame,
)
from index.query.highlight import (
    kept_marks,
    match_spans,
    written_forms,
)
from index.query.lexicon import (
    FRACTION,
    ActPair,
    Amount,
    Answer,
    Cue,
    Lexicon,
    PhrasePlaces,
    Reducing,
    Verdict,
    cue_order,
    holds_run,
    phrase_places,
    run_starts,
    within,
    within_places,
)
from index.query.parsing import (
    Parsed,
    Term,
    parse,
)
from index.query.places import NAME_RATIO, level_qualified, names_place
from index.query.plan import (
    MAX_GROUP_WEIGHT,
    PART_RESOLUTION,
    Alternative,
    Group,
    Part,
    Plan,
    frame_group,
    frame_term,
    group_weights,
)
from index.query.vocabulary import (
    Vocabulary,
)

__all__ = [
    "ACCENTS_ONLY",
    "ActPair",
    "ActsError",
    "Alternative",
    "Amount",
    "Answer",
    "CONCEPTS_FILE",
    "Cue",
    "DATA",
    "Entries",
    "ExpansionError",
    "FRACTION",
    "FRAME_FILE",
    "FRAME_GAP",
    "Group",
    "INTENTS_FILE",
    "LEVEL",
    "LIST_MARKS",
    "Lexicon",
    "MAX_GROUP_WEIGHT",
    "MAX_WORD_SYLLABLES",
    "NAME_RATIO",
    "NUMBER_WORD",
    "OPEN_QUOTES",
    "OPTIONAL",
    "PART_RESOLUTION",
    "PROVINCE_PREFIXES",
    "Parsed",
    "Part",
    "PhrasePlaces",
    "Places",
    "Plan",
    "Reducing",
    "SETTING_FORMS",
    "STOPWORDS_FILE",
    "SYNONYMS_FILE",
    "Term",
    "Verdict",
    "Vocabulary",
    "analyse",
    "candidates",
    "compile_acts",
    "compile_amount",
    "compile_answer",
    "compile_collectives",
    "compile_coordinators",
    "compile_cues",
    "compile_expansions",
    "compile_frame",
    "compile_lexicon",
    "compile_paired",
    "compile_reducing",
    "compile_verdict",
    "compile_which",
    "concept_phrases",
    "concepts_asked",
    "corrected",
    "cue_order",
    "defined_asked",
    "definition_keys",
    "dictionary_file",
    "filter_key",
    "inspector_keys",
    "frame_group",
    "frame_term",
    "group_weights",
    "holds_run",
    "is_frame",
    "kept_marks",
    "level_of",
    "level_qualified",
    "load_coordinators",
    "load_frame",
    "load_lexicon",
    "match_spans",
    "name_forms",
    "names_place",
    "parse",
    "phrase_places",
    "plan_query",
    "province_aliases",
    "province_key",
    "ranked_units",
    "read_back",
    "request_phrases",
    "run_starts",
    "syllables_of",
    "with_abbreviations",
    "with_broader",
    "with_collectives",
    "with_definitions",
    "with_expansions",
    "with_named_measures",
    "with_period",
    "within",
    "within_places",
    "word_list_entries",
    "written_forms",
]
