"""The abbreviations the indexed texts define (index/definitions.py says why): asked of the
index for what the query types, read as synonym members for this query alone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Mapping, Sequence

from core.normalize import fold
from index.definitions import Definition, DefinitionRules, abbreviation_key
from index.definitions import load_rules as load_definition_rules
from index.initials import is_syllable
from index.query.common import syllables_of
from index.query.lexicon import Lexicon
from index.query.parsing import Parsed
from index.query.vocabulary import Vocabulary


# The abbreviations the indexed texts define (index/definitions.py says why): asked of the index
# for what the query types, read as synonym members for this query alone.
def definition_keys(parsed: Parsed, rules: DefinitionRules) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The keys under which the index may hold a definition of what `parsed` types, each with
    the runs of syllables typed that give it: every span of 2..`rules.longest` syllables of a
    term or of consecutive terms (a long form: "trung tam phuc vu hanh chinh cong"), and as
    an abbreviation (`abbreviation_key`) one word that is no Vietnamese syllable ("TTPVHCC",
    "TN&TKQ") or two to three such typed apart ("TT PVHCC", "PAR INDEX")."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for run in _typed_runs(parsed):
        for i in range(len(run)):
            for n in range(1, min(rules.longest, len(run) - i) + 1):
                span = tuple(s for term in run[i:i + n] for s in term)
                if len(span) > rules.longest:
                    break
                if len(span) > 1:
                    out.setdefault(" ".join(fold(s) for s in span), set()).add(span)
                if n <= 3 and not any(is_syllable(s) for s in span):
                    key = abbreviation_key("".join(span))
                    if len(key) >= rules.shortest:
                        out.setdefault(key, set()).add(span)
    return {key: tuple(sorted(spans)) for key, spans in out.items()}


def _typed_runs(parsed: Parsed) -> list[list[tuple[str, ...]]]:
    """The runs of consecutive single terms (words, or a quoted phrase alone), each term's
    syllables: what a long form or an abbreviation typed apart may span."""
    runs: list[list[tuple[str, ...]]] = [[]]
    for clause in parsed.clauses:
        if len(clause) == 1 and not clause[0].prefix:
            runs[-1].append(clause[0].syllables)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def defined_asked(values: Iterable[str], keys: Collection[str],
                  vocabulary: Vocabulary) -> tuple[Definition, ...]:
    """The definitions `values` (what the index answered for the query's `keys`,
    `definition_keys`), and every other definition of their abbreviations (asked again when a
    long form was typed: `with_definitions` reads an abbreviation defined two ways as neither).
    Usually none, and then nothing more is asked."""
    found = {d for v in values if (d := Definition.of_value(v)) is not None}
    unasked = sorted({d.keys[0] for d in found} - set(keys))
    if unasked:
        found |= {d for v in vocabulary.defined(unasked) if (d := Definition.of_value(v)) is not None}
    return tuple(sorted(found))


def with_definitions(lexicon: Lexicon, definitions: Sequence[Definition],
                     typed: Mapping[str, Sequence[tuple[str, ...]]]) -> Lexicon:
    """`lexicon` reading each abbreviation the texts define and its long form as members of one
    synonym set, for one query: the long form typed brings the abbreviation, the abbreviation
    typed (or typed apart, "TT PVHCC": `typed`, the query's `definition_keys`) brings the long form.

    The hand vocabulary keeps priority: an abbreviation it lists (a member, a rejected form of
    index/vi/initials.toml) is read as it says, whatever a text defines, and so is one its
    initials derive for another set; a long form it lists gains the defined abbreviation in its
    set — a derived initial too, which a term typed in full is otherwise not searched for
    (index/initials.py: no report was seen writing it; here one does). An abbreviation the texts
    define with two long forms (of other syllables) names two things: neither is read. Its
    readings are this lexicon's (`cut_from`), not compiled again."""
    if not definitions:
        return lexicon
    longs: dict[str, set[str]] = {}
    for definition in definitions:
        longs.setdefault(definition.keys[0], set()).add(definition.keys[1])
    known = set(lexicon.listed_abbreviations)
    derived = {abbreviation_key("".join(a)): k for a, k in lexicon.abbreviations}
    members = {" ".join(fold(s) for s in m): k for k, ms in enumerate(lexicon.synonyms) for m in ms}
    sets = list(lexicon.synonyms)
    abbreviations = list(lexicon.abbreviations)
    rules = load_definition_rules()
    for definition in sorted(definitions):
        key, long = definition.keys
        form, name = syllables_of(definition.abbreviation), syllables_of(definition.long)
        if key in known or len(longs[key]) > 1 or len(key) < rules.shortest or len(name) < 2:
            continue
        known.add(key)
        k = members.get(long)
        if key in derived and derived[key] != k:  # the initials of another set: theirs
            continue
        if k is None:
            k = len(sets)
            sets.append((name, form))
        elif form not in sets[k]:
            sets[k] = (*sets[k], form)
        abbreviations.extend((span, k) for span in typed.get(key, ()) if span != form)
    if sets == list(lexicon.synonyms) and len(abbreviations) == len(lexicon.abbreviations):
        return lexicon
    renamed = dict(zip(lexicon.synonyms, sets, strict=False))
    broader = {renamed.get(ms, ms): wider for ms, wider in lexicon.broader.items()}
    return dataclasses.replace(lexicon, synonyms=tuple(sets), abbreviations=tuple(abbreviations),
                               broader=broader, cut_from=lexicon.readings)
