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
    return markdown.Markdown(extensions=[SafeMarkdown(), "smarty"], output_format="html")


def render(converter: markdown.Markdown, text: str) -> str:
    """Render Markdown TEXT to HTML with CONVERTER."""
    return converter.reset().convert(text)
