"""A Doc's extension attributes (`doc._.name`) read and written where spaCy
keeps them, the Doc's `user_data`: each `doc._` makes an `Underscore` object
and looks the name up through Python calls (~2 µs a read), a dictionary
look-up ~0.2 µs. Only for an attribute registered with a default of None and
no getter, setter or method (spaCy's value is then exactly the stored one,
None when unset): `plain()` says whether a name is one.

Touches: the key spaCy's `Underscore._get_key` files a Doc's value under,
("._.", name, None, None). Compared with `doc._` by
tests/adapters/test_spacy_underscore.py."""

from spacy.tokens import Doc


def key(name: str) -> tuple:
    return ("._.", name, None, None)


def plain(name: str) -> bool:
    """Is `doc._.name` a stored value, None by default (no getter, setter or method)?"""
    return Doc.get_extension(name) == (None, None, None, None)


def get(doc: Doc, name: str):
    """doc._.name of a plain attribute."""
    return doc.user_data.get(("._.", name, None, None))


def put(doc: Doc, name: str, value) -> None:
    """doc._.name = value, for a plain attribute."""
    doc.user_data[("._.", name, None, None)] = value
