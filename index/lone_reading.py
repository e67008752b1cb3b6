"""A lone syllable typed without accents, read as the accented form the index writes beside its
neighbours.

Why: folded, one syllable stands for many words ("so": sổ, số, sơ, sở, sợ; "cong": công, cổng,
cống, cong), and a syllable the query's cut leaves alone (no word of the index or of the genre's
data holds it with a neighbour) is matched in all of them. "so theo doi tiep nhan ho
so" asks for the register (sổ theo dõi), and its "so" is held by every finding saying "hồ sơ";
"niem yet so dien thoai" asks for the phone number (số), and its "so" again matches every "hồ
sơ". index/accents.py restores words of two syllables or more, whose syllables constrain each
other; a lone syllable has no such word, but it has neighbours, and the reports say each reading
beside different ones: "sổ theo dõi", never "số theo dõi"; "số điện thoại", never "sổ điện
thoại". So what decides is the index's own text, on whatever texts it holds (no list of phrases):
how many findings write each accented form of the syllable before the word after it and after
the word before it, the neighbours read as their own clear readings (index/accents.py) or as
typed with accents. The syllable is read as a form (`lone_readings`) only when:
- it is typed without accents, lowercase, letters only, a syllable of several forms;
- it is alone: no span of two to four syllables holding it is a word of the index (its segmented
  words) or of the genre's data (the synonym members): such a word is read whole
  (index/accents.py). Not the dictionary's words: it lists many rare ones ("sổ điền" in "niem
  yet so dien thoai"). Its fold is no word of the query's grammar either (stop, question, cue
  and setting words of one syllable: "co", "tai", "thi" are read by index/query's own
  readers, `Lexicon.folded_light_at`);
- a neighbour has a clear reading; one form is written beside the neighbours by at least
  `MIN_SEEN` findings and `RATIO` times as many as any other form (the form without marks
  among them), or by one finding where no other form is written beside them at all, and beside
  each neighbour by some finding and no fewer than any other form there: where the two sides
  disagree, or one never writes it, nothing is read;
- with no word before it, a form ending a word of the genre and starting none ("sơ" of hồ sơ)
  is no candidate: before the next word the index writes it mostly as that word's tail ("hồ sơ
  tiếp nhận"), which says nothing of a syllable typed alone.
Two such syllables side by side with no word beside either ("cac so nganh, huyen") have no
neighbour to be read by, but each is the other's: the pair of forms the index writes side by side
is read where one pair is the clear majority (`_best_pair`: `MIN_SEEN` findings, `PAIR_RATIO` times
any other pair), as a folded word's syllables constrain each other (index/accents.py).
The counts are small on a small index (the dev corpus holds some four hundred findings, and
"sổ theo dõi" is written in two), so the thresholds are low; a larger index only makes the
evidence clearer.

Read, the syllable is searched as typed with that form's accents (index/query/analysis.py: `corrected`,
`Plan.corrections`, which the CLI shows as "searched for sổ (typed so)"): what the query typed
with its accents would find, on every engine alike (the counts are `Vocabulary.written_counts`,
phrases of any length on both: SQLite's FTS5 phrase, Elasticsearch's match_phrase).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from core.normalize import fold
from index.spelling import Clauses, Correction, Counts, Place, accented_forms, loose_runs

# Findings that must write the best form beside the neighbours where another form is written there
# too: one is one report's wording, two are two reports saying it so (the dev index, ~400 findings,
# writes "sổ theo dõi" in two). Where no other form is written beside them at all, one finding is
# enough (`_best`).
MIN_SEEN = 2
# How many times more findings must write the best form beside them than any other form: the
# reading is the clear majority's, or none (the syllable then matches every form, as before).
RATIO = 2
# Lone syllables read in one query, the first ones: each asks a count per form and neighbour (up to
# some 36: "a" has 18 forms). Staff's queries hold up to three (the 1,052 judged); a text pasted
# into the box (max_query_chars, 500) held some 70, a thousand counts: +0.18 s CPU to plan it on
# a synthetic index of 100,000 findings, where a plan takes 0.1 s.
MOST_READ = 8
# How many times more findings must write two lone syllables' best pair of forms side by side than any
# other pair: more than for a syllable beside a word, since a pair's count also holds the bigrams
# written across two words, the tail of one and the head of the next ("danh mục thủ tục" writes
# "mục thủ" twice on the dev index, where "mức thu" of "mức thu phí" is once).
PAIR_RATIO = 3
# The most pairs of forms two lone syllables may ask counts for (each a phrase the engine counts;
# Elasticsearch in one aggregation, a filter each): "lay so" asks 12 × 18; "so do" (18 × 36) is
# not read so, as a pasted text of many such pairs would otherwise ask thousands.
PAIR_FORMS = 216

# A span's word as written (index/accents.py `written_as` over the lexicon's): its clear reading, or as typed
# when typed so; None when no clear one.
Clear = Callable[[Sequence[str]], tuple[str, ...] | None]


def readable(syllable: str, capital: bool, grammar: Collection[str]) -> bool:
    """Whether a typed syllable may be read as one of its accented forms (the docstring's first
    conditions): typed folded, lowercase, letters only, not a word of the query's grammar."""
    return (syllable == fold(syllable) and syllable.isalpha() and not capital
            and syllable not in grammar and len(accented_forms(syllable)) > 1)


def alone(run: Sequence[str], k: int, is_word: Callable[[str], bool], longest: int) -> bool:
    """Whether no span of 2..`longest` syllables of the run holding place k is a word."""
    for n in range(2, longest + 1):
        for start in range(max(0, k - n + 1), min(k, len(run) - n) + 1):
            if is_word(" ".join(fold(s) for s in run[start:start + n])):
                return False
    return True


def neighbours(run: Sequence[str], k: int, clear: Clear, is_word: Callable[[str], bool],
               longest: int, grammar: Collection[str] = ()) -> list[tuple[tuple[str, ...], bool]]:
    """The words beside place k as the index writes them: (syllables, before k), on each side the
    longest word there (of `longest` syllables at most) as written (`clear`: its reading, or as
    typed when typed so: index/accents.py `written_as`), else the longest run of syllables typed
    with accents there, up to a word of the query's `grammar` ("và", "mới", "tại"). A word before
    a run: typed partly with accents ("so theo dõi tiếp nhận", "cán bộ xa vắng mặt tại trụ sở",
    "phiếu hẹn và so theo dõi") the syllable is read beside the word next to it ("theo dõi",
    "vắng mặt"), as it is typed without any; a run across words ("vắng mặt tại trụ", "phiếu hẹn
    và") is seldom written so. In a query typed with accents its syllables without marks are read too ("cao",
    "thu", "sai": 33 of the 877 judged), and nothing is read (none of the 33): where something
    is, the form without marks is one of those counted."""
    out: list[tuple[tuple[str, ...], bool]] = []
    for before in (True, False):
        spans = [run[k - n:k] if before else run[k + 1:k + 1 + n] for n in range(longest, 0, -1)
                 if (k - n >= 0 if before else k + 1 + n <= len(run))]
        word = next((read for span in spans if len(span) > 1 and is_word(" ".join(fold(s) for s in span))
                     and (read := clear(span)) is not None), None)
        typed = next((tuple(span) for span in spans
                      if all(s != fold(s) and fold(s) not in grammar for s in span)), None)
        if (found := word or typed) is not None:
            out.append((found, before))
    return out


def phrases(form: str, around: Sequence[tuple[tuple[str, ...], bool]]) -> list[tuple[str, ...]]:
    """The phrases `form` makes with each neighbour word."""
    return [(*word, form) if before else (form, *word) for word, before in around]


def lone_readings(clauses: Clauses, counts: Counts, is_word: Callable[[str], bool], clear: Clear,
                  grammar: Collection[str], longest: int,
                  tails: Collection[str] = ()) -> tuple[Correction, ...]:
    """The lone folded syllables of the query's runs of loose words (`clauses` as
    index/spelling.py's `corrections` takes them) the index reads as one accented form, each as a
    Correction (typed → read). `counts` is asked once, for every form of every such syllable
    beside its neighbours, of the first `MOST_READ` such syllables. `longest`: the syllables of
    the longest word `is_word` knows (index.query.MAX_WORD_SYLLABLES: the words the index was
    asked about). `tails`: the last syllables of the genre's words of two or more."""
    asked: list[tuple[Place, list[str], list[tuple[tuple[str, ...], bool]]]] = []
    paired: list[tuple[Place, Place]] = []  # two lone syllables side by side, no word beside either
    for run in loose_runs(clauses):
        typed = [p.syllable for p in run]
        lone = [readable(p.syllable, p.capital, grammar) and alone(typed, k, is_word, longest)
                for k, p in enumerate(run)]
        bare = [False] * len(run)  # lone, and no neighbour word to read it by
        for k, place in enumerate(run):
            if not lone[k]:
                continue
            if around := neighbours(typed, k, clear, is_word, longest, grammar):
                # With no word before it, a form ending a word of the genre ("sơ" of hồ sơ, "sở" of
                # trụ sở) is written before the next word mostly as that word's tail: not a reading.
                first = not any(before for _, before in around)
                forms = [f for f in accented_forms(place.syllable) if not (first and f in tails)]
                asked.append((place, forms, around))
            else:
                bare[k] = True
                if k and bare[k - 1] and not (paired and paired[-1][1] == run[k - 1]) \
                        and len(pair_forms(run[k - 1], place)) <= PAIR_FORMS:
                    paired.append((run[k - 1], place))
    asked, paired = asked[:MOST_READ], paired[:MOST_READ - min(len(asked), MOST_READ)]
    if not asked and not paired:
        return ()
    found = counts(sorted({*(p for _, forms, around in asked for f in forms for p in phrases(f, around)),
                           *(pair for left, right in paired for pair in pair_forms(left, right))}))
    out: list[Correction] = []
    for place, forms, around in asked:
        if (form := _best(forms, around, found)) is not None and form != place.syllable:
            out.append(Correction(place.clause, place.at, place.syllable, form))
    for left, right in paired:
        if (pair := _best_pair(pair_forms(left, right), found)) is not None:
            out.extend(Correction(p.clause, p.at, p.syllable, form)
                       for p, form in zip((left, right), pair, strict=True) if form != p.syllable)
    return tuple(out)


def pair_forms(first: Place, second: Place) -> list[tuple[str, str]]:
    """Every accented form of two lone syllables side by side, as a phrase of two."""
    return [(a, b) for a in accented_forms(first.syllable) for b in accented_forms(second.syllable)]


def _best_pair(pairs: Sequence[tuple[str, str]],
               found: Mapping[tuple[str, ...], int]) -> tuple[str, str] | None:
    """The forms of two lone syllables the index writes side by side: by `MIN_SEEN` findings or more
    and `PAIR_RATIO` times as many as any other pair of their forms ("so nganh": "sở, ngành", the
    departments, which the reports list by that pair and by no other), else None.

    Why: two syllables the query's cut leaves alone side by side, with no word beside either
    ("cac so nganh, huyen"), have no neighbour to be read by, but each is the other's: as the
    syllables of a folded word constrain each other (index/accents.py), the forms the index writes
    together are the likely reading, where one pair is the clear majority."""
    scored = sorted(((found.get(p, 0), p) for p in pairs), reverse=True)
    (best, pair), runner = scored[0], scored[1][0] if len(scored) > 1 else 0
    return pair if best >= MIN_SEEN and best >= PAIR_RATIO * runner else None


def _best(forms: Sequence[str], around: Sequence[tuple[tuple[str, ...], bool]],
          found: Mapping[tuple[str, ...], int]) -> str | None:
    """The form the neighbours agree on: written beside them by `MIN_SEEN` findings or more and
    `RATIO` times as many as any other form, or by one finding where no other form is written
    beside them at all, and beside each neighbour, by no fewer findings than another form is
    there ("qua" of "nop ho so qua buu chinh cong ich": "hồ sơ quá" is the commoner phrase
    before it, and the reports write "qua dịch vụ bưu chính", so the word after it says
    nothing: nothing is read).

    Why one finding, unopposed: left unread, the syllable matches every form, each of which the
    index writes beside these neighbours nowhere, so the one finding is all the evidence there is
    and none of it points elsewhere ("so tiep nhan ho tich": "sổ tiếp nhận" written once on the dev
    index, "số"/"sở tiếp nhận" never; unread, "so" matched every "hồ sơ"). The rule matters on a
    small index, where a phrase the reports use is written once; on a large one the counts only
    grow. A rival written even once asks the two findings and the ratio as before."""
    scored = sorted(((sum(found.get(p, 0) for p in phrases(f, around)), f) for f in forms), reverse=True)
    (best, form), runner = scored[0], scored[1][0] if len(scored) > 1 else 0
    if not best or (best < MIN_SEEN and runner) or best < RATIO * runner:
        return None
    for side in around:
        (mine,) = phrases(form, [side])
        if not found.get(mine, 0) or any(found.get(p, 0) > found.get(mine, 0)
                                         for f in forms for p in phrases(f, [side])):
            return None
    return form
