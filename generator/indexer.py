"""The Pagefind binary, run as a service: index records in memory, return the bundle's files.

Pagefind's own Python wrapper polls its service once per 0.1 s for each answer (10,000 stories took
1,000 s); this client speaks the same documented service protocol (base64 JSON messages ending in a
comma) but streams them. An indexing can be stopped from another thread (the preview does, when a
save comes in while it indexes in the background): the service is killed and nothing it made is kept.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import threading
from typing import Any, Iterable, Iterator

from generator.errors import DigestError, Problem
from generator.indexing import Indexing, Stopped

FOLDER = "pagefind"  # where the index goes in site/, and the name its problems are reported under
PROGRAM = "DIGEST_PAGEFIND"  # tests: a program to run in place of the Pagefind binary (one that waits first)


def index(found: Iterable[dict[str, Any]], language: str, indexing: Indexing | None = None) -> dict[str, bytes]:
    """Index the records with the Pagefind binary; return the bundle's files by their paths in it."""
    with Service(indexing) as service:
        index_id = service.ask([{"type": "NewIndex", "config": {"force_language": language[:2]}}])[0]["index_id"]
        service.ask({"type": "AddRecord", "index_id": index_id, "language": language[:2], **r} for r in found)
        files = service.ask([{"type": "GetFiles", "index_id": index_id}])[0]["files"]
    return {f["path"]: base64.b64decode(f["content"]) for f in sorted(files, key=lambda f: f["path"])}


def executable() -> str:
    """Return the Pagefind binary that the pagefind_bin wheel ships (nothing is downloaded)."""
    if os.environ.get(PROGRAM):
        return os.environ[PROGRAM]
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise DigestError(Problem(FOLDER, "the Pagefind indexer is not installed: run make site (it installs "
                                          "pagefind[bin]) or set search: false in config.yaml")) from None
    return str(get_executable())


def indexer_version() -> str:
    """Return the version of the installed Pagefind binary's wheel ('' when there is none)."""
    import importlib.metadata  # here: 12 ms that a build with nothing to do does not need

    try:
        return importlib.metadata.version("pagefind_bin")
    except importlib.metadata.PackageNotFoundError:
        return ""


def _lower_priority() -> None:
    os.nice(10)


class Service:
    """The Pagefind binary run as a service: requests go in on stdin, answers come out on stdout."""

    def __init__(self, indexing: Indexing | None = None) -> None:
        self.indexing = indexing or Indexing()
        self.process: subprocess.Popen | None = None
        self.next_id = 0

    def __enter__(self) -> Service:
        if self.indexing.stopped:
            raise Stopped()
        self.process = subprocess.Popen([executable(), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL,
                                        preexec_fn=_lower_priority if self.indexing.background else None,
                                        # Ctrl-C in the preview's terminal stops the preview, which stops this
                                        start_new_session=self.indexing.background)
        self.indexing._started(self.process)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None
        self.indexing._started(None)
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def ask(self, payloads: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Send every payload (from a thread, so that neither pipe fills); return the answers in order."""
        assert self.process is not None
        messages = [base64.b64encode(json.dumps({"message_id": self.next_id + i, "payload": p}).encode()) + b","
                    for i, p in enumerate(payloads)]
        self.next_id += len(messages)
        if not messages:
            return []
        writer = threading.Thread(target=self._send, args=(messages,), daemon=True)
        writer.start()
        answers = []
        for answer in self._answers():
            answers.append(answer)
            if len(answers) == len(messages):
                break
        writer.join()
        if len(answers) < len(messages):
            if self.indexing.stopped:
                raise Stopped()
            raise DigestError(Problem(FOLDER, "the Pagefind search indexer stopped before it finished; "
                                              "reinstall it (make site) or set search: false in config.yaml"))
        return answers

    def _send(self, messages: list[bytes]) -> None:
        try:
            for message in messages:
                self.process.stdin.write(message)
            self.process.stdin.flush()
        except (OSError, ValueError):
            pass  # the service died: the reader finds its answers missing and says so

    def _answers(self) -> Iterator[dict[str, Any]]:
        """Yield each answer's payload as it comes; raise on an error from Pagefind."""
        buffer = b""
        while True:
            chunk = self.process.stdout.read1(1 << 20)
            if not chunk:
                return
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for message in messages:
                payload = json.loads(base64.b64decode(message))["payload"]
                if payload.get("type") == "Error":
                    raise DigestError(Problem(FOLDER, f"Pagefind could not index a story: {payload.get('message')}"))
                yield payload
