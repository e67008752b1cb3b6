"""Where a finding is, written once for the CLI's result line, the page's hits and the unit facet."""

from core.models import where


def test_units_then_provinces_and_either_alone() -> None:
    assert where(["xã Tân Lộc", "huyện Lạc Sơn"], ["Hòa Bình"]) == "xã Tân Lộc, huyện Lạc Sơn — Hòa Bình"
    assert where(["xã Tân Lộc"], []) == "xã Tân Lộc"
    assert where([], ["Hòa Bình"]) == "Hòa Bình"  # no dangling dash before a province alone
    assert where([], []) == ""
