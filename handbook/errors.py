"""Errors a content author can act on: each names the file and, where known, the field."""

from pathlib import Path


class ContentError(ValueError):
    """A content file is invalid; the message names the file and what to fix."""

    def __init__(self, path: Path | str, problem: str, field: str | None = None):
        self.path = Path(path)
        self.problem = problem
        self.field = field
        where = f"{self.path}" + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {problem}")
