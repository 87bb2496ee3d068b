"""The one error type: where in which file, and what was expected against what was found."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """A problem in a content file, pointing at the exact place an editor must fix."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentErrors(Exception):
    """Every error of a run, raised together so an editor sees all of them at once."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        lines = [str(e) for e in self.errors]
        lines.append(f"{count} error{'s' if count != 1 else ''} in the content; nothing was built.")
        return "\n".join(lines)
