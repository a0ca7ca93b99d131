"""Calls made behind the caller: in order, all made on leaving, an error raised in the caller's thread."""

import threading

import pytest

from pipeline.run.behind import DEPTH, behind

NAMES = ["Омская область", "Павлодарская область", "акимат Павлодара", "Казахстан"] * (DEPTH // 2)


def test_every_call_is_made_in_order_on_a_thread_of_its_own():
    made = []
    with behind(lambda name, n: made.append((name, n, threading.current_thread().name))) as call:
        for n, name in enumerate(NAMES):
            call(name, n)
    assert [(name, n) for name, n, _ in made] == [(name, n) for n, name in enumerate(NAMES)]
    assert {thread for *_, thread in made} == {"pipeline-behind"}


def test_unthreaded_it_is_the_function_itself():
    made = []
    with behind(made.append, threaded=False) as call:
        call("Омск")
        assert made == ["Омск"]


def test_an_error_in_a_call_is_raised_in_the_callers_thread_and_stops_the_calls():
    made = []

    def write(name):
        if name == "акимат Павлодара":
            raise OSError("No space left on device")
        made.append(name)
    with pytest.raises(OSError, match="No space"), behind(write) as call:
        for name in NAMES:
            call(name)
    assert made == NAMES[:2]  # the calls after the failed one are dropped, as the run stops there
