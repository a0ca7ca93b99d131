"""The corpus as the site sees it, gathered from each document's summary
row (summary.py) one at a time: the actors, the ties between them, the
counts the charts draw. What grows with the corpus is only what the pages
show of it (a short record per article, per actor and per tie), never the
documents. Then turned into the data files of the pages (data/*.js)."""

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.outputs.reading import direction_labels
from pipeline.outputs.review.actors import Actor
from pipeline.outputs.review.colors import direction_color, ent_color
from pipeline.outputs.review.index import page_name
from pipeline.outputs.review.vocabulary import direction_name, human_date, type_name

SNIPPET = 240     # characters of text searched and shown under a title
MENTIONS = 300    # mentions in context on an actor page; the rest are counted
UNDATED = "без даты"


def snippet(doc: dict, head: str) -> str:
    """The text's opening after its title, on one line."""
    text = re.sub(r"\s+", " ", doc["text"]).strip()
    if text.startswith(head):
        text = text[len(head):].lstrip(" .:—-")
    return text if len(text) <= SNIPPET else text[:SNIPPET].rsplit(" ", 1)[0] + " …"


def year(iso) -> str:
    return str(iso)[:4] if iso else ""


@dataclass
class Corpus:
    mode: str                                   # "ties" | "cooccurrence": which edges the rows give
    articles: int = 0
    dated: int = 0
    docs: list = field(default_factory=list)     # [doc_id, title] per article, in order
    sources: dict = field(default_factory=dict)  # source name -> its number, in order of first article
    actors: dict = field(default_factory=dict)   # key -> Actor, in order of first mention
    ties: list = field(default_factory=list)     # edges between actor keys ("doc": the article's number)
    years: dict = field(default_factory=dict)    # year -> Counter of dated articles per direction

    def add(self, row: dict) -> None:
        n = len(self.docs)
        self.docs.append([row["doc_id"], row["title"]])
        self.articles += 1
        self.dated += bool(row["date"])
        self.sources.setdefault(row["source"], len(self.sources))
        labels = [label for label, _ in row["directions"]]
        if row["date"] and labels:
            self.years.setdefault(year(row["date"]), Counter()).update(labels)
        touched = [self._mentioned(row, *actor) for actor in row["actors"]]
        for tie in row["ties" if self.mode == "ties" else "cooccurrences"]:
            touched += self._tie({**tie, "doc": n})
        when = year(row["date"]) or UNDATED
        for actor in dict.fromkeys(touched):  # each actor counts the article once
            actor.articles += 1
            counts = actor.years.setdefault(when, Counter())
            counts["_articles"] += 1
            counts.update(labels)

    def _mentioned(self, row, key, label, names, kinds, actor_id, count, contexts) -> Actor:
        actor = self.actors.get(key) or self.actors.setdefault(key, Actor(key, label))
        for counted, more in ((actor.names, names), (actor.kinds, kinds)):
            for name, k in more.items():
                counted[name] = counted.get(name, 0) + k
        actor.id = actor.id or actor_id
        actor.count += count
        href, date = f"../{page_name(row['doc_id'])}", human_date(row["date"])
        for anchor, html in contexts[:MENTIONS - len(actor.mentions)]:
            actor.mentions.append({"doc_id": row["doc_id"], "title": row["title"], "date": date,
                                   "href": f"{href}#{anchor}", "html": html})
        return actor

    def _tie(self, tie: dict) -> list:
        ends = []
        for key, name in zip((tie["a"], tie["b"]), tie["names"]):
            if key not in self.actors:  # a party the document names only in its ties
                actor = self.actors[key] = Actor(key, "LOC")
                actor.names[name] = 1
                actor.id = key.split("|")[2] or None
            self.actors[key].ties.append(len(self.ties))
            ends.append(self.actors[key])
        self.ties.append(tie)
        return ends

    def counts(self) -> dict:
        """What the corpus pages' headers say (kept in the site's state: a rerun that changes no
        document writes those pages from it)."""
        return {"articles": self.articles, "actors": len(self.actors), "ties": len(self.ties), "mode": self.mode,
                "dated": self.dated}

    def named(self) -> list:
        """The actors some article mentions (not only its ties), in order of first mention."""
        return [a for a in self.actors.values() if a.count]


def directions_meta() -> list:
    return [[label, direction_name(label), direction_color(label)] for label in direction_labels()]


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def index_script(corpus: Corpus, rows):
    """data/index.js, piece by piece: one compact row per article (from the
    summary rows, read a second time), actors and sources by number."""
    labels = {label: i for i, label in enumerate(direction_labels())}
    named = corpus.named()
    actor_ids = {a.key: i for i, a in enumerate(named)}
    head = {"directions": directions_meta(), "sources": list(corpus.sources),
            "actors": [[a.name, a.group or "", a.slug] for a in named]}
    yield f"window.REVIEW_INDEX = {_json(head)[:-1]},\"rows\":["
    for n, row in enumerate(rows):
        keys = [actor[0] for actor in row["actors"]]
        groups = Counter(corpus.actors[k].group for k in keys)
        yield ("," if n else "") + _json([
            row["doc_id"], row["title"], row["date"] or "", {"metadata": 1, "text": 2}.get(row["where"], 0),
            corpus.sources[row["source"]], row["snippet"],
            [[labels[label], score] for label, score in row["directions"]], [actor_ids[k] for k in keys],
            row["chars"], groups["region"], groups["org"], groups["person"], row["n_ties"],
            page_name(row["doc_id"])])
    yield "]};\n"


def actors_data(corpus: Corpus) -> list:
    """One row per actor for the actor index: slug, name, group, Russian type, id, code, counts."""
    out = []
    for actor in corpus.actors.values():
        out.append([actor.slug, actor.name, actor.group or "", type_name(actor.label, actor.kind), actor.id or "",
                    f"{actor.label}/{actor.kind}" if actor.kind else actor.label,
                    actor.articles, actor.count, len(actor.ties)])
    return out


def network_data(corpus: Corpus) -> dict:
    """Nodes (actors in a tie) with their points, edges with date and directions as a bit mask."""
    from pipeline.outputs.review import geo  # the table of points: only when the network is written
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
            "docs": corpus.docs}
