"""Exports of a run for other tools, written to OUT/exports/:
entities.csv, mentions.csv, directions.csv (pandas, spreadsheets),
network.graphml (Gephi, networkx), ties.csv and ties.graphml (cooperation
ties and the territory network they make), labelstudio.json and
labelstudio_config.xml (Label Studio)."""

import json
from pathlib import Path

from pipeline.run.store import write_atomic
from pipeline.outputs.exports import labelstudio_tasks as labelstudio
from pipeline.outputs.exports import tables
from pipeline.outputs.exports.network import cooccurrence_graph, graphml_text
from pipeline.outputs.exports.ties import TIE_COLUMNS, tie_rows, ties_graph
from pipeline.outputs.reading import load_documents

EXPORTS = "exports"


def _one_task_a_line(tasks: list) -> str:
    """A JSON list, one task a line: json's C encoder (with an indent it encodes in pure Python, ~10x slower)."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    return "[\n" + ",\n".join(map(encode, tasks)) + "\n]\n"


def write_exports(out_dir) -> Path:
    """Write every export from the JSON files in out_dir; returns OUT/exports."""
    docs = load_documents(out_dir)
    target = Path(out_dir) / EXPORTS
    files = {
        "entities.csv": tables.csv_text(tables.ENTITY_COLUMNS, tables.entity_rows(docs)),
        "mentions.csv": tables.csv_text(tables.MENTION_COLUMNS, tables.mention_rows(docs)),
        "directions.csv": tables.csv_text(tables.direction_columns(), tables.direction_rows(docs)),
        "network.graphml": graphml_text(cooccurrence_graph(docs)),
        "ties.csv": tables.csv_text(TIE_COLUMNS, tie_rows(docs)),
        "ties.graphml": graphml_text(ties_graph(docs)),
        "labelstudio.json": _one_task_a_line(labelstudio.tasks(docs)),
        "labelstudio_config.xml": labelstudio.config_text(),
    }
    for name, text in files.items():
        write_atomic(target / name, text)
    return target
