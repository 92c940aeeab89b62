"""Save what a build read and made, beside the cache, for the next build to compare with."""

from __future__ import annotations

from collections import Counter
from typing import Mapping

from generator.buildresult import BuildResult
from generator.cache import MISSING, BuildCache, PageRecord, PlanMemo, State, save_cache
from generator.cacheshards import shard_name
from generator.changes import Inputs
from generator.config import Config
from generator.content import RACY_NS, fingerprint
from generator.incremental import Content
from generator.pages import Group
from generator.render import Made
from generator.taxonomy import term_lists
from generator.textedit import reader_changes, text_readers


def save_readers(cache: BuildCache, groups: list[Group], made: Made,
                 before: Mapping[str, tuple[str, list[PageRecord]]]) -> None:
    """Keep, by story, the groups that read its text (for text edits): only the stories whose entry
    this build can have changed, when the cache holds the others' as the last build left them.

    Only those stories' entries are made (all of them, 100,000 stories' at 100,000, took a third
    of a second of an edit to one)."""
    sources = cache.read("sources")
    moved = {item.key for _, was, now in cache.updated.get("sources", ()) for item in (was, now) if item is not MISSING}
    keys = None
    days = {shard_name("readers", day) for day in {s.key[:10] for s in sources.values()}}  # a story's day is its shard
    if before and days <= set(cache.names("readers")):
        keys = reader_changes(groups, lambda name: made.groups.get(name) is not before.get(name),
                              before.keys() - made.groups.keys(), moved)
    if keys is None:
        cache.replace_shards("readers", text_readers(sources.values(), groups))
        return
    readers = text_readers(sources.values(), groups, keys)
    for key in keys:
        entry = readers.get(key)
        if cache.lookup("readers", key, MISSING) != (MISSING if entry is None else entry):
            cache.change("readers", key, entry)


def save_state(config: Config, cache: BuildCache, inputs: Inputs, content: Content,
               related: dict[str, tuple[str, ...]], groups: list[Group], made: Made, outputs: dict[str, str],
               result: BuildResult, ahead: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Save what this build read and made, for the next one, beside the cache; return those files."""
    before = cache.read("plan").groups
    cache.update("groups", made.groups, before)
    cache.put("plan", PlanMemo(inputs.shared, made.groups, made.parts, term_lists(content.site), related,
                               dict(content.site.clashes), {e.day: e.articles for e in content.site.editions},
                               dict(content.site.counts)))
    save_readers(cache, groups, made, before)
    sources = cache.read("sources")
    hashes = {}  # of the files whose stat the next build cannot trust: drafts and stories left out too
    for rel, stat in inputs.files.items():
        if stat[2] >= inputs.scanned_at - RACY_NS:
            try:
                hashes[rel] = sources[rel].sha if rel in sources else fingerprint(config.path(rel).read_bytes())
            except OSError:
                pass
    cache.put("outputs", outputs)
    cache.put("state", State(inputs.shared, hashes, inputs.scanned_at, kinds=Counter(result.pages),
                             problems=list(result.problems), ahead=bool(ahead), images=content.pictures.files,
                             pending=result.search_pending, clashes=dict(content.site.clashes),
                             folders=inputs.folders))
    save_cache(cache, pending=True)
    return tuple(sorted(cache.pending))

