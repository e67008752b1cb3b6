"""core.models.AREA_NAMES: the one table of the areas' names."""

from core.models import AREA_NAMES, Area


def test_every_area_has_a_name() -> None:
    """nlp/themes.py names each area's "Khác (...)" theme by AREA_NAMES[area] when the taxonomy
    loads, and the CLI's why-line catches only an unknown code: an Area added without a name here
    would stop every extraction and search, not fall back to its code as web/labels.py says."""
    assert set(AREA_NAMES) == set(Area)
    assert all(name.strip() for name in AREA_NAMES.values())
