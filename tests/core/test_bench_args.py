"""The benchmarks' count options refuse bad counts with a usage error naming the option."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.args import count

ROOT = Path(__file__).resolve().parents[2]


def test_count_accepts_whole_numbers_at_or_above_its_minimum():
    assert count(0)("0") == 0 and count(1)("7") == 7


@pytest.mark.parametrize("text, message", [
    ("-2", "-2 is below the minimum 0"),
    ("x", "'x' is not a whole number"),
])
def test_extract_bench_names_the_option_and_what_was_wrong(text, message):
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "extract_bench.py"), "--unseen", text],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert f"argument --unseen: {message}" in run.stderr


def test_extract_ab_names_a_directory_that_is_no_checkout(tmp_path):
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "extract_ab.py"), str(tmp_path), str(ROOT)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert f"{tmp_path} is no checkout of this project (no extractors/registry.py)" in run.stderr


def test_extract_ab_names_a_bad_round_count():
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "extract_ab.py"), str(ROOT), str(ROOT),
                          "--rounds", "0"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "argument --rounds: 0 is below the minimum 1" in run.stderr
