"""The corpus pictures, drawn with matplotlib's object API (no pyplot, no
display: the Agg canvas behind Figure) and saved as SVG files. Each is
sized by the label set and a bounded number of rows, never by the number of
articles, so it reads the same at 20 and at 10,000 articles."""

import io
from collections import Counter

from pipeline.outputs.reading import direction_labels
from pipeline.outputs.review.colors import direction_color
from pipeline.outputs.review.corpus import Corpus
from pipeline.outputs.review.vocabulary import direction_name

REGIONS = 25       # rows of the regions picture: the regions named in most articles
# Same picture for the same data: no date, fixed ids; text stays text.
RC = {"svg.hashsalt": "review", "svg.fonttype": "none", "font.size": 9}


def _figure(**size):
    from matplotlib.figure import Figure  # here: a run that draws nothing does not load matplotlib
    return Figure(**size)


def svg(fig) -> str:
    import matplotlib
    buf = io.StringIO()
    with matplotlib.rc_context(RC):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buf.getvalue()


def over_time(corpus: Corpus):
    """Articles per direction and year, one line per direction; None without dated articles."""
    table = dict(sorted(corpus.years.items()))
    if not table:
        return None
    # every year between the first and the last: a year without articles is a 0, not a gap closed up
    first, last = int(min(table)), int(max(table))
    years = list(range(first, last + 1))
    fig = _figure(figsize=(9, 4.2))
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
                     key=lambda a: (-a.articles, a.name))[:REGIONS]
    rows = []
    for actor in regions:
        counted = sum(actor.years.values(), Counter())
        rows.append([counted[label] for label in direction_labels()])
    return regions, rows


def by_region(corpus: Corpus):
    """Heat map: regions × directions, cells are articles naming the region with that direction."""
    regions, rows = region_table(corpus)
    if not regions or not any(map(any, rows)):
        return None
    labels = direction_labels()
    fig = _figure(figsize=(2.5 + 0.8 * len(labels), 1.6 + 0.32 * len(regions)))
    ax = fig.add_subplot()
    top = max(map(max, rows)) or 1
    image = ax.imshow(rows, cmap="YlGnBu", vmin=0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(labels)), [f"{direction_name(label)}\n({label})" for label in labels],
                  rotation=35, ha="right", fontsize=8)
    ax.set_yticks(range(len(regions)), [f"{a.name} ({a.articles})" for a in regions])
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                ax.text(c, r, str(v), ha="center", va="center", fontsize=7, color="white" if v > 0.6 * top else "black")
    fig.colorbar(image, ax=ax, label="статей", fraction=0.04)
    ax.set_title(f"Направления по регионам ({len(regions)} регионов, названных в наибольшем числе статей)")
    return fig


PICTURES = {"time": over_time, "regions": by_region}


def data(corpus: Corpus) -> dict:
    """What the pictures are drawn from: the same data, the same pictures."""
    regions, rows = region_table(corpus)
    return {"years": {y: dict(c) for y, c in corpus.years.items()}, "regions": [a.name for a in regions],
            "rows": rows, "articles": [a.articles for a in regions]}


def pictures(corpus: Corpus) -> dict:
    """name -> SVG text, for the pictures that have data."""
    out = {}
    for name, draw in PICTURES.items():
        fig = draw(corpus)
        if fig is not None:
            out[name] = svg(fig)
    return out
