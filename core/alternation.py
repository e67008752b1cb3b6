"""Regex alternations of phrases, longest first: the one builder every word-list pattern uses.

Why longest first: Python's regex alternation takes the first alternative that lets the match
go on, not the longest one, so "một" listed before "một số" would stop a match at "một" and
"thị" before "thị trấn" would read the level as "thị". Word lists (nlp/vi/, core/levels.py) are
data written in any order; the pattern built from them must not depend on that order.
Why here, in core/: the builder knows no language and no stage; the level table (core/levels.py)
and every nlp/ module compiling a word list need it, and it was written once in each of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def longest_first(phrases: Iterable[str], *, any_space: bool = True) -> str:
    """The regex alternation of `phrases` ("một số|các"), longest first, each once, escaped.

    `any_space`: a space inside a phrase matches any run of whitespace ("một  số", a line break
    inside "thị\\ntrấn" in a wrapped PDF line), as text from documents needs; False keeps a
    phrase's spaces literal. Phrases of one length keep the order given.
    """
    ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    escaped = (re.escape(p) for p in ordered)
    if any_space:
        escaped = (e.replace(r"\ ", r"\s+") for e in escaped)
    return "|".join(escaped)
