"""The compiled cache (core/compiled_cache.py) and the lexicon read through it: an entry is read
back only while nothing it was compiled from has changed (the bytes of every source and data file
under its roots, and the files named besides them), so it cannot go stale; a broken entry, a
folder that cannot be written, or the cache turned off cost the compiling and nothing else."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from core.compiled_cache import cache_dir, cached, source_key
from index.query.compiling import compiled_lexicon, load_lexicon


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIEMTRA_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


class _Builds:
    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_an_entry_is_written_once_and_read_back(folder: Path) -> None:
    build = _Builds({"ho so": ("hồ", "sơ")})
    assert cached("words", "k1", build) == {"ho so": ("hồ", "sơ")}
    assert cached("words", "k1", build) == {"ho so": ("hồ", "sơ")}
    assert build.calls == 1
    [entry] = folder.glob("words-*.pickle")
    assert entry.stat().st_mode & 0o077 == 0  # the user's own
    # A new key (something changed): built again; the newest few entries kept, the older removed
    os.utime(entry, (1, 1))
    for n, key in enumerate(("k2", "k3", "k4"), 2):
        assert cached("words", key, build) and build.calls == n
        os.utime(folder / f"words-{key}.pickle", (n, n))  # written in this order
    assert sorted(p.name for p in folder.glob("words-*.pickle")) == [
        "words-k2.pickle", "words-k3.pickle", "words-k4.pickle"]


def test_the_key_follows_the_bytes_of_every_file_under_the_roots(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    (root / "vi").mkdir(parents=True)
    (root / "vi" / "synonyms.toml").write_text('[[set]]\nterms = ["phiếu hẹn"]\n', encoding="utf-8")
    (root / "lexicon.py").write_text("X = 1\n", encoding="utf-8")
    dictionary = tmp_path / "Viet74K.txt"
    dictionary.write_text("hồ sơ\n", encoding="utf-8")
    key = source_key([root], [dictionary])
    assert source_key([root], [dictionary]) == key
    os.utime(root / "lexicon.py", (1, 1))  # touched, not changed: the same entry
    assert source_key([root], [dictionary]) == key
    synonyms = '[[set]]\nterms = ["phiếu hẹn", "giấy hẹn"]\n'
    (root / "vi" / "synonyms.toml").write_text(synonyms, encoding="utf-8")
    data_changed = source_key([root], [dictionary])
    assert data_changed != key  # a linguist's edit
    (root / "lexicon.py").write_text("X = 2\n", encoding="utf-8")
    code_changed = source_key([root], [dictionary])
    assert code_changed != data_changed  # the compiler's or a pickled class's
    (root / "vi" / "new.toml").write_text("", encoding="utf-8")
    assert source_key([root], [dictionary]) != code_changed  # a file added
    dictionary.write_text("hồ sơ\nkỷ luật\n", encoding="utf-8")
    assert source_key([root], [dictionary]) != source_key([root], [None])  # the dictionary, or none
    (root / "__pycache__").mkdir()
    before = source_key([root], [dictionary])
    (root / "__pycache__" / "lexicon.cpython-311.pyc").write_bytes(b"\0")
    assert source_key([root], [dictionary]) == before  # bytecode is not source


def test_a_broken_entry_is_rebuilt(folder: Path) -> None:
    build = _Builds([1, 2, 3])
    folder.mkdir()
    (folder / "words-k1.pickle").write_bytes(b"\x80\x05truncated")
    assert cached("words", "k1", build) == [1, 2, 3] and build.calls == 1
    assert pickle.loads((folder / "words-k1.pickle").read_bytes()) == [1, 2, 3]


def test_off_or_unwritable_compiles_and_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = _Builds("x")
    monkeypatch.setenv("KIEMTRA_CACHE_DIR", "off")
    assert cache_dir() is None
    assert cached("words", "k", build) == "x" and cached("words", "k", build) == "x" and build.calls == 2
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("KIEMTRA_CACHE_DIR", str(blocked / "cache"))
    assert cached("words", "k", build) == "x" and build.calls == 3
    monkeypatch.delenv("KIEMTRA_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "kiemtra"


def test_the_lexicon_read_from_the_cache_is_the_one_compiled(folder: Path) -> None:
    load_lexicon.cache_clear()
    try:
        first = load_lexicon()  # compiled, written
        [entry] = folder.glob("lexicon-*.pickle")
        load_lexicon.cache_clear()
        again = load_lexicon()  # read back
        assert again is not first and again == first == compiled_lexicon()
        assert again.readings.clear is not None  # the readings came with it
        assert [p.name for p in folder.glob("lexicon-*.pickle")] == [entry.name]
    finally:
        load_lexicon.cache_clear()
