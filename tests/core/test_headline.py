"""A news text's headline and lead (core/headline.py): the first line is a title only when it is
written as one, and the lead paragraph is found under it or opening the text."""

from __future__ import annotations

from core.headline import LEAD_MAX_WORDS, headline, is_headline, lead

BODY = "Ngày 4/11, đoàn kiểm tra của huyện đã làm việc tại UBND xã Tân Thạnh về công tác cải cách hành chính."


def test_a_short_line_above_the_body_is_the_headline() -> None:
    lines = ["Kiểm tra đột xuất tại xã Hồ Thị Kỷ", BODY]
    assert headline(lines) == "Kiểm tra đột xuất tại xã Hồ Thị Kỷ"
    assert lead(lines) == BODY


def test_a_text_opening_with_its_lead_has_no_headline() -> None:
    opening = ("Bên cạnh kết quả đạt được, nhiều khó khăn, thách thức cũng được tỉnh nhận diện kịp thời "
               "sau sáp nhập. Với sự chỉ đạo quyết liệt, bộ máy các xã mới đã đi vào hoạt động ổn định.")
    lines = [opening, "Tuy nhiên, một số xã còn thiếu công chức chuyên môn."]
    assert headline(lines) is None
    assert lead(lines) == opening  # the lead is the context the text gives instead


def test_a_lead_sentence_is_no_headline_however_it_ends() -> None:
    long_sentence = " ".join(["cán bộ"] * 12) + " làm việc"  # 26 syllables, one sentence
    assert not is_headline(long_sentence + ".")
    assert is_headline(long_sentence)  # no full stop: a long headline
    assert is_headline("Kiểm tra công tác văn thư, lưu trữ tại huyện Mộc Châu.")  # a CMS's short one
    assert not is_headline("Đoàn đã đến 5 xã. Tại các xã, hồ sơ được niêm yết đầy đủ")
    assert not is_headline(" ".join(["xã"] * 41))


def test_abbreviations_with_a_stop_do_not_cut_the_headline() -> None:
    assert is_headline("TP. Buôn Ma Thuột tiếp tục dẫn đầu về Chỉ số cải cách hành chính")
    assert is_headline("ThS. Nguyễn Văn An nói về chuyển đổi số cấp xã hiện nay")


def test_page_furniture_above_the_headline_is_skipped() -> None:
    lines = ["TRANG CHỦ > CẢI CÁCH HÀNH CHÍNH > CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "16:42 31/12/2021",
             "thanh tra", "Hà Nội kiểm tra công vụ đột xuất tại 4 đơn vị", "Đăng ngày: 17/11/2017 17:27:09",
             BODY]
    assert headline(lines) == "Hà Nội kiểm tra công vụ đột xuất tại 4 đơn vị"
    assert lead(lines) == BODY  # the byline's time under the headline is no lead


def test_labels_and_stamps_around_the_headline_are_dropped() -> None:
    assert headline(["date 2025-11-12 An Giang còn 1.401 hồ sơ chậm được tiếp nhận 12/11/2025 17:51",
                     BODY]) == "An Giang còn 1.401 hồ sơ chậm được tiếp nhận"
    assert headline(["null Xã Mỹ Hòa cần tiếp tục đẩy mạnh cải cách hành chính", BODY]) == (
        "Xã Mỹ Hòa cần tiếp tục đẩy mạnh cải cách hành chính")


def test_a_document_heading_is_not_a_headline_nor_a_lead() -> None:
    letterhead = "VĂN PHÒNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"
    dateline = "Hải Phòng, ngày 19 tháng 01 năm 2020"
    assert headline([letterhead, BODY]) is None
    assert headline([dateline, BODY]) is None
    assert lead([letterhead, "BÁO CÁO KẾT QUẢ KIỂM TRA CẢI CÁCH HÀNH CHÍNH", dateline, BODY]) == BODY


def test_one_line_is_no_headline_and_labels_are_too_short() -> None:
    assert headline(["Kiểm tra đột xuất tại xã Hồ Thị Kỷ"]) is None  # nothing under it
    assert headline(["Thành viên", "Xuất bản thông tin"]) is None
    assert headline([]) is None and lead([]) is None


def test_a_long_lead_is_cut_at_a_sentence_end() -> None:
    first = " ".join(["cán bộ"] * 30) + "."  # 60 syllables
    second = " ".join(["hồ sơ"] * 30) + "."
    cut = lead([first + " " + second])
    assert cut == first
    assert len(cut.split()) <= LEAD_MAX_WORDS


def test_a_letters_addressee_and_motto_are_not_its_lead() -> None:
    """An administrative letter without a title: letterhead, motto, number and dateline, the
    addressee, then the text; its lead is the first sentence of the text, which says the matter."""
    letter = ["ỦY BAN NHÂN DÂN HUYỆN TÂN PHÚ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
              "Độc lập - Tự do - Hạnh phúc",
              "Số: 215/UBND-NV",
              "Tân Phú, ngày 3 tháng 5 năm 2024",
              "Kính gửi: Chủ tịch UBND các xã, thị trấn.",
              BODY]
    assert lead(letter) == BODY
    assert lead(["Đồng kính gửi: Sở Nội vụ, Văn phòng UBND tỉnh.", BODY]) == BODY


def test_a_papers_byline_does_not_open_the_lead() -> None:
    """"(PL)- ", "(Báo Nghệ An) – ", "TP - ": who wrote the story, not what it is about (and "TP"
    would read as the query's "thành phố"); the lead starts at its first word after them."""
    for byline in ("(PL)- ", "(Báo Nghệ An) – ", "(baonghean.vn) - ", "TP - ", "BHG – "):
        assert lead([byline + BODY]) == BODY
    said = "UBND huyện Tân Phú - đơn vị dẫn đầu về cải cách hành chính - đã tổ chức kiểm tra tại 5 xã."
    assert lead([said]) == said  # a dash inside the sentence is no byline


def test_a_sentence_opening_with_a_name_or_an_acronym_keeps_it() -> None:
    """Capitals are a byline only apart from the dash and before a word in sentence case: a
    province written close ("TT-Huế", "BR-VT"), a code ("KH-UBND"), a pair of bodies ("HĐND -
    UBND"), an acronym before lower case and a city named with "TP" open real sentences."""
    for said in ("TT-Huế đã kiểm tra công vụ đột xuất tại 12 xã, phường trong quý I.",
                 "BR-VT hoàn thành kiểm tra cải cách hành chính tại 5 huyện trong năm.",
                 "HĐND - UBND huyện Tân Phú đã tổ chức kiểm tra tại 5 xã trong năm.",
                 "CCHC – nhiệm vụ trọng tâm, được huyện Tân Phú chỉ đạo quyết liệt.",
                 "TP Hồ Chí Minh đã kiểm tra cải cách hành chính tại 22 phường.",
                 "TP. Vinh kiểm tra công vụ đột xuất tại 5 phường trong tháng 3.",
                 "TP.HCM - Sáng 5/3, Sở Nội vụ đã kiểm tra đột xuất tại 5 phường."):
        assert lead([said]) == said


def test_the_portals_name_above_a_dated_headline_is_its_masthead() -> None:
    """A page dump opening with the portal's own name, then the article's headline and its date:
    the title was the portal's name ("Cổng thông tin điện tử thành phố …") on every article of it."""
    lines = ["Cổng thông tin điện tử huyện Cam Lộ", "",
             "Cam Lộ: Kiểm tra cải cách hành chính tại xã Cam Thành", "Thứ Ba, 12/03/2024 09:15", "", BODY]
    assert headline(lines) == "Cam Lộ: Kiểm tra cải cách hành chính tại xã Cam Thành"
    assert lead(lines) == BODY
    # Undated, the first headline-shaped line stays the headline (its next line may be a sapo's).
    assert headline([lines[0], lines[2], BODY]) == "Cổng thông tin điện tử huyện Cam Lộ"
    # A headline dated on its own line, with the body under it, is read as before.
    assert headline([lines[2], lines[3], BODY, BODY]) == lines[2]
    # The site's name in capitals, or abbreviated, is its masthead too.
    for site in ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG TRỊ", "Trang TTĐT huyện Cam Lộ, tỉnh Quảng Trị"):
        assert headline([site, *lines[2:]]) == lines[2]


def test_a_byline_or_sub_headline_above_the_date_leaves_the_headline_the_title() -> None:
    """Between a headline and its date a page may print the body that wrote it, the author or
    source, or a sub-headline: headline-shaped lines too, but no site's name, so the title stays."""
    title = "Cam Lộ: Kiểm tra cải cách hành chính tại xã Cam Thành"
    for between in ("Văn phòng HĐND và UBND huyện Cam Lộ", "Tác giả: Phòng Nội vụ huyện Cam Lộ",
                    "Nguồn: Trung tâm Văn hóa - Thông tin huyện",
                    "Nhiều hồ sơ còn trễ hạn, chưa có văn bản xin lỗi"):
        assert headline([title, between, "Thứ Ba, 12/03/2024 09:15", BODY]) == title
