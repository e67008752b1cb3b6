"""Words by which a finding says it continues the matter just described ("Tình trạng này …").

Why a data module: a finding that opens by pointing back at a state of affairs ("Tình trạng này
đã ảnh hưởng đến …", "Việc này …", "Từ thực tế đó, …", "39% còn lại do …") is about the matter
the sentence before it named, whatever generic words of its own follow; nlp.themes reads these
to give it that matter (`themes.context_theme`). A linguist extends the lists without the code.

Written with their marks and matched on `core.normalize.matching_form` (lower case, marks kept),
never folded: folded, "đó" (that) is "do" (because, by), which opens many findings; the genre
is written with its marks.
"""

from __future__ import annotations

# Nouns that stand for a state of affairs a report has just described, taken up again by a
# pointer after them ("tình trạng này", "việc đó", "thực tế trên"): the noun names no matter of its
# own, the pointer says which. Not nouns of things or bodies ("các địa phương này", "tỉnh này"
# point back at units, not at a matter).
STATE_NOUNS: tuple[str, ...] = (
    "tình trạng", "tình hình", "thực trạng", "thực tế", "hiện tượng", "việc", "điều", "vấn đề",
    "hạn chế", "tồn tại", "sai sót", "thiếu sót", "vi phạm", "bất cập",
)
# Words ending in a state noun that stand for no state of affairs: "buổi làm việc này" is the
# meeting (the inspection's visit, which the press reports on), not a matter the report described.
NOT_STATE: tuple[str, ...] = ("làm việc",)
# The pointers after such a noun. Not "trên" alone: it is also the preposition "on" ("tình hình
# trên địa bàn", "việc trên Cổng dịch vụ công"); "đó là" is "that is" ("hạn chế đó là: …", a list's
# lead-in), read by the pattern as no pointer.
POINTERS: tuple[str, ...] = (
    "nêu trên", "nói trên", "kể trên", "vừa nêu", "như trên", "như vậy", "này", "đó",
)
# Plural quantifiers before the noun make it a summary of a list ("Những tồn tại, hạn chế nêu
# trên đã được lập biên bản …" closes a paragraph-long list of faults): it continues many
# matters, not one, so it carries none. So does a run of nouns joined by "," or "và" without
# one ("Tồn tại, hạn chế nêu trên …"): Vietnamese need not mark the plural, and the pair is the
# genre's name for the faults as a whole.
SUMMARY_QUANTIFIERS: tuple[str, ...] = ("những", "các", "mọi", "tất cả", "một số", "nhiều")
# "còn lại" early in a finding takes up the rest of a quantity just given ("61% số hồ sơ quá
# hạn là do …, 39% còn lại do …"; "số hồ sơ còn lại …"): the matter is the quantity's.
REMAINDER = "còn lại"
# How far into the finding a pointer may stand: a preposition or a connective may open it ("Từ
# thực tế đó, …", "Do tình trạng này, …", "39% còn lại …", "số hồ sơ còn lại …"); further in, the
# pointer belongs to a clause of the finding's own.
OPENING_WORDS = 4
