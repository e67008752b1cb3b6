"""Preprocessing decided per page from its measures, and the letterhead read column by column."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from benchmarks.photolib import LETTERS, SHOTS, Shot, photograph, render_letter
from core.settings import Settings
from extractors import read
from extractors.ocr_order import Word, split_letterhead
from extractors.ocr_prepare import (
    MIN_LINE_PX,
    PageMeasures,
    Preparation,
    decide,
    despeckle,
    grey_of,
    line_height,
    measure,
    prepare,
)

CLEAN = PageMeasures(red_share=0.0, unevenness=0.02, paper_level=250, line_height_px=41.0, skew_deg=0.0,
                     speckle_share=0.001, stroke_loss=0.013)


def with_(**changes: float) -> PageMeasures:
    values = {f: getattr(CLEAN, f) for f in CLEAN.__slots__}
    return PageMeasures(**{**values, **changes})


def test_a_clean_scan_is_read_as_it_is() -> None:
    assert decide(CLEAN).is_plain


def test_each_measure_asks_only_for_its_own_step() -> None:
    assert decide(with_(red_share=0.01)) == Preparation(drop_red=True)
    assert decide(with_(unevenness=0.3)) == Preparation(flatten_light=True)
    assert decide(with_(paper_level=130)) == Preparation(flatten_light=True)  # an under-exposed photo
    assert decide(with_(skew_deg=2.5)) == Preparation(rotate_deg=2.5)
    assert decide(with_(skew_deg=1.5)) == Preparation(rotate_deg=1.5)
    assert decide(with_(skew_deg=0.5)).is_plain  # Tesseract absorbs small skew itself
    small_print = with_(line_height_px=16.0)
    assert decide(small_print).is_plain
    assert decide(with_(line_height_px=16.0, skew_deg=1.5)).is_plain  # rotating would blur it more
    assert decide(with_(line_height_px=16.0, skew_deg=2.5)).rotate_deg == 2.5
    assert decide(with_(line_height_px=16.0, skew_deg=2.5)).rotate_sharp  # bicubic for thin strokes
    assert not decide(with_(skew_deg=2.5)).rotate_sharp  # a 300 dpi scan: bilinear, a third of the cost
    assert decide(with_(speckle_share=0.03)) == Preparation(despeckle=True)


def test_small_print_is_enlarged_towards_the_target_and_never_despeckled() -> None:
    prep = decide(with_(line_height_px=10.0, speckle_share=0.06, stroke_loss=0.45))
    assert 1.7 <= prep.scale <= 2.2
    assert not prep.despeckle  # a 3×3 median would erase 1-2 px strokes
    assert decide(with_(line_height_px=MIN_LINE_PX + 1)).scale == 1.0
    assert decide(with_(line_height_px=0.0)).scale == 1.0  # no text line found: nothing to scale by


def test_despeckling_removes_the_dust_and_leaves_every_stroke_pixel() -> None:
    from PIL import Image, ImageDraw, ImageFont

    from benchmarks.scanlib import FONT

    page = Image.new("L", (600, 120), 255)
    font = ImageFont.truetype(FONT, 40)
    ImageDraw.Draw(page).text((10, 20), "Quyết định số 139/QĐ-UBND", font=font, fill=0)
    text = page.copy()
    rng = random.Random(4)
    dust = [(rng.randrange(600), rng.randrange(120)) for _ in range(300)]
    dust = [(x, y) for x, y in dust if text.getpixel((x, y)) == 255 and
            all(text.getpixel((x + dx, y + dy)) == 255 for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                if 0 <= x + dx < 600 and 0 <= y + dy < 120)]
    for xy in dust:
        page.putpixel(xy, 0)
    cleaned = despeckle(page)
    assert all(cleaned.getpixel(xy) == 255 for xy in dust)
    assert cleaned.tobytes() == text.tobytes()  # the text's own pixels, dots and diacritics, all kept


def _shot(name: str, seed: int = 3, **changes: object) -> object:
    rng = random.Random(seed)
    shot = SHOTS[name] if not changes else Shot(name, **changes)  # type: ignore[arg-type]
    return photograph(render_letter(LETTERS[1], rng, stamp=bool(changes.get("stamp", True))), shot, rng)


def test_measures_of_rendered_photos_lead_to_the_right_steps() -> None:
    low = measure(_shot("photo-70dpi"))
    assert low.red_share > 0.002 and low.unevenness > 0.08
    assert decide(low).scale > 1.4 and decide(low).drop_red and decide(low).flatten_light
    sharp = measure(_shot("photo-150dpi-stamp"))
    assert decide(sharp).scale == 1.0 and decide(sharp).drop_red
    scan = measure(_shot("even-scan", dpi=300, jpeg_quality=None, stamp=False))
    assert scan.red_share == 0.0 and scan.unevenness < 0.08 and scan.paper_level > 200
    assert decide(scan).is_plain


def test_line_height_follows_the_resolution() -> None:
    heights = [measure(_shot(f"{dpi}", dpi=dpi, jpeg_quality=None, stamp=False)).line_height_px
               for dpi in (70, 150, 300)]
    assert heights[0] < MIN_LINE_PX < heights[1] < heights[2]
    assert 1.7 <= heights[2] / heights[1] <= 2.3  # twice the dpi, twice the height


def test_the_red_channel_drops_a_red_stamp_and_keeps_black_and_blue_ink() -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (60, 20), (250, 250, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 19, 19), fill=(215, 35, 45))    # seal ink
    draw.rectangle((20, 0, 39, 19), fill=(20, 20, 20))    # print
    draw.rectangle((40, 0, 59, 19), fill=(25, 45, 140))   # ballpoint
    gray = grey_of(image, drop_red=True)
    assert gray.getpixel((10, 10)) > 200 and gray.getpixel((30, 10)) < 50 and gray.getpixel((50, 10)) < 50
    assert grey_of(image, drop_red=False).getpixel((10, 10)) < 128  # luminance keeps the stamp dark


def test_flattening_evens_out_the_light() -> None:
    import numpy as np

    dim = _shot("dim", dpi=100, jpeg_quality=None, lighting=0.7, darkness=0.6, stamp=False)
    flat = prepare(dim, Preparation(flatten_light=True))
    paper = np.asarray(flat)[np.asarray(flat) > 128]
    assert np.percentile(paper, 5) > 200  # the darkest paper is nearly white
    assert line_height(flat) > 0


def word(text: str, left: int, top: int, width: int = 60, height: int = 12) -> Word:
    return Word(text, left, top, width, height, 95.0)


def test_letterhead_lines_read_as_one_are_split_into_columns_left_first() -> None:
    lines = [
        [word("UBND", 100, 50), word("TỈNH", 170, 50), word("CỘNG", 520, 50), word("HÒA", 590, 50)],
        [word("SỞ", 110, 70), word("NỘI", 180, 70), word("Độc", 540, 70), word("lập", 610, 70)],
        [word("Số:", 80, 90), word("87", 120, 90), word("/PNV", 200, 90)],  # handwritten gap, one column
        [word("Bình", 530, 110), word("Định,", 600, 110)],
        [word("Kính", 250, 160), word("gửi:", 320, 160), word("Ủy", 390, 160), word("ban", 460, 160)],
        [word("Căn", 100, 190), word("cứ", 170, 190)],
    ]
    left, right, rest = split_letterhead(lines, page_height=1000)
    assert [" ".join(w.text for w in line) for line in left] == ["UBND TỈNH", "SỞ NỘI", "Số: 87 /PNV"]
    assert [" ".join(w.text for w in line) for line in right] == ["CỘNG HÒA", "Độc lập", "Bình Định,"]
    assert rest == lines[4:]


def test_the_letterhead_ends_at_a_line_centred_on_the_page_even_when_read_in_two_pieces() -> None:
    lines = [
        [word("UBND", 100, 50), word("TỈNH", 170, 50), word("CỘNG", 520, 50), word("HÒA", 590, 50)],
        [word("Số:", 110, 70), word("112", 180, 70), word("Quảng", 530, 70), word("Trị,", 600, 70)],
        [word("THÔNG", 330, 110), word("BÁO", 400, 110)],                    # the kind line, centred
        [word("Kết", 190, 130), word("luận", 260, 130)],                     # the subject, in two pieces
        [word("cải", 380, 131), word("cách", 450, 131)],
    ]
    left, right, rest = split_letterhead(lines, page_height=1000)
    assert [" ".join(w.text for w in line) for line in left] == ["UBND TỈNH", "Số: 112"]
    assert [" ".join(w.text for w in line) for line in right] == ["CỘNG HÒA", "Quảng Trị,"]
    assert rest == lines[2:]


def test_a_page_without_two_columns_keeps_tesseracts_order() -> None:
    lines = [[word("Báo", 100, 50), word("cáo", 170, 50)], [word("Căn", 100, 80), word("cứ", 170, 80)]]
    assert split_letterhead(lines, page_height=1000) == ([], [], lines)


@pytest.mark.ocr
def test_a_stamped_photo_reads_its_letterhead_in_order(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "cong-van.jpg"
    _shot("photo-150dpi-stamp", seed=1).save(path, quality=70)  # type: ignore[attr-defined]
    document = read(path, settings=settings)
    lines = document.text.splitlines()
    assert "UBND HUYỆN ĐIỆN BÀN" in lines and "PHÒNG NỘI VỤ" in lines
    assert not any("ĐIỆN BÀN" in line and "CỘNG HÒA" in line for line in lines)
    assert document.text.index("PHÒNG NỘI VỤ") < document.text.index("CỘNG HÒA")
    assert document.source.title == "V/v khắc phục tồn tại sau kiểm tra cải cách hành chính"


@pytest.mark.ocr
def test_a_preparation_that_ruins_the_page_costs_nothing_the_plain_page_is_read_too(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from extractors import ocr

    page = _shot("photo-100dpi-uneven-light", seed=2)
    blank = Image.new("L", page.size, 255)  # type: ignore[attr-defined]
    speckled = blank.copy()
    for x in range(0, blank.width, 7):
        speckled.putpixel((x, blank.height // 2), 0)
    monkeypatch.setattr(ocr, "prepare", lambda image, prep: speckled)
    parts = ocr.ocr_image(page, lang="vie", page=1)
    text = "\n".join(text for text, *_ in parts)
    assert "Phòng Nội vụ đề nghị" in text  # the plain reading, kept
