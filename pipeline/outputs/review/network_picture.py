"""The co-occurrence network of places and bodies drawn as an image."""

import networkx as nx
from matplotlib.figure import Figure

from pipeline.outputs.exports.network import cooccurrence_graph
from pipeline.outputs.review.colors import ent_color

MAX_NODES = 30  # the most connected; more makes an unreadable hairball


def core(graph: nx.Graph) -> nx.Graph:
    strength = dict(graph.degree(weight="weight"))
    keep = sorted((n for n in graph if strength[n]), key=lambda n: (-strength[n], n))[:MAX_NODES]
    # A subgraph view iterates a set of the nodes (its order changes with the
    # hash seed, and so would the layout): copy it in a fixed order instead.
    view, out = graph.subgraph(keep), nx.Graph()
    out.add_nodes_from(sorted(view.nodes(data=True), key=lambda n: n[0]))
    out.add_edges_from(sorted((*sorted((a, b)), d) for a, b, d in view.edges(data=True)))
    return out


def network(docs: list) -> Figure:
    graph = core(cooccurrence_graph(docs, labels=("LOC", "ORG")))
    fig = Figure(figsize=(11, 8))
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(f"Places and bodies named in the same sentence (the {graph.number_of_nodes()} most connected)")
    if not graph:
        ax.text(0.5, 0.5, "no two places or bodies share a sentence", ha="center", transform=ax.transAxes)
        return fig
    # Kamada-Kawai spreads a small graph evenly; it starts from a seeded
    # spring layout so the picture is the same on every run.
    start = nx.spring_layout(graph, seed=7)
    pos = nx.kamada_kawai_layout(graph, pos=start, weight=None)
    weights = [graph.edges[e]["weight"] for e in graph.edges]
    top = max(weights, default=1)
    nx.draw_networkx_edges(graph, pos, ax=ax, width=[0.5 + 3.5 * w / top for w in weights],
                           edge_color="#9aa5b1", alpha=0.7)
    nx.draw_networkx_nodes(graph, pos, ax=ax, edgecolors="#444", linewidths=0.5,
                           node_color=[ent_color(graph.nodes[n]["type"], graph.nodes[n]["kind"] or None) for n in graph],
                           node_size=[60 + 60 * graph.nodes[n]["mentions"] ** 0.5 for n in graph])
    nx.draw_networkx_labels(graph, pos, ax=ax, labels={n: graph.nodes[n]["label"] for n in graph}, font_size=8, verticalalignment="bottom",
                            bbox={"facecolor": "white", "alpha": 0.6, "edgecolor": "none", "pad": 0.3})
    return fig
