"""The cooperation ties of a run (schema 1.1 `ties`): ties.csv, one row per
tie, and ties.graphml, the territory network whose edges are the ties, one
per tie, with a `start` date Gephi's timeline reads. Outputs of schema 1.0
have no ties and add nothing."""

import networkx as nx

from pipeline.outputs.reading import sentence_text

TIE_COLUMNS = ["doc_id", "party_a", "party_a_id", "party_b", "party_b_id", "type", "date", "directions",
               "score", "evidence", "evidence_text"]


def party_key(p: dict) -> str:
    """A territory's identity is its id; without one, its name."""
    return p.get("id") or f"LOC:{p['normal']}"


def tie_rows(docs):
    for doc in docs:
        for t in doc.get("ties", []):
            a, b = t["parties"]
            evidence = t.get("evidence", [])
            yield {"doc_id": doc["doc_id"], "party_a": a["normal"], "party_a_id": a.get("id"),
                   "party_b": b["normal"], "party_b_id": b.get("id"), "type": t["type"], "date": t.get("date"),
                   "directions": ";".join(t.get("directions", [])), "score": t.get("score"),
                   "evidence": ";".join(map(str, evidence)),
                   "evidence_text": sentence_text(doc, evidence[0]) if evidence else ""}


def start_date(date: str | None) -> str:
    """A full ISO date for Gephi's timeline ("2024-03" -> "2024-03-01"); "" when unknown."""
    if not date:
        return ""
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def ties_graph(docs) -> nx.MultiGraph:
    """Nodes: territories (label, id, ties); edges: one per tie, keyed
    doc_id/type, with type, directions, date, start, score and doc_id."""
    graph = nx.MultiGraph()
    for doc in docs:
        for t in doc.get("ties", []):
            keys = []
            for p in t["parties"]:
                key = party_key(p)
                if key not in graph:
                    graph.add_node(key, label=p["normal"], id=p.get("id") or "", ties=0)
                graph.nodes[key]["ties"] += 1
                keys.append(key)
            # GraphML has no null: an unknown date is an empty string.
            graph.add_edge(*keys, key=f"{doc['doc_id']}/{t['type']}", type=t["type"],
                           directions=";".join(t.get("directions", [])), date=t.get("date") or "",
                           start=start_date(t.get("date")), score=float(t.get("score", 0)),
                           doc_id=doc["doc_id"])
    return graph
