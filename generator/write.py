"""The only code that writes the outputs: atomic files, a staging folder, an atomic site/ swap."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import quote


def write_atomic(path: Path, data: bytes) -> None:
    """Write DATA to PATH through a temporary file and a rename, so no reader sees half."""
    import tempfile  # here, as ctypes and multiprocessing below: a build with nothing to do never needs them

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), 0o644)  # mkstemp makes 0600; a site is read by others
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_unread(path: Path, data: bytes) -> None:
    """Write DATA to PATH directly: for a file nobody reads until a later rename puts it in place.

    A build's cache parts are saved as FILE.next and renamed when the build commits (commit.py),
    and a build stopped before its journal leaves them to be deleted: write_atomic's temporary
    file, mode change and rename, for each of the 2,000 files of a cold build, bought nothing.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders by one atomic rename (Linux renameat2); False where that is not possible."""
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_cwd, rename_exchange = -100, 2
    return renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) == 0


class Staging:
    """A folder beside site/ that takes a build's new files until all of them are made.

    A whole new site is staged as a tree, put in place of site/ at once. A few changed files are
    staged flat, each under its quoted path, and then each moved into site/ by one rename: no
    folder is made for them but in site/, where most already are.
    """

    def __init__(self, target: Path, whole: bool):
        self.target = target
        self.whole = whole
        self.folder = target.with_name(f".{target.name}.new")
        self.top = str(self.folder)
        self.old = target.with_name(f".{target.name}.old")  # the site a swap replaced, until deleted
        self.made: set[str] = set()  # folders known to exist, to spare a mkdir per file
        self.masked = _umask() & 0o644 != 0  # does the umask take bits off a new file's 0o644?
        self.writer: Writer | None = None

    def hand_over(self) -> None:
        """Let a second process create the files of a whole new site while this one renders.

        Creating a file and its folder took the kernel about as long as rendering the page took
        Python (a cold build of 1,000 stories: 1.2 s of system time beside 1.6 s of user time).
        Without it, the other core has nothing to do unless rendering forks workers.
        """
        import multiprocessing

        if self.whole and self.writer is None and "fork" in multiprocessing.get_all_start_methods():
            self.writer = Writer(self.masked)

    def finish(self) -> None:
        """Wait until every file handed to the writing process is written; raise what it met."""
        if self.writer is not None:
            writer, self.writer = self.writer, None
            writer.close()

    def stop(self) -> None:
        """Stop the writing process, if any, leaving what it wrote (the build failed: reset() deletes it)."""
        if self.writer is not None:
            writer, self.writer = self.writer, None
            writer.stop()

    def reset(self) -> None:
        """Delete the staging folder (and a replaced site), left over from a build that failed."""
        shutil.rmtree(self.folder, ignore_errors=True)
        shutil.rmtree(self.old, ignore_errors=True)

    def tree(self) -> int:
        """Return the staging folder's inode (making the folder): what identifies a staged site.

        Every file is written by then (finish)."""
        self.finish()
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.folder.stat().st_ino

    def staged(self, rel: str) -> Path:
        """Return where REL is staged."""
        if self.whole:
            return self.folder / rel
        flat = quote(rel, safe="")
        return self.folder / (flat if len(flat) < 200 else hashlib.sha1(rel.encode()).hexdigest())

    def write(self, rel: str, data: bytes) -> None:
        """Write DATA as REL in the staging folder (nobody reads it, so no temporary file)."""
        if self.whole:  # a cold build writes every page: paths as strings, no Path made for each
            path = f"{self.top}/{rel}"
            if self.writer is not None:
                self.writer.write(path, data)
                return
        else:
            path = str(self.staged(rel))
        _create(path, data, self.made, self.masked)

    def swap_into_target(self, tree: int) -> None:
        """Put the staged tree (inode TREE) in place of site/; done already if site/ is it.

        One atomic exchange where the system has it, so that site/ is never missing; else two
        renames. May be called again after a kill at any point.
        """
        try:
            if self.target.stat().st_ino == tree:
                return
        except FileNotFoundError:
            pass
        if self.target.exists():
            if not exchange(self.folder, self.target):
                os.replace(self.target, self.old)
                os.replace(self.folder, self.target)
        else:
            os.replace(self.folder, self.target)

    def move_into_target(self, paths: Iterable[str], stale: Iterable[str],
                         checkpoint: Callable[[str], None] = lambda step: None) -> None:
        """Move each staged file into site/ (one rename each), then delete the STALE ones.

        A file no longer staged was moved before a kill: this may be called again.
        """
        made: set[str] = set()
        for rel in paths:
            parent = rel.rpartition("/")[0]
            if parent not in made:
                os.makedirs(self.target / parent, exist_ok=True)
                made.add(parent)
            try:
                os.replace(self.staged(rel), self.target / rel)
            except FileNotFoundError:
                continue
            checkpoint("moving")
        for rel in stale:
            (self.target / rel).unlink(missing_ok=True)
            prune(self.target, (self.target / rel).parent)


_STOPPED = "the process writing the site's files stopped: build again"


class Writer:
    """A forked process that creates the files it is handed, in the order given.

    Files go over a pipe in batches of about a megabyte: the pipe costs a copy of the bytes, far
    less than the system calls that make a file and its folder, which then run on another core.
    """

    BATCH_BYTES = 1 << 20

    def __init__(self, masked: bool):
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_write_files, args=(child, self.connection, masked), daemon=True)
        self.process.start()
        child.close()
        self.batch: list[tuple[str, bytes]] = []
        self.size = 0

    def write(self, path: str, data: bytes) -> None:
        self.batch.append((path, data))
        self.size += len(data)
        if self.size >= self.BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            try:
                self.connection.send(self.batch)
            except OSError:  # a broken pipe: the process died (killed), not the build's output closed
                raise OSError(0, _STOPPED) from None
            self.batch, self.size = [], 0

    def close(self) -> None:
        """Send what is left, wait for every file to be written; raise the first OSError met."""
        try:
            self.flush()
            self.connection.send(None)
            failed = self.connection.recv()
        except (OSError, EOFError):  # the process died (killed): its files cannot be trusted
            failed = (0, _STOPPED, None)
        self.process.join()
        self.connection.close()
        if failed is not None:
            raise OSError(*failed)

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()


def _write_files(connection, other_end, masked: bool) -> None:
    """The writing process: create each file sent, until None; answer None or the first error."""
    other_end.close()  # the parent's end: when the parent dies, recv() then ends
    made: set[str] = set()
    failed = None
    try:
        while (batch := connection.recv()) is not None:
            for path, data in batch if failed is None else ():
                try:
                    _create(path, data, made, masked)
                except OSError as exc:
                    failed = (exc.errno, exc.strerror, exc.filename)
                    break
    except EOFError:
        return
    connection.send(failed)


def _create(path: str, data: bytes, made: set[str], masked: bool) -> None:
    """Write DATA to a new file at PATH, making its folder unless MADE holds it; chmod when MASKED."""
    parent = path.rpartition("/")[0]
    if parent not in made:
        _make_folder(parent)
        made.add(parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        _write_all(fd, data)
        if masked:  # as write_atomic: readable by the web server whatever the umask
            os.fchmod(fd, 0o644)
    finally:
        os.close(fd)


def _make_folder(path: str) -> None:
    # one mkdir for the usual new page folder in a known one; makedirs would stat its parent first
    try:
        os.mkdir(path)
    except FileNotFoundError:
        os.makedirs(path, exist_ok=True)
    except FileExistsError:
        if not os.path.isdir(path):
            raise


def _umask() -> int:
    # read, not set and restored: os.umask() would change it for the whole process meanwhile
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o777  # unknown: take it as masking, so every file gets its chmod


def _write_all(fd: int, data: bytes) -> None:
    # os.write may write less than asked; a short write must not cut a page
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def prune(top: Path, folder: Path) -> None:
    """Remove FOLDER and its parents up to TOP while they are empty."""
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
