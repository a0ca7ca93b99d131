"""Output names: one per input, never shared, never one the run itself uses,
always within the file system's limits.

A doc_id is the slug of the file's stem ("Омск 2017.md" -> "омск-2017").
Inputs whose slugs collide ("Report.txt" and "report.txt", "a b.txt" and
"a-b.txt", two emoji names), and an input whose slug is a name of the run
("manifest.txt"), get a hash of their path appended; a slug too long for a
file name (with the run's suffixes and temporary-file prefixes) is cut and a
hash of the whole slug appended. Every name depends only on the inputs, so
a rerun with the same inputs finds the same outputs."""

import hashlib
import re

# Names the run writes in the output folder (as stems of `<doc_id>.json`, or as
# they are): an input must never take one.
RESERVED = {"manifest", "corpus", "report", "exports", "ledger", "lock"}
# A file name is at most 255 bytes on every common file system; a document's
# longest derived name is ".<doc_id>.json.<8 random>.pipeline-tmp" or "<doc_id>.html":
# a doc_id of at most 120 bytes leaves ample room.
MAX_ID_BYTES = 120
HASH_CHARS = 10


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-") or "doc"


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_CHARS]


def fit(name: str) -> str:
    """`name`, or its longest prefix that fits MAX_ID_BYTES with a hash of the whole name."""
    if len(name.encode("utf-8")) <= MAX_ID_BYTES:
        return name
    room = MAX_ID_BYTES - HASH_CHARS - 1
    prefix = name.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip("-_")
    return f"{prefix}-{short_hash(name)}"


def doc_ids(files: list, taken=frozenset(), previous=None, relative=None) -> dict:
    """path -> doc_id, unique among `files` and distinct from RESERVED and from
    `taken` (stems of files in the output folder that the run did not write).
    A colliding name takes a hash of `relative[path]` (the path below the
    folder it was found in: the same wherever that folder is), else of the path.
    `previous` (path -> doc_id of its output from an earlier run) keeps an
    input's name when a new input with the same slug arrives: the newcomer
    takes the hashed name, the earlier output stays where it is."""
    ids, used, taken = {}, set(), set(taken)
    for f, old in sorted((previous or {}).items(), key=lambda item: str(item[0])):
        free = old.casefold() not in used and old.casefold() not in taken
        if free and old not in RESERVED and fit(old) == old:
            ids[f] = old
            used.add(old.casefold())
    by_slug = {}
    for f in files:
        if f not in ids:
            by_slug.setdefault(slug(f.stem), []).append(f)
    fresh = {}
    for base, group in sorted(by_slug.items()):
        name = fit(base).casefold()
        clash = len(group) > 1 or base in RESERVED or name in taken or name in used
        for f in group:
            key = (relative or {}).get(f, f)
            fresh[f] = fit(f"{base}-{short_hash(str(key))}" if clash else base)
    # A hash collision, or a hashed name equal to another input's plain slug:
    # astronomically rare, still never allowed to share an output.
    for f in sorted(fresh, key=str):
        name, n = fresh[f], 1
        while name.casefold() in used or name.casefold() in taken or name in RESERVED:
            n += 1
            name = fit(f"{fresh[f]}-{n}")
        ids[f] = name
        used.add(name.casefold())
    return ids
