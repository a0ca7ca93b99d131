import pytest

from pipeline.ingest.sources import IngestError, decode, read_source

TEXT = "Омская и Павлодарская области подписали соглашение о торгово-экономическом сотрудничестве."


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),
    ("utf-16-le", "utf-16-le"),
    ("cp1251", "cp1251"),
    ("koi8_r", "koi8_r"),
])
def test_decodes_russian_in_common_encodings(encoding, expected):
    text, found = decode(TEXT.encode(encoding))
    assert text.lstrip("\ufeff") == TEXT
    assert found == expected


def test_source_records_format_encoding_and_hash(tmp_path):
    path = tmp_path / "статья.txt"
    path.write_bytes(TEXT.encode("cp1251"))
    source = read_source(path)
    assert (source.format, source.encoding, source.text) == ("txt", "cp1251", TEXT)
    assert len(source.sha256) == 64


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
    ("image.jpg", "Текст".encode(), "unsupported"),
])
def test_bad_input_gets_a_clear_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError, match=reason):
        read_source(path)
