"""Parquet files written in row groups as the rows stream in, to a
temporary file renamed into place (like every output of a run, and with
the same mode and temporary name: `store.temporary`)."""

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.run.store import temporary

ROW_GROUP = 50_000


def _batch(schema: pa.Schema, rows: list) -> pa.Table:
    columns = list(zip(*rows)) if rows else [[] for _ in schema]
    return pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in zip(columns, schema)], schema=schema)


def write(path: Path, schema: pa.Schema, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temporary(path)
    os.close(fd)  # pyarrow opens it by name
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) == ROW_GROUP:
                    writer.write_table(_batch(schema, batch))
                    batch = []
            if batch:
                writer.write_table(_batch(schema, batch))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
