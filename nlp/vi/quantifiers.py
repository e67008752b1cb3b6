"""Quantifiers: the words before a noun that say it stands for many things, or for each of them.

Why a data module: two stages read them. The unit finder takes a level word after a plural
quantifier ("các xã", "một số xã A, B") as announcing a list of units; the finding stage takes a
sentence quantifying units ("những đơn vị", "mỗi xã") as speaking of no one unit. One list, so a
linguist extends both at once.

Written with their marks and matched on `core.normalize.matching_form` (lower case, marks kept),
never folded: folding makes the plural "những" the conjunction "nhưng" (but), "các" the noun "cắc"
and "mỗi"/"mọi" (each, every) "mới"/"mời" (new, invite), and "..., nhưng xã A chưa ..." or "mời
UBND xã B" speak of one unit. The genre (official reports, the press) is written with its marks.
"""

from __future__ import annotations

# Quantifiers saying a noun stands for several things: "các xã", "những đơn vị", "một số xã".
PLURAL_QUANTIFIERS: tuple[str, ...] = (
    "các", "những", "một số", "một vài", "nhiều", "hầu hết", "tất cả",
)
# Quantifiers taking each thing in turn: "mỗi xã" (each), "mọi đơn vị" (every). They speak of
# many units at once but announce no list of names.
DISTRIBUTIVE_QUANTIFIERS: tuple[str, ...] = ("mỗi", "mọi")
