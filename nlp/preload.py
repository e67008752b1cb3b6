"""Imported once by the sandbox's fork server: every limited extraction child starts with the
NLP pipeline built (forked, copy-on-write) instead of building it again per document.

Why a module with an import side effect: the fork server can only be told which modules to
import; importing this one is how it is told to build the pipeline.
"""

from __future__ import annotations

from nlp.load import default_pipeline

default_pipeline()
