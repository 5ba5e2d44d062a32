"""The words of a template a user reads, found without rendering it.

A template is cut into Django's tokens; each tag and variable becomes one placeholder
character, and what is left is read as HTML: the text between tags, and the attributes a
user reads or hears (title, placeholder, aria-label, alt, a button's value, data-label).
A piece with a letter in it must come from {% translate %} or {% blocktranslate %}, whose
words are not in what is left: a translate tag is a placeholder, a blocktranslate's body
is skipped, as are {% comment %}, <script> and <style>.
"""

import html
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.base import DebugLexer, TokenType

TAG = "\x01"  # a {% tag %} or {# comment #}: it cuts a text in two
VAR = "\x02"  # a {{ variable }}: part of the text around it
# Read or heard by a user when they are on an element; data-text-* are the words a script
# shows (static/js reads them from the page, which has them in its language).
SPOKEN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "data-label", "hx-confirm"}
# Words that are the same in every language: the product's name.
NOT_TRANSLATED = {"Claimtrail"}
SKIPPED_BLOCKS = {
    "comment": "endcomment",
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "verbatim": "endverbatim",
}
# Words handed to an include or a {% with %} to be shown: label="…" must be label=_("…").
SHOWN_ARGUMENTS = re.compile(r"""\b(label|help|what|title)=(?:"([^"]*)"|'([^']*)')""")
LETTER = re.compile(r"[^\W\d_]")
ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


@dataclass
class Piece:
    """Words found unmarked: where they start and end in the source."""

    start: int
    end: int
    text: str
    attribute: str | None = None


def skeleton(source: str) -> tuple[str, list[tuple[int, int]]]:
    """The template with each tag and variable one character; and, for each character of
    it, where it starts and ends in the source."""
    out, where = [], []
    skipping = None
    for token in DebugLexer(source).tokenize():
        start, end = token.position
        if skipping:
            if token.token_type == TokenType.BLOCK and token.contents.split()[0] == skipping:
                skipping = None
                out.append(TAG)
                where.append((start, end))
            continue
        if token.token_type == TokenType.TEXT:
            out.append(source[start:end])
            where.extend((i, i + 1) for i in range(start, end))
            continue
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            skipping = SKIPPED_BLOCKS.get(name)
        out.append(VAR if token.token_type == TokenType.VAR else TAG)
        where.append((start, end))
    return "".join(out), where


def has_words(text: str) -> bool:
    words = html.unescape(text.replace(VAR, " ")).strip()
    return bool(LETTER.search(words)) and words not in NOT_TRANSLATED


def unmarked_arguments(source: str) -> list[Piece]:
    pieces = []
    for token in DebugLexer(source).tokenize():
        if token.token_type != TokenType.BLOCK or token.contents.split()[0] not in (
            "include",
            "with",
        ):
            continue
        start = token.position[0]
        for match in SHOWN_ARGUMENTS.finditer(source, start, token.position[1]):
            words = match.group(2) if match.group(2) is not None else match.group(3)
            if has_words(words):
                pieces.append(Piece(match.start(), match.end(), words, match.group(1)))
    return pieces


def unmarked(source: str) -> list[Piece]:
    text, where = skeleton(source)
    pieces: list[Piece] = unmarked_arguments(source)

    def found(start: int, end: int, attribute: str | None = None) -> None:
        # Cut at tags ({% if %} and the like): each run between them is one piece.
        for part in re.finditer(rf"[^{TAG}]+", text[start:end]):
            piece = part.group()
            if not has_words(piece):
                continue
            lead = len(piece) - len(piece.lstrip())
            first = start + part.start() + lead
            last = start + part.start() + len(piece.rstrip())
            pieces.append(Piece(where[first][0], where[last - 1][1], piece.strip(), attribute))

    i, n = 0, len(text)
    data_start = 0
    while i < n:
        if text[i] == "<" and i + 1 < n and (text[i + 1].isalpha() or text[i + 1] in "/!"):
            found(data_start, i)
            if text.startswith("<!--", i):
                i = text.find("-->", i)
                i = n if i < 0 else i + 3
                data_start = i
                continue
            close = i + 1
            quote = None
            while close < n and (quote or text[close] != ">"):
                if quote and text[close] == quote:
                    quote = None
                elif not quote and text[close] in "\"'":
                    quote = text[close]
                close += 1
            inside = text[i + 1 : close]
            name = re.match(r"/?[\w-]*", inside).group().lower()
            for attr in ATTRIBUTE.finditer(inside, len(name)):
                key = attr.group(1).lower()
                value_group = next((g for g in (2, 3, 4) if attr.group(g) is not None), None)
                spoken = key in SPOKEN_ATTRIBUTES or key.startswith("data-text-")
                if spoken and value_group:
                    offset = i + 1 + attr.start(value_group)
                    found(offset, offset + len(attr.group(value_group)), key)
            i = close + 1
            if name in ("script", "style"):
                end = text.lower().find(f"</{name}", i)
                i = n if end < 0 else end
            data_start = i
            continue
        i += 1
    found(data_start, n)
    return pieces


def template_files() -> list[Path]:
    """Every template of ours: the project's folder and each app's templates/."""
    roots = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
    roots += [
        Path(settings.BASE_DIR) / app / "templates"
        for app in ("records", "sources", "claims", "exchange", "assistant")
    ]
    return sorted(
        path
        for root in roots
        if root.exists()
        for path in root.rglob("*")
        if path.suffix in {".html", ".txt", ".svg", ".xml"}
    )
