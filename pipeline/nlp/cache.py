"""Every per-word cache of the pipeline, in one registry with one budget.

News repeat their words, so the pipeline remembers what it computed for a
word (its analyses, lemma, keys, n-gram counts...) across documents. Each
such cache is declared here with its share of one budget, counted in
entries, so a worker's memory is bounded by one figure whatever the corpus;
`clear()` empties them all at once, `usage()` says how full each is.

    @cached("parse", 200_000)           a function's results (functools'
    def parse(word): ...                C-level LRU: no cost over lru_cache)

    register("strings", 200_000, d.clear, d.__len__)   a cache that manages
                                        its own entries (a dict cleared when full)

Models, the gazetteer and the word lists are not caches (nothing is ever
evicted from them): they are loaded once per process in `models.py`."""

from functools import lru_cache
from collections.abc import Callable
from typing import NamedTuple

BUDGET = 4_000_000  # entries over all caches: at most ~1 GB in a worker, ~0.3 GB on the bench corpus


class Entry(NamedTuple):
    size: int                    # most entries it may hold
    clear: Callable[[], None]
    count: Callable[[], int]     # entries it holds now


REGISTRY: dict = {}


class BudgetExceeded(RuntimeError):
    """The caches declared would hold more than BUDGET entries together."""


def register(name: str, size: int, clear: Callable[[], None], count: Callable[[], int]) -> None:
    """Declare a cache; declaring a name again replaces it (a model loaded again)."""
    used = sum(e.size for n, e in REGISTRY.items() if n != name)
    if used + size > BUDGET:
        raise BudgetExceeded(f"cache {name!r} of {size} entries: {used} of {BUDGET} are declared already")
    REGISTRY[name] = Entry(size, clear, count)


def cached(name: str, size: int):
    """Decorator: the function's results remembered, `size` most recent."""
    def wrap(func):
        remembered = lru_cache(maxsize=size)(func)
        register(name, size, remembered.cache_clear, lambda: remembered.cache_info().currsize)
        return remembered
    return wrap


def clear() -> None:
    """Empty every cache (the results stay the same: they are only remembered)."""
    for entry in REGISTRY.values():
        entry.clear()


def usage() -> dict:
    """name -> (entries held, entries allowed)."""
    return {name: (e.count(), e.size) for name, e in sorted(REGISTRY.items())}
