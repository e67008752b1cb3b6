"""Fixtures shared by the nlp tests: the default pipeline, built once per module (it loads the
segmentation model and the gazetteer); a test that changes the pipeline builds its own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.load import default_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return default_pipeline()
