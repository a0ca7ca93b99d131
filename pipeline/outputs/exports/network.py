"""Places, organisations and persons that occur in the same sentence, as a
weighted graph: GraphML for Gephi and networkx, and the picture on the index."""

from collections import defaultdict
from itertools import combinations

import networkx as nx

from pipeline.outputs.reading import NETWORK_LABELS, corpus_nodes, node_key

# A "sentence" naming more than this many entities is a list (a table run
# together, a text without full stops): its first ones are linked, so the
# pairs per sentence stay bounded instead of growing with the square.
MAX_SENTENCE_NODES = 50


def _sentence_nodes(doc: dict, labels) -> dict:
    by_sentence = defaultdict(dict)
    for e in doc["entities"]:
        if e["label"] in labels and e.get("sentence") is not None:
            by_sentence[e["sentence"]].setdefault(node_key(e), e)
    return by_sentence


def _add_nodes(graph: nx.Graph, docs, labels) -> None:
    for key, node in corpus_nodes(docs, lambda e: e["label"] in labels).items():
        e = node["first"]
        # GraphML has no null: a missing kind or id is an empty string.
        graph.add_node(key, label=node["names"].most_common(1)[0][0], type=e["label"],
                       kind=e.get("kind") or "", id=e.get("id") or "", governs=e.get("governs") or "",
                       mentions=node["names"].total(), documents=len(node["docs"]))


def cooccurrence_graph(docs, labels=NETWORK_LABELS) -> nx.Graph:
    """Edge weight = number of sentences in which both occur; `docs` lists
    the documents that support the edge."""
    graph = nx.Graph()
    _add_nodes(graph, docs, labels)
    support = defaultdict(set)
    for doc in docs:
        for nodes in _sentence_nodes(doc, labels).values():
            for a, b in combinations(sorted(list(nodes)[:MAX_SENTENCE_NODES]), 2):
                w = graph.edges[a, b]["weight"] + 1 if graph.has_edge(a, b) else 1
                graph.add_edge(a, b, weight=w)
                support[a, b].add(doc["doc_id"])
    for (a, b), ids in support.items():
        graph.edges[a, b]["docs"] = ";".join(sorted(ids))
    return graph


def graphml_text(graph: nx.Graph) -> str:
    return "\n".join(nx.generate_graphml(graph)) + "\n"
