"""Exports of a run for other tools, written to OUT/exports/: Parquet
tables for analysis (documents, entities, mentions, sentences, ties),
entities.csv, mentions.csv, directions.csv (spreadsheets), network.graphml
(Gephi, networkx), ties.csv and ties.graphml (cooperation ties and the
territory network they make), labelstudio_config.xml. The Label Studio
tasks file is written on request (labelstudio_file.py).

Incremental: the rows each document contributes are kept between runs
(parts.py), so a run reads only the documents that changed, an export whose
documents are all unchanged is not written again, and the others are
streamed, so memory does not grow with the corpus."""

from pathlib import Path

from pipeline.outputs.analysis import PARQUET, PARTS, schemas
from pipeline.outputs.exports import tables
from pipeline.outputs.parts import Parts
from pipeline.run.store import write_atomic

EXPORTS = "exports"
EXPORT_FILES = [*(f"{table}.parquet" for table in PARQUET), "entities.csv", "mentions.csv", "directions.csv",
                "network.graphml", "ties.csv", "ties.graphml", "labelstudio_config.xml"]


class Rows:
    """A table's rows, streamed from the parts store each time it is iterated
    (the network reads the documents twice: nodes, then edges)."""

    def __init__(self, parts: Parts, table: str):
        self.parts, self.table = parts, table

    def __iter__(self):
        return self.parts.rows(self.table)


def _writers() -> dict:
    """file name -> function (parts, path) that writes it. pyarrow and
    networkx are imported here, when something is to be written."""
    from pipeline.outputs.exports import parquet
    from pipeline.outputs.exports.network import cooccurrence_graph, graphml_text
    from pipeline.outputs.exports.ties import TIE_COLUMNS, ties_graph
    csv = {"entities.csv": (tables.ENTITY_COLUMNS, "entities", lambda rows: rows),
           "mentions.csv": (tables.MENTION_COLUMNS, "mentions", tables.mention_csv_rows),
           "directions.csv": (tables.direction_columns(), "directions", lambda rows: rows),
           "ties.csv": (TIE_COLUMNS, "ties_csv", lambda rows: rows)}
    writers = {f"{table}.parquet": (lambda parts, path, t=table: parquet.write(path, schemas()[t], parts.rows(t)))
               for table in PARQUET}
    writers.update({name: (lambda parts, path, c=columns, t=table, f=adapt:
                           write_atomic(path, tables.csv_lines(c, f(parts.rows(t)))))
                    for name, (columns, table, adapt) in csv.items()})
    writers["network.graphml"] = lambda parts, path: write_atomic(
        path, graphml_text(cooccurrence_graph(Rows(parts, "network"))))
    writers["ties.graphml"] = lambda parts, path: write_atomic(
        path, graphml_text(ties_graph(parts.rows("ties_network"))))
    writers["labelstudio_config.xml"] = lambda parts, path: write_atomic(path, labelstudio_config())
    return writers


def labelstudio_config() -> str:
    from pipeline.outputs.exports.labelstudio_tasks import config_text
    return config_text()


def write_exports(out_dir) -> Path:
    """Bring OUT/exports/ up to date with the document JSON in out_dir; returns OUT/exports."""
    target = Path(out_dir) / EXPORTS
    parts = Parts(out_dir, PARTS)
    try:
        signature = parts.update()
        names = [n for n in EXPORT_FILES if not parts.written(n, signature, target / n)]
        writers = _writers() if names else {}
        for name in names:
            writers[name](parts, target / name)
            parts.mark_written(name, signature, target / name)
    finally:
        parts.close()
    return target
