"""Errors with a location, so every bad input names the file and line at fault."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Problem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


class DataError(ValueError):
    """One or more problems in an input file; nothing was loaded."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
