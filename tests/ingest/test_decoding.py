import json
from pathlib import Path

import pytest

from crisisdesk.ingest import read, read_one
from crisisdesk.ingest.decoding import decode, looks_western
from crisisdesk.records import Document
from crisisdesk.settings import Settings

NAME = "José Núñez said the frigates left Cádiz at dawn."
RUSSIAN = "Три фрегата покинули порт на рассвете, заявили в министерстве обороны."


@pytest.mark.parametrize(("encoding", "note"), [("latin-1", "latin-1"), ("cp1252", "latin-1")])
def test_western_name_is_not_garbled(encoding: str, note: str) -> None:
    assert decode(NAME.encode(encoding), "x") == (NAME, f"decoded as {note}")


def test_cp1252_punctuation_names_cp1252() -> None:
    text = "“Routine,” the ministry said – about €2m."
    assert decode(text.encode("cp1252"), "x") == (text, "decoded as cp1252")


@pytest.mark.parametrize(
    ("data", "decoded"),
    [
        (NAME.encode("utf-8"), (NAME, None)),
        (b"\xef\xbb\xbfShips.", ("Ships.", None)),
        ("\ufeffNúñez".encode("utf-16-le"), ("Núñez", "decoded as utf-16-le")),
    ],
)
def test_utf8_and_boms(data: bytes, decoded: tuple[str, str | None]) -> None:
    assert decode(data, "x") == decoded


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1251", RUSSIAN),
        ("koi8-r", RUSSIAN),
        ("cp1253", "Τρεις φρεγάτες έφυγαν από το λιμάνι τα ξημερώματα, δήλωσε το υπουργείο."),
        ("big5", "三艘護衛艦黎明時離開港口，國防部表示。"),
        ("cp1250", "Trzy fregaty opuściły port o świcie, poinformowało ministerstwo."),
    ],
)
def test_other_encodings_are_guessed_and_said(encoding: str, text: str) -> None:
    decoded = decode(text.encode(encoding), "x")
    assert decoded.text == text
    assert decoded.note is not None
    assert decoded.note.startswith("decoded as guessed encoding ")


@pytest.mark.parametrize(
    ("text", "western"),
    [
        ("Les frégates ont quitté le port à l'aube.", True),
        ("La col·lecció és a l'exposició.", True),
        ("Ïðèâåò, ìèð", False),  # Russian cp1251 read as cp1252
        ("Trzy fregaty b¹d¿ ma³e", False),  # Polish cp1250 read as cp1252
        ("Núñez\x81", False),  # a C1 control
    ],
)
def test_looks_western(text: str, western: bool) -> None:
    assert looks_western(text) is western


def test_declared_charset_is_used_when_not_utf8() -> None:
    greek = "Καλημέρα"
    assert decode(greek.encode("iso-8859-7"), "x", declared="ISO-8859-7") == (
        greek,
        "decoded as iso8859-7 (declared)",
    )
    assert decode(NAME.encode("utf-8"), "x", declared="iso-8859-7") == (NAME, None)
    assert decode(b"\x93Hi\x94", "x", declared="latin1").text == "“Hi”"  # as browsers read it


def test_text_file_carries_the_note(texts: Path, settings: Settings) -> None:
    [doc] = read_one(texts / "cadiz_cp1252.txt", settings=settings)
    assert doc.text.startswith("José Núñez, portavoz")
    assert "“Es una patrulla rutinaria”" in doc.text
    assert doc.note == "decoded as cp1252"


def test_jsonl_lines_carry_the_note(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "wire.jsonl"
    line = json.dumps({"text": NAME, "outlet": "Diario de Cádiz"}, ensure_ascii=False)
    path.write_bytes(line.encode("cp1252"))
    [doc] = read([path], settings=settings)
    assert isinstance(doc, Document)
    assert (doc.text, doc.outlet, doc.note) == (NAME, "Diario de Cádiz", "decoded as latin-1")


def test_html_without_charset_is_read_as_western(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "cadiz.html"
    path.write_bytes(_page(NAME).encode("cp1252"))
    [doc] = read_one(path, settings=settings)
    assert doc.title == "Fragatas en Cádiz"
    assert NAME in doc.text
    assert doc.note == "decoded as latin-1"


def test_html_declared_charset_is_followed(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "moscow.html"
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
    page = _page(RUSSIAN, head=meta + "<title>Фрегаты</title>")
    path.write_bytes(page.encode("koi8-r"))
    [doc] = read_one(path, settings=settings)
    assert RUSSIAN in doc.text
    assert doc.title == "Фрегаты"
    assert doc.note == "decoded as koi8-r (declared)"


def test_feed_without_declaration_is_read_as_cp1252(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "cadiz.rss"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Diario de Cádiz</title>'
        f"<item><title>Fragatas</title><description>{NAME}</description></item>"
        "</channel></rss>"
    )
    path.write_bytes(feed.encode("cp1252"))
    [doc] = read_one(path, settings=settings)
    assert (doc.text, doc.outlet, doc.note) == (NAME, "Diario de Cádiz", "decoded as cp1252")


def _page(sentence: str, head: str = "<title>Fragatas en Cádiz</title>") -> str:
    body = " ".join([sentence] * 4)
    return (
        f"<html><head>{head}</head>"
        f"<body><article><p>{body}</p><p>{body}</p></article></body></html>"
    )
