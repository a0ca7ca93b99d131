"""Russian-language text mining for paradiplomacy research.

Use from Python (a notebook, a script):

    import pipeline
    nlp = pipeline.load()                      # the spaCy Language, built once
    doc = nlp("Акимат Павлодарской области ...")  # doc.ents, doc._.entities, doc._.directions
    record = pipeline.process_text("...")      # the project's Document record
    record = pipeline.process_file("article.pdf")
    data = pipeline.to_json(record)            # the contract JSON (../shared/spec/output.md)
    for record in pipeline.read_outputs("outputs"):  # a run's output folder, back as records
        ...

Imports are deferred so that `import pipeline` stays cheap."""

__version__ = "0.2.0"
SCHEMA_VERSION = "1.1"  # 1.1: ties, metadata, canonical (additive)

__all__ = ["load", "process_text", "process_file", "to_json", "read_outputs", "__version__", "SCHEMA_VERSION"]


def load():
    """The pipeline's spaCy Language, built once per process."""
    from pipeline.nlp.build import pipeline
    return pipeline()


def process_text(text: str, doc_id: str = "text"):
    """A text -> the project's `Document` record (entities, directions, ...)."""
    import hashlib

    from pipeline.nlp.document import process
    from pipeline.records import Source
    source = Source(f"{doc_id}.txt", hashlib.sha256(text.encode("utf-8")).hexdigest(), "txt", None, text)
    return process(source, doc_id)


def process_file(path, doc_id: str = None):
    """An article file in any supported format -> its `Document` record."""
    from pathlib import Path

    from pipeline.ingest.sources import read_source
    from pipeline.nlp.document import process
    return process(read_source(path), doc_id or Path(path).stem)


def to_json(document) -> dict:
    """A `Document` record -> the contract JSON as a dict."""
    from pipeline.serialize import document_json
    return document_json(document)


def read_outputs(folder):
    """Every document of a run's output folder as a `Document` record, in doc_id order."""
    from pathlib import Path

    from pipeline.run.store import document_paths, read_document
    from pipeline.serialize import document_of
    docs = filter(None, map(read_document, document_paths(Path(folder))))
    for data in sorted(docs, key=lambda d: d["doc_id"]):
        yield document_of(data)
