"""Markdown in and out: escape wire copy into Markdown, render Markdown safely to HTML."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]])")
# '=' and '|' start nothing in a one-line paragraph, and Markdown shows a backslash before them
_BLOCK_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
SAFE_SCHEMES = ("http", "https", "mailto", "")


def escape_copy(paragraph: str) -> str:
    """Escape one paragraph of wire copy so Markdown shows it literally."""
    text = _ENTITY.sub("&amp;", paragraph)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit()
                            else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


class _DropUnsafeLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attr in ("href", "src"):
                value = element.get(attr)
                if value is not None and not _is_safe_url(value):
                    del element.attrib[attr]


def _is_safe_url(url: str) -> bool:
    # browsers decode entities in attributes: 'javascript&colon;' is 'javascript:'
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
    scheme = cleaned.split(":", 1)[0] if ":" in cleaned.split("/", 1)[0] else ""
    return scheme in SAFE_SCHEMES


class SafeMarkdown(Extension):
    """Escape raw HTML and drop javascript:/data: links, so a body cannot inject markup."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)


def make_converter() -> markdown.Markdown:
    """Return the one configured Markdown converter of a build."""
    # no smarty: wire copy shows exactly as the agency wrote it, quotes and dashes included
    return markdown.Markdown(extensions=[SafeMarkdown()], output_format="html")


# Plain escaped wire copy, as escape_copy writes it, is converted here; anything else (a hand edit
# with a link, emphasis, a list...) goes to Python-Markdown. Deliberately narrow. First each
# backslash escape Markdown undoes is stood in for by a letter, left to right as Markdown reads
# them; then the body is refused if what is left holds any character of inline markup or a bare
# backslash, a control character, an entity other than those escape_copy writes, whitespace or
# block syntax at the start of a line (heading, quote, list, rule, setext line, table, code), or
# whitespace at the end of one (a hard line break).
_ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!]")
# The refusals are separate searches, not one alternation: each then scans at C speed (a character
# set, or a literal newline), about five times faster than trying every branch at every character.
_MARKUP_CHAR = re.compile(r"[\\`*_\[\]<>\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_LINE_START = re.compile(r"[^\S\n]|[#>+\-=|]|\d+[.)]")  # matched at 0 and after each newline
_AFTER_NEWLINE = re.compile(r"\n(?:[^\S\n]|[#>+\-=|]|\d+[.)])")
_SPACE_BEFORE_NEWLINE = re.compile(r"\n(?<=[^\S\n]\n)")  # the newline first: found at C speed
_ODD_ENTITY = re.compile(r"&(?!(?:amp|lt|gt);)(?=[#\w]*;)")
_BACKSLASHED = re.compile(r"\\(.)")
_BARE_AMP = re.compile(r"&(?!(?:amp|lt|gt);)")
_BLANK_LINES = re.compile(r"\n\n+")
_BLANK_LINES_KEPT = re.compile(r"(\n\n+)")
# Emphasis with single asterisks around plain text on one line ('*(IANS)*', a hand-set credit): the
# first star opens, the next closes, as Python-Markdown pairs them. The text inside neither starts
# nor ends with a space, so neither star can stand alone; any star left over refuses the body, and
# so do two stars together (strong emphasis, or emphasis run into emphasis).
_EMPHASIS = re.compile(r"\*([^\s*](?:[^*\n]*[^\s*])?)\*")


def plain_html(text: str) -> str | None:
    """Return the HTML of a body of plain escaped paragraphs, or None when it may hold markup.

    A paragraph may be one quoted line ('> text'), and may set words off in single stars. For every
    body it accepts, the result is byte for byte what make_converter() gives.
    """
    quoted: set[int] = set()
    if ">" in text:
        text, quoted = _unquote(text)
    starred = "*" in text
    if starred and ("\\" in text or "**" in text):
        return None  # an escaped star, or strong emphasis: left to Python-Markdown
    if not _is_plain(_EMPHASIS.sub(r"a\1a", text) if starred else _ESCAPE.sub("a", text) if "\\" in text else text):
        return None
    if starred:
        text = _EMPHASIS.sub(r"<em>\1</em>", text)
    if "\\" in text:
        text = _BACKSLASHED.sub(r"\1", text)
    if "&" in text:
        text = _BARE_AMP.sub("&amp;", text)
    text = text.strip("\n")
    return _paragraphs(_BLANK_LINES.split(text), quoted) if text else ""


def _unquote(text: str) -> tuple[str, set[int]]:
    """Take the '> ' off each paragraph that is one quoted line; return the text and those paragraphs' numbers.

    What is left is checked like any paragraph: a quote holding a heading, a list or another quote
    is refused as the same text unquoted would be. A '>' anywhere else is left, to be refused.
    """
    core = text.strip("\n")
    start = text.index(core) if core else 0
    parts = _BLANK_LINES_KEPT.split(core)  # paragraphs at even places, the blank lines between them kept
    quoted = set()
    for i in range(0, len(parts), 2):
        block = parts[i]
        if block[:2] == "> " and block[2:3].strip() and "\n" not in block:
            parts[i] = block[2:]
            quoted.add(i // 2)
    return text[:start] + "".join(parts) + text[start + len(core):], quoted


def _paragraphs(blocks: list[str], quoted: set[int]) -> str:
    """Return BLOCKS as paragraphs; those numbered in QUOTED in a blockquote, one for a run of them."""
    html = []
    for i, block in enumerate(blocks):
        if i in quoted and i - 1 not in quoted:
            html.append("<blockquote>")
        html.append(f"<p>{block}</p>")
        if i in quoted and i + 1 not in quoted:
            html.append("</blockquote>")
    return "\n".join(html)


def _is_plain(text: str) -> bool:
    """Tell whether TEXT, its backslash escapes stood in for, holds none of what plain_html refuses."""
    return not (_MARKUP_CHAR.search(text) or _LINE_START.match(text) or _AFTER_NEWLINE.search(text)
                or _SPACE_BEFORE_NEWLINE.search(text) or (text[-1:] != "\n" and text[-1:].isspace())
                or ("&" in text and _ODD_ENTITY.search(text)))


def render(converter: markdown.Markdown, text: str) -> str:
    """Render Markdown TEXT to HTML with CONVERTER; plain wire copy takes a fast path."""
    fast = plain_html(text)
    return fast if fast is not None else converter.reset().convert(text)
