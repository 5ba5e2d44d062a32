"""Bytes of a page or a text file as text, the way a browser reads them: a byte-order mark
first, then the charset the server declared, then the one the page declares in its first
bytes (`<meta charset>`), then UTF-8 if the bytes are UTF-8, else a guess
(charset-normalizer, which trafilatura brings).

Labels are read as browsers read them (the WHATWG Encoding Standard): "iso-8859-1" and
"ascii" mean windows-1252, "gb2312" and "gbk" mean GB18030, "shift_jis" means Microsoft's
cp932, "euc-kr" means cp949; Python's own codecs for those names are narrower, and a page
labelled so is written in the wider one."""

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_AS_BROWSERS_READ = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "windows-1252": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "ms_kanji": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
}
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE
)
PRESCAN_BYTES = 4096


def codec_for(label: str) -> str:
    """The Python codec for a charset label, or "" when the label names none."""
    label = label.strip().strip("\"'").lower()
    if not label:
        return ""
    label = _AS_BROWSERS_READ.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return ""
    # A page that says UTF-16 in a <meta> cannot be, since the tag was read as ASCII.
    return name


def declared_in_page(content: bytes) -> str:
    match = _META_CHARSET.search(content[:PRESCAN_BYTES])
    return codec_for(match.group(1).decode("ascii")) if match else ""


def decode(content: bytes, declared: str = "", *, html: bool = True) -> tuple[str, str]:
    """The text and the codec it was read with."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(name, errors="replace"), name
    for name in (codec_for(declared), declared_in_page(content) if html else ""):
        if name and not name.startswith("utf-16"):
            return content.decode(name, errors="replace"), name
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(content[: 2**20]).best()
    name = codec_for(best.encoding) if best is not None else ""
    return content.decode(name or "cp1252", errors="replace"), name or "cp1252"
