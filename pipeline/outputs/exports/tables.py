"""The CSV exports: plain UTF-8, comma-separated, one header line, so that
pandas.read_csv, spreadsheets and the csv module read them as they are.
Written line by line from the rows of analysis.py."""

import csv
import io

from pipeline.outputs.reading import direction_labels

ENTITY_COLUMNS = ["doc_id", "label", "kind", "normal", "id", "mentions", "governs", "canonical"]
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "label", "kind", "normal", "id", "governs",
                   "value", "currency", "sentence", "paragraph", "source"]


def direction_columns() -> list:
    return ["doc_id", "directions", *direction_labels()]


def mention_csv_rows(rows):
    """Parquet's mention rows -> the CSV's: a MONEY amount goes in `value`;
    the canonical name is entities.csv's column, not repeated per mention."""
    for (doc_id, start, end, text, label, kind, normal, _canonical, id_, governs, value, amount, currency,
         sentence, paragraph, source) in rows:
        yield [doc_id, start, end, text, label, kind, normal, id_, governs,
               amount if amount is not None else value, currency, sentence, paragraph, source]


def csv_lines(columns: list, rows, batch: int = 1000):
    """The CSV text in pieces of `batch` rows: None is written as an empty field."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for n, row in enumerate(rows, 1):
        writer.writerow(["" if v is None else v for v in row])
        if n % batch == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()
