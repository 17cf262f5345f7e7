"""Inline instruments for tests, so each test reads like a row of the spec."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

from assessment.loader import parse_instrument
from assessment.model import Instrument

DIMENSIONS = {"legitimacy", "transparency", "trust", "stage", "representation", "issue_fit", "accountability",
              "resources", "impact", "effectiveness", "technology"}

BASE = """
id: test
version: 1
title: Test instrument
minutes: 5
dimensions: [{id: legitimacy}, {id: transparency}]
scales:
  agree5:
    kind: likert
    choices: {1: Strongly disagree, 2: Disagree, 3: Neither, 4: Agree, 5: Strongly agree}
    extra: [dont_know, not_applicable]
  yes_no:
    kind: single
    choices: {"yes": "Yes", "no": "No"}
sections:
"""


def instrument(sections: str, base: str = BASE) -> Instrument:
    """Parse an instrument from inline YAML (the sections part, or a whole document)."""
    text = base + textwrap.dedent(sections) if base else textwrap.dedent(sections)
    return parse_instrument(Path("inline.yaml"), yaml.safe_load(text), DIMENSIONS)


TWO_DIMENSIONS = """
  - id: main
    title: Main
    items:
      - {id: le_a, text: A, dimension: legitimacy, scale: agree5}
      - {id: le_b, text: B, dimension: legitimacy, scale: agree5, weight: 2}
      - {id: le_r, text: R, dimension: legitimacy, scale: agree5, reverse: true}
      - {id: tr_has, text: "Has budget?", kind: single, scale: yes_no}
      - {id: tr_pub, text: Publish, dimension: transparency, scale: agree5, relevant: {item: tr_has, equals: "yes"}}
      - {id: tr_open, text: Open, dimension: transparency, scale: agree5}
"""
