"""Bytes → text: UTF-8 first, then Western single-byte encodings, then a guess.

Order, and why:
1. A byte-order mark names the encoding (UTF-8, UTF-16).
2. UTF-8: bytes of any other encoding are almost never valid UTF-8 by chance.
3. An encoding the source declares (an HTML page's meta charset), when it decodes.
4. Western single-byte (cp1252, the superset of Latin-1 that old wire archives and Windows
   tools write), accepted only when the result `looks_western`.
5. charset_normalizer's guess (Cyrillic, Greek, CJK, ...): it is wrong too often on short
   Western texts ("José Núñez" as cp1250) to come first.
Whenever the text was not UTF-8 (or ASCII), `Decoded.note` says how it was read, so the ingest
report can show it; nothing is decoded with replacement characters.
"""

import codecs
import re
from typing import NamedTuple

from charset_normalizer import from_bytes

from crisisdesk.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_UNICODE = frozenset({"utf-8", "ascii"})
_BROWSER_READS = {"iso8859-1": "cp1252", "ascii": "cp1252"}
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")
# a word holding at least one non-ASCII letter (letters: \w without digits and "_")
_ACCENTED_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")
_ASCII_LETTERS = re.compile("[A-Za-z]")
# a symbol or digit-like sign between two letters: "b¹d" is cp1250 "bąd" read as cp1252
_STRAY_SIGN = re.compile(r"(?<=[^\W\d_])[¢£¤¥¦§¨©¬®¯°±²³´¶¸¹¼½¾×÷€†‡‰™](?=[^\W\d_])")


class Decoded(NamedTuple):
    """Decoded text and, when it was not UTF-8, how it was read ("decoded as cp1252")."""

    text: str
    note: str | None


def decode(data: bytes, origin: str, *, declared: str | None = None) -> Decoded:
    """`data` as text, trying the steps of the module docstring in order; raises IngestError.

    `declared` is the encoding the source names for itself, if any.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], encoding, origin), _note(encoding))
    try:
        return Decoded(data.decode("utf-8"), None)
    except UnicodeDecodeError:
        pass
    return _from_declared(data, declared) or western(data) or _guess(data, origin)


def western(data: bytes) -> Decoded | None:
    """`data` as cp1252 (Latin-1 when it has no byte 0x80-0x9F, where the two agree), or None.

    None when cp1252 cannot decode it or the result does not `look_western`.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    encoding = "cp1252" if _C1_BYTES.search(data) else "latin-1"
    return Decoded(text, _note(encoding)) if looks_western(text) else None


def looks_western(text: str) -> bool:
    """Whether `text` reads like Western European prose rather than another encoding's bytes.

    Three checks: no C1 control characters (U+0080-U+009F); in the words holding a non-ASCII
    letter, ASCII letters are at least half ("Núñez": 3 of 5, Cyrillic or Greek read as cp1252:
    none); and no sign such as "¹" or "±" sits between two letters (Polish "bąd" in cp1250
    read as cp1252 gives "b¹d"). Its limit: Czech or Turkish single-byte text whose letters
    all map to Latin-1 letters passes too, misread; the note then says "cp1252"/"latin-1".
    """
    if _C1_CONTROLS.search(text) or _STRAY_SIGN.search(text):
        return False
    words = "".join(_ACCENTED_WORD.findall(text))
    return 2 * len(_ASCII_LETTERS.findall(words)) >= len(words)


def _from_declared(data: bytes, declared: str | None) -> Decoded | None:
    """`data` in the declared encoding, read the way browsers do; None if it does not decode.

    As in the HTML standard, Latin-1 and ASCII labels mean cp1252, and a UTF-16/32 label
    is ignored (the declaration itself was readable as ASCII, so it is wrong).
    """
    try:
        encoding = codecs.lookup(declared or "").name
        encoding = _BROWSER_READS.get(encoding, encoding)
        text = None if encoding.startswith("utf-") else data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    return None if text is None else Decoded(text, _note(encoding, "declared"))


def _guess(data: bytes, origin: str) -> Decoded:
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError(origin, "cannot decode: not UTF-8 and no other encoding fits")
    return Decoded(str(best), f"decoded as guessed encoding {best.encoding}")


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise IngestError(origin, f"cannot decode as {encoding}: {err.reason}") from err


def _note(encoding: str, how: str | None = None) -> str | None:
    if encoding in _UNICODE:
        return None
    return f"decoded as {encoding}" + (f" ({how})" if how else "")
