"""The review site of a run, OUT/report/, in Russian, opening from disk with
no server and no network:

  index.html            the articles: search, filters, sort, pages (data/index.js)
  actors.html           every actor of the corpus (data/actors.js), actors/<slug>.html one page each
  charts.html           directions over time and by region (SVG)
  network.html          the network of ties (cytoscape, data/network.js)
  map.html              the ties between territories on country outlines (d3-geo, world-atlas)
  articles/<id>.html    one article: text, directions of every sentence, entities, ties

The JavaScript libraries are vendored into the package (static/vendor/) and
copied beside the pages.

Incremental, in memory that does not hold the documents: the site is built
from each document's summary row in the run's parts store (summary.py,
outputs/parts.py), made when the document's JSON changed. An article page is
rewritten when its JSON changed, an actor page when what it shows changed,
the data files when any document changed, the pictures when their data
changed; state.json keeps
what each page was made from. A run that changed no document rewrites only
the corpus pages' HTML (they name the run). matplotlib, spaCy's displaCy and
Jinja2 are imported only when something is drawn or rendered."""

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pipeline.outputs.analysis import PARTS
from pipeline.outputs.parts import Parts
from pipeline.outputs.reading import light, load_manifest
from pipeline.outputs.review.actors import actor_page as actor_file  # the name actor_page is the submodule
from pipeline.outputs.review.corpus import Corpus, actors_data, index_script, network_data
from pipeline.outputs.review.index import index_context, page_name
from pipeline.outputs.review.ties import COOCCURRENCE
from pipeline.run import ledger
from pipeline.run.store import read_document, write_atomic

REPORT = "report"
STATE = "state.json"
CORPUS_PAGES = {"index.html": "index.html", "actors.html": "actors.html", "charts.html": "charts.html",
                "network.html": "network.html", "map.html": "map.html"}
DATA = ("data/index.js", "data/actors.js", "data/network.js")


@dataclass
class Build:
    index: Path
    written: list = field(default_factory=list)   # pages of articles and actors written by this run
    kept: int = 0                                  # such pages left as they were


def _package_files():
    root = resources.files(__package__)
    for folder in (root, root / "templates", root / "static", root / "static" / "vendor"):
        for f in sorted(folder.iterdir(), key=lambda f: f.name):
            if f.is_file() and not f.name.startswith("."):
                yield f


def site_version() -> str:
    """A hash of the code, templates and scripts: when they change, every page is rewritten."""
    h = hashlib.sha1()
    for f in _package_files():
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def _digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def _state(target: Path, version: str) -> dict:
    """The last build's state: {"pages": page -> what it was made from, "documents": the
    signature of the documents, "counts", "pictures", "charts"}; {} after a change of the site."""
    try:
        state = json.loads((target / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if state.get("version") == version else {}


class Pages:
    """Writes a page only when what it is made from differs from the last run's."""

    def __init__(self, out: Path, old: dict, written_ahead: ledger.Appender):
        self.target, self.old, self.new, self.written_ahead = out / REPORT, old, {}, written_ahead
        self.build = Build(self.target / "index.html")

    def put(self, name: str, digest: str, make) -> None:
        self.new[name] = digest
        if self.old.get(name) == digest and (self.target / name).exists():
            self.build.kept += 1
            return
        self.written_ahead.record([f"{REPORT}/{name}"])  # before writing it
        write_atomic(self.target / name, make())
        self.build.written.append(name)


def copy_static(target: Path) -> None:
    """The site's own scripts and the vendored libraries, beside the pages."""
    source = resources.files(__package__) / "static"
    for name in ("table.js", "network.js", "map.js"):
        write_atomic(target / "static" / name, (source / name).read_text(encoding="utf-8"))
    # one style sheet for every page (inlined, it would be 6 KB more in each of 10,000 pages)
    css = (resources.files(__package__) / "templates" / "style.css").read_text(encoding="utf-8")
    write_atomic(target / "static" / "style.css", css)
    vendor = target / "static" / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    for f in (source / "vendor").iterdir():
        if f.is_file():
            (vendor / f.name).write_bytes(f.read_bytes())
    shutil.rmtree(vendor / "licenses", ignore_errors=True)
    (vendor / "licenses").mkdir()
    for f in (source / "vendor" / "licenses").iterdir():
        (vendor / "licenses" / f.name).write_bytes(f.read_bytes())


def _script(name: str, data) -> str:
    """A data file as a script assigning a global: fetch() of local files is blocked on file:// pages."""
    return f"window.{name} = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"


def _remove_stale(out_dir: Path, keep: set) -> None:
    """Pages of articles and actors no longer in the run would be read as
    current; only pages the pipeline wrote are removed (a user's own pages
    beside them stay)."""
    prefixes = tuple(f"{REPORT}/{folder}/" for folder in ("articles", "actors"))
    ledger.remove(out_dir, [n for n in ledger.load(out_dir)
                            if n.startswith(prefixes) and n[len(REPORT) + 1:] not in keep])


def article_page(doc: dict) -> str:
    """A page's work is bounded whatever the document: a very long one is
    shown up to fixed bounds, with a note; its facts are of the whole."""
    from pipeline.outputs.review.article import article_context, facts  # displaCy: only to write a page
    from pipeline.outputs.review.bounds import bounded
    from pipeline.outputs.review.site import render
    shown, note = bounded(doc)
    return render("article.html", **{**article_context(shown), "facts": facts(doc)}, note=note)


def _article_maker(path: Path):
    return lambda: article_page(light(read_document(path)))


def _current(target: Path, state: dict, documents: str) -> bool:
    """Is the site as the last build left it, made from these very documents?"""
    names = [*state.get("pages", {}), *DATA, *(f"{name}.svg" for name in state.get("pictures", {}))]
    return state.get("documents") == documents and all((target / n).exists() for n in names)


def build_site(out_dir) -> Build:
    out = Path(out_dir)
    target = out / REPORT
    parts = Parts(out, PARTS)
    try:
        documents = parts.update()
        version = site_version()
        state = _state(target, version)
        if _current(target, state, documents):
            write_corpus_pages(target, state["counts"], load_manifest(out), state["pictures"])
            return Build(target / "index.html", kept=len(state["pages"]))
        return _build(out, parts, state, {"version": version, "documents": documents})
    finally:
        parts.close()


def _build(out: Path, parts: Parts, state: dict, new_state: dict) -> Build:
    target = out / REPORT
    corpus = Corpus("ties" if parts.has_rows("ties") else COOCCURRENCE)
    with ledger.Appender(out) as written_ahead:  # open while the pages are written: one write a page
        pages = Pages(out, state.get("pages", {}), written_ahead)
        for file, stamp, rows in parts.entries("review"):
            for row in rows:  # one, or none for a JSON file that is not a document
                corpus.add(row)
                pages.put(page_name(row["doc_id"]), stamp, _article_maker(out / file))
        for actor in corpus.actors.values():
            pages.put(actor_file(actor.key), *_actor_page(corpus, actor))
    _remove_stale(out, set(pages.new))
    if not state or not (target / "static" / "vendor" / "licenses").is_dir():  # a first build, a new site
        copy_static(target)
    write_atomic(target / "data" / "index.js",
                 index_script(corpus, (row for _, _, rows in parts.entries("review") for row in rows)))
    write_atomic(target / "data" / "actors.js", _script("REVIEW_ACTORS", actors_data(corpus)))
    write_atomic(target / "data" / "network.js", _script("REVIEW_NETWORK", network_data(corpus)))
    charts, pictures = draw_pictures(target, corpus, state)
    write_corpus_pages(target, corpus.counts(), load_manifest(out), pictures)
    write_atomic(target / STATE, json.dumps({**new_state, "counts": corpus.counts(), "charts": charts,
                                             "pictures": pictures, "pages": pages.new}, ensure_ascii=False))
    return pages.build


def _actor_page(corpus: Corpus, actor) -> tuple:
    """(digest of what the page shows, a function writing it)."""
    from pipeline.outputs.review.actor_page import actor_context
    context = actor_context(corpus, actor)
    digest = _digest(json.dumps(context, ensure_ascii=False, sort_keys=True, default=str).encode())

    def make():
        from pipeline.outputs.review.site import render
        return render("actor.html", **context)
    return digest, make


def draw_pictures(target: Path, corpus: Corpus, state: dict) -> tuple:
    """(digest of the pictures' data, {name: True} of those drawn); drawn
    again only when their data changed (matplotlib is not imported otherwise)."""
    from pipeline.outputs.review import charts
    digest = _digest(json.dumps(charts.data(corpus), ensure_ascii=False, sort_keys=True).encode())
    if state.get("charts") == digest:
        return digest, state["pictures"]
    svgs = charts.pictures(corpus)
    for name in charts.PICTURES:
        path = target / f"{name}.svg"
        if name in svgs:
            write_atomic(path, svgs[name])
        else:
            path.unlink(missing_ok=True)  # an earlier run's
    return digest, {name: True for name in svgs}


def write_corpus_pages(target: Path, counts: dict, manifest: dict, pictures: dict) -> None:
    from pipeline.outputs.review.site import render
    context = index_context(counts, manifest, pictures)
    for name, template in CORPUS_PAGES.items():
        write_atomic(target / name, render(template, **context))


def write_review(out_dir) -> Path:
    """Write the review site from the JSON files in out_dir; returns OUT/report/index.html."""
    return build_site(out_dir).index
