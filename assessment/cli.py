"""`python -m assessment validate | template | score | report`: the engine from a terminal.

Exit 0 on success, 2 on bad input with one line naming the problem; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assessment.engine import default_engine
from assessment.errors import AssessmentError
from assessment.files import read_answers, template
from assessment.report import to_html, to_json, to_markdown
from assessment.validate import validate_all

BAD_INPUT = 2
INTERNAL = 70  # EX_SOFTWARE


class Fail(Exception):
    """One line for the person at the terminal."""


def cmd_validate(_: argparse.Namespace) -> int:
    problems, counts = validate_all()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return BAD_INPUT
    print("OK: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    instruments = default_engine().instruments
    if args.instrument not in instruments:
        raise Fail(f"unknown questionnaire '{args.instrument}'; expected one of {', '.join(sorted(instruments))}")
    print(json.dumps(template(instruments[args.instrument]), indent=2))
    return 0


def _result(path: str):
    engine = default_engine()
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise Fail(f"{path}: cannot read the file ({exc.strerror})") from None
    parsed = read_answers(data, engine.instruments, source=path)
    for note in parsed.notes:
        print(f"{path}: note: {note}", file=sys.stderr)
    for problem in parsed.problems:
        print(f"{path}: {problem}", file=sys.stderr)
    return engine, parsed, engine.assess_file(parsed)


def cmd_score(args: argparse.Namespace) -> int:
    _, parsed, result = _result(args.answers)
    print(to_json(result) if args.format == "json" else to_markdown(result, parsed.stakeholders), end="")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    engine, parsed, result = _result(args.answers)
    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm", ".md"):
        raise Fail(f"{out}: the report name must end in .html or .md")
    if out.suffix.lower() == ".md":
        text = to_markdown(result, parsed.stakeholders)
    else:
        text = to_html(result, parsed.stakeholders, engine.labels.participation,
                       {s.id: s.title for s in engine.stages})
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise Fail(f"{out}: cannot write the report ({exc.strerror})") from None
    print(f"wrote {out}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m assessment", description="Coalition Handbook self-assessment")
    sub = main.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check all content").set_defaults(run=cmd_validate)
    p = sub.add_parser("template", help="print an empty answers file for a questionnaire")
    p.add_argument("instrument")
    p.set_defaults(run=cmd_template)
    p = sub.add_parser("score", help="score an answers file")
    p.add_argument("answers")
    p.add_argument("--format", choices=["json", "markdown"], default="json")
    p.set_defaults(run=cmd_score)
    p = sub.add_parser("report", help="write a report (.html or .md)")
    p.add_argument("answers")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(run=cmd_report)
    return main


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a name in any script prints; nothing is an encoding crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (Fail, AssessmentError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return BAD_INPUT
    except Exception as exc:  # a bug of ours: one line, never a traceback with paths and source
        print(f"error: could not process the input ({type(exc).__name__}); please report it", file=sys.stderr)
        return INTERNAL
