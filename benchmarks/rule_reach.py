"""How far each entry of the extraction's language data reaches on the dev corpus.

    python benchmarks/rule_reach.py [CORPUS_DIR] [--max-docs 2] [--no-ablate] [--json FILE]

Why: the maintainers measure the extractor on texts the project has never seen (issue 11: typed
findings 0.66 and area 0.62 there, ~0.98 on dev). An entry of the cue tables that fires in one dev
document, or in none, was likely written after reading that document: it helps the dev score and
says nothing of the genre unless a linguist can argue it. This tool lists such entries with what
removing them does, so each can be argued for, generalised or dropped.

What an entry is:
- every module-level pattern of `nlp/vi/cues.py` (a string, or an element of a tuple table, whose
  first item is the pattern when it is a pair with a weight or a polarity), named
  `NAME` or `NAME[i]`; a fragment that only other patterns are composed from ("MISCONDUCT",
  "FAULT_NOUNS") is an entry too;
- every literal alternative of an entry ("chiếu lệ" in `(?:lúng túng|xem nhẹ|chiếu lệ|...)`),
  named `NAME[i]/word`, except alternatives inside a negative look-around (an exclusion fires
  when it blocks a match, which the trace cannot see);
- every phrase of `nlp/vi/themes.toml`, named `theme:<code>/<phrase>`.

How it counts: the extraction runs once over the dev texts with every pattern findings.py and
segment.py compile traced. A pattern that matches in a document fires there every entry its
string is composed of (so a fragment's count is that of the patterns holding it: an upper
bound); a literal alternative fires when its words stand in the matched text. A theme phrase
fires when the taxonomy finds it in any text of the document. `findings` counts the predicted
findings of the firing documents whose text the entry matches on its own (0 for an entry that
acts between clauses, such as a split).

Removing an entry (`ablate`): its string is replaced by a pattern that never matches, wherever a
traced pattern holds it (a theme phrase is left out of the taxonomy), and the documents it fired
in are extracted again; the rest cannot change, since a pattern made narrower still fails where
it failed, except where the entry sits inside a negative look-around of a pattern, where all
documents are extracted again. The scores are those of the shared scorer over the whole corpus.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.devcorpus import DEFAULT_CORPUS, DEFAULT_SCORER, dev_texts, load_scorer  # noqa: E402
from core.normalize import canonical_tones, matching_form  # noqa: E402
from core.settings import load_settings  # noqa: E402
from extractors import read  # noqa: E402

NEVER = r"(?!x)x"  # a pattern that matches nothing: what an entry is replaced with to remove it
MEASURES = (("span", "findings_span", "f1"), ("typed", "findings_typed", "f1"),
            ("area", "finding_area", "acc"), ("units", "finding_units", "acc"))
_LITERAL = re.compile(r"[^\W_]+(?: [^\W_]+)*")


@dataclass(frozen=True)
class Entry:
    """One piece of language data: `text` is the string it is written as inside `pattern` (the
    whole entry, or one literal alternative at `offset` of it)."""

    name: str
    pattern: str
    text: str = ""
    offset: int = -1
    theme: str = ""  # the theme code of a themes.toml phrase (its `text` is the phrase)

    @property
    def removed(self) -> str:
        """The entry's pattern with this entry replaced by NEVER."""
        if self.offset < 0:
            return NEVER
        return self.pattern[:self.offset] + NEVER + self.pattern[self.offset + len(self.text):]


def _groups(pattern: str) -> Iterator[tuple[int, int, bool, bool]]:
    """(start, end, negative, look) of the contents of every group of `pattern`, and of the whole
    pattern; `negative` when the group is, or is inside, a negative look-around, `look` when it
    is or is inside any look-around (what it matches is no part of the matched text)."""
    stack: list[tuple[int, bool, bool]] = [(0, False, False)]
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        if c == "(":
            head = re.match(r"\(\?(?:<?[=!]|:|P<\w+>|[aiLmsux-]+:)?", pattern[i:])
            opener = head.group(0) if head and head.group(0) != "(?" else "("
            negative = stack[-1][1] or opener in ("(?!", "(?<!")
            look = stack[-1][2] or opener in ("(?!", "(?<!", "(?=", "(?<=")
            stack.append((i + len(opener), negative, look))
            i += len(opener)
            continue
        if c == ")" and len(stack) > 1:
            start, negative, look = stack.pop()
            yield start, i, negative, look
        i += 1
    yield 0, n, False, False


def _top_branches(pattern: str, start: int, end: int) -> list[tuple[int, int]]:
    """The alternatives of pattern[start:end] split at its own top-level "|"."""
    cuts, depth, i, klass = [start], 0, start, False
    while i < end:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if klass:
            klass = c != "]"
        elif c == "[":
            klass = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            cuts.append(i + 1)
        i += 1
    bounds = [*cuts[1:], end + 1]
    return [(s, b - 1) for s, b in zip(cuts, bounds, strict=True)]


def literal_branches(pattern: str) -> list[tuple[int, str]]:
    """(offset, words) of the literal alternatives of `pattern` (plain words, a group with at
    least two alternatives), outside look-arounds (an alternative there is no part of the
    matched text, and one in a negative look-around fires by blocking a match)."""
    found: dict[int, str] = {}
    for start, end, _, look in _groups(pattern):
        branches = _top_branches(pattern, start, end)
        if look or len(branches) < 2:
            continue
        for s, e in branches:
            if _LITERAL.fullmatch(pattern[s:e]):
                found[s] = pattern[s:e]
    return sorted(found.items())


def negative_spans(pattern: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, negative, _ in _groups(pattern) if negative]


_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def cue_entries(cues: ModuleType) -> list[Entry]:
    """The entries of a cue module: the patterns it defines (not those it imports), their elements
    and their literal alternatives, one entry per distinct string (the first name wins:
    "GRADE_GOOD" before "STRENGTH[..]"). An alternative inside a fragment that a pattern is
    composed from ("MISCONDUCT" in "NEGATED_FAULTS[0]") is the fragment's, listed once."""
    source = Path(str(cues.__file__)).read_text(encoding="utf-8")
    defined = set(re.findall(r"(?m)^([A-Z][A-Z0-9_]*)\s*(?::[^=\n]*)?=", source))
    patterns: list[tuple[str, str]] = []
    for name, value in vars(cues).items():
        if name not in defined:
            continue
        if isinstance(value, str):
            patterns.append((name, value))
        elif isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) \
                and not isinstance(value[1], str):
            patterns.append((name, value[0]))  # one (pattern, weight) pair
        elif isinstance(value, tuple):
            patterns.extend((f"{name}[{i}]", item if isinstance(item, str) else item[0])
                            for i, item in enumerate(value) if isinstance(item, str | tuple))
    strings = {p for _, p in patterns}
    entries: list[Entry] = []
    seen: set[str] = set()
    for name, pattern in patterns:
        if not isinstance(pattern, str) or pattern in seen:
            continue
        seen.add(pattern)
        entries.append(Entry(name, pattern))
        # a plain word of a word list ("đề nghị" of ISSUED_DEMANDS) is no fragment a pattern is
        # composed from: the same words in a pattern stay that pattern's alternatives
        parts = [(m.start(), m.start() + len(q)) for q in strings
                 if q != pattern and len(q) > 2 and not _PLAIN_WORDS.fullmatch(q) and q in pattern
                 for m in re.finditer(re.escape(q), pattern)]
        for offset, words in literal_branches(pattern):
            if not any(s <= offset < e for s, e in parts):
                entries.append(Entry(f"{name}/{words}", pattern, words, offset))
    return entries


def _substitute(text: str, removal: tuple[str, str] | None) -> str:
    return text.replace(*removal) if removal and removal[0] in text else text


@dataclass
class Trace:
    """What fired where: (pattern string, document) -> the distinct texts it matched."""

    doc: str = ""
    hits: dict[str, dict[str, set[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    phrases: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))

    def record(self, key: str, m: re.Match[str] | None) -> re.Match[str] | None:
        if m is not None and self.doc:
            self.hits[key][self.doc].add(m.group(0))
        return m


class _Traced:
    """A compiled pattern that records its matches under `key` (the string it was written as)."""

    def __init__(self, key: str, compiled: re.Pattern[str], trace: Trace) -> None:
        self.key, self.compiled, self.trace = key, compiled, trace

    def search(self, *a: Any) -> re.Match[str] | None:
        return self.trace.record(self.key, self.compiled.search(*a))

    def match(self, *a: Any) -> re.Match[str] | None:
        return self.trace.record(self.key, self.compiled.match(*a))

    def fullmatch(self, *a: Any) -> re.Match[str] | None:
        return self.trace.record(self.key, self.compiled.fullmatch(*a))

    def finditer(self, *a: Any) -> Iterator[re.Match[str]]:
        for m in self.compiled.finditer(*a):
            yield self.trace.record(self.key, m) or m

    def findall(self, *a: Any) -> list[Any]:
        return [self.trace.record(self.key, m) and m.group(0) for m in self.compiled.finditer(*a)]

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        for m in self.compiled.finditer(string):
            self.trace.record(self.key, m)
            break
        return self.compiled.sub(repl, string, count=count)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        for m in self.compiled.finditer(string):
            self.trace.record(self.key, m)
            break
        return self.compiled.split(string, maxsplit=maxsplit)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)


@contextmanager
def traced(trace: Trace, removal: tuple[str, str] | None = None,
           taxonomy: Any = None) -> Iterator[None]:
    """Run the extraction with every cue pattern traced (and `removal` applied to its string),
    and with `taxonomy` in place of the themes file's when given."""
    from nlp import areas, findings, segment, themes

    @cache
    def rx(pattern: str) -> _Traced:
        return _Traced(pattern, re.compile(canonical_tones(_substitute(pattern, removal))), trace)

    saved: list[tuple[Any, str, Any]] = [(findings, "_rx", findings._rx)]
    findings._rx = rx  # type: ignore[assignment]
    for module in (findings, segment):
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                saved.append((module, name, value))
                compiled = re.compile(_substitute(value.pattern, removal), value.flags)
                setattr(module, name, _Traced(value.pattern, compiled, trace))
    matches = themes.Taxonomy.matches

    def traced_matches(self: Any, form: str, marks_optional: bool = False) -> list[Any]:
        found = matches(self, form, marks_optional)
        for m in found:
            if trace.doc:
                trace.phrases[(m.theme.code, m.phrase)].add(trace.doc)
        return found

    saved.append((themes.Taxonomy, "matches", matches))
    themes.Taxonomy.matches = traced_matches  # type: ignore[method-assign]
    if taxonomy is not None:
        for module in (areas, themes):
            saved.append((module, "load_taxonomy", module.load_taxonomy))
            module.load_taxonomy = lambda *_a, **_k: taxonomy  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for owner, name, value in reversed(saved):
            setattr(owner, name, value)


def extract_docs(paths: list[Path], trace: Trace) -> dict[str, dict[str, Any]]:
    """The predictions for `paths`, keyed by document id, with `trace.doc` set to each in turn."""
    from nlp.extract import extract
    from nlp.load import load_pipeline

    settings, nlp = load_settings(), _pipeline(load_pipeline)
    preds: dict[str, dict[str, Any]] = {}
    for path in paths:
        trace.doc = path.stem
        pred = extract(read(path, settings=settings), nlp).to_dict()
        pred["doc_id"] = path.stem
        preds[path.stem] = pred
    trace.doc = ""
    return preds


@cache
def _pipeline(load: Callable[[], Any]) -> Any:
    return load()


def measures(result: dict[str, Any]) -> dict[str, float]:
    return {short: float(result[name][part] or 0.0) for short, name, part in MEASURES}


@dataclass(frozen=True)
class Reach:
    entry: Entry
    docs: tuple[str, ...]
    findings: int
    negative: bool  # the entry sits inside a negative look-around of some pattern that holds it


def reach_of(entries: list[Entry], trace: Trace, preds: dict[str, dict[str, Any]]) -> list[Reach]:
    """Each entry's firing documents and the predicted findings there it matches on its own."""
    by_text: dict[str, list[str]] = defaultdict(list)  # an entry's string -> the traced patterns holding it
    for key in trace.hits:
        for entry in entries:
            if not entry.theme and entry.pattern in key:
                by_text[entry.pattern].append(key)
    out = []
    forms = {doc: [matching_form(f["text"]) for f in pred.get("findings", [])] for doc, pred in preds.items()}
    for entry in entries:
        own: re.Pattern[str] | None
        if entry.theme:
            docs = sorted(trace.phrases.get((entry.theme, entry.text), ()))
            own = re.compile(rf"(?<!\w){re.escape(matching_form(entry.text))}(?!\w)")
            out.append(Reach(entry, tuple(docs), _count(forms, docs, own) if own else 0, False))
            continue
        keys = by_text.get(entry.pattern, [])
        if entry.offset < 0:
            docs = sorted({d for k in keys for d in trace.hits[k]})
            try:
                own = re.compile(canonical_tones(entry.pattern))
            except re.error:
                own = None
        else:
            word = re.compile(rf"(?<!\w){re.escape(canonical_tones(entry.text))}(?!\w)")
            docs = sorted({d for k in keys for d, texts in trace.hits[k].items()
                           if any(word.search(t) for t in texts)})
            own = word
        negative = any(s <= k.find(entry.pattern) + max(entry.offset, 0) < e
                       for k in keys for s, e in negative_spans(k))
        out.append(Reach(entry, tuple(docs), _count(forms, docs, own) if own else 0, negative))
    return out


def _count(forms: dict[str, list[str]], docs: list[str], rx: re.Pattern[str]) -> int:
    return sum(1 for d in docs for f in forms.get(d, []) if rx.search(f))


def theme_entries() -> list[Entry]:
    from nlp.themes import load_taxonomy

    return [Entry(f"theme:{t.code}/{term}", "", term, -1, t.code)
            for t in load_taxonomy().themes for term, _ in t.terms]


def _without_phrase(entry: Entry) -> Any:
    """The themes file's taxonomy less `entry`'s phrase."""
    import tomllib

    from nlp.themes import THEMES_FILE, parse_taxonomy

    data = tomllib.loads(THEMES_FILE.read_text(encoding="utf-8"))
    for theme in data.get("theme", []):
        if theme.get("code") == entry.theme:
            theme["terms"].pop(entry.text, None)
    return parse_taxonomy(data)


def ablate(reach: Reach, paths: dict[str, Path], base: dict[str, dict[str, Any]],
           score: Callable[[dict[str, dict[str, Any]]], dict[str, float]]) -> dict[str, float]:
    """The scores with the entry removed, minus the scores with it."""
    entry = reach.entry
    redo = sorted(paths) if reach.negative else list(reach.docs)
    if entry.theme:
        with traced(Trace(), taxonomy=_without_phrase(entry)):
            preds = extract_docs([paths[d] for d in redo], Trace())
    else:
        with traced(Trace(), removal=(entry.pattern, entry.removed)):
            preds = extract_docs([paths[d] for d in redo], Trace())
    before, after = score(base), score({**base, **preds})
    return {k: round(after[k] - before[k], 4) for k in before}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--max-docs", type=int, default=2,
                    help="ablate entries firing in at most this many documents")
    ap.add_argument("--show", type=int, default=1, help="list entries firing in at most this many documents")
    ap.add_argument("--no-ablate", action="store_true")
    ap.add_argument("--no-themes", action="store_true", help="leave out the themes file's phrases")
    ap.add_argument("--json", type=Path, help="write every entry's reach here")
    args = ap.parse_args()

    from nlp.vi import cues

    scorer = load_scorer(args.scorer)
    paths = {p.stem: p for p in dev_texts(args.corpus)}
    entries = cue_entries(cues) + ([] if args.no_themes else theme_entries())
    trace = Trace()
    with traced(trace):
        base = extract_docs(list(paths.values()), trace)
    reaches = reach_of(entries, trace, base)

    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold"
        gold.mkdir()
        for path in paths.values():
            for source in (path, path.with_name(f"{path.stem}.gold.json")):
                (gold / source.name).symlink_to(source)

        def score(preds: dict[str, dict[str, Any]]) -> dict[str, float]:
            return measures(scorer.score(gold, preds))

        print("dev scores: " + "  ".join(f"{k} {v:.4f}" for k, v in score(base).items()))
        effects: dict[str, dict[str, float]] = {}
        if not args.no_ablate:
            for r in reaches:
                if 0 < len(r.docs) <= args.max_docs:
                    effects[r.entry.name] = ablate(r, paths, base, score)

    counts = Counter(min(len(r.docs), 3) for r in reaches)
    print(f"entries: {len(reaches)}  firing in 0 docs: {counts[0]}, 1: {counts[1]}, 2: {counts[2]},"
          f" 3+: {counts[3]}")
    print(f"{'docs':>4} {'finds':>5}  {'removed: span typed area units':<34} entry")
    for r in sorted(reaches, key=lambda r: (len(r.docs), r.entry.name)):
        if len(r.docs) > args.show:
            continue
        effect = effects.get(r.entry.name)
        cells = ("  ".join(f"{effect[k]:+.4f}" for k, _, _ in MEASURES) if effect
                 else "-" if r.docs else "(none)")
        where = f"  [{', '.join(r.docs)}]" if r.docs else ""
        print(f"{len(r.docs):>4} {r.findings:>5}  {cells:<34} {r.entry.name}{where}")
    if args.json:
        rows = [{"entry": r.entry.name, "docs": list(r.docs), "findings": r.findings, "negative": r.negative,
                 "removed": effects.get(r.entry.name)} for r in reaches]
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
