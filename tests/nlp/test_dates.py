"""Dates, publication date, inspection period and year, on sentences written for these tests."""

from __future__ import annotations

import pytest

from core.models import Period
from nlp.dates import find_dates, find_time_facts


def _isos(text: str, published: str | None = None) -> list[str]:
    return [m.iso for m in find_dates(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hội nghị diễn ra hôm 20/01/2020 tại trụ sở.", ["2020-01-20"]),
        ("Biên bản lập lúc 20-01-2020.", ["2020-01-20"]),
        ("Văn bản gửi đi 05.03.2019.", ["2019-03-05"]),
        ("Quyết định ngày 26 tháng 02 năm 2015 đã được công bố.", ["2015-02-26"]),
        ("Kế hoạch ban hành ngày 26/02/2015.", ["2015-02-26"]),
        ("Cập nhật ngày: 23/03/2013 07:57:48", ["2013-03-23"]),
        ("16:42 31/12/2021", ["2021-12-31"]),
        ("Thứ Tư, 14/08/2019, 10:19 (GMT+7)", ["2019-08-14"]),
        ("31 Tháng Giêng 2020", ["2020-01-31"]),
        ("02 Tháng Mười Một 2022", ["2022-11-02"]),
        ("Từ ngày 23/9 đến ngày 30/10/2020, đoàn làm việc.", ["2020-09-23", "2020-10-30"]),
        ("Từ ngày 28/12 đến ngày 5/1/2021, đoàn làm việc.", ["2020-12-28", "2021-01-05"]),
        ("từ 01/02/2021 đến 30/6/2021 các xã nộp báo cáo.", ["2021-02-01", "2021-06-30"]),
        ("Trong hai ngày 15 và 16/10/2020, huyện tổ chức tập huấn.", ["2020-10-15", "2020-10-16"]),
        ("Ngày 13 và 14 tháng 4 năm 2017, nhiều báo đưa tin.", ["2017-04-13", "2017-04-14"]),
        ("Từ ngày 14 – 15/11/2017, Sở tổ chức lớp học.", ["2017-11-14", "2017-11-15"]),
    ],
)
def test_date_shapes(text: str, expected: list[str]) -> None:
    assert _isos(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Toàn huyện có 158/180 cán bộ đạt chuẩn.",
        "Giai đoạn 2001-2005 đã hoàn thành mục tiêu.",
        "Ảnh chụp cuối tháng 02/2021 tại bộ phận một cửa.",
        "Trong năm 2017 và quý IV năm 2021, xã chưa ban hành kế hoạch.",
        "Theo Quyết định số 93/2007/QĐ-TTg và Quyết định 139/QĐ-UBND của UBND huyện.",
        "Ngày 31/2/2020 và 32/1/2020 không có trên lịch.",
        "Ngày 4/11 cán bộ vắng mặt không lý do.",
        "Xã có 7/21 công chức có mặt lúc 7h20.",
        "Hệ thống đạt chuẩn TCVN ISO 9001:2015.",
    ],
)
def test_not_dates(text: str) -> None:
    assert _isos(text, published="2021-06-01") == []


def test_day_month_takes_the_publication_year() -> None:
    text = ("Thứ Tư, 14/08/2019, 10:19 (GMT+7)\n\n"
            "Ngày 12.8, đoàn kiểm tra cải cách hành chính tỉnh làm việc tại huyện.")
    facts = find_time_facts(text)
    assert facts.published == "2019-08-14"
    assert facts.dates == ("2019-08-14", "2019-08-12")
    assert facts.period == Period("2019-08-12", "2019-08-12")
    assert facts.inspection_year == 2019


def test_day_month_in_early_january_is_last_december() -> None:
    facts = find_time_facts("Ngày đăng: 05/01/2021\n\nNgày 28/12, Đoàn kiểm tra làm việc tại xã Tân Hòa.")
    assert facts.dates == ("2021-01-05", "2020-12-28")


def test_day_month_without_any_year_is_dropped() -> None:
    facts = find_time_facts("Ngày 19-3, Tổ kiểm tra công vụ huyện đến kiểm tra đột xuất tại ba xã.")
    assert facts.dates == ()
    assert facts.period is None
    assert facts.inspection_year is None


def test_day_month_borrows_the_year_the_text_states() -> None:
    text = ("Thực hiện kế hoạch kiểm tra cải cách hành chính năm 2021, sáng 26/2, "
            "Phòng Nội vụ đã kiểm tra xã Bình An.")
    facts = find_time_facts(text)
    assert facts.dates == ("2021-02-26",)
    assert facts.period == Period("2021-02-26", "2021-02-26")


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ("Cập nhật ngày: 23/03/2013 07:57:48", "2013-03-23"),
        ("Cập nhật lúc: 14:04 13/11/2020", "2020-11-13"),
        ("Đăng ngày: 17/11/2017 17:27:09", "2017-11-17"),
        ("16:42 31/12/2021", "2021-12-31"),
        ("Thứ Tư, 14/08/2019, 10:19 (GMT+7)", "2019-08-14"),
        ("Minh Anh | 23/09/2022 18:09", "2022-09-23"),
        ("31 Tháng Giêng 2020", "2020-01-31"),
        ("Cần Thơ, ngày 09 tháng 10 năm 2018", "2018-10-09"),
        ("Số: 45/BC-UBND | Đà Nẵng, ngày 14 tháng 4 năm 2017 |", "2017-04-14"),
        ("Ngày ban hành: 28/12/2005   Ngày hiệu lực: Đã biết", "2005-12-28"),
    ],
)
def test_published_lines(head: str, published: str) -> None:
    text = f"Kiểm tra cải cách hành chính tại xã Phú Lợi\n\n{head}\n\nĐoàn đã làm việc với xã."
    assert find_time_facts(text).published == published


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 21/3/2013, Đoàn kiểm tra CCHC tỉnh đến làm việc tại huyện.",
        "Đà Nẵng, ngày 5/6/2020, Bộ Nội vụ tổ chức hội nghị tổng kết.",
        "Kiểm tra CCHC ngày 12/3/2020 tại xã Tân Phong",
    ],
)
def test_a_date_inside_a_sentence_is_not_the_publication_date(text: str) -> None:
    assert find_time_facts(text).published is None


def test_text_timestamp_wins_over_source_metadata() -> None:
    text = "Cập nhật ngày: 23/03/2013 07:57:48\n\nĐoàn kiểm tra làm việc tại xã."
    assert find_time_facts(text, source_published="2014-01-02").published == "2013-03-23"
    assert find_time_facts("Đoàn kiểm tra làm việc tại xã.",
                           source_published="2014-01-02").published == "2014-01-02"


def test_period_from_a_range_about_the_inspection() -> None:
    text = (
        "Thực hiện Quyết định số 12/QĐ-UBND ngày 10/01/2020 của UBND huyện; từ ngày 23/9/2020 đến ngày "
        "30/10/2020, Đoàn kiểm tra của huyện tổ chức kiểm tra tại 08 xã. Đoàn rà soát văn bản ban hành "
        "từ 01/01/2020 đến 30/8/2020."
    )
    facts = find_time_facts(text)
    assert facts.period == Period("2020-09-23", "2020-10-30")
    roles = {m.iso: m.role for m in facts.mentions}
    assert roles["2020-01-10"] == "document"
    assert roles["2020-09-23"] == "period_start"
    assert roles["2020-10-30"] == "period_end"
    assert roles["2020-08-30"] == "other"


def test_period_from_a_list_of_inspection_days() -> None:
    facts = find_time_facts("Ngày 15, 16 và 17 tháng 3 năm 2022, Đoàn kiểm tra làm việc tại huyện Yên Hòa.")
    assert facts.period == Period("2022-03-15", "2022-03-17")


@pytest.mark.parametrize(
    "text",
    [
        "Sáng ngày 21/3/2013, Đoàn kiểm tra đã làm việc với UBND xã Phú Điền.",
        "Chiều ngày 21/3/2013 Đoàn UBND huyện kiểm tra công tác CCHC xã Phú Điền.",
        "Sáng nay, 21/3, Đoàn tiến hành kiểm tra đột xuất tại UBND phường Hòa Khánh.",
    ],
)
def test_single_day_of_inspection(text: str) -> None:
    facts = find_time_facts(text, source_published="2013-03-22")
    assert facts.period == Period("2013-03-21", "2013-03-21")


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 30/6/2019, Văn phòng UBND tỉnh cho biết, Tổ công tác đã kiểm tra hoạt động công vụ.",
        "Ngày 13/4/2017, một số báo phản ánh việc dùng xe công đi lễ chùa.",
        "Đoàn kiểm tra yêu cầu xã báo cáo giải trình về đoàn kiểm tra trước ngày 7/2/2017.",
        "Trong quý IV năm 2021, huyện đã thành lập Tổ kiểm tra.",
    ],
)
def test_no_inspection_period(text: str) -> None:
    assert find_time_facts(text).period is None


def test_inspection_year_from_the_work_inspected() -> None:
    text = "16:42 03/01/2022\n\nTrong quý IV năm 2021, huyện đã thành lập Tổ kiểm tra công vụ."
    facts = find_time_facts(text)
    assert facts.published == "2022-01-03"
    assert facts.inspection_year == 2021


def test_inspection_year_from_publication_then_from_other_dates() -> None:
    assert find_time_facts("Đăng ngày: 17/11/2017\n\nCác xã còn chậm trễ.").inspection_year == 2017
    assert find_time_facts("Xã phải nộp báo cáo trước ngày 7/2/2017.").inspection_year == 2017
    assert find_time_facts("Các xã còn chậm trễ.").inspection_year is None


def test_document_year_is_the_last_resort() -> None:
    text = "Theo Quyết định số 436/QĐ-UBND ngày 26 tháng 02 năm 2015, năm 2017 xã chưa ban hành kế hoạch."
    assert find_time_facts(text).inspection_year == 2017


def test_mention_spans_point_into_the_text() -> None:
    text = "Hà Nội, ngày 09 tháng 10 năm 2018\nTừ ngày 23/9 đến ngày 30/10/2018, Đoàn kiểm tra làm việc."
    facts = find_time_facts(text)
    for mention in facts.mentions:
        assert text[mention.start:mention.end] == mention.text
    assert [m.role for m in facts.mentions] == ["published", "period_start", "period_end"]
    assert facts.dates == ("2018-10-09", "2018-09-23", "2018-10-30")


def test_dates_are_listed_once() -> None:
    text = "Ngày 20/01/2020 và ngày 20.01.2020 là một ngày; ngày 21/01/2020 là ngày khác."
    assert find_time_facts(text).dates == ("2020-01-20", "2020-01-21")


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "Không có ngày nào ở đây."])
def test_blank_and_dateless_text(text: str) -> None:
    facts = find_time_facts(text)
    assert facts.dates == () and facts.published is None and facts.period is None


def test_a_flattened_two_column_letterhead_still_gives_the_signing_date() -> None:
    text = ("ỦY BAN NHÂN DÂN HUYỆN TÂN LẬP Số: 41/TB-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
            "Độc lập - Tự do - Hạnh phúc Tân Lập, ngày 05 tháng 12 năm 2023 THÔNG BÁO\n\n"
            "Ngày 20/11/2023, Đoàn kiểm tra làm việc tại UBND xã Tân Hòa.")
    facts = find_time_facts(text)
    assert facts.published == "2023-12-05"


def test_a_date_mid_sentence_after_the_motto_words_is_not_a_signing_line() -> None:
    text = "Hội nghị bàn về hạnh phúc gia đình Hà Nội, ngày 05/6/2020, có 200 đại biểu dự."
    assert find_time_facts(text).published is None


def test_the_source_timestamp_counts_among_the_dates_when_the_text_lost_it() -> None:
    facts = find_time_facts("Đoàn kiểm tra làm việc tại xã Tân Hòa.", source_published="2021-10-12")
    assert facts.published == "2021-10-12" and facts.dates == ("2021-10-12",)


# --------------------------------------------------------------------------- hyphens, dots, ISO


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Ngày 21-4, tổ công tác làm việc với xã.", "2019-04-23", ["2019-04-21"]),
        ("Sáng 9.10, đoàn đến trụ sở phường.", "2018-10-10", ["2018-10-09"]),
        ("Biên bản lập ngày 5-11-2013 tại huyện.", None, ["2013-11-05"]),
        ("Văn bản ký ngày 21.4.2019.", None, ["2019-04-21"]),
        ("Từ ngày 3-14/8, đoàn kiểm tra các xã.", "2021-08-20", ["2021-08-03", "2021-08-14"]),
        ("Số liệu từ ngày 1 đến 30-6 cho thấy hồ sơ đúng hạn.", "2022-07-05", ["2022-06-01", "2022-06-30"]),
        ("Bảng tổng hợp lập ngày 2024-03-15.", None, ["2024-03-15"]),
        ("Ngày đăng: 2024-03-15T08:30:00+07:00", None, ["2024-03-15"]),
        ("Mã hồ sơ 000-2024-03-15 đã cấp.", None, []),
        ("Ngày 9 tháng 10, đoàn làm việc tại xã.", "2018-10-12", ["2018-10-09"]),
        ("Trong 2 ngày 6 và 7-5, đoàn làm việc.", "2020-05-09", ["2020-05-06", "2020-05-07"]),
        ("Trong các ngày 6, 7/5, đoàn làm việc.", "2020-05-09", ["2020-05-06", "2020-05-07"]),
        ("Từ 6-9/5, đoàn làm việc tại các xã.", "2020-05-09", ["2020-05-06", "2020-05-09"]),
        ("Ngày 6/5 đến 9/5, đoàn làm việc.", "2020-05-09", ["2020-05-06", "2020-05-09"]),
        ("Thời gian giải quyết rút từ 3 đến 5 ngày.", "2020-05-09", []),
        ("Tỷ lệ tăng từ 3-5% so với năm trước.", "2020-05-09", []),
    ],
)
def test_hyphen_dot_and_iso_dates(text: str, published: str | None, expected: list[str]) -> None:
    assert _isos(text, published) == expected


def test_a_leading_date_line_is_the_publication_date() -> None:
    facts = find_time_facts(" date 2024-06-03 Ngày 2-6, Sở Nội vụ kiểm tra bộ phận một cửa của xã.")
    assert facts.published == "2024-06-03"
    assert facts.dates == ("2024-06-03", "2024-06-02")
    assert facts.inspection_year == 2024


def test_a_leading_month_line_is_not_a_date() -> None:
    facts = find_time_facts(" date 2019-05 Ngày 3/5, đoàn kiểm tra làm việc tại xã.")
    assert facts.published is None
    assert "2019-05-03" in facts.dates  # the day takes the year the month line states


def test_a_bare_year_completes_a_day_month_when_nothing_else_does() -> None:
    facts = find_time_facts("Sau Tết Mậu Tuất 2018, chiều nay (21/2), đoàn kiểm tra đến xã.")
    assert facts.dates == ("2018-02-21",)
    assert facts.inspection_year == 2018


def test_the_year_of_an_index_is_the_work_year_not_the_publication() -> None:
    text = "Cập nhật ngày: 10/05/2024\n\nTỉnh công bố Chỉ số CCHC năm 2023 của các huyện."
    assert find_time_facts(text).inspection_year == 2023


def test_a_baseline_year_is_not_the_work_year() -> None:
    text = "Năm 2022, huyện làm tốt công tác CCHC; song kết quả thấp hơn so với kết quả năm 2021."
    assert find_time_facts(text).inspection_year == 2022
