"""Vietnamese word segmentation, so search can tell the word "phiếu_hẹn" from two syllables.

Why a helper: Vietnamese writes one syllable per space, so a word like "chữ ký số" is three
tokens to any whitespace tokenizer. underthesea's segmenter joins a word's syllables with "_"
("chữ_ký số" style), which is what `FindingRecord.words` carries. underthesea is imported on
first use only: importing this module must stay cheap and must not fail where it is missing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache

from core.errors import ExtractionError

LOGGER = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _word_tokenize() -> Callable[..., str]:
    """underthesea's tokenizer, loaded once (its model load takes about a second)."""
    try:
        from underthesea import word_tokenize
    except ImportError as e:
        raise ExtractionError(
            f"word segmentation needs underthesea ({e}); install it with `pip install 'underthesea>=9,<10'`"
        ) from e
    return word_tokenize


def segment(text: str) -> str:
    """`text` with each multi-syllable word joined by "_": "phiếu hẹn" → "phiếu_hẹn".

    Blank text gives "" without loading the model. A segmenter failure on one odd string is an
    ExtractionError naming the text, never a silent empty result.
    """
    if not text.strip():
        return ""
    tokenize = _word_tokenize()
    try:
        return str(tokenize(text, format="text"))
    except Exception as e:  # underthesea raises assorted errors on odd input
        raise ExtractionError(f"word segmentation failed on {text[:60]!r}: {e}") from e
