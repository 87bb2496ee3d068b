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


    def github(self) -> str:
        """The error as a GitHub Actions annotation on the file and line."""
        def prop(value: str) -> str:
            return _escape(value).replace(":", "%3A").replace(",", "%2C")

        title = f",title={prop(self.field)}" if self.field else ""
        return (f"::error file={prop(self.file)},line={self.line},col={self.column}{title}::"
                f"{_escape(f'{self.field}: {self.message}' if self.field else self.message)}")


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class BuildError(Exception):
    """An error in what the build was given (content, settings, pages), not in pedoman:
    its message says where and what, and is shown without a traceback."""


class ContentErrors(BuildError):
    """Every error of a run, raised together so an editor sees all of them at once."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        lines = [str(e) for e in self.errors]
        lines.append(f"{count} error{'s' if count != 1 else ''} in the content; nothing was built.")
        return "\n".join(lines)
