"""The digest command's grammar: subcommands, their help, and a did-you-mean for a mistyped one."""

from __future__ import annotations

import argparse
import difflib
import re
from pathlib import Path
from typing import NoReturn

import generator

NO_WAIT = "exit (with 2) instead of waiting while another build or ingest runs"
DESCRIPTIONS = {
    "init": "Make a new digest in DIR: config.yaml with comments, seeds/, content/, a Makefile, "
            "a .gitignore, a README and the GitHub Pages workflow.",
    "ingest": "Turn wire copy in seeds/ (or the PATHs named) into stories in content/articles/. "
              "A story edited by hand is kept; an unpublished one stays unpublished.",
    "build": "Build site/ from content/, config.yaml and the theme, redoing only what changed.",
    "serve": "Build, serve the site on this machine with live reload, and rebuild on every save.",
    "check": "Check everything a build reads (config, front matter, templates, duplicate URLs) and "
             "the links of site/ when it was built, without writing site/; exit 1 on any error.",
    "rm": "Unpublish stories: delete their files and record their seeds in content/unpublished.txt, "
          "so that ingest never brings them back.",
    "eval": "Score the people, places and organisations ingest finds against hand-labelled gold files, "
            "per type and per set.",
}


class Parser(argparse.ArgumentParser):
    """An argument parser that suggests the subcommand a typo was meant to be."""

    def error(self, message: str) -> NoReturn:
        """Print usage and the error, with a did-you-mean for an unknown subcommand; exit 2."""
        match = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if match:
            choices = re.findall(r"'([^']*)'", match.group(2))
            near = difflib.get_close_matches(match.group(1), choices, n=1, cutoff=0.5)
            message = f"unknown command {match.group(1)!r}" + (
                f"; did you mean {near[0]!r}?" if near else f"; commands: {', '.join(choices)}")
        super().error(message)


QUIET = "print only warnings and errors: no progress bars, notes or summaries"


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of the digest command."""
    top = Parser(prog="digest", description="Build a news digest from wire copy: ingest seeds into "
                 "content/, build a static site into site/, preview it, publish it with GitHub Pages.")
    top.add_argument("--version", action="version", version=f"digest {generator.__version__}")
    top.add_argument("-C", dest="root", metavar="ROOT", type=Path, default=Path("."),
                     help="act on the project in ROOT (the folder of its config.yaml; default: here)")
    top.add_argument("-q", "--quiet", action="store_true", help=QUIET)
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        made = sub.add_parser(name, help=help, description=DESCRIPTIONS[name])
        # after the command too ('digest ingest -q'); unset there, it leaves the one before it alone
        made.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=QUIET)
        return made

    new = command("init", "make a new digest in DIR")
    new.add_argument("dir", metavar="DIR", type=Path, help="the folder to make (new or empty)")
    ing = command("ingest", "turn seeds into content/ stories")
    ing.add_argument("paths", metavar="PATH", nargs="*", type=Path, help="seed files or folders (default: seeds/)")
    ing.add_argument("--no-wait", action="store_true", help=NO_WAIT)
    ing.add_argument("--force", action="store_true",
                     help="re-ingest stories edited by hand (their text is saved as .bak first) and "
                          "bring back unpublished stories whose seeds are named")
    bld = command("build", "build site/ from content/")
    bld.add_argument("--base-url", help="override base_url of config.yaml")
    bld.add_argument("--clean", action="store_true", help="ignore the build cache")
    bld.add_argument("--no-wait", action="store_true", help=NO_WAIT)
    srv = command("serve", "build, serve with live reload, rebuild on save")
    srv.add_argument("--base-url", help="override base_url of config.yaml")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    srv.add_argument("--open", action="store_true", help="open the site in a browser")
    srv.add_argument("--drafts", action="store_true", help="show stories marked draft: true (never published)")
    chk = command("check", "check config, stories, templates and site/ links; write nothing")
    chk.add_argument("--base-url", help="the base_url site/ was built with, when it was not config.yaml's")
    rmv = command("rm", "unpublish stories so that ingest never brings them back")
    rmv.add_argument("paths", metavar="PATH", nargs="+", type=Path, help="story files under content/")
    rmv.add_argument("--no-wait", action="store_true", help=NO_WAIT)
    evl = command("eval", "score people/places/organisations against gold files")
    evl.add_argument("gold", type=Path, nargs="+", help="gold.jsonl files, each beside a seeds/ folder")
    return top
