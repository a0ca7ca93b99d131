"""The corpus pictures, drawn with matplotlib's object API (no pyplot, no
display: the Agg canvas behind Figure) and saved as SVG files. Each is
sized by the label set and a bounded number of rows, never by the number of
articles, so it reads the same at 20 and at 10,000 articles."""

import io
from collections import Counter, defaultdict

import matplotlib
from matplotlib.figure import Figure

from pipeline.outputs.reading import direction_labels
from pipeline.outputs.review.colors import direction_color
from pipeline.outputs.review.corpus import Corpus, year
from pipeline.outputs.review.vocabulary import direction_name

REGIONS = 25       # rows of the regions picture: the regions named in most articles
# Same picture for the same data: no date, fixed ids; text stays text.
RC = {"svg.hashsalt": "review", "svg.fonttype": "none", "font.size": 9}


def svg(fig: Figure) -> str:
    buf = io.StringIO()
    with matplotlib.rc_context(RC):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buf.getvalue()


def by_year(corpus: Corpus) -> dict:
    """year -> Counter of articles per direction, over dated articles."""
    table = defaultdict(Counter)
    for doc, (date, _) in zip(corpus.docs, corpus.dates):
        if date:
            for d in doc.get("directions", []):
                table[year(date)][d["label"]] += 1
    return dict(sorted(table.items()))


def over_time(corpus: Corpus):
    """Articles per direction and year, one line per direction; None without dated articles."""
    table = by_year(corpus)
    if not table:
        return None
    # every year between the first and the last: a year without articles is a 0, not a gap closed up
    first, last = int(min(table)), int(max(table))
    years = list(range(first, last + 1))
    fig = Figure(figsize=(9, 4.2))
    ax = fig.add_subplot()
    for label in direction_labels():
        counts = [table.get(str(y), {}).get(label, 0) for y in years]
        if any(counts):
            ax.plot(years, counts, marker="o", ms=3, lw=1.6, color=direction_color(label),
                    label=f"{direction_name(label)} ({label})")
    step = max(1, len(years) // 15)
    ax.set_xticks(years[::step], [str(y) for y in years[::step]], rotation=45 if len(years) > 12 else 0)
    ax.set_ylabel("статей")
    ax.set_title("Направления по годам (дата публикации, иначе даты в тексте)")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    return fig


def region_table(corpus: Corpus) -> tuple:
    """(regions, rows of article counts per direction) for the regions named in most articles."""
    regions = sorted((a for a in corpus.actors.values() if a.label == "LOC" and a.kind == "region"),
                     key=lambda a: (-len(a.docs), a.name))[:REGIONS]
    rows = []
    for actor in regions:
        counted = Counter(d["label"] for n in actor.docs for d in corpus.docs[n].get("directions", []))
        rows.append([counted[label] for label in direction_labels()])
    return regions, rows


def by_region(corpus: Corpus):
    """Heat map: regions × directions, cells are articles naming the region with that direction."""
    regions, rows = region_table(corpus)
    if not regions or not any(map(any, rows)):
        return None
    labels = direction_labels()
    fig = Figure(figsize=(2.5 + 0.8 * len(labels), 1.6 + 0.32 * len(regions)))
    ax = fig.add_subplot()
    top = max(map(max, rows)) or 1
    image = ax.imshow(rows, cmap="YlGnBu", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(labels)), [f"{direction_name(label)}\n({label})" for label in labels],
                  rotation=35, ha="right", fontsize=8)
    ax.set_yticks(range(len(regions)), [f"{a.name} ({len(a.docs)})" for a in regions])
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                ax.text(c, r, str(v), ha="center", va="center", fontsize=7, color="white" if v > 0.6 * top else "black")
    fig.colorbar(image, ax=ax, label="статей", fraction=0.04)
    ax.set_title(f"Направления по регионам ({len(regions)} регионов, названных в наибольшем числе статей)")
    return fig


PICTURES = {"time": over_time, "regions": by_region}


def pictures(corpus: Corpus) -> dict:
    """name -> SVG text, for the pictures that have data."""
    out = {}
    for name, draw in PICTURES.items():
        fig = draw(corpus)
        if fig is not None:
            out[name] = svg(fig)
    return out
