from dataclasses import replace

import pytest

from pipeline.nlp.spans import changed
from pipeline.records import Entity


def entity():
    return Entity(10, 23, "Омской области", "LOC", "Омская область", kind="region", id="iso:RU-OMS",
                  source="gazetteer", flags=["historical"])


def test_changed_is_what_replace_makes():
    e = entity()
    new = changed(e, start=0, end=5, text="Омска", normal="Омск")
    assert new == replace(e, start=0, end=5, text="Омска", normal="Омск")
    assert type(new) is Entity and new is not e
    assert new.flags is e.flags  # shared, as replace shares it


def test_changed_leaves_the_original():
    e = entity()
    changed(e, label="ORG", canonical="Омская область")
    assert (e.label, e.canonical) == ("LOC", None)


def test_changed_refuses_an_unknown_field():
    with pytest.raises(TypeError):
        changed(entity(), nrmal="Омск")
