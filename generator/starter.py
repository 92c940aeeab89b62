"""`digest init DIR`: a new digest, ready for `make site` and for GitHub Pages."""

from __future__ import annotations

import json
import shutil
import sys
from importlib import metadata
from pathlib import Path

import generator
from generator.errors import DigestError, Problem

SKELETON = Path(__file__).parent / "skeleton"
# skeleton file -> its place in the new digest (a dot file would be hidden from packaging tools)
FILES = {"config.yaml": "config.yaml", "gitignore": ".gitignore", "Makefile": "Makefile",
         "README.md": "README.md", "requirements.txt": "requirements.txt",
         "seeds/README.md": "seeds/README.md", ".github/workflows/pages.yml": ".github/workflows/pages.yml"}
FILLED = ("config.yaml", "Makefile", "README.md", "requirements.txt")


def requirement() -> tuple[str, str]:
    """Return the requirement line naming this generator, and a note on it for requirements.txt."""
    name = "wire-digest"
    try:
        direct = json.loads(metadata.distribution(name).read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        direct = {}
    vcs = direct.get("vcs_info")
    if vcs and direct.get("url"):
        return f"{name} @ {vcs['vcs']}+{direct['url']}@{vcs['commit_id']}", "Installed from its repository."
    return (f"{name}=={generator.__version__}",
            "Point this line at where the generator comes from, e.g. "
            f"{name} @ git+https://github.com/OWNER/wire-digest@v{generator.__version__}")


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
