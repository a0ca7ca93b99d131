"""The review site of a run, OUT/report/, in Russian, opening from disk with
no server and no network:

  index.html            the articles: search, filters, sort, pages (data/index.js)
  actors.html           every actor of the corpus (data/actors.js), actors/<slug>.html one page each
  charts.html           directions over time and by region (SVG)
  network.html          the network of ties (cytoscape, data/network.js)
  map.html              the ties between territories on country outlines (d3-geo, world-atlas)
  articles/<id>.html    one article: text, directions of every sentence, entities, ties

The JavaScript libraries are vendored into the package (static/vendor/) and
copied beside the pages. A run rewrites only the pages whose inputs changed
(state.json keeps a hash of each page's inputs) and the corpus-level pages."""

import hashlib
import json
import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pipeline.outputs.reading import load_documents, load_manifest
from pipeline.outputs.review import charts
from pipeline.outputs.review.actor_page import actor_context
from pipeline.outputs.review.actors import actor_page
from pipeline.outputs.review.article import article_context, facts
from pipeline.outputs.review.corpus import Corpus, actors_data, index_data, network_data
from pipeline.outputs.review.index import index_context, page_name
from pipeline.outputs.review.bounds import bounded
from pipeline.outputs.review.site import render
from pipeline.run import ledger
from pipeline.run.store import write_atomic

REPORT = "report"
STATE = "state.json"
CORPUS_PAGES = {"index.html": "index.html", "actors.html": "actors.html", "charts.html": "charts.html",
                "network.html": "network.html", "map.html": "map.html"}


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
    try:
        state = json.loads((target / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state.get("pages", {}) if state.get("version") == version else {}


class Pages:
    """Writes a page only when the hash of its inputs differs from the last run's."""

    def __init__(self, target: Path, old: dict):
        self.target, self.old, self.new, self.build = target, old, {}, Build(target / "index.html")

    def put(self, name: str, digest: str, make) -> None:
        self.new[name] = digest
        if self.old.get(name) == digest and (self.target / name).exists():
            self.build.kept += 1
            return
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
    shown, note = bounded(doc)
    return render("article.html", **{**article_context(shown), "facts": facts(doc)}, note=note)


def build_site(out_dir) -> Build:
    out = Path(out_dir)
    target = out / REPORT
    docs, manifest = load_documents(out), load_manifest(out)
    version = site_version()
    pages = Pages(target, _state(target, version))
    ledger.record(out, [f"{REPORT}/{page_name(d['doc_id'])}" for d in docs])  # before writing them
    for doc in docs:
        source = out / f"{doc['doc_id']}.json"
        digest = _digest(source.read_bytes()) if source.exists() else None
        pages.put(page_name(doc["doc_id"]), digest or "", lambda d=doc: article_page(d))
    corpus = Corpus.build(docs)
    ledger.record(out, [f"{REPORT}/{actor_page(key)}" for key in corpus.actors])
    for actor in corpus.actors.values():
        context = actor_context(corpus, actor, page_name)
        digest = _digest(json.dumps(context, ensure_ascii=False, sort_keys=True, default=str).encode())
        pages.put(actor_page(actor.key), digest, lambda c=context: render("actor.html", **c))
    _remove_stale(out, set(pages.new))
    copy_static(target)
    write_corpus_pages(target, corpus, manifest)
    write_atomic(target / STATE, json.dumps({"version": version, "pages": pages.new}, ensure_ascii=False))
    return pages.build


def write_corpus_pages(target: Path, corpus: Corpus, manifest: dict) -> None:
    write_atomic(target / "data" / "index.js", _script("REVIEW_INDEX", index_data(corpus, page_name)))
    write_atomic(target / "data" / "actors.js", _script("REVIEW_ACTORS", actors_data(corpus)))
    write_atomic(target / "data" / "network.js", _script("REVIEW_NETWORK", network_data(corpus)))
    svgs = charts.pictures(corpus)
    for name in charts.PICTURES:
        path = target / f"{name}.svg"
        if name in svgs:
            write_atomic(path, svgs[name])
        else:
            path.unlink(missing_ok=True)  # an earlier run's
    context = index_context(corpus, manifest, svgs)
    for name, template in CORPUS_PAGES.items():
        write_atomic(target / name, render(template, **context))


def write_review(out_dir) -> Path:
    """Write the review site from the JSON files in out_dir; returns OUT/report/index.html."""
    return build_site(out_dir).index
