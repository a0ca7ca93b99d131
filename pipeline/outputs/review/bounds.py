"""What an article page shows of a very long document: its beginning, up to
fixed bounds, so that writing a page takes bounded time whatever the
document (the page's layout work grows faster than linearly with the number
of sentences and mentions). The page says what was left out; the whole
document is in its JSON file."""

MAX_CHARS = 100_000
MAX_PARAGRAPHS = 300
MAX_SENTENCES = 1_000
MAX_ENTITIES = 2_000


def _cut(doc: dict) -> int:
    """The text offset where the shown part ends."""
    cut = min(len(doc["text"]), MAX_CHARS)
    for items, most, edge in ((doc["paragraphs"], MAX_PARAGRAPHS, "start"), (doc["sentences"], MAX_SENTENCES, "start"),
                              (doc["entities"], MAX_ENTITIES, "start")):
        if len(items) > most:
            cut = min(cut, items[most][edge])
    return cut


def bounded(doc: dict):
    """(the document as shown, a note saying what was left out, or None)."""
    cut = _cut(doc)
    if cut >= len(doc["text"]):
        return doc, None
    clip = lambda items: [{**x, "end": min(x["end"], cut)} for x in items if x["start"] < cut]  # noqa: E731
    shown = {**doc, "text": doc["text"][:cut], "paragraphs": clip(doc["paragraphs"]),
             "sentences": clip(doc["sentences"]), "entities": [e for e in doc["entities"] if e["end"] <= cut]}
    n = lambda x: f"{x:,}".replace(",", "\u00a0")  # noqa: E731  (Russian digit groups)
    note = (f"Документ длинный: на странице показаны первые {n(cut)} из {n(len(doc['text']))} символов "
            f"({n(len(shown['paragraphs']))} из {n(len(doc['paragraphs']))} абзацев, "
            f"{n(len(shown['entities']))} из {n(len(doc['entities']))} упоминаний сущностей). "
            f"Весь документ — в файле {doc['doc_id']}.json.")
    return shown, note
