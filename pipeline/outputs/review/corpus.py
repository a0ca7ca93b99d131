"""The corpus as the site sees it: per article its title, date, source and
actors; the actors; the ties between them. Built once per run from the
documents, then turned into the data files of the pages (data/*.js)."""

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.outputs.reading import direction_labels, published, source_name, title
from pipeline.outputs.review import actors as actors_module
from pipeline.outputs.review import geo
from pipeline.outputs.review.colors import direction_color, ent_color
from pipeline.outputs.review.ties import corpus_ties
from pipeline.outputs.review.vocabulary import direction_name, type_name

SNIPPET = 240     # characters of text searched and shown under a title
MENTIONS = 300    # mentions in context on an actor page; the rest are counted


@dataclass
class Corpus:
    docs: list
    titles: list
    dates: list          # (ISO date or None, "metadata" | "text" | None) per document
    actors: dict         # key -> Actor
    ties: list           # edges between actor keys (ties.py)
    mode: str            # "ties" | "cooccurrence"
    by_key: dict = field(default_factory=dict)

    @classmethod
    def build(cls, docs: list) -> "Corpus":
        dates = [published(d) for d in docs]
        actors = actors_module.collect(docs)
        ties, mode = corpus_ties(docs, [d for d, _ in dates])
        for n, tie in enumerate(ties):
            for key, name in zip((tie["a"], tie["b"]), tie["names"]):
                if key not in actors:  # a party the document names only in its ties
                    actor = actors[key] = actors_module.Actor(key, "LOC")
                    actor.names[name] = 1
                    actor.id = key.split("|")[2] or None
                actors[key].ties.append(n)
                actors[key].docs.add(tie["doc"])
        return cls(docs, [title(d) for d in docs], dates, actors, ties, mode)


def snippet(doc: dict, head: str) -> str:
    """The text's opening after its title, on one line."""
    text = re.sub(r"\s+", " ", doc["text"]).strip()
    if text.startswith(head):
        text = text[len(head):].lstrip(" .:—-")
    return text if len(text) <= SNIPPET else text[:SNIPPET].rsplit(" ", 1)[0] + " …"


def year(iso) -> str:
    return str(iso)[:4] if iso else ""


def directions_meta() -> list:
    return [[label, direction_name(label), direction_color(label)] for label in direction_labels()]


def index_data(corpus: Corpus, page) -> dict:
    """What data/index.js holds: one compact row per article, actors and sources by number."""
    labels = {label: i for i, label in enumerate(direction_labels())}
    actor_ids, actor_list = {}, []
    sources, rows = {}, []
    for n, doc in enumerate(corpus.docs):
        keys = list(dict.fromkeys(actors_module.actor_key(e) for e in doc["entities"]
                                  if e["label"] in actors_module.LABELS))
        for key in keys:
            if key not in actor_ids:
                actor = corpus.actors[key]
                actor_ids[key] = len(actor_list)
                actor_list.append([actor.name, actor.group or "", actor.slug])
        groups = Counter(corpus.actors[k].group for k in keys)
        date, where = corpus.dates[n]
        source = sources.setdefault(source_name(doc), len(sources))
        rows.append([doc["doc_id"], corpus.titles[n], date or "", {"metadata": 1, "text": 2}.get(where, 0), source,
                     snippet(doc, corpus.titles[n]),
                     [[labels[d["label"]], round(d["score"], 2)] for d in doc.get("directions", [])
                      if d["label"] in labels],
                     [actor_ids[k] for k in keys], doc.get("stats", {}).get("chars", len(doc["text"])),
                     groups["region"], groups["org"], groups["person"], len(doc.get("ties") or []),
                     page(doc["doc_id"])])
    return {"directions": directions_meta(), "sources": list(sources), "actors": actor_list, "rows": rows}


def actors_data(corpus: Corpus) -> list:
    """One row per actor for the actor index: slug, name, group, Russian type, id, code, counts."""
    out = []
    for actor in corpus.actors.values():
        out.append([actor.slug, actor.name, actor.group or "", type_name(actor.label, actor.kind), actor.id or "",
                    f"{actor.label}/{actor.kind}" if actor.kind else actor.label,
                    len(actor.docs), len(actor.mentions), len(actor.ties)])
    return out


def network_data(corpus: Corpus) -> dict:
    """Nodes (actors in a tie) with their points, edges with date and directions as a bit mask."""
    labels = {label: i for i, label in enumerate(direction_labels())}
    node_ids, nodes, edges = {}, [], []
    for tie in corpus.ties:
        ends = []
        for key in (tie["a"], tie["b"]):
            if key not in node_ids:
                actor = corpus.actors[key]
                point = geo.point(actor.id, actor.name) if actor.label == "LOC" else None
                node_ids[key] = len(nodes)
                nodes.append([actor.name, type_name(actor.label, actor.kind), actor.slug,
                              ent_color(actor.label, actor.kind), *(point or (None, None))])
            ends.append(node_ids[key])
        mask = sum(1 << labels[d] for d in set(tie["directions"]) if d in labels)
        edges.append([*ends, tie["type"], tie["date"] or "", mask, tie["doc"]])
    return {"mode": corpus.mode, "directions": directions_meta(), "nodes": nodes, "edges": edges,
            "docs": [[d["doc_id"], corpus.titles[n]] for n, d in enumerate(corpus.docs)]}
