"""Cutting a run of typed syllables into words (`best_cut`): which spans the index, the units,
the genre's synonym members or the dictionary take as one word, and where a cut's words start and
end. Why apart: the analysis (index/query/analysis.py) asks it where a run's words lie, and the cut's
own rules (a synonym member is not swallowed, a folded guess gives way to a word of the index) are
one idea a reader follows alone.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence

from core.normalize import fold
from index.accents import reading
from index.matching import folded_syllable, is_accented
from index.query.common import MAX_WORD_SYLLABLES
from index.query.lexicon import Lexicon


def member_runs_past(typed: Sequence[str], at: int, size: int, lexicon: Lexicon) -> int:
    """Where a synonym member starting inside the `size` syllables from `at` (after the first)
    and running past them starts; 0 when none does. Why: a ranked word of no polarity (a light
    phrase, query_stopwords.txt: "đoàn kiểm tra") gives way to a longer word, and a member it would
    cut in two ("đoàn kiểm tra | công vụ": "kiểm tra công vụ", the inspection of public service) is
    the longer word there, as `_swallows` keeps a member whole against a word of the index."""
    return next((k for k in range(at + 1, at + size) if k + lexicon.synonyms_at(typed, k)[0] > at + size), 0)


def word_after(sizes: Sequence[int], at: int) -> int:
    """The size of the cut's word of two syllables or more just after `at`, 0 when none."""
    return sizes[at + 1] if at + 1 < len(sizes) and sizes[at + 1] > 1 else 0


def run_end(at: int, length: int, breaks: Iterable[int]) -> int:
    """Where the run of words holding `at` ends: the first break after it (a frame word, a list
    mark: no word spans one, `_cut_run`), else the query's end."""
    return min((k for k in breaks if k > at), default=length)


def cut_ends(run_cut: Callable[[int], Sequence[int]], start: int, stop: int) -> bool:
    """Whether the query's words cut from `start` (each run's `best_cut`, given by `run_cut`
    for a position) end one at `stop`, no word running past it."""
    at = start
    while at < stop:
        at += max(run_cut(at)[at], 1)
    return at == stop


def in_word(sizes: Sequence[int], at: int) -> bool:
    """Whether position `at` lies inside a word of two syllables or more of a cut (`best_cut`'s
    sizes: the length of the word starting at each position, 0 for none)."""
    if not 0 <= at < len(sizes):
        return False
    return any(sizes[k] > 1 and k + sizes[k] > at for k in range(max(0, at - MAX_WORD_SYLLABLES), at + 1))


def morpheme(typed: list[str], at: int, end: int, cuts: dict[int, list[int]], words: Collection[str],
              units: Collection[str], lexicon: Lexicon, unwritten: Collection[str] = frozenset()) -> int:
    """How many syllables the group of a lone syllable typed without accents takes (`_cut_run`): 1,
    or, when the query writes that syllable again inside a longer word ("so" of "so theo doi ho
    so": sổ, and the sơ of hồ sơ), the syllable and the word after it, as one phrase ("so theo
    doi"), unless that word is a stop word, a cue, a synonym member or a unit.

    Why: folded, one syllable matches every word holding it ("so" is sổ, số, sơ, sở …), so every
    finding holding the longer word the query also names holds the lone syllable too: as a group
    of its own it requires nothing and counts the longer word twice in bm25. Typed alone where
    the cut knows no word, it is a morpheme of a compound the index and the cut do not know
    ("sổ theo dõi"), and Vietnamese compounds put the head first: with the word after it, it
    names the thing, as `_conjunct` reads a lone conjunct with its neighbour."""
    folded = fold(typed[at])
    nxt = at + 1
    if is_accented(typed[at]) or nxt >= end:
        return 1
    if not _inside_longer(typed, at, folded, cuts, words, units, lexicon, unwritten):
        return 1
    if (lexicon.stopword_at(typed, nxt) or lexicon.cue_at(typed, nxt) or lexicon.synonyms_at(typed, nxt)[0]
            or longest(typed, nxt, set(units), lo=2)):
        return 1
    after = max(cuts[end][nxt], 1)
    if folded in (fold(s) for s in typed[nxt:nxt + after]):
        return 1  # "phi le phi": the word after repeats it, a list ("phí, lệ phí"), no compound
    return 1 + after


def _inside_longer(typed: list[str], at: int, folded: str, cuts: dict[int, list[int]], words: Collection[str],
                   units: Collection[str], lexicon: Lexicon,
                   unwritten: Collection[str] = frozenset()) -> bool:
    """Whether the folded syllable `folded` is, elsewhere in the run, a syllable of a word of two or
    more (the run cut whole, `best_cut`: taken from, or kept in, `_cut_run`'s cuts by end, so a run
    is cut whole once however many lone syllables ask)."""
    if not any(fold(s) == folded for k, s in enumerate(typed) if k != at):
        return False
    if len(typed) not in cuts:
        cuts[len(typed)] = best_cut(typed, words, units, lexicon, len(typed), unwritten=unwritten)
    sizes = cuts[len(typed)]
    k = 0
    while k < len(typed):
        size = max(sizes[k], 1)
        if size > 1 and not k <= at < k + size and folded in (fold(s) for s in typed[k:k + size]):
            return True
        k += size
    return False


def _word_lengths(typed: list[str], at: int, end: int, words: Collection[str], units: Collection[str],
                  lexicon: Lexicon, most: int = MAX_WORD_SYLLABLES + 1,
                  unwritten: Collection[str] = frozenset()) -> list[int]:
    """The lengths (2 or more syllables, at most `most`) of the words, unit names and synonym
    members starting at `at` and ending before `end`, longest first; not a word of the index or
    the dictionary that would swallow a synonym member starting inside it (`_swallows`)."""
    out = []
    for n in range(min(most, MAX_WORD_SYLLABLES + 1, end - at), 1, -1):
        span = typed[at:at + n]
        key = " ".join(fold(s) for s in span)
        word = key in words or (n <= MAX_WORD_SYLLABLES and _cuts_as_word(span, lexicon, unwritten))
        if (key in units or lexicon.synonyms_at(span, 0)[0] == n
                or (word and not _swallows(typed, at, n, lexicon))):
            out.append(n)
    return out


def _swallows(typed: Sequence[str], at: int, n: int, lexicon: Lexicon) -> bool:
    """Whether the word of `n` syllables from `at` would swallow a synonym member starting inside
    it: an abbreviation (a member of one syllable: "niêm yết TTHC") or a member running past the
    word's end ("ban hành văn bản | quy phạm pháp luật" cuts "văn bản quy phạm pháp luật").

    The index's words are the segmenter's joins, which often take a verb with its object
    ("niêm_yết_TTHC", "ban_hành_văn_bản"); the genre's term inside is the word the user means,
    and as a group of its own it keeps its synonyms ("thủ tục hành chính" for TTHC), which the
    join would lose. A member lying whole inside a longer word ("trực tuyến" of "hồ sơ trực
    tuyến") is part of that word and stays in it.

    Typed without accents, a member running past a word whose folded form has one clear
    reading (index/accents.py) does not: folding makes members of syllables the user wrote
    as other words ("bo may lanh dao" is bộ máy | lãnh đạo, the folded "may lanh" máy lạnh
    only by the spelling), and the clear word is what the same query typed with its accents
    would cut (there "máy lạnh" does not match "máy lãnh")."""
    clear = " ".join(folded_syllable(s) for s in typed[at:at + n]) in lexicon.readings.clear
    for k in range(at + 1, at + n):
        length = lexicon.synonyms_at(typed, k)[0]
        folded = not any(map(is_accented, typed[k:k + length]))
        if length == 1 or k + length > at + n and not (clear and folded) \
                and not _shares_last(typed, at, n, k, length, lexicon):
            return True
    return False


def _shares_last(typed: Sequence[str], at: int, n: int, k: int, length: int, lexicon: Lexicon) -> bool:
    """Whether the word of `n` syllables from `at` and the synonym member of `length` from `k`
    share only the word's last syllable, the rest of the member being a word of its own: the
    overlap ambiguity ("đón tiếp công dân": đón tiếp | công dân, or đón | tiếp công dân), which
    the cut with fewer syllables left alone decides (`best_cut`), not the member."""
    rest = typed[k + 1:k + length]
    return (k == at + n - 1 and len(rest) > 1
            and (lexicon.is_word(rest) or lexicon.synonyms_at(rest, 0)[0] == len(rest)))


def best_cut(typed: list[str], words: Collection[str], units: Collection[str], lexicon: Lexicon,
              end: int, most: int = MAX_WORD_SYLLABLES + 1, *,
              unwritten: Collection[str] = frozenset()) -> list[int]:
    """For each position before `end`, how many syllables from it make the next word of the
    best cut of the run up to `end` (0: no word of two or more there).

    Not simply the longest: the cut of the rest of the run that leaves the fewest syllables
    outside any word, then has the fewest words, wins (maximum matching, as Vietnamese and
    Chinese word segmenters cut): "ky luat ky cuong hanh chinh" is "ky cuong | hanh chinh",
    not "ky cuong hanh | chinh", though a segmenter's slip put "kỷ_cương_hành" in the index.
    Between cuts as good, the one with fewer words the index does not hold wins: "nộp | hồ sơ |
    qua BCCI", not "nộp | hồ | sơ qua" (the dictionary's "briefly", which no report writes).
    Then the one whose later words are the longer (backward maximum matching, the more
    accurate direction): "cong | truc tuyen", not "cong truc | tuyen".
    One pass from the end serves every position, so a run is cut once, not once per word.
    """
    # position → (lone syllables, guessed words, words the index lacks, words) of the rest
    best: dict[int, tuple[int, int, int, int]] = {end: (0, 0, 0, 0)}
    sizes = [0] * end
    for k in range(end - 1, -1, -1):
        lengths = _word_lengths(typed, k, end, words, units, lexicon, most, unwritten)

        def cost(n: int, k: int = k) -> tuple[int, int, int, int]:
            span, rest = typed[k:k + n], best[k + n]
            unindexed = _unindexed(span, words, units, lexicon)
            guess = _guessed(span, unindexed)
            # a guess counts one syllable lone
            return rest[0] + guess, rest[1] + guess, rest[2] + unindexed, rest[3] + 1

        lone = (best[k + 1][0] + 1, best[k + 1][1], best[k + 1][2], best[k + 1][3] + 1)
        costs = {n: cost(n) for n in lengths}  # each once: a cost looks the span up in the lists
        best[k] = min([lone, *costs.values()])
        if lone != best[k]:  # else one syllable alone
            sizes[k] = next(n for n in reversed(lengths) if costs[n] == best[k])
    return sizes


def _guessed(span: Sequence[str], unindexed: int) -> int:
    """1 when the cut takes `span` only as the dictionary's clear reading of syllables typed
    without accents (`_cuts_as_word`), not as a word of the index, a unit or a synonym member
    (`unindexed`, `_unindexed` of the span).
    Such a guess fills a gap the index's words leave ("so hoa": số hoá), but counts in the cut
    (`best_cut`) as one syllable left alone, half a known word: the index's words are the
    genre's own, so they win where they cut as well ("tiep nhan | qua", not "tiep | nhan qua",
    the dictionary's nhân quả; "cong | dich vu | cong", not "cong dich | vu cong")."""
    return 0 if any(is_accented(s) for s in span) else unindexed


def _unindexed(span: Sequence[str], words: Collection[str], units: Collection[str], lexicon: Lexicon) -> int:
    """1 when the cut takes `span` as a word of the dictionary alone: no word of the index, no unit
    and no synonym member (`best_cut` prefers, between cuts as good, the genre's own words)."""
    key = " ".join(fold(s) for s in span)
    if key in words or key in units:
        return 0
    return int(lexicon.synonyms_at(span, 0)[0] != len(span))


def dictionary_word(typed: list[str], at: int, lexicon: Lexicon) -> int:
    """The most syllables from `at` forming a dictionary word typed with accents (0 when none of
    two or more): what a cue typed there gives way to. Not a folded guess (`_guessed`), which
    gives way to the words the query's own data and the index know."""
    for n in range(min(MAX_WORD_SYLLABLES, len(typed) - at), 1, -1):
        span = typed[at:at + n]
        if any(is_accented(s) for s in span) and _cuts_as_word(span, lexicon) \
                and _word_as_typed(span, lexicon):
            return n
    return 0


def folded_word(typed: list[str], at: int, sizes: Sequence[int], lexicon: Lexicon,
                 unwritten: Collection[str] = frozenset()) -> int:
    """The size of the cut's word from `at` (`sizes`, `best_cut`) when it is typed wholly without
    accents and cut as the dictionary's clear reading (`_cuts_as_word`: "cap tren" is cấp trên),
    else 0, where that reading typed with its accents is a word a cue gives way to
    (`dictionary_word`): as typed with accents, not more (a genre phrase such as "chậm tiếp
    nhận" is no dictionary word, and its cue "chậm" is read in it either way).

    Why: a cue of one syllable typed bare ("cap" of cấp, "co" of có) is itself a guess, and the
    word its syllable makes with the next one, one clear reading of the two, is the likelier
    (index/accents.py: a compound's syllables constrain each other); typed "cấp trên" the query
    cuts the word, typed "cap tren" it read the level's light word and dropped "tren" as "trên".
    Asked for every cue (`_cut_run`), as the dictionary word typed with accents is: a cue of
    a failing that begins such a word gives way to it there too, so that the folded query is read
    as the accented one ("cham tre thi xu ly the nao" as "chậm trễ thì xử lý thế nào": the word
    "chậm trễ" is the topic, the question of manner after "thì" asks for the recommendations;
    read as the cue "chậm", the folded one asked for the shortcomings). Until session 23 it was
    asked only for a cue of no polarity, and the two spellings of one query asked for different
    sections."""
    size = sizes[at] if at < len(sizes) else 0
    span = typed[at:at + size]
    if size < 2 or any(map(is_accented, span)) or not _cuts_as_word(span, lexicon, unwritten):
        return 0
    read = lexicon.readings.forms[" ".join(span)][0]
    return size if dictionary_word(list(read), 0, lexicon) == size else 0


def _word_as_typed(span: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether a span typed with some accents is a dictionary word as typed: a form written
    exactly so, or, where its syllables without marks leave it several forms or one far from
    sure, the clear reading agreeing with the marks typed (index/accents.py).

    Why: a cue gives way to a dictionary word it starts (`dictionary_word`: "không gian"), but
    a span whose accented syllable is the cue and whose others bear no mark is as ambiguous as a
    folded one: "ko dung" (shorthand, rewritten "không dung", index/shorthand.py) matched the
    dictionary's "không dưng" (for no reason), so the negation gave way and "thu tiền quỹ ko
    dung qđ" asked no polarity, while "không đúng" and "khong dung" asked for shortcomings.
    A word the negation heads is no clear reading of its folded form (`compile_readings`), so it
    gives way only to a word typed as the dictionary writes it."""
    if tuple(span) in lexicon.dictionary.get(" ".join(fold(s) for s in span), frozenset()):
        return True
    if all(is_accented(s) for s in span):
        return True
    return reading(lexicon.readings, span) is not None


def _cuts_as_word(span: Sequence[str], lexicon: Lexicon, unwritten: Collection[str] = frozenset()) -> bool:
    """Whether the query's cut may take `span` as a dictionary word (`best_cut`, `dictionary_word`).

    Where the user typed accents (one syllable of the word at least), any dictionary word of
    them. Typed without any, only a folded word with a clear reading (index/accents.py: one
    dictionary form, or the genre's one): "so hoa" is số hoá, which the index's words may lack.
    Folded, the language is ambiguous, so such a guess gives way to the index's words where
    both cut as well (`_guessed`, `best_cut`: "doan | kiem tra", not the dictionary's "đoản
    kiếm"). Nor a word a question word or a conjunction begins or ends (`Lexicon.bounded`:
    "nào hay", "dân khí"). Nor a folded guess whose reading the index writes nowhere (`unwritten`,
    index/accents.py: "tien quy" is no "tiền quý" where no finding says so).
    """
    if lexicon.bounded(span):
        return False
    if any(is_accented(s) for s in span):
        return lexicon.is_word(span)
    key = " ".join(span)
    return key in lexicon.readings.clear and key not in unwritten


def longest(typed: list[str], at: int, known: set[str], lo: int) -> int:
    """The most syllables from `at` whose folded join is in `known` (0 when none of lo or more)."""
    for n in range(min(MAX_WORD_SYLLABLES + 1, len(typed) - at), lo - 1, -1):
        if " ".join(fold(s) for s in typed[at:at + n]) in known:
            return n
    return 0
