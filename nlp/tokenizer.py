"""A spaCy tokenizer that splits Vietnamese into words with underthesea.

Why not spaCy's own `vi` tokenizer: it needs pyvi or splits on spaces, i.e. into syllables,
while "phiếu hẹn" and "cải cách hành chính" are words. underthesea ships its segmentation
model inside the package, so nothing is downloaded at run time. Each word becomes one token
whose text is exactly the source span (syllables joined by whatever whitespace the source had),
so character offsets are never lost. Segmentation runs once per document; later stages reuse
the tokens (each finding's `words`, which the search index stores instead of segmenting again).

Why line by line: measured on the dev corpus, calling underthesea per line, per paragraph, or
with every line of a document in one featurizer batch costs the same within noise; about 85%
of the time is its CRF (feature extraction, then tagging) and 15% its regex pre-tokenizer, both
per token. A line is the unit the source text already gives, and a word never spans lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import DummyTokenizer, registry
from spacy.vocab import Vocab

_LINE = re.compile(r"[^\n]+")


def _word_tokenize() -> Callable[..., list[str]]:
    try:
        from underthesea import word_tokenize
    except ImportError as e:  # pragma: no cover - underthesea is a required dependency
        raise ImportError("underthesea is required for Vietnamese word segmentation: "
                          "pip install underthesea, or set use_underthesea = false") from e
    return word_tokenize


def _aligned(text: str, start: int, words: list[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each segmented word in `text`, matching syllable by syllable.

    A word the segmenter changed (it should not, with normalisation off) falls back to its
    syllables as found in the text, so alignment never fails.
    """
    pos = start
    for word in words:
        first = last = None
        for syllable in word.split(" "):
            found = text.find(syllable, pos)
            if found < 0 or text[pos:found].strip():
                break
            first = found if first is None else first
            last = pos = found + len(syllable)
        if first is not None and last is not None:
            yield first, last


class VietnameseWordTokenizer(DummyTokenizer):
    """Words from underthesea (or whitespace when `use_underthesea` is false)."""

    def __init__(self, vocab: Vocab, use_underthesea: bool = True) -> None:
        self.vocab = vocab
        self.use_underthesea = use_underthesea

    def __reduce__(self) -> tuple[Any, ...]:
        return VietnameseWordTokenizer, (self.vocab, self.use_underthesea)

    def _spans(self, text: str) -> Iterator[tuple[int, int]]:
        if not self.use_underthesea:
            for m in re.finditer(r"\S+", text):
                yield m.start(), m.end()
            return
        tokenize = _word_tokenize()
        for line in _LINE.finditer(text):
            words = tokenize(line.group(), use_token_normalize=False)
            yield from _aligned(text, line.start(), words)

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[str] = []
        pos = 0
        for start, end in self._spans(text):
            if start < pos:
                continue
            if start > pos:  # whitespace (or text the segmenter skipped) before this word
                gap = text[pos:start]
                if words and gap == " ":
                    spaces[-1] = " "
                else:
                    words.append(gap)
                    spaces.append("")
            words.append(text[start:end])
            spaces.append("")
            pos = end
        if pos < len(text):
            words.append(text[pos:])
            spaces.append("")
        return Doc(self.vocab, words=words, spaces=[bool(s) for s in spaces])

    def _get_config(self) -> dict[str, Any]:
        return {"use_underthesea": self.use_underthesea}

    def _set_config(self, config: dict[str, Any]) -> None:
        self.use_underthesea = bool(config.get("use_underthesea", True))

    def to_bytes(self, **kwargs: Any) -> bytes:
        return util.to_bytes({"cfg": lambda: srsly.json_dumps(self._get_config())}, [])

    def from_bytes(self, data: bytes, **kwargs: Any) -> VietnameseWordTokenizer:
        util.from_bytes(data, {"cfg": lambda b: self._set_config(srsly.json_loads(b))}, [])
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        util.to_disk(util.ensure_path(path), {"cfg": lambda p: srsly.write_json(p, self._get_config())}, [])

    def from_disk(self, path: str | Path, **kwargs: Any) -> VietnameseWordTokenizer:
        util.from_disk(util.ensure_path(path), {"cfg": lambda p: self._set_config(srsly.read_json(p))}, [])
        return self


@registry.tokenizers("kiemtra.vi_word_tokenizer.v1")
def create_tokenizer(use_underthesea: bool = True) -> Callable[[Language], VietnameseWordTokenizer]:
    def factory(nlp: Language) -> VietnameseWordTokenizer:
        return VietnameseWordTokenizer(nlp.vocab, use_underthesea=use_underthesea)

    return factory
