"""OUT/corpus.jsonl: every document of the run, one per line, in file name
order. Rewritten only when a document changed since it was last written,
and then streamed: the line of a document unchanged since is copied from
the old corpus.jsonl, only a changed document's file is read (as text, not
parsed). So a rerun reads what changed, and memory is one document at most."""

from contextlib import nullcontext
from pathlib import Path

from pipeline.outputs.parts import Parts, file_stamps, signature_of
from pipeline.run.store import CORPUS, one_line, write_atomic


def write_corpus(out_dir, names) -> bool:
    """Write corpus.jsonl from the document files `names`; False when it was current."""
    out_dir = Path(out_dir)
    paths = [out_dir / name for name in sorted(names)]
    target, ledger = out_dir / CORPUS, Parts(out_dir, {})
    try:
        stamps = file_stamps(paths)
        current = signature_of(stamps)
        if ledger.written(CORPUS, current, target):
            return False
        old = ledger.lines(CORPUS) if ledger.intact(CORPUS, target) else []
        write_atomic(target, _lines(paths, stamps, old, target))
        ledger.mark_written(CORPUS, current, target, lines=[[p.name, stamps.get(p.name)] for p in paths])
        return True
    finally:
        ledger.close()


def _lines(paths: list, stamps: dict, old: list, target: Path):
    """The lines of the new corpus.jsonl: `old` lists [file, stamp] of each
    line of the old one, in the same (file name) order as `paths`."""
    with open(target, encoding="utf-8") if old else nullcontext(()) as lines:
        previous = iter(zip(map(tuple, old), lines))
        line = next(previous, None)
        for path in paths:
            while line and line[0][0] < path.name:  # a document no longer in the run
                line = next(previous, None)
            if line and line[0] == (path.name, stamps.get(path.name)):
                yield line[1]
                line = next(previous, None)
            else:
                yield one_line(path.read_text(encoding="utf-8"))
