"""Words that announce a list of unit names written without level words.

Why: the genre lists the units it speaks of after a lead-in ending in a colon, and often drops
the level word there because the lead-in already says what kind of places follow ("kiểm tra 4
đơn vị: Tân An, Tân Hòa, Bình Minh và Phú Thạnh", "ba địa phương thấp nhất, lần lượt là: ...").
Matched on `core.normalize.fold` output (lower case, no diacritics). A linguist can extend both.
"""

from __future__ import annotations

# Nouns for a set of administrative units that a lead-in may announce ("4 đơn vị", "các địa
# phương"); the level words ("các xã", "03 huyện") announce one too, from core/levels.py's table.
COLLECTIVE_NOUNS: tuple[str, ...] = ("don vi", "dia phuong", "dia ban", "co so")

# Words right before the colon that opens the list ("gồm:", "lần lượt là:", "là:", "sau:").
LIST_OPENERS: tuple[str, ...] = ("gom", "bao gom", "lan luot la", "la", "sau", "nhu", "cu the")

# How far back (characters) from the colon the collective noun may stand.
LEAD_REACH = 90
