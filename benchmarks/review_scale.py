"""`make bench-review`: build the review site for N generated articles
(10,000 by default) and print the time, the size of the index page and of
its data file; then change 1% of the articles and time the incremental
rebuild, then a build with nothing changed. The full build includes making
every document's rows in the parts store (the exports' too, as a run does).
The articles are contract JSON made here from a few sentence patterns over
the gazetteer's regions (schema 1.1: ties, canonical, metadata on every
other article), so the site has the shape of a real run."""

import argparse
import csv
import io
import json
import random
import resource
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's pipeline, not an installed one
from pipeline.outputs.reading import direction_labels
from pipeline.outputs.review import build_site
from pipeline.run import ledger

PATTERNS = [
    "Делегация {a} посетила {b} и обсудила развитие торговли.",
    "Правительство {a} и руководство {b} подписали соглашение о сотрудничестве.",
    "Студенты из {a} приехали на летнюю школу в {b}.",
    "Спасатели {a} помогли коллегам из {b} во время паводка.",
    "В {a} прошли Дни культуры {b}.",
    "Учёные {a} и {b} начали совместное исследование.",
]


def regions() -> list:
    text = resources.files("pipeline").joinpath("data", "coordinates", "places.tsv").read_text(encoding="utf-8")
    return [r for r in csv.DictReader(io.StringIO(text), delimiter="\t") if r["kind"] == "region"]


def partners(places: list, rng: random.Random, count=80) -> list:
    """Pairs of a Russian region and a region of another country: the
    articles speak of these, some far more often than others (weights 1/k),
    as a real corpus keeps returning to a few partnerships."""
    ru = [p for p in places if p["country"] == "RU"]
    other = [p for p in places if p["country"] != "RU"] or ru
    return [(rng.choice(ru), rng.choice(other)) for _ in range(count)]


def article(n: int, places: list, rng: random.Random, pairs=None) -> dict:
    text, sentences, entities, paragraphs, ties = "", [], [], [], []
    head = f"Сотрудничество регионов: выпуск {n}"
    text = head
    paragraphs.append({"start": 0, "end": len(head), "directions": []})
    sentences.append({"start": 0, "end": len(head), "paragraph": 0, "directions": []})
    labels = direction_labels()
    year = rng.randint(2005, 2025)
    for p in range(1, 4):
        text += "\n\n"
        p_start = len(text)
        for _ in range(rng.randint(2, 4)):
            a, b = rng.choices(pairs, weights=[1 / (k + 1) for k in range(len(pairs))])[0] if pairs \
                else rng.sample(places, 2)
            pattern = rng.choice(PATTERNS)
            if len(text) > p_start:
                text += " "
            s_start = len(text)
            # the names as written (nominative here: the generator does not inflect)
            before, middle, after = pattern.partition("{a}")[0], *pattern.partition("{a}")[2].partition("{b}")[::2]
            text += before
            for place, tail in ((a, middle), (b, after)):
                entities.append({"start": len(text), "end": len(text) + len(place["name"]), "text": place["name"],
                                 "label": "LOC", "kind": "region", "normal": place["name"], "canonical": place["name"],
                                 "id": place["id"] or None, "value": None, "sentence": len(sentences), "source": "ner"})
                text += place["name"] + tail
            dirs = [{"label": d, "score": round(rng.uniform(0.5, 1), 2)} for d in rng.sample(labels, rng.randint(0, 2))]
            sentences.append({"start": s_start, "end": len(text), "paragraph": p, "directions": dirs})
            if rng.random() < 0.5:
                ties.append({"parties": sorted([{"normal": a["name"], "id": a["id"] or None},
                                                {"normal": b["name"], "id": b["id"] or None}],
                                               key=lambda x: x["normal"]),
                             "type": rng.choice(["agreement", "visit", "aid", "project"]),
                             "date": f"{year}-{rng.randint(1, 12):02d}", "directions": [d["label"] for d in dirs],
                             "score": 0.8, "evidence": [len(sentences) - 1]})
        paragraphs.append({"start": p_start, "end": len(text), "directions": []})
    doc_dirs = [{"label": d, "score": round(rng.uniform(0.4, 1), 2), "evidence": [1]}
                for d in rng.sample(labels, rng.randint(1, 3))]
    doc = {"schema_version": "1.1", "doc_id": f"gen{n:05d}", "text": text, "language": "ru",
           "source": {"path": f"gen/site{n % 7}/gen{n:05d}.txt", "sha256": "0" * 64, "format": "txt",
                      "encoding": "utf-8"},
           "sentences": sentences, "paragraphs": paragraphs, "tokens": [], "entities": entities,
           "directions": doc_dirs, "ties": ties, "stats": {"chars": len(text), "sentences": len(sentences)}}
    if n % 2:
        doc["metadata"] = {"title": head, "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                           "author": None, "site": f"site{n % 7}.example"}
    return doc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    rng, places = random.Random(7), regions()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        pairs = partners(places, rng)
        names = []
        for n in range(args.articles):  # written one by one: the build's memory is what is measured
            doc = article(n, places, rng, pairs)
            names.append(f"{doc['doc_id']}.json")
            (out / names[-1]).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        ledger.record(out, names)  # a run's own documents
        started = time.perf_counter()
        build = build_site(out)
        full = time.perf_counter() - started
        report = out / "report"
        index, data = (report / "index.html").stat().st_size, (report / "data" / "index.js").stat().st_size
        pages = len(list(report.glob("articles/*.html"))) + len(list(report.glob("actors/*.html")))
        total = sum(f.stat().st_size for f in report.rglob("*") if f.is_file())
        for name in names[:: 100]:
            doc = json.loads((out / name).read_text(encoding="utf-8"))
            doc["directions"] = doc["directions"][:1]
            (out / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        started = time.perf_counter()
        again = build_site(out)
        incremental = time.perf_counter() - started
        started = time.perf_counter()
        build_site(out)
        unchanged = time.perf_counter() - started
    print(f"articles: {args.articles:,}; pages written: {len(build.written):,} ({pages:,} article and actor pages)")
    print(f"full build: {full:.1f} s; site {total / 2**20:.1f} MB")
    print(f"index.html: {index / 1024:.1f} KB; data/index.js: {data / 2**20:.2f} MB")
    print(f"incremental build after changing {len(names[::100])} articles: {incremental:.1f} s, "
          f"{len(again.written)} pages written, {again.kept:,} kept")
    print(f"build with no article changed: {unchanged:.1f} s")
    print(f"peak resident memory of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
