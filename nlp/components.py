"""The extractors as spaCy pipeline components: thin wrappers over the plain functions.

Why wrap at all: spaCy's config system lets the pipeline be ordered, switched, configured,
saved and loaded with its own machinery (`nlp/pipeline.cfg`), while each extractor stays a
plain function over text that is tested without spaCy. A component reads `doc.text`, stores
its result on a `doc._` attribute and its spans in `doc.spans[<kind>]`, so a later component
(units need the publication date; findings need the units) reads what an earlier one wrote.

Two things are computed once per document and shared rather than redone per component or per
clause: the matching form of the text (`doc._.matching_form`, canonical tones, lower case, same
length as the text so any span slices it), and the word segmentation (the Doc's tokens), from
which each finding's `words` is read instead of segmenting its text again at indexing time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span

from core.models import Polarity
from core.normalize import fold, matching_form
from nlp.dates import find_time_facts
from nlp.docnumbers import find_documents
from nlp.finding_units import carried_units, judged_units, with_judged_as_inspected
from nlp.findings import find_findings
from nlp.gazetteer import Gazetteer
from nlp.units import find_units

EXTENSIONS = ("source_published", "plain_text", "matching_form", "time_facts", "documents", "units",
              "findings")
_SPACE_RUN = re.compile(r"\s+")
_FAR = 1 << 62


def register_extensions() -> None:
    """Declare the `doc._` attributes once (spaCy keeps them on the Doc class)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _spans(doc: Doc, items: Iterable[tuple[int, int, str]]) -> list[Span]:
    spans = (doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in items)
    return [span for span in spans if span is not None]


def text_of(doc: Doc) -> str:
    """`doc.text`, kept on the Doc: spaCy rebuilds that string from every token on each access,
    which cost more than some components' own work."""
    if doc._.plain_text is None:
        doc._.plain_text = doc.text
    text: str = doc._.plain_text
    return text


def form_of(doc: Doc) -> str:
    """`matching_form(doc.text)`, computed by the first component that needs it and kept on the Doc."""
    if doc._.matching_form is None:
        doc._.matching_form = matching_form(text_of(doc))
    form: str = doc._.matching_form
    return form


def token_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of every token, read once."""
    return [(token.idx, token.idx + len(token.text)) for token in doc]


def words_in(text: str, bounds: list[tuple[int, int]], start: int, end: int) -> str:
    """The words of `text` inside [start, end) as underthesea writes them: syllables of a word
    joined by "_", words by one space ("phiếu_hẹn hồ_sơ"); a word cut by an edge keeps its
    inside part. `bounds` are the tokenizer's words (`token_bounds`), so the segmentation the
    Doc already holds is reused instead of running the model again on every finding."""
    first = bisect.bisect_right(bounds, (start, _FAR)) - 1
    parts = []
    for t_start, t_end in bounds[max(first, 0):]:
        if t_start >= end:
            break
        piece = text[max(t_start, start):min(t_end, end)].strip()
        if piece:
            parts.append(_SPACE_RUN.sub("_", piece))
    return " ".join(parts)


def _published(doc: Doc) -> str | None:
    facts = doc._.time_facts
    return facts.published if facts is not None else None


class DatesComponent:
    """Dates with roles, the publication date, the inspection period and year."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        facts = find_time_facts(text_of(doc), source_published=doc._.source_published)
        doc._.time_facts = facts
        doc.spans["dates"] = _spans(doc, ((m.start, m.end, m.role) for m in facts.mentions))
        return doc


class DocNumbersComponent:
    """Numbered official documents (Nghị định 30/2020 conventions)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_documents(text_of(doc), published=_published(doc))
        doc._.documents = mentions
        doc.spans["documents"] = _spans(doc, ((m.start, m.end, m.ref.kind) for m in mentions))
        return doc


class UnitsComponent:
    """Administrative units with level, role, province and today's parent unit."""

    def __init__(self, name: str, gazetteer: Gazetteer) -> None:
        self.name = name
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_units(text_of(doc), published=_published(doc), gazetteer=self.gazetteer,
                              form=form_of(doc))
        doc._.units = mentions
        doc.spans["units"] = _spans(
            doc, ((s, e, m.unit.level) for m in mentions for s, e in m.spans))
        return doc


class FindingsComponent:
    """Evaluative statements with polarity, area and the units they name."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        units = doc._.units or []
        text, bounds = text_of(doc), token_bounds(doc)
        folded, form = fold(text), form_of(doc)
        findings, judged = [], []
        names_at: dict[int, tuple[str, ...]] = {}  # a finding's start -> the units it names
        for f in find_findings(text, form=form):
            named = judged_units(text, f.start, f.end, units, folded)
            if f.polarity != Polarity.RECOMMENDATION:  # a demand's addressee: with_judged_as_inspected
                judged.extend(judged_units(text, f.start, f.end, units, folded, subjects_only=True))
            names = tuple(dict.fromkeys(m.unit.name for m in named))
            if not names and f.subject_of is not None:
                names = names_at.get(f.subject_of, ())  # split off a finding of the same subject
            names_at[f.start] = names
            # subject_of has done its work: the finding leaves nlp as the schema has it
            findings.append(replace(f, units=names, words=words_in(text, bounds, f.start, f.end),
                                    subject_of=None))
        doc._.units = with_judged_as_inspected(list(units), judged)
        carried = carried_units(text, [(f.start, f.end, bool(f.units)) for f in findings], doc._.units,
                                folded, form)
        findings = [replace(f, units=c.lead) if c.lead else replace(f, passage_units=c.passage) if c.passage
                    else f for f, c in zip(findings, carried, strict=True)]
        doc._.findings = findings
        doc.spans["findings"] = _spans(doc, ((f.start, f.end, f.polarity) for f in findings))
        return doc
