"""Tier 1: wire copy is escaped so Markdown shows it literally; the renderer lets no markup in."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from generator.markup import SafeMarkdown, _is_plain, escape_copy, make_converter, plain_html, render
from generator.wire.parse import split_paragraphs
from conftest import require_corpus

UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")


class Page(HTMLParser):
    """Collect the tags, the attributes (entities decoded, as a browser sees them) and the text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.text = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text += data


def plain(text: str) -> str:
    """Render with the safe extension alone (no typographic quotes), to compare text exactly."""
    return markdown.Markdown(extensions=[SafeMarkdown()], output_format="html").convert(text)


WIRE_COPY = [
    "The *minister* said _now_ and **twice** and __twice__.",
    "He wrote <script>alert(1)</script> on the wall.",
    "<b onclick=alert(1)>bold</b> and <img src=x onerror=alert(1)>",
    "Click [here](javascript:alert(1)) or [there](http://example.org/).",
    "An image ![x](data:text/html;base64,PHNjcmlwdD4=) inline.",
    "<!-- a comment --> and <http://example.org/> and <a@b.org>",
    "# Not a heading",
    "## Not a heading either",
    "> Not a quote",
    "- Not a list",
    "+ Not a list",
    "* Not a list",
    "1. Not a list",
    "10) Not a list",
    "2025. The year in review.",
    "=== Not a setext underline",
    "| Not | a | table |",
    "--- and ___ and ***",
    "Code `like this` and ``this``",
    "Backslash \\ and \\* and \\_ stay.",
    "AT&T, &amp; and &#169; and &copy; stay as typed.",
    "2 < 3 > 1 and a<b>c",
    "[1]: http://example.org/ looks like a reference",
    "Footnote[^1] and {: #id} and ~~strike~~",
    "Curly “quotes” and ‘single’ ones, Yadav’s home.",
    "Double  spaces  stay.",
    "Trailing backslash \\",
]


@pytest.mark.parametrize("copy", WIRE_COPY)
def test_escaped_copy_renders_exactly_as_written(copy: str) -> None:
    page = Page(plain(escape_copy(copy)))
    assert page.tags == ["p"]          # one paragraph; no link, emphasis, code, list or raw tag
    assert page.text == copy


@pytest.mark.parametrize("copy", WIRE_COPY)
def test_escaped_copy_through_the_site_converter_has_no_markup(copy: str) -> None:
    page = Page(render(make_converter(), escape_copy(copy)))
    assert page.tags == ["p"]


@pytest.mark.parametrize("copy, escaped", [
    ("The *minister*", "The \\*minister\\*"),
    ("<script>", "&lt;script&gt;"),
    ("# Not", "\\# Not"),
    ("1. Not", "1\\. Not"),
    ("=== x", "=== x"),          # nothing to escape: no backslash shows on the page
    ("| x |", "| x |"),
    ("Plain copy, nothing to do.", "Plain copy, nothing to do."),
])
def test_escape_copy_is_minimal(copy: str, escaped: str) -> None:
    assert escape_copy(copy) == escaped


@pytest.mark.parametrize("markdown_text", [
    "[a](javascript:alert(1))",
    "[a](JaVaScRiPt:alert(1))",
    "[a]( javascript:alert(1))",
    "[a](java\tscript:alert(1))",
    "[a](javascript&colon;alert(1))",      # browsers decode entities in attributes
    "[a](&#106;avascript:alert(1))",
    "[a](&#x6A;avascript:alert(1))",
    "[a](java&#x09;script:alert(1))",
    "[a](vbscript:msgbox(1))",
    "[a](data:text/html;base64,PHNjcmlwdD4=)",
    "![i](javascript:alert(1))",
    "![i](data:image/svg+xml;base64,PHN2Zz4=)",
    "[a][r]\n\n[r]: javascript:alert(1)",
])
def test_unsafe_links_are_dropped(markdown_text: str) -> None:
    html = render(make_converter(), markdown_text)
    page = Page(html)
    assert page.tags and page.tags[-1] in ("a", "img")  # the element stays, harmless
    links = [value.replace("\t", "").lower() for name, value in page.attrs if name in ("href", "src")]
    assert not [link for link in links if link.startswith(UNSAFE_SCHEMES)], html


@pytest.mark.parametrize("markdown_text, href", [
    ("[a](http://example.org/)", "http://example.org/"),
    ("[a](https://example.org/x?y=1&z=2)", "https://example.org/x?y=1&z=2"),
    ("[a](/digest/people/azam-khan/)", "/digest/people/azam-khan/"),
    ("[a](../tags/sp/)", "../tags/sp/"),
    ("[a](#top)", "#top"),
    ("[a](mailto:desk@example.org)", "mailto:desk@example.org"),
    ("<https://example.org/>", "https://example.org/"),
])
def test_safe_links_stay(markdown_text: str, href: str) -> None:
    assert ("href", href) in Page(render(make_converter(), markdown_text)).attrs


@pytest.mark.parametrize("markdown_text", [
    "<script>alert(1)</script>",
    "<div onclick='x'>block html</div>",
    "text <span style='x'>inline</span> html",
    "<iframe src='https://evil.example/'></iframe>",
    "<svg onload=alert(1)>",
    "<style>body{display:none}</style>",
])
def test_raw_html_in_hand_written_markdown_is_shown_not_run(markdown_text: str) -> None:
    page = Page(render(make_converter(), markdown_text))
    assert set(page.tags) <= {"p"}
    assert "<" in page.text  # shown as text


def test_hand_written_markdown_still_works() -> None:
    html = render(make_converter(), "Some *emphasis*, a [link](https://example.org/).\n\n- one\n- two")
    assert Page(html).tags == ["p", "em", "a", "ul", "li", "li"]


def test_converter_is_reusable_between_documents() -> None:
    converter = make_converter()
    first = render(converter, "[a][r]\n\n[r]: https://example.org/")
    second = render(converter, "[a][r]")  # the reference must not leak from the first document
    assert "href" in first and "href" not in second


# ---- the fast path for plain wire copy: byte for byte what Python-Markdown gives, or a refusal ----

FAST_ALPHABET = list("ab Z9 0.)-#>+*=|_`[]<>&;\\!(){}~^\"'“”’—–…\t\u00a0\u2028\x02\x03\r") + [
    "&amp;", "&copy;", "&#169;", "&#x41;", "AT&T", "1.", "10)", "  ", "\n", "\n\n", "---", "===", "***",
    "http://x.org", "<http://a>", "[a](b)", "*a*", "_a_", "``", "    ", "\n    ", "\n- ", "\n# ", "\n> ",
    "\n1. ", "--", "...", "२०२५.", "\u200d"]

HAND_WRITTEN = [
    "", "\n", "Plain.", "\nOne.\n\nTwo.\n", "One\nline after line\n\n\n\nthen far",
    "Straight \"quotes\" and 'single' ones -- and --- dashes... stay.",
    "Curly “quotes” and ‘single’ ones, Yadav’s home — stay.",
    "AT&T and R&D; &amp; &lt;b&gt; &#169; &copy; &foo; &;",
    "\\\\ \\` \\* \\_ \\[ \\] \\# \\- \\+ \\. \\! \\( \\) \\{ \\} \\= \\| \\a",
    "\\\\\\` and \\\\` and `\\\\`",
    "2025\\. The year\n\n10\\) ten\n\n2025. The year\n\n10) ten",
    "A *link*, [here](http://example.org/) and <b>bold</b>.",
    "Edited\n\n- a list\n- of two",
    "# A heading\n\nText", "Text\n===", "Text\n---", "Text\n\n    code", "Line  \nbreak", "Trailing ",
    " Leading", "\u00a0nbsp", "tab\there", "Some _emphasis_ here", "An image ![x](y)",
    "Autolink <http://example.org/> and <a@b.org>", "> quote", "Lazy\n> quote", "Text\n# heading",
    "Text\n* * *", "Text\n1. item", "\x02stx\x03", "cr\r\nlf", "line\u2028sep",
]


def _reference(text: str) -> str:
    return make_converter().convert(text)


def _agrees(text: str) -> bool:
    """Check the fast path on TEXT; return whether it took it."""
    fast = plain_html(text)
    assert fast is None or fast == _reference(text), text
    return fast is not None


def test_fast_path_matches_python_markdown_on_hand_written_bodies() -> None:
    taken = [text for text in HAND_WRITTEN + [escape_copy(c) for c in WIRE_COPY] if _agrees(text)]
    assert "\nOne.\n\nTwo.\n" in taken and escape_copy("AT&T, &amp; and &#169; and &copy; stay as typed.") in taken


@pytest.mark.parametrize("text", [
    "A *link*, [here](http://example.org/).", "Edited\n\n- a list\n- of two", "# A heading", "Text\n===",
    "Line  \nbreak", "    code", "Some _emphasis_", "<b>bold</b>", "`code`", "&copy;", "1. item", "> # quoted heading", "> two\n> lines",
])
def test_fast_path_leaves_markup_to_python_markdown(text: str) -> None:
    assert plain_html(text) is None
    assert render(make_converter(), text) == _reference(text)


def test_fast_path_matches_python_markdown_on_random_bodies() -> None:
    rng = random.Random(20251107)
    converter, taken = make_converter(), 0
    for _ in range(20000):
        pieces = ["".join(rng.choice(FAST_ALPHABET) for _ in range(rng.randint(1, 10)))
                  for _ in range(rng.randint(1, 3))]
        for text in ("".join(pieces), "\n\n".join(escape_copy(p) for p in pieces),
                     "\n" + "\n\n".join(escape_copy(p) for p in split_paragraphs("\n\n".join(pieces))) + "\n"):
            fast = plain_html(text)
            if fast is not None:
                taken += 1
                assert fast == converter.reset().convert(text), repr(text)
    assert taken > 10000  # the fast path was taken often enough for this to mean something


def test_fast_path_takes_the_real_seed() -> None:
    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_27c04b6d610372fb.txt"
    body = "\n" + "\n\n".join(escape_copy(p) for p in split_paragraphs(seed.read_text(encoding="utf-8"))) + "\n"
    assert _agrees(body)
    assert "“Perhaps" in plain_html(body) and "&ldquo;" not in plain_html(body)


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["wire", "india-dev/seeds"])
def test_fast_path_matches_python_markdown_on_the_corpus(name: str) -> None:
    folder = require_corpus(name)
    converter, taken, files = make_converter(), 0, sorted(folder.glob("*.txt"))
    for path in files:
        body = "\n" + "\n\n".join(escape_copy(p) for p in split_paragraphs(path.read_text(
            encoding="utf-8", errors="replace"))) + "\n"
        fast = plain_html(body)
        if fast is not None:
            taken += 1
            assert fast == converter.reset().convert(body), path.name
    assert files and taken * 10 >= len(files) * 9  # nearly all wire copy takes the fast path


def test_wire_copy_keeps_its_quotes_and_dashes() -> None:
    html = render(make_converter(), escape_copy('He said "no" -- and left... It\'s over.'))
    assert html == '<p>He said "no" -- and left... It\'s over.</p>'


# the refusal rule as one alternation: what the fast path's separate searches must agree with
ONE_RULE = re.compile(
    r"[\\`*_\[\]<>\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]"
    r"|^(?:[^\S\n]|[#>+\-=|]|\d+[.)])"
    r"|[^\S\n]$"
    r"|&(?!(?:amp|lt|gt);)(?=[#\w]*;)", re.MULTILINE)
RULE_ALPHABET = list("a 9.)-#>+=|&;\n\t\r\x0b\x1c\x85\u00a0\u2003\u3000\u2028*") + ["&amp;", "&lt;", "&x;", "12."]


def test_fast_path_refuses_exactly_what_one_rule_refuses() -> None:
    rng = random.Random(20251125)
    refused = 0
    for _ in range(50000):
        text = "".join(rng.choice(RULE_ALPHABET) for _ in range(rng.randint(0, 8)))
        expected = ONE_RULE.search(text) is None
        assert _is_plain(text) is expected, repr(text)
        refused += not expected
    assert 5000 < refused < 45000  # both answers came up often


STAR_ALPHABET = list("ab Z9.)-#>+*=&;\n(\u00a0") + ["*a*", "*(IANS)*", "**", "\n\n", "  ", "&amp;", "_", "\\*",
                                                   "\n\n> ", "> ", "\n> ", "\n\n\n> "]


def test_fast_path_matches_python_markdown_on_emphasis_and_quotes() -> None:
    rng = random.Random(20261203)
    converter, taken = make_converter(), 0
    for _ in range(30000):
        text = "".join(rng.choice(STAR_ALPHABET) for _ in range(rng.randint(1, 12)))
        fast = plain_html(text)
        if fast is not None and ("<em>" in fast or "<blockquote>" in fast):
            taken += 1
        assert fast is None or fast == converter.reset().convert(text), repr(text)
    assert taken > 1000  # emphasis took the fast path often enough for this to mean something
    assert plain_html("Moscow, Jan 2 (IANS) The talks resumed. *(IANS)*\n") == \
        "<p>Moscow, Jan 2 (IANS) The talks resumed. <em>(IANS)</em></p>"
    assert plain_html("\nHe spoke.\n\n> “We are ready,” he said.\n\n> “Now.”\n\nThen he left.\n") == (
        "<p>He spoke.</p>\n<blockquote>\n<p>“We are ready,” he said.</p>\n<p>“Now.”</p>\n</blockquote>\n"
        "<p>Then he left.</p>")
