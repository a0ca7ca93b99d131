"""One whole sample article end to end: every entity (label, mention,
normal form, kind, id, value), the document's directions and its ties, as
reviewed by hand in tests/golden/. A change anywhere in the pipeline that
alters what a reader of this article sees shows up here at once."""

import json

import pipeline
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "02_altai_vko_news.json"


def test_the_sample_article_gives_its_reviewed_entities_directions_and_ties():
    gold = json.loads(GOLDEN.read_text(encoding="utf-8"))
    record = pipeline.process_file(ROOT / gold["article"])
    assert [[e.label, e.text, e.normal, e.kind, e.id, e.value] for e in record.entities] == gold["entities"]
    assert sorted(d.label for d in record.directions) == gold["directions"]
    assert sorted([t.parties[0].normal, t.parties[1].normal, t.type] for t in record.ties) == gold["ties"]
