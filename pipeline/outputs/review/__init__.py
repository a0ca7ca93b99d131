"""The review site of a run, OUT/report/: index.html (the corpus, its
pictures and failures) and articles/<doc_id>.html (one page per article).
Static files that open from disk: CSS inline, pictures as local SVG files,
no script, nothing fetched from the network."""

from pathlib import Path

from pipeline.outputs.reading import load_documents, load_manifest
from pipeline.run.store import write_atomic
from pipeline.outputs.review import charts
from pipeline.outputs.review import network_picture
from pipeline.outputs.review.article import article_context
from pipeline.outputs.review.index import index_context, page_name
from pipeline.outputs.review.bounds import bounded
from pipeline.outputs.review.site import render
from pipeline.run import ledger

REPORT = "report"
PICTURES = {"heatmap": charts.heatmap, "top_entities": charts.top_entities, "network": network_picture.network}


def write_pictures(docs: list, target: Path) -> dict:
    """SVG files by picture name; no heat map when nothing has a direction."""
    files = {}
    for name, draw in PICTURES.items():
        if name == "heatmap" and not any(d.get("directions") for d in docs):
            (target / f"{name}.svg").unlink(missing_ok=True)  # an earlier run's
            continue
        files[name] = f"{name}.svg"
        write_atomic(target / files[name], charts.svg(draw(docs)))
    return files


def _remove_stale(out_dir: Path, keep: set) -> None:
    """Pages of articles no longer in the run would be read as current; only
    pages the pipeline wrote are removed (a user's own pages beside them stay)."""
    prefix = f"{REPORT}/articles/"
    ledger.remove(out_dir, [n for n in ledger.load(out_dir) if n.startswith(prefix) and n[len(REPORT) + 1:] not in keep])


def write_review(out_dir) -> Path:
    """Write the review site from the JSON files in out_dir; returns OUT/report/index.html."""
    docs, manifest = load_documents(out_dir), load_manifest(out_dir)
    target = Path(out_dir) / REPORT
    pictures = write_pictures(docs, target) if docs else {}
    ledger.record(out_dir, [f"{REPORT}/{page_name(d['doc_id'])}" for d in docs])
    for doc in docs:
        shown, note = bounded(doc)  # a page's work is bounded whatever the document
        write_atomic(target / page_name(doc["doc_id"]), render("article.html", **article_context(shown), note=note))
    _remove_stale(Path(out_dir), {page_name(d["doc_id"]) for d in docs})
    write_atomic(target / "index.html", render("index.html", **index_context(docs, manifest, pictures)))
    return target / "index.html"
