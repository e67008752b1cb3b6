"""The document's units and their roles where the folds' held-out errors showed the genre's shapes
(docs/search-quality.md, session 30, ext30): the reorganisation's long list of merged units, a
merged unit named again for its premises, a ministry's dateline, a province named as its
department's owner in the list of bodies checked, a list lead naming the setting, a demand made of
the inspected unit's superior. Sentences written for these tests, in those shapes."""

from __future__ import annotations

from spacy.language import Language

from core.models import Document, Source
from core.normalize import nfc
from nlp.extract import extract
from nlp.units import find_units


def roles(text: str) -> dict[tuple[str, str], str]:
    return {(m.unit.level, m.unit.name): str(m.unit.role) for m in find_units(nfc(text))}


def test_the_last_units_of_the_reorganisations_long_list_are_merged_too() -> None:
    """The formula lists the merged units with their parts; its last stands past 160 characters."""
    text = ("Đoàn kiểm tra đã kiểm tra phường Thủ Dầu Một. Phường Thủ Dầu Một được thành lập trên cơ sở sáp"
            " nhập toàn bộ diện tích tự nhiên và quy mô dân số của các phường Phú Thọ, Chánh Nghĩa, Phú"
            " Cường, khu phố Chánh Lộc 1, 2, 7 của phường Chánh Mỹ và khu phố 1, 2, 3, 4 của phường Hiệp"
            " Thành.")
    found = roles(text)
    assert found[("phường", "Hiệp Thành")] == "other"  # a commune-level unit, but merged away
    assert found[("phường", "Thủ Dầu Một")] == "inspected"


def test_a_merged_unit_named_again_for_its_premises_is_not_inspected() -> None:
    text = ("Đoàn kiểm tra làm việc tại phường Quảng Phú. Phường Quảng Phú được thành lập trên cơ sở sáp"
            " nhập phường An Phú, xã Tam Phú, xã Tam Thanh.\n\nHiện nay, các cơ quan của phường mới làm việc"
            " ở 3 trụ sở cũ, gồm: Đảng ủy làm việc tại trụ sở phường An Phú; HĐND - UBND phường làm việc"
            " tại trụ sở xã Tam Phú; công an làm việc tại trụ sở xã Tam Thanh.")
    found = roles(text)
    assert found[("xã", "Tam Phú")] == found[("xã", "Tam Thanh")] == "other"


def test_a_ministrys_dateline_names_no_unit_an_own_governments_does() -> None:
    letter = ("VĂN PHÒNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 12/VPCP-TCCV | Hà Nội, ngày 14"
              " tháng 4 năm 2017 |\nKính gửi: Bộ Nội vụ.\nBáo chí phản ánh công chức huyện Thạch Thành đi lễ"
              " chùa trong giờ hành chính; đề nghị Bộ Nội vụ kiểm tra.")
    assert ("thành phố", "Hà Nội") not in roles(letter)
    own = ("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\nHải Phòng, ngày 19 tháng 01 năm 2020\nUBND thành phố yêu"
           " cầu Chủ tịch UBND các quận, huyện chấn chỉnh kỷ luật sau kiểm tra công vụ.")
    assert roles(own)[("thành phố", "Hải Phòng")] == "inspector"


def test_a_province_named_as_its_departments_owner_in_the_list_checked_is_not_inspected() -> None:
    text = ("Tổ kiểm tra công vụ của tỉnh đã kiểm tra: Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Giang;"
            " Phòng Nội vụ huyện Hiệp Hòa; Văn phòng Đăng ký đất đai Bắc Giang - Chi nhánh huyện Việt Yên.")
    found = roles(text)
    assert found[("tỉnh", "Bắc Giang")] != "inspected"
    assert found[("huyện", "Hiệp Hòa")] == found[("huyện", "Việt Yên")] == "inspected"


def test_a_list_lead_may_name_the_setting_before_its_colon() -> None:
    text = ("Đoàn kiểm tra công vụ thành phố đã kiểm tra đột xuất tại bộ phận “một cửa” của một số đơn vị:"
            " UBND huyện Thanh Trì; UBND huyện Thường Tín.")
    found = roles(text)
    assert found[("huyện", "Thanh Trì")] == found[("huyện", "Thường Tín")] == "inspected"


def test_a_demand_made_of_the_inspected_units_superior_does_not_make_it_inspected(nlp: Language) -> None:
    """"yêu cầu huyện X kiểm điểm" after the town of X was found absent: the district must act, its
    own work was not what was checked. A unit's own verdict still marks it inspected."""
    text = ("Ngày 12/9, Phó Chủ tịch UBND thành phố đã kiểm tra đột xuất tại trụ sở UBND thị trấn Núi Đèo,"
            " huyện Thủy Nguyên.\n\nTại thời điểm kiểm tra, nhiều cán bộ thị trấn Núi Đèo vắng mặt.\n\n"
            "Đồng thời yêu cầu huyện Thủy Nguyên nghiêm túc kiểm điểm, rà soát và báo cáo lý do cán bộ"
            " thị trấn Núi Đèo không có mặt.")
    source = Source(path="tin.txt", sha256="0" * 64, format="txt", reader="txt")
    extraction = extract(Document("tin", nfc(text), (), source), nlp=nlp)
    found = {u.name: str(u.role) for u in extraction.units}
    assert found["Thủy Nguyên"] == "other" and found["Núi Đèo"] == "inspected"
