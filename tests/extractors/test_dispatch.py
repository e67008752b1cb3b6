from __future__ import annotations

from pathlib import Path

from extractors import READERS, SUPPORTED_SUFFIXES, discover, is_supported


def test_registry_covers_every_supported_suffix() -> None:
    from extractors import SUFFIX_FORMATS

    assert set(SUFFIX_FORMATS.values()) <= set(READERS)
    assert ({".pdf", ".docx", ".html", ".htm", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
            <= SUPPORTED_SUFFIXES)


def test_is_supported_ignores_case() -> None:
    assert is_supported(Path("BAO_CAO.PDF"))
    assert not is_supported(Path("bang.xlsx"))


def test_discover_walks_folders_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".an").mkdir()
    for name in ("b/2.pdf", "a.docx", "b/1.txt", ".an/x.pdf", ".tam.txt", "ghi_chu.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    given = tmp_path / "ghi_chu.xlsx"
    assert discover([tmp_path, given]) == [
        tmp_path / "a.docx", tmp_path / "b" / "1.txt", tmp_path / "b" / "2.pdf", given,
    ]
