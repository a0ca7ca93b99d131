"""Word lists kept as data files in data/lexicon/ (one entry per line,
# comments allowed)."""

from functools import lru_cache
from importlib import resources


def data_lines(*path: str) -> list:
    text = resources.files("pipeline").joinpath("data", *path).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def words(name: str) -> frozenset:
    return frozenset(data_lines("lexicon", name))


@lru_cache(maxsize=None)
def table(name: str) -> dict:
    return dict(line.split("\t")[:2] for line in data_lines("lexicon", name))
