"""Benchmark a nightly run: digital reports and scanned pages, per stage, with Prefect's overhead.

Why this shape: a province drops hundreds of short reports a night and some scans. The same
generated inbox goes through `pipeline.ingest.ingest_paths` (no orchestrator) and through the
`nightly_ingest` flow, each into a fresh store, so the difference is what Prefect costs
(server round-trips per task, batching, the run lock and the summary). Scans are text pages
rendered to PNG with PIL and the DejaVu font, so they go through Tesseract.

Documents are written from genre templates (letterhead, number, inspection year, strengths,
shortcomings, recommendations) with invented commune names; `write_reports` is also what the
crash and flow tests use to make their inboxes.

    .venv/bin/python benchmarks/nightly.py --docs 1000 --pages 50
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

# This checkout first on sys.path, as benchmarks/search.py says why.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SYLLABLES = ("Tân", "An", "Phú", "Bình", "Hòa", "Long", "Thạnh", "Mỹ", "Đông", "Tây", "Hưng", "Lợi",
             "Phước", "Thuận", "Sơn", "Hải", "Thanh", "Đức", "Vĩnh", "Quảng")
STRENGTHS = ("đã niêm yết công khai đầy đủ thủ tục hành chính tại bộ phận một cửa",
             "đã ban hành kế hoạch cải cách hành chính năm kịp thời",
             "đã thực hiện tốt việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
             "đã sử dụng chữ ký số trên văn bản điện tử đúng quy định")
SHORTCOMINGS = ("chưa sử dụng sổ theo dõi hồ sơ theo mẫu quy định",
                "còn hồ sơ giải quyết trễ hạn nhưng chưa có thư xin lỗi",
                "chưa cập nhật đầy đủ hồ sơ lên Hệ thống thông tin giải quyết thủ tục hành chính",
                "việc đánh giá, phân loại cán bộ, công chức còn hình thức")
RECOMMENDATIONS = ("chấn chỉnh việc tiếp nhận và trả kết quả hồ sơ",
                   "rà soát, công khai đầy đủ thủ tục hành chính thuộc thẩm quyền",
                   "tăng cường kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính",
                   "bố trí công chức có chuyên môn phù hợp tại bộ phận một cửa")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"


def genre_report(i: int, rng: random.Random) -> str:
    """One short inspection report; `i` is in its number, so every report's bytes differ."""
    commune, district, year = _name(rng), _name(rng), rng.randint(2018, 2024)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    return "\n\n".join([
        f"UBND HUYỆN {district.upper()}\nĐOÀN KIỂM TRA CẢI CÁCH HÀNH CHÍNH",
        f"Số: {i + 1}/BC-ĐKT",
        f"{district}, ngày {day} tháng {month} năm {year}",
        f"BÁO CÁO\nKết quả kiểm tra công tác cải cách hành chính năm {year} tại UBND xã {commune}",
        f"Ngày {day}/{month}/{year}, Đoàn kiểm tra đã làm việc tại UBND xã {commune}.",
        f"1. Ưu điểm: UBND xã {rng.choice(STRENGTHS)}.",
        f"2. Hạn chế: Tuy nhiên, UBND xã {rng.choice(SHORTCOMINGS)}.",
        f"3. Kiến nghị: Đề nghị Chủ tịch UBND xã {rng.choice(RECOMMENDATIONS)}.",
    ]) + "\n"


def write_reports(folder: Path, n: int, *, seed: int = 0) -> list[Path]:
    """`n` reports as UTF-8 .txt files in `folder`, the same for the same seed."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"bao-cao-{i:05d}.txt"
        path.write_text(genre_report(i, rng), encoding="utf-8")
        paths.append(path)
    return paths


def write_scans(folder: Path, n: int, *, seed: int = 1) -> list[Path]:
    """`n` one-page reports rendered to PNG at about 150 dpi: what a scanner leaves."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 26)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        page = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(page)
        y = 80
        for paragraph in genre_report(10_000 + i, rng).split("\n"):
            for line in _wrap(paragraph, 70):
                draw.text((90, y), line, font=font, fill=0)
                y += 40
        path = folder / f"scan-{i:04d}.png"
        page.save(path)
        paths.append(path)
    return paths


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines or [""]


def _stage_line(label: str, n: int, seconds: float, stages: dict[str, float]) -> str:
    per = " ".join(f"{k}={v:.1f}s" for k, v in stages.items())
    return f"{label:<24} {n:>5} docs {seconds:7.1f} s  {n / seconds if seconds else 0:6.1f} docs/s  [{per}]"


def bench_plain(folder: Path, db: Path) -> tuple[float, dict[str, float], int]:
    from core.settings import load_settings
    from pipeline.ingest import ingest_paths

    settings = load_settings({"db_path": str(db)})
    started = time.perf_counter()
    summary = ingest_paths([folder], settings=settings)
    return time.perf_counter() - started, summary.stages, sum(summary.counts.values())


def bench_flow(folder: Path, db: Path) -> tuple[float, dict[str, float], dict[str, float], int]:
    from core.settings import load_settings
    from flows.nightly import run_nightly

    settings = load_settings({"db_path": str(db), "fetch_dir": str(db.parent / "fetched")})
    started = time.perf_counter()
    summary = run_nightly(settings, inbox=folder)
    n = sum(summary.counts.values())
    return time.perf_counter() - started, summary.stages, summary.phases, n


def _empty(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="digital reports (.txt)")
    parser.add_argument("--pages", type=int, default=50, help="scanned pages (.png, OCR)")
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    from prefect.testing.utilities import prefect_test_harness

    from nlp.load import default_pipeline

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sets = {"digital": write_reports(root / "digital", args.docs),
                "scanned": write_scans(root / "scanned", args.pages)}
        t = time.perf_counter()
        default_pipeline()
        print(f"NLP pipeline load (once per process, not counted below): {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        with prefect_test_harness(server_startup_timeout=180):
            print(f"Prefect local server start (not counted below): {time.perf_counter() - t:.1f} s")
            for label, files in sets.items():
                if not files:
                    continue
                folder = files[0].parent
                plain_s, plain_stages, n = bench_plain(folder, root / f"{label}-plain.db")
                print(_stage_line(f"{label} ingest_paths", n, plain_s, plain_stages))
                flow_s, flow_stages, phases, n = bench_flow(folder, root / f"{label}-flow.db")
                print(_stage_line(f"{label} nightly flow", n, flow_s, flow_stages))
                print(f"{'':<24} flow phases: " + " ".join(f"{k}={v:.1f}s" for k, v in phases.items()))
                print(f"{'':<24} Prefect overhead vs plain loop: {flow_s - plain_s:+.1f} s "
                      f"({(flow_s - plain_s) / max(n, 1) * 1000:+.1f} ms/doc); outside the phases: "
                      f"{flow_s - sum(phases.values()):.1f} s")
                if label == "digital":
                    rerun_s, _, phases, n = bench_flow(folder, root / f"{label}-flow.db")
                    print(_stage_line("next night, no change", n, rerun_s, {}) + "  flow phases: "
                          + " ".join(f"{k}={v:.1f}s" for k, v in phases.items()))
            empty_s, _, phases, _ = bench_flow(_empty(root / "empty"), root / "empty-flow.db")
            print(f"{'empty inbox (Prefect only)':<24} {empty_s:7.1f} s  outside the phases: "
                  f"{empty_s - sum(phases.values()):.1f} s")


if __name__ == "__main__":
    main()
