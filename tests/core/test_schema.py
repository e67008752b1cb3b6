"""Every Extraction kiemtra writes must validate against the shared schema file."""

import json
from pathlib import Path

import jsonschema
import pytest

from core.levels import Level
from core.models import (
    Area,
    DocRef,
    Document,
    Extraction,
    Finding,
    Period,
    Polarity,
    Role,
    Source,
    Unit,
    document_from_blocks,
)
from nlp.extract import extract

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT.parent / "shared" / "schema" / "extraction.schema.json"
DEV = ROOT.parent / "shared" / "corpus" / "dev"

pytestmark = pytest.mark.skipif(
    not SCHEMA_FILE.exists(), reason=f"{SCHEMA_FILE} not found (shared/ beside the repo)"
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _doc(text: str, doc_id: str = "t") -> Document:
    return document_from_blocks(
        doc_id,
        [(p, None, "paragraph", None) for p in text.split("\n\n")],
        Source(path=f"{doc_id}.txt", sha256="0" * 64, format="txt", reader="test"),
    )


def test_full_extraction_object_validates(validator: jsonschema.protocols.Validator) -> None:
    ex = Extraction(
        doc_id="x",
        title="Tiêu đề",
        published="2021-10-12",
        inspection_year=2021,
        inspection_period=Period("2021-09-23", "2021-10-30"),
        units=(Unit(Level.XA, "Tân Thạnh", Role.INSPECTED, "Long An", "tỉnh Tây Ninh"),),
        documents=(DocRef("Quyết định", "139/QĐ-UBND", "2020-01-20", "UBND huyện"),),
        dates=("2020-01-20",),
        findings=(Finding(Polarity.SHORTCOMING, Area.TTHC, "chưa cấp phiếu hẹn", 3, 21, ("Tân Thạnh",)),),
    )
    validator.validate(ex.to_dict())
    assert Extraction.from_dict(ex.to_dict()).to_dict() == ex.to_dict()


def test_extraction_of_written_text_validates(validator: jsonschema.protocols.Validator) -> None:
    text = (
        "Ngày 12/10/2021, Đoàn kiểm tra CCHC huyện Châu Thành làm việc tại UBND xã Phú Tân "
        "theo Kế hoạch số 25/KH-UBND ngày 20/01/2021.\n\n"
        "Xã đã niêm yết công khai đầy đủ thủ tục hành chính. Tuy nhiên, bộ phận một cửa "
        "chưa cấp phiếu hẹn cho công dân. Đề nghị UBND xã khắc phục ngay."
    )
    out = extract(_doc(text)).to_dict()
    validator.validate(out)
    for finding in out["findings"]:
        assert text[finding["start"] : finding["end"]] == finding["text"]


@pytest.mark.skipif(not DEV.exists(), reason="shared dev corpus not found")
def test_every_dev_document_extracts_to_a_valid_object(validator: jsonschema.protocols.Validator) -> None:
    from core.settings import load_settings
    from extractors import read

    settings = load_settings(environ={})
    files = sorted(DEV.glob("*.txt"))
    assert files
    for path in files:
        out = extract(read(path, settings=settings)).to_dict()
        validator.validate(out)
        assert out["doc_id"] == path.stem
