"""Every reader on arbitrary bytes: documents and IngestErrors out, or an IngestError raised.

Each reader gets raw bytes and bytes shaped like its format (random text in a template), so
the parsers get past their first check. Short runs keep the suite fast.
"""

from collections.abc import Callable, Sequence
from functools import partial

from hypothesis import example, given, settings
from hypothesis import strategies as st

from crisisdesk.errors import IngestError
from crisisdesk.ingest import sniff
from crisisdesk.ingest.csv_rows import read_csv
from crisisdesk.ingest.feeds import read_feed
from crisisdesk.ingest.html import read_html
from crisisdesk.ingest.text import read_jsonl, read_text
from crisisdesk.records import Document

Reader = Callable[[bytes], Sequence[Document | IngestError]]
SHORT = settings(max_examples=150, deadline=None, database=None)

TEMPLATES = {
    "text": "{}",
    "jsonl": '{{"text": "{}", "published": "{}"}}\n{}',
    "csv": 'text,title,published\n"{}",{},{}\n',
    "html": "<html><head><title>{}</title></head><body><article><p>{}</p>{}</article></body>",
    "feed": (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>{}</title>'
        "<item><description>{}</description><pubDate>{}</pubDate></item></channel></rss>"
    ),
}


def shaped(kind: str) -> st.SearchStrategy[bytes]:
    """Raw bytes, or the format's template filled with random text in a random encoding."""
    filled = st.tuples(st.text(), st.text(), st.text()).map(
        lambda parts: TEMPLATES[kind].format(*parts)
    )
    encodings = st.sampled_from(["utf-8", "cp1252", "utf-16", "koi8-r"])
    encoded = st.tuples(filled, encodings).map(lambda te: te[0].encode(te[1], "replace"))
    return st.one_of(st.binary(max_size=3000), encoded)


def check(reader: Reader, data: bytes) -> None:
    """The reader's items, or the IngestError it raised, are documents or one-line errors."""
    try:
        items = list(reader(data))
    except IngestError as err:
        items = [err]
    for item in items:
        assert isinstance(item, Document | IngestError)
        assert isinstance(item, Document) or "\n" not in str(item)


@SHORT
@given(shaped("text"))
def test_read_text(data: bytes) -> None:
    check(partial(read_text, origin="x.txt"), data)


@SHORT
@given(shaped("jsonl"))
def test_read_jsonl(data: bytes) -> None:
    check(partial(read_jsonl, origin="x.jsonl"), data)


@SHORT
@given(shaped("csv"))
def test_read_csv(data: bytes) -> None:
    check(partial(read_csv, origin="x.csv", max_chars=1000), data)


@SHORT
@given(shaped("html"))
@example(b"<svg><html><body>" + b"x" * 100)  # lxml's drop_tree asserts a parent
def test_read_html(data: bytes) -> None:
    check(partial(read_html, origin="x.html"), data)


@SHORT
@given(shaped("feed"))
def test_read_feed(data: bytes) -> None:
    check(partial(read_feed, origin="x.rss"), data)


@SHORT
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a", "a.csv", "a.xml", "a.pdf"]))
def test_sniff(data: bytes, name: str) -> None:
    assert sniff(data, name) in (None, "text", "jsonl", "csv", "html", "feed")
