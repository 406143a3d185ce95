"""The registry's GC scope: a raised young threshold while the detectors read a page, then restored."""

from __future__ import annotations

import gc

import pytest

from extractors import registry


def test_threshold_raised_inside_and_restored_after() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with registry._fewer_collections():
            assert gc.get_threshold() == (registry.GC_YOUNG_THRESHOLD, 10, 10)
        assert gc.get_threshold() == (700, 10, 10)
        with pytest.raises(RuntimeError), registry._fewer_collections():
            raise RuntimeError("a detector failed")
        assert gc.get_threshold() == (700, 10, 10)  # restored on an error too
    finally:
        gc.set_threshold(*before)


def test_a_higher_or_switched_off_setting_is_left_alone() -> None:
    before = gc.get_threshold()
    try:
        for setting in ((0, 10, 10), (registry.GC_YOUNG_THRESHOLD * 2, 10, 10)):
            gc.set_threshold(*setting)
            with registry._fewer_collections():
                assert gc.get_threshold() == setting
            assert gc.get_threshold() == setting
    finally:
        gc.set_threshold(*before)
