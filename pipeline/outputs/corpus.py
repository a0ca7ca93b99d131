"""OUT/corpus.jsonl: every document of the run, one per line, in file name
order. Rebuilt from the document files (as text, not parsed) only when one
of them changed since it was last written: a rerun that changes nothing
leaves it alone, and a rebuild streams, so memory is one document at most."""

from pathlib import Path

from pipeline.outputs.parts import Parts, signature
from pipeline.run.store import CORPUS, one_line, write_atomic


def write_corpus(out_dir, names) -> bool:
    """Write corpus.jsonl from the document files `names`; False when it was current."""
    out_dir = Path(out_dir)
    paths = [out_dir / name for name in sorted(names)]
    target, ledger = out_dir / CORPUS, Parts(out_dir, {})
    try:
        current = signature(paths)
        if ledger.written(CORPUS, current, target):
            return False
        write_atomic(target, (one_line(p.read_text(encoding="utf-8")) for p in paths))
        ledger.mark_written(CORPUS, current, target)
        return True
    finally:
        ledger.close()
