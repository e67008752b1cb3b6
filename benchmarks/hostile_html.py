"""Seconds to read a page made mostly of form controls (the quadratic-cleaning attack of issue 16).

    python benchmarks/hostile_html.py [--mb 1.0] [--repeat 1]

The page is an article followed by a survey form of `--mb` megabytes: thousands of radio
buttons and checkboxes in short labelled rows, all inside one <form> — what a hostile (or just
badly generated) page looks like to the widget cleaner, which looks at every control's
ancestors. Prints one line per run: the page size, the seconds `extractors.html.read_html`
took in this process, and how many characters of the article came through. Goal: under 2 s
for 1 MB.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO)]

from core.settings import load_settings  # noqa: E402
from extractors.html import read_html  # noqa: E402

ARTICLE = ("Đoàn kiểm tra ghi nhận Ủy ban nhân dân xã đã niêm yết công khai thủ tục hành chính đầy đủ. "
           "Tuy nhiên, việc giải quyết hồ sơ tại bộ phận một cửa còn trễ hạn. ") * 5


def form_page(megabytes: float) -> str:
    """An article and one form of radio/checkbox rows, about `megabytes` MB of markup."""
    rows: list[str] = []
    size, n = 0, 0
    while size < megabytes * 1_000_000:
        kind = "radio" if n % 2 else "checkbox"
        row = f'<div class="q"><label>Câu {n}</label><input type="{kind}" name="c{n}" value="{n}"></div>\n'
        rows.append(row)
        size += len(row.encode("utf-8"))
        n += 1
    return (f"<html><head><title>Khảo sát</title></head><body><article><h1>Kết quả kiểm tra</h1>"
            f"<p>{ARTICLE}</p>"
            f"</article><form>{''.join(rows)}</form></body></html>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "form.html"
        path.write_text(form_page(args.mb), encoding="utf-8")
        for _ in range(args.repeat):
            started = time.perf_counter()
            document = read_html(path, settings=settings)
            seconds = time.perf_counter() - started
            kept = sum(len(line) for line in document.text.split("\n") if "kiểm tra" in line)
            size = path.stat().st_size / 1e6
            print(f"hostile_html: {size:.2f} MB of form controls read in {seconds:.2f} s "
                  f"({kept} article characters kept)")


if __name__ == "__main__":
    main()
