"""A Doc's extension attributes (`doc._.name`) read and written where spaCy
keeps them, the Doc's `user_data`: each `doc._` makes an `Underscore` object
and looks the name up through Python calls (~2 µs a read), a dictionary
look-up ~0.2 µs. Only for an attribute registered with a default of None and
no getter, setter or method (spaCy's value is then exactly the stored one,
None when unset): `plain()` says whether a name is one.

Touches: the key spaCy's `Underscore._get_key` files a Doc's value under,
("._.", name, None, None), checked once a process (`keeps_values_there`:
elsewhere, no name is plain). Compared with `doc._` by
tests/adapters/test_spacy_underscore.py."""

from functools import lru_cache

from spacy.tokens import Doc
from spacy.vocab import Vocab


def key(name: str) -> tuple:
    return ("._.", name, None, None)


@lru_cache(maxsize=1)
def keeps_values_there() -> bool:
    """Does this spaCy file `doc._` values under `key`? Tried once on a
    Doc of its own: if a release moves them, every read goes through
    `doc._` again rather than finding nothing."""
    probe = "paradiplomacy_probe"
    if not Doc.has_extension(probe):
        Doc.set_extension(probe, default=None)
    doc = Doc(Vocab(), words=["Омск"])
    setattr(doc._, probe, "Павлодар")
    return doc.user_data.get(key(probe)) == "Павлодар"


def plain(name: str) -> bool:
    """Is `doc._.name` a stored value, None by default (no getter, setter or
    method), kept where `get` reads it?"""
    return Doc.get_extension(name) == (None, None, None, None) and keeps_values_there()


def get(doc: Doc, name: str):
    """doc._.name of a plain attribute."""
    return doc.user_data.get(key(name))


def put(doc: Doc, name: str, value) -> None:
    """doc._.name = value, for a plain attribute."""
    doc.user_data[key(name)] = value
