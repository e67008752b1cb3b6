"""core.alternation.longest_first: the alternation every word-list pattern is built with."""

from __future__ import annotations

import re

from core.alternation import longest_first


def test_a_longer_phrase_wins_whatever_order_the_list_gives() -> None:
    for words in (("một", "một số"), ("một số", "một")):
        assert re.findall(longest_first(words), "một số xã") == ["một số"]
    for levels in (("thị xã", "thị trấn", "xã"), ("xã", "thị trấn", "thị xã")):
        assert re.findall(longest_first(levels), "thị trấn A và xã B") == ["thị trấn", "xã"]


def test_each_phrase_once_and_escaped() -> None:
    # phrases of one length keep the order given
    assert longest_first(["các", "TP.", "các", "tất cả"], any_space=False) == r"tất\ cả|các|TP\."
    assert re.fullmatch(longest_first(["TP."]), "TPx") is None  # the dot is a dot


def test_a_space_matches_any_run_of_whitespace_unless_asked_literal() -> None:
    assert re.fullmatch(longest_first(["thị trấn"]), "thị \n trấn")
    assert re.fullmatch(longest_first(["thị trấn"], any_space=False), "thị \n trấn") is None
    assert re.fullmatch(longest_first(["thị trấn"], any_space=False), "thị trấn")
