"""The scoring of `make eval` on made-up gold and predictions."""

from collections import Counter

from pipeline.evaluate.eval_entities import compare, prf, score_dev, span_rows


def ent(label, normal, **attrs):
    return {"label": label, "normal": normal, **attrs}


def test_pairs_are_counted_once_per_document_whatever_the_repetitions():
    gold = [{"entities": [ent("LOC", "Омская область", id="iso:RU-OMS"), ent("LOC", "Омская область"),
                          ent("PER", "Анна Петрова")]}]

    class E:
        def __init__(self, label, normal, id=None):
            self.label, self.normal, self.id, self.value, self.governs, self.kind = label, normal, id, None, None, None

    predicted = [[E("LOC", "Омская область", "iso:RU-KGN"), E("LOC", "Омская область"), E("ORG", "Акимат")]]
    counts, checks = score_dev(gold, predicted)
    assert (counts["LOC", "tp"], counts["PER", "fn"], counts["ORG", "fp"]) == (1, 1, 1)
    assert (checks["LOC", "id", "ok"], checks["LOC", "id", "total"]) == (0, 1)


def test_normals_match_with_yo_as_ye():
    gold = [{"entities": [ent("ORG", "Объединённые Нации")]}]

    class E:
        label, normal, id, value, governs, kind = "ORG", "Объединенные Нации", None, None, None, None

    counts, _ = score_dev(gold, [[E()]])
    assert counts["ORG", "tp"] == 1


def test_governs_is_checked_only_for_government_bodies():
    checks = Counter()
    compare(ent("ORG", "ТОО «Кастинг»", kind="company", governs=None), ent("ORG", "x", kind="company"), checks)
    assert checks["ORG", "governs", "total"] == 0


def test_exact_span_scoring_and_f1():
    docs = [{"spans": [{"start": 0, "end": 5, "label": "PER"}, {"start": 10, "end": 15, "label": "LOC"}]}]
    rows = dict((r[0], r[1:]) for r in span_rows(docs, [{(0, 5, "PER"), (10, 14, "LOC")}]))
    assert rows["PER"] == (1, 0, 0) and rows["LOC"] == (0, 1, 1)
    assert prf(1, 1, 1) == (0.5, 0.5, 0.5)
