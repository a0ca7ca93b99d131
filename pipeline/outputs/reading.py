"""Reading a run's output folder back (the contract JSON files and the
manifest), and the few views of it that the exports and the review site share."""

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pipeline.run.store import MANIFEST, document_paths, read_document

NETWORK_LABELS = ("LOC", "ORG", "PER")
# The bulk of a document's JSON that no export or page reads: left out on
# loading, the corpus held in memory is several times smaller.
UNREAD = ("tokens", "source_map")


def light(doc: dict) -> dict:
    for key in UNREAD:
        doc.pop(key, None)
    return doc


def load_documents(out_dir) -> list:
    """Every document JSON of the run, in doc_id order, without its tokens
    and source map; other JSON files are skipped."""
    docs = filter(None, map(read_document, document_paths(Path(out_dir))))
    return sorted(map(light, docs), key=lambda d: d["doc_id"])


def load_manifest(out_dir) -> dict:
    path = Path(out_dir) / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@lru_cache(maxsize=None)
def direction_labels() -> tuple:
    """The label set, read from the published schema so it is written down once."""
    schema = json.loads(resources.files("pipeline").joinpath("schema", "output.schema.json").read_text())
    return tuple(schema["$defs"]["label"]["enum"])


# First lines that name a part of a paper, not the paper: a title is looked for after them.
NOT_TITLES = re.compile(r"^(аннотация|abstract|annotation|резюме|summary|ключевые слова|keywords|"
                        r"удк|ббк|doi|введение|оглавление|содержание)\b", re.I)
KEYWORDS = re.compile(r"^(ключевые слова|keywords)\W*$", re.I)
# "Омск, 10 июля 2023 года": the dateline of a news item or press release.
DATELINE = re.compile(r"^[А-ЯЁA-Z][\w.-]*( [\w.-]+)?, \d{1,2} [а-яё]+ \d{4}( года| г\.)?\.?$")
TITLE_WORDS = 2      # a one-word line is a header ("Новости", "ПРЕСС-РЕЛИЗ"), not a title
TITLE_CHARS = 300    # a longer one is a paragraph
LINES = 12           # a title is near the top
SHORT = 90           # characters of a text's opening standing in for a missing title


def metadata(doc: dict) -> dict:
    """The article's own metadata (schema 1.1), {} before it."""
    return doc.get("metadata") or {}


def _blocks(text: str) -> list:
    """The text's first blocks (separated by blank lines; a Markdown heading
    is a block of its own), each on one line with its whitespace collapsed,
    with the blocks' line counts. A text without blank lines is read line by
    line: its lines are its paragraphs."""
    text = re.sub(r"^(#.*)$", "\n\\1\n", text.strip(), flags=re.M)
    blocks = re.split(r"\n\s*\n", text.strip())
    if len(blocks) == 1:
        blocks = text.splitlines()
    out = []
    for block in blocks[:LINES]:
        rows = [row.strip() for row in block.splitlines() if row.strip()]
        if rows:
            line = re.sub(r"\s+", " ", " ".join(rows)).lstrip("#").strip().strip("*_").strip()
            out.append((line, len(rows)))
    return out


def _title_lines(text: str) -> list:
    """The first blocks that may be a title: one line (a hard-wrapped
    paragraph is not a title), not a section name, not the keywords after
    "Ключевые слова:", not a dateline, not one word, not a paragraph, not a
    sentence ending in a full stop."""
    blocks = _blocks(text)
    lines = [line for line, _ in blocks]
    out = []
    for n, (line, rows) in enumerate(blocks):
        after_keywords = n > 0 and KEYWORDS.match(lines[n - 1])
        if (rows > 1 or NOT_TITLES.match(line) or after_keywords or DATELINE.match(line)
                or len(line.split()) < TITLE_WORDS or len(line) > TITLE_CHARS or line.endswith(".")):
            continue
        out.append(line)
    return out


def title(doc: dict) -> str:
    """The metadata title; else the first line that reads as a title, one in
    mixed case before one in capitals (a letterhead: "ГЛАВНОЕ УПРАВЛЕНИЕ…");
    else the text's opening, shortened; else the doc_id."""
    given = metadata(doc).get("title")
    if given and str(given).strip():
        return str(given).strip()
    candidates = _title_lines(doc["text"])
    mixed = [line for line in candidates if not line.isupper()]
    if mixed or candidates:
        return (mixed or candidates)[0]
    opening = " ".join(line for line, _ in _blocks(doc["text"]) if not NOT_TITLES.match(line))
    if not opening:
        return doc["doc_id"]
    return opening if len(opening) <= SHORT else opening[:SHORT].rsplit(" ", 1)[0] + " …"


ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def published(doc: dict) -> tuple:
    """(ISO date, where from): the metadata date ("metadata"); else a date the
    text gives ("text"): the first one given to the day, as a dateline or a
    press release's opening gives it, else the first month, else the first
    year; else (None, None). The latest date would be a plan ("до 2030 года")."""
    meta = metadata(doc)
    for key in ("published", "date"):
        found = ISO_DATE.match(str(meta.get(key) or ""))
        if found:
            return found.group(0), "metadata"
    dates = [m.group(0) for e in doc["entities"] if e["label"] == "DATE" and isinstance(e.get("value"), str)
             for m in [ISO_DATE.match(e["value"])] if m]
    for length in (10, 7, 4):
        first = next((d for d in dates if len(d) == length), None)
        if first:
            return first, "text"
    return None, None


def source_name(doc: dict) -> str:
    """Where the article comes from: the site or journal of its metadata,
    else the folder of its input file."""
    site = metadata(doc).get("site")
    if site:
        return str(site)
    path = (doc.get("source") or {}).get("path") or ""
    return path.rsplit("/", 1)[0] if "/" in path else "—"


def sentence_text(doc: dict, index) -> str:
    if index is None or not 0 <= index < len(doc["sentences"]):
        return ""
    s = doc["sentences"][index]
    return doc["text"][s["start"]:s["end"]]


def normal(e: dict) -> str:
    return e.get("normal") or e["text"]


def _most_common(values):
    counted = Counter(v for v in values if v is not None)
    return counted.most_common(1)[0][0] if counted else None


def distinct_entities(doc: dict) -> list:
    """One group per (label, normal) in order of first mention: evaluations
    count entities this way (entities.md, rule 1)."""
    groups = {}
    for i, e in enumerate(doc["entities"]):
        groups.setdefault((e["label"], normal(e)), []).append(i)
    return [{"label": label, "normal": norm, "mentions": idx,
             "kind": _most_common(doc["entities"][i].get("kind") for i in idx),
             "id": _most_common(doc["entities"][i].get("id") for i in idx),
             "governs": _most_common(doc["entities"][i].get("governs") for i in idx),
             "canonical": _most_common(canonical(doc["entities"][i]) for i in idx)}
            for (label, norm), idx in groups.items()]


def canonical(e: dict) -> str:
    """The one name of the actor (schema 1.1); the normal in 1.0 outputs."""
    return e.get("canonical") or normal(e)


def node_key(e: dict) -> str:
    """A place's identity is its id; without one, label and canonical name
    ("ЕАЭС" and "Евразийский экономический союз" are one node)."""
    return e.get("id") or f"{e['label']}:{canonical(e)}"


def corpus_nodes(docs, keep) -> dict:
    """node_key -> {"first": its first mention, "names": Counter of its normals
    (one per mention), "docs": ids of the documents naming it}, over the
    mentions keep() accepts, in order of first mention."""
    nodes = {}
    for doc in docs:
        for e in (e for e in doc["entities"] if keep(e)):
            node = nodes.setdefault(node_key(e), {"first": e, "names": Counter(), "docs": set()})
            node["names"][normal(e)] += 1
            node["docs"].add(doc["doc_id"])
    return nodes


def direction_scores(doc: dict) -> dict:
    """label -> the document's score, for every label, 0 where it is absent."""
    scores = {d["label"]: d["score"] for d in doc.get("directions", [])}
    return {label: scores.get(label, 0) for label in direction_labels()}


def label_scores(doc: dict) -> dict:
    """label -> the document's raw score for every label, assigned or not
    (`direction_scores` of the JSON); outputs without it give their
    assigned scores and 0 elsewhere."""
    raw = doc.get("direction_scores") or {}
    return {label: raw.get(label, score) for label, score in direction_scores(doc).items()}
