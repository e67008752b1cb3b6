"""The query language's constants and the data files it reads, shared by every step of
reading a query (index/query/__init__.py says how the steps fit).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from core.agencies import syllables

DATA = Path(__file__).parent.with_name("vi")
STOPWORDS_FILE = DATA / "query_stopwords.txt"
SYNONYMS_FILE = DATA / "synonyms.toml"
INTENTS_FILE = DATA / "intents.toml"
FRAME_FILE = DATA / "frame_words.txt"
CONCEPTS_FILE = DATA / "concepts.toml"

OPEN_QUOTES = "\"“”„‘’‚«»"
CLOSING_QUOTES = {"“": "”", "„": "“", "‘": "’", "‚": "‘", "«": "»", "»": "«"}  # else the same character
WORD = re.compile(r"[^\W_]+")
OR_KEYWORD = "OR"
# "139/QĐ-UBND", "12/2019/TT-BNV": digits, a slash, then letters; how Vietnamese documents are numbered.
DOC_NUMBER = re.compile(r"^\d+/(?:\d+/)?[^\W\d_]")
FRAME_GAP = "…"
ACCENTS_ONLY = "[accents]"
OPTIONAL = "[optional]"  # a stopword entry that is ranked (and part of the exact phrase), not dropped
LEVEL = "[level]"  # in a stopword entry, stands for each level word of core/levels.py ("[level] nào")
NUMBER_WORD = "số"  # "Quyết định số 139/QĐ-UBND": how a document number is cited (NĐ 30/2020)
MAX_WORD_SYLLABLES = 4  # longest word or unit name looked up in the index's vocabulary
# The marks by which a query lists things ("bộ máy, nhân sự", "đúng hạn; trước hạn"): the query
# language's punctuation, read by `parse` into Term.listed. No word of the cut spans one (a known
# boundary); they do not make alternatives of the things listed (`_coordinated` says why).
LIST_MARKS = ",;"
SETTING_FORMS = 3  # of a setting's synonyms, the first ones ranked (each costs a ranked unit)
# Word-list entries as (syllables, only with accents), longest first (`word_entries`).
Entries = tuple[tuple[tuple[str, ...], bool], ...]
# The unit names a query may name lowercase though they are common words (`names_place`): folded
# name → its spellings as the index writes it (syllables, lowercase, tones canonical), where the
# query typed it with accents; a name typed folded is the place whatever its spellings.
Places = Mapping[str, tuple[tuple[str, ...], ...]]

# Lowercase, canonical-tone syllables of `text` (letters and digits; the rest separates): how the
# query, the reranker (a finding's text) and the concepts (their terms) cut a text. The agency
# table's cut, so a query's agency names match as the table's do.
syllables_of = syllables
