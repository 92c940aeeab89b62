"""`digest init DIR`: a new digest, ready for `make site` and for GitHub Pages."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import generator
from generator.errors import DigestError, Problem

SKELETON = Path(__file__).parent / "skeleton"
# skeleton file -> its place in the new digest (a dot file would be hidden from packaging tools)
FILES = {"config.yaml": "config.yaml", "gitignore": ".gitignore", "Makefile": "Makefile",
         "README.md": "README.md", "requirements.txt": "requirements.txt",
         "seeds/README.md": "seeds/README.md", ".github/workflows/pages.yml": ".github/workflows/pages.yml"}
FILLED = ("config.yaml", "Makefile", "README.md", "requirements.txt")


def requirement() -> tuple[str, str]:
    """Return the requirement line naming this generator, and a note on it for requirements.txt.

    Only what GitHub can reach is named: the repository and commit it was installed from, or those
    of the git checkout it runs from when that has a remote. Otherwise the line is left for the
    editor to write (commented out), and the Pages workflow stops with a message until it is.
    """
    name = "wire-digest"
    direct = direct_url()
    vcs = direct.get("vcs_info")
    if vcs and direct.get("url"):
        return f"{name} @ {vcs['vcs']}+{direct['url']}@{vcs['commit_id']}", "Installed from its repository."
    url = str(direct.get("url") or "")
    found = checkout(Path(url2pathname(urlparse(url).path))) if url.startswith("file://") else None
    if found is not None:
        remote, commit = found
        return (f"{name} @ git+{remote}@{commit}",
                f"The commit of the generator that made this digest: push it to {remote} first.")
    return (f"# {name} @ git+https://github.com/OWNER/wire-digest@COMMIT",
            "Write the line that installs the generator (a git URL, or a wheel committed beside "
            "this file) and remove the '#': the Pages workflow stops until you do. This one was "
            "installed from a folder GitHub cannot reach.")


def direct_url() -> dict:
    """Return where pip installed this generator from (its direct_url.json), or {} from an index."""
    try:
        found = json.loads(metadata.distribution("wire-digest").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def checkout(folder: Path) -> tuple[str, str] | None:
    """Return the https URL of FOLDER's git remote 'origin' and its HEAD commit, or None."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=30)
        return done.stdout.strip() if done.returncode == 0 else ""

    try:
        remote, commit = git("remote", "get-url", "origin"), git("rev-parse", "HEAD")
    except (OSError, subprocess.SubprocessError):
        return None
    scp = re.fullmatch(r"[\w.-]+@([\w.-]+):(.+)", remote)  # git@github.com:owner/repo.git
    remote = f"https://{scp.group(1)}/{scp.group(2)}" if scp else remote
    if not remote.startswith(("https://", "http://")) or not re.fullmatch(r"[0-9a-f]{40}", commit):
        return None
    return remote, commit


def names_generator(requirements: str) -> bool:
    """Tell whether the text of a requirements.txt has a line that is not a comment."""
    return any(line.strip() and not line.lstrip().startswith("#") for line in requirements.splitlines())


def digest_command() -> str:
    """Return the path of the digest command running now, for the Makefile's fallback."""
    found = shutil.which("digest", path=str(Path(sys.executable).parent))
    return found or "digest"


def fill(text: str, values: dict[str, str]) -> str:
    """Put VALUES in the {name} slots of a skeleton file."""
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def make_digest(folder: Path) -> list[str]:
    """Write a new digest into FOLDER (new or empty); return the paths made, relative to it."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise DigestError(Problem(str(folder), "exists and is not an empty folder: name a new one"))
    spec, note = requirement()
    title = folder.resolve().name.replace("-", " ").replace("_", " ").title() or "News Digest"
    values = {"title": title, "title_yaml": json.dumps(title), "digest": digest_command(),
              "requirement": spec, "note": note}
    for source, target in FILES.items():
        text = (SKELETON / source).read_text(encoding="utf-8")
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(fill(text, values) if source in FILLED else text, encoding="utf-8")
    (folder / "content" / "articles").mkdir(parents=True)
    return sorted({target.split("/")[0] + ("/" if "/" in target else "") for target in FILES.values()} | {"content/"})
