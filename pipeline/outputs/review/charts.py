"""The pictures on the index, drawn with matplotlib's object API (no pyplot,
no display: the Agg canvas behind Figure) and saved as SVG files."""

import io

import matplotlib
from matplotlib.figure import Figure

from pipeline.outputs.reading import corpus_nodes, direction_labels, direction_scores
from pipeline.outputs.review.colors import ent_color

TOP = 15           # bars per panel
NAME = 60          # characters of a bar's name
MAX_ROWS = 80      # heat map rows; a larger corpus shows its first MAX_ROWS articles
# Same picture for the same data: no date, fixed ids; text stays text.
RC = {"svg.hashsalt": "review", "svg.fonttype": "none", "font.size": 9}


def svg(fig: Figure) -> str:
    buf = io.StringIO()
    with matplotlib.rc_context(RC):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buf.getvalue()


def heatmap(docs: list) -> Figure:
    docs, labels = docs[:MAX_ROWS], direction_labels()
    scores = [list(direction_scores(doc).values()) for doc in docs]
    fig = Figure(figsize=(1.2 + 0.7 * len(labels), 1.4 + 0.32 * len(docs)))
    ax = fig.add_subplot()
    image = ax.imshow(scores, cmap="YlGnBu", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(labels)), labels, rotation=35, ha="right")
    ax.set_yticks(range(len(docs)), [doc["doc_id"] for doc in docs])
    for (r, c), v in ((rc, v) for rc, v in _cells(scores) if v):
        ax.text(c, r, f"{v:.2f}", ha="center", va="center", fontsize=7, color="white" if v > 0.6 else "black")
    fig.colorbar(image, ax=ax, label="score", fraction=0.04)
    ax.set_title("Directions by article (document score)")
    return fig


def _cells(matrix):
    return (((r, c), v) for r, row in enumerate(matrix) for c, v in enumerate(row))


def _top(docs, keep) -> list:
    """(name, mentions, colour) of the most mentioned entities that keep() accepts."""
    nodes = sorted(corpus_nodes(docs, keep).values(), key=lambda n: -n["names"].total())[:TOP]
    return [(_short(n["names"].most_common(1)[0][0]), n["names"].total(),
             ent_color(n["first"]["label"], n["first"].get("kind"))) for n in nodes]


def _short(name: str) -> str:
    return name if len(name) <= NAME else name[:NAME - 1] + "…"


def top_entities(docs: list) -> Figure:
    panels = [("Regions", lambda e: e["label"] == "LOC" and e.get("kind") == "region"),
              ("Organisations", lambda e: e["label"] == "ORG")]
    fig = Figure(figsize=(9, 1.5 + 0.5 * TOP), layout="constrained")
    for i, (name, keep) in enumerate(panels):
        ax = fig.add_subplot(2, 1, i + 1)
        top = _top(docs, keep)[::-1]
        ax.barh(range(len(top)), [n for _, n, _ in top], color=[c for _, _, c in top], edgecolor="#555", lw=0.4)
        ax.set_yticks(range(len(top)), [label for label, _, _ in top])
        ax.set_title(f"{name}: most mentioned")
        ax.set_xlabel("mentions in the corpus")
        ax.spines[["top", "right"]].set_visible(False)
    return fig
