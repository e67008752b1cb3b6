"""Register kiemtra's components and helpers with spaCy, once, by name.

Why a function and a guard rather than decorators at import: importing a module must never
change the pipeline (docs/style.md); `register_factories()` is called by `nlp.load` before a
pipeline is built or loaded, and calling it twice is harmless.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import registry

from nlp.components import (
    DatesComponent,
    DocNumbersComponent,
    FindingsComponent,
    UnitsComponent,
    register_extensions,
)
from nlp.gazetteer import Gazetteer, load_gazetteer

_REGISTERED: list[bool] = []


def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(name)


def make_docnumbers(nlp: Language, name: str) -> DocNumbersComponent:
    return DocNumbersComponent(name)


def make_units(nlp: Language, name: str, gazetteer: Gazetteer) -> UnitsComponent:
    return UnitsComponent(name, gazetteer)


def make_findings(nlp: Language, name: str) -> FindingsComponent:
    return FindingsComponent(name)


def _gazetteer_v1() -> Gazetteer:
    return load_gazetteer()


def register_factories() -> None:
    """Make `kiemtra_*` components and `kiemtra.*.v1` helpers known to spaCy (idempotent)."""
    if _REGISTERED:
        return
    import nlp.tokenizer  # noqa: F401 - registers kiemtra.vi_word_tokenizer.v1

    register_extensions()
    registry.misc.register("kiemtra.gazetteer.v1", func=_gazetteer_v1)
    Language.factory("kiemtra_dates", assigns=["doc._.time_facts", "doc.spans"],
                     func=make_dates)
    Language.factory("kiemtra_docnumbers", assigns=["doc._.documents", "doc.spans"],
                     requires=["doc._.time_facts"], func=make_docnumbers)
    Language.factory("kiemtra_units", assigns=["doc._.units", "doc.spans"],
                     requires=["doc._.time_facts"],
                     default_config={"gazetteer": {"@misc": "kiemtra.gazetteer.v1"}}, func=make_units)
    Language.factory("kiemtra_findings", assigns=["doc._.findings", "doc.spans"],
                     requires=["doc._.units"], func=make_findings)
    _REGISTERED.append(True)
