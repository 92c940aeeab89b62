"""Fixture digests for the end-to-end tests, built and served under /digest/ as GitHub Pages serves a project site."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from conftest import png, write_config, write_story
from generator.build import build
from generator.config import load_config

PREFIX = "/digest/"
EXTERNAL_LINK = "https://www.example.org/reports/flood-relief"  # the one declared link out, in a body

MINISTERS = tuple(f"{first} {last}" for first, last in zip(
    "Anil Bina Chetan Deepa Farhan Gita Harish Indira Jatin Kavita Lalit Meera Naveen Omkar Pooja "
    "Rakesh Sunita Tarun Usha Vikram Yamini Zubin Arjun Bhavna Chitra Dinesh Esha Kiran Manoj Nisha "
    "Pankaj Ritu".split(),
    "Agarwal Bhatt Chauhan Das Faruqui Gupta Hegde Iyer Joshi Kapoor Lal Menon Nair Oberoi Patil Rao "
    "Sharma Thakur Upadhyay Verma Yadav Zaidi Ahuja Bose Chopra Dubey Desai Kulkarni Mishra Naidu "
    "Pandey Saxena".split()))

# Four days of stories sharing people, places and tags; paginate 2 makes every list paginate.
STORIES: tuple[dict, ...] = (
    dict(slug="azam-khan-meets-akhilesh-yadav", date="2025-11-07T10:15:00+05:30",
         title="Azam Khan meets Akhilesh Yadav in Lucknow after release from jail",
         summary="The senior SP leader's first visit to the state capital since his release.",
         people=["Azam Khan", "Akhilesh Yadav"], places=["Lucknow", "Rampur"],
         organisations=["Samajwadi Party"], tags=["Politics", "Samajwadi Party"],
         body="Senior Samajwadi Party leader Azam Khan met party President Akhilesh Yadav in "
              "Lucknow on Friday.\n\nTheir 45-minute meeting is being seen as politically "
              "significant.\n\n\"The only purpose of my visit was to show that there are still "
              "people alive on this earth,\" he said."),
    dict(slug="bihar-campaign-enters-final-week", date="2025-11-07T14:40:00+05:30",
         title="Bihar campaign enters its final week", dateline="Patna",
         summary="Parties crowd the last rallies before the second phase of polling.",
         people=["Akhilesh Yadav", "Tejashwi Yadav", "Nitish Kumar"], places=["Patna", "Bihar"],
         tags=["Politics", "Bihar elections"],
         body="Campaigning for the Bihar Assembly elections entered its final week on Friday.\n\n"
              "Tejashwi Yadav addressed four rallies, and Nitish Kumar two."),
    dict(slug="flood-relief-reaches-rampur", date="2025-11-07T18:05:00+05:30",
         updated="2025-11-07T21:30:00+05:30", image="rampur-boats.png",
         image_alt="Relief boats moored at a flooded village near Rampur",
         title="Flood relief reaches villages near Rampur", dateline="Rampur", agency="PTI",
         summary="Boats and food packets reach 40 villages cut off by the Kosi.",
         people=["Azam Khan"], places=["Rampur"], tags=["Floods"],
         body=f"Relief teams reached 40 villages on Friday, [the district report]({EXTERNAL_LINK}) "
              "says.\n\nAzam Khan asked for more boats."),
    dict(slug="mayawati-announces-candidates", date="2025-11-08T09:00:00+05:30",
         title="Mayawati announces candidates for by-elections",
         summary="The BSP names its candidates for three Assembly seats.",
         people=["Mayawati", "Akhilesh Yadav"], places=["Lucknow"],
         organisations=["Bahujan Samaj Party"], tags=["Politics", "By-elections"],
         body="BSP chief Mayawati on Saturday announced candidates for three seats.\n\n"
              "She criticised Akhilesh Yadav over law and order."),
    dict(slug="patna-metro-trial-run", date="2025-11-08T12:30:00+05:30",
         title="Patna metro completes its first trial run", dateline="Patna",
         summary="The first 6.5 km of the priority corridor is tested.",
         people=["Nitish Kumar"], places=["Patna", "Bihar"], tags=["Transport"],
         body="The Patna metro completed a trial run on Saturday.\n\nNitish Kumar watched from "
              "the control room."),
    dict(slug="yogi-adityanath-reviews-law-and-order", date="2025-11-09T11:20:00+05:30",
         title="Yogi Adityanath reviews law and order ahead of the by-elections",
         summary="The Chief Minister asks district officers to stop illegal liquor sales.",
         people=["Yogi Adityanath", "Mayawati"], places=["Lucknow", "Rampur"],
         tags=["Politics", "By-elections"],
         body="Chief Minister Yogi Adityanath reviewed law and order on Sunday.\n\n"
              "- Patrols on the highways\n- No liquor sales near booths\n\n"
              "Mayawati called the review a show."),
    dict(slug="tejashwi-yadav-promises-jobs", date="2025-11-09T16:45:00+05:30",
         title="Tejashwi Yadav promises ten lakh jobs at his last Patna rally", dateline="Patna",
         summary="The RJD leader repeats his main promise on the last day of campaigning.",
         people=["Tejashwi Yadav", "Nitish Kumar", "Akhilesh Yadav"], places=["Patna", "Bihar"],
         tags=["Politics", "Bihar elections"],
         body="Tejashwi Yadav promised ten lakh government jobs.\n\nAkhilesh Yadav shared the stage."),
    # more people than the index shows without a letter bar, so the A-Z index is built and checked
    dict(slug="new-council-of-ministers-sworn-in", date="2025-11-06T11:00:00+05:30",
         title="A new council of ministers is sworn in", summary="Thirty-two ministers take the oath.",
         people=list(MINISTERS), places=["Lucknow"], tags=["Politics"],
         body="Thirty-two ministers took the oath at Raj Bhavan on Thursday."),
)


@dataclass(frozen=True, slots=True)
class Served:
    """A built fixture site and the URL it is served at."""

    root: Path
    site: Path
    base_url: str


class SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serve site/ at PREFIX only, as GitHub Pages serves a project site; 404 elsewhere."""

    def translate_path(self, path: str) -> str:
        """Map /digest/x to site/x; anything outside /digest/ to a path that does not exist."""
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / ".outside-the-site")
        return super().translate_path("/" + path[len(PREFIX):])

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        """Keep test output quiet."""


def write_fixture(root: Path, base_url: str, stories=STORIES, **settings) -> None:
    """Write config.yaml and the fixture stories into ROOT."""
    write_config(root, **{"base_url": base_url, "paginate": 2, "related": 3, "search": True, "logo": "images/logo.png",
                          **settings})
    (root / "images").mkdir(exist_ok=True)
    (root / "images" / "logo.png").write_bytes(png(240, 60, (180, 30, 30)))
    for story in stories:
        path = write_story(root, **story)
        if story.get("image") and "://" not in story["image"]:
            (path.parent / story["image"]).write_bytes(png())


def build_site(root: Path) -> Path:
    """Build ROOT's site/ in-process and return it."""
    build(load_config(root), clean=True)
    return root / "site"


class QuietServer(http.server.ThreadingHTTPServer):
    """A threaded server that does not print a browser hanging up early."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """Ignore what a closed connection raises; report anything else as usual."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(root: Path) -> Iterator[str]:
    """Serve ROOT/site at http://127.0.0.1:PORT/digest/ from a thread; yield that base URL."""
    handler = functools.partial(SubpathHandler, directory=str(root / "site"))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def served_fixture(root: Path, stories=STORIES, **settings) -> Iterator[Served]:
    """Write, build and serve the fixture digest in ROOT; its base_url carries the server's port."""
    with serving(root) as base_url:
        write_fixture(root, base_url, stories, **settings)
        yield Served(root, build_site(root), base_url)


# Hostile copy: each payload must come out as inert text, never as markup, script or link.
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
HOSTILE_TITLE = f"Breaking {SCRIPT} news {IMG} </script><script>alert(2)</script>"
HOSTILE_BODY = "\n\n".join([
    f"Copy with {SCRIPT} and {IMG} inside.",
    f"[a link]({JS_URL}) [mixed case](JaVaScRiPt:alert(3)) [entity](javascript&colon;alert(4)) "
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==) [spaced]( java\tscript:alert(5))",
    '<a href="javascript:alert(6)">raw anchor</a> <img src=x onerror=alert(7)> <svg onload=alert(8)>',
    "![picture](javascript:alert(9))",
    '<div onmouseover="alert(10)">hover</div>',
])
HOSTILE_STORIES: tuple[dict, ...] = (
    dict(slug="hostile-story", date="2025-11-07T10:00:00+05:30", title=HOSTILE_TITLE,
         summary=f"Summary {IMG} {SCRIPT}", dateline=IMG, agency=SCRIPT,
         people=[f"Ram {IMG}", f"Shyam {SCRIPT}"], places=[JS_URL], organisations=[IMG],
         tags=[JS_URL, SCRIPT], body=HOSTILE_BODY),
    dict(slug="quiet-story", date="2025-11-07T12:00:00+05:30", title="A quiet story",
         people=[f"Ram {IMG}"], places=[JS_URL], tags=[SCRIPT], body="Nothing happened."),
)


def parse_html(data: bytes, where: str):
    """Parse DATA as HTML5 in html5lib's strict mode: any parse error fails, naming WHERE."""
    import html5lib

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        return parser.parse(data)
    except html5lib.html5parser.ParseError as exc:
        raise AssertionError(f"{where}: not valid HTML5: {exc}") from None


def html_files(site: Path) -> list[Path]:
    """Return every HTML file of a built site, in a stable order."""
    return sorted(site.rglob("*.html"))


def url_of(site: Path, path: Path, base_url: str) -> str:
    """Return the URL at which site/PATH is served."""
    rel = path.relative_to(site).as_posix()
    return base_url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
