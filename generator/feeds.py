"""Atom feeds and the sitemap, written in Python: XML with every value escaped."""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

EPOCH = "1970-01-01T00:00:00+00:00"


def atom(context: Mapping[str, Any], absolute: Callable[[str], str], bodies: Mapping[str, str],
         generator_name: str, summaries: dict[str, list[str]] | None = None) -> bytes:
    """Return an Atom 1.0 feed of the stories in CONTEXT, with absolute URLs.

    Entries carry the story's text (from BODIES) unless CONTEXT says full is false: then the
    title, summary and link alone, as a term's feed (a person's, place's ...) does by default.
    SUMMARIES, shared by the caller's feeds, keeps each story's entry without text, made once: a
    story is in the feed of each of its names.
    """
    full = context.get("full", True)
    updated = context["updated"] or EPOCH
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(context['title'])}</title>",
        f"  <id>{escape(absolute(context['url']))}</id>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(absolute(context['url']))}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(absolute(context['page_url']))}/>",
        f"  <updated>{updated}</updated>",
        f"  <generator>{escape(generator_name)}</generator>",
    ]
    for item in context["items"]:
        if full:
            lines += _entry(item, absolute, bodies.get(item["key"], ""))
        elif summaries is None:
            lines += _entry(item, absolute, None)
        else:
            entry = summaries.get(item["key"])
            if entry is None:
                entry = summaries[item["key"]] = _entry(item, absolute, None)
            lines += entry
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _entry(item: Mapping[str, Any], absolute: Callable[[str], str], body: str | None) -> list[str]:
    link = absolute(item["url"])
    author = item["agency"] or "Wire"
    lines = [
        "  <entry>",
        f"    <title>{escape(item['title'])}</title>",
        f"    <id>{escape(link)}</id>",
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(link)}/>",
        f"    <published>{item['datetime']}</published>",
        f"    <updated>{item.get('updated') or item['datetime']}</updated>",
        f"    <author><name>{escape(author)}</name></author>",
        f"    <summary>{escape(item['summary'])}</summary>",
    ]
    if body is not None:
        lines.append(f"    <content type=\"html\">{escape(body)}</content>")
    lines += [f"    <category term={quoteattr(t['name'])}/>" for t in item["tags"]]
    return lines + ["  </entry>"]


def sitemap(pages: Sequence[tuple[str, str | None]], absolute: Callable[[str], str]) -> bytes:
    """Return sitemap.xml listing every page with its last modification date."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, lastmod in pages:
        mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        lines.append(f"  <url><loc>{escape(absolute(url))}</loc>{mod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def escape(data: str) -> str:
    """Return DATA with &, < and > escaped, exactly as xml.sax.saxutils.escape does.

    Written out because importing xml.sax.saxutils imports urllib.request, http and ssl: a
    seventh of the start-up of every build.
    """
    return data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(data: str) -> str:
    """Return DATA as a quoted XML attribute value, exactly as xml.sax.saxutils.quoteattr does.

    Written out because the library loops over a dict of entities for every value.
    """
    data = escape(data)
    if "\n" in data or "\r" in data or "\t" in data:
        data = data.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"' + data.replace('"', "&quot;") + '"'

