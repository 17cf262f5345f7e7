"""No case detail recurs in more than three chapters, so each chapter teaches with examples of its own.

A fact-check found the same few details everywhere (the Landmine Monitor in nine chapters). The
handbook now spreads its examples: a case may be named in several chapters, but each signature
detail of it (a named event, product, person, date or memo example) appears in at most three
chapter files. The count covers every file in content/handbook/, including chapters added later:
a new chapter must respect the limit too, by choosing another case or another detail of the same
case. Add a detail here when it starts to recur.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

LIMIT = 3
HANDBOOK = ROOT / "content" / "handbook"

# label: pattern (case-insensitive), grouped by the case or source the detail belongs to.
DETAILS = {
    # International Campaign to Ban Landmines
    "Landmine Monitor": r"Landmine Monitor",
    "Ottawa (process, signing)": r"\bOttawa\b",
    "Mine Ban Treaty": r"Mine Ban Treaty",
    "the campaign's six founding NGOs": r"\bsix (founding )?NGOs\b",
    "the 1997 Nobel Peace Prize": r"Nobel Peace Prize",
    "Lloyd Axworthy's challenge": r"Axworthy",
    "the major powers outside the ban": r"United States, Russia and China",
    "landmines reframed as a humanitarian problem": r"(weapon|mines?)\b[^.\n]{0,80}humanitarian (problem|issue)",
    # Coalition for the International Criminal Court
    "Rome Statute": r"Rome Statute",
    "17 July 1998": r"17 July 1998",
    "the like-minded states": r"like-minded (group of )?states",
    "the memo's CICC funding example": r"\bwan(e|ed|es|ing)\b",
    # Kimberley Process
    "Global Witness": r"Global Witness",
    "Marange fields": r"Marange",
    "conflict diamonds": r"conflict diamonds?",
    "only governments decide": r"only governments (hold|decid|are)",
    "Partnership Africa Canada": r"Partnership Africa Canada",
    # Open Government Partnership
    "Independent Reporting Mechanism": r"Independent Reporting Mechanism",
    "an equal steering committee": r"equal numbers of government and civil society",
    "eight founding governments": r"\beight (founding )?governments\b",
    "20 September 2011": r"20 September 2011",
    "co-created action plans": r"co-creat",
    # Extractive Industries Transparency Initiative
    "Azerbaijan's suspension": r"Azerbaijan",
    "national multi-stakeholder groups": r"national multi-stakeholder groups?",
    "Tony Blair's announcement": r"Tony Blair",
    # Bangladesh Accord
    "Rana Plaza": r"Rana Plaza",
    "the RMG Sustainability Council": r"RMG Sustainability Council",
    # Forest Stewardship Council
    "chambers split North and South": r"\bchambers?\b[^.\n]{0,160}\bNorth\b",
    # Global Fund
    "communities living with the diseases": r"living with the (three )?diseases",
    "Country Coordinating Mechanism": r"Country Coordinating Mechanism",
    # Climate science and the Paris Agreement
    "Paris Agreement": r"Paris Agreement",
    "IPCC": r"\bIPCC\b|Intergovernmental Panel on Climate Change",
    "Fifth Assessment Report": r"Fifth Assessment",
    # World Commission on Dams
    "World Commission on Dams": r"World Commission on Dams",
    "the Gland meeting": r"\bGland\b",
    "Dams and Development": r"Dams and Development",
    # Cluster Munition Coalition
    "Oslo process": r"Oslo process",
    "adopted in Dublin": r"\bDublin\b",
    "Convention on Cluster Munitions": r"Convention on Cluster Munitions",
    # Internet governance
    "NETmundial": r"NETmundial",
    "IANA transition": r"\bIANA\b",
    "Internet Governance Forum": r"Internet Governance Forum",
    # Voluntary Principles
    "Oxfam America's exit": r"Oxfam America",
    # Examples beyond the case file
    "Jubilee 2000": r"Jubilee 2000",
    "Montreux Document": r"Montreux Document",
    "Gavi": r"\bGavi\b",
    "Marine Stewardship Council": r"Marine Stewardship Council",
    "Control Arms and the ATT Monitor": r"Control Arms|ATT Monitor",
    "Montreal Protocol": r"Montreal Protocol",
    "World Bank Inspection Panel": r"Inspection Panel",
    "International Aid Transparency Initiative": r"International Aid Transparency Initiative|\bIATI\b",
    "Global Forest Watch": r"Global Forest Watch",
    "vTaiwan": r"vTaiwan",
    "Millennium Ecosystem Assessment": r"Millennium Ecosystem Assessment",
    # The memo's own examples and phrases
    "the julienne salad": r"julienne",
    "the dog that doesn't bark": r"dog that doesn.t bark",
    "military manuals": r"military manual",
    "the technical framing tip": r"technical challenge",
    "the seal of approval": r"seal of approval",
    "unseen groups listed in full": r"indigenous peoples?, minorities",
}


def chapters_with(pattern: str, folder: Path = HANDBOOK) -> list[str]:
    """Chapter files (front matter included: tags are search terms) in which the detail appears."""
    found = re.compile(pattern, re.I)
    return [path.name for path in sorted(folder.glob("*.md")) if found.search(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("detail", DETAILS)
def test_case_detail_appears_in_at_most_three_chapters(detail):
    using = chapters_with(DETAILS[detail])
    assert len(using) <= LIMIT, f"{detail!r} recurs in {len(using)} chapters (limit {LIMIT}): {using}"


@pytest.mark.parametrize("detail", DETAILS)
def test_each_listed_detail_is_still_used(detail):
    """A pattern that matches nothing is a typo or a stale entry, and would let repetition through unseen."""
    assert chapters_with(DETAILS[detail]), f"{detail!r} matches no chapter: fix the pattern or drop the entry"


def test_the_count_includes_every_chapter_file_and_counts_each_once(tmp_path):
    for number in range(1, 5):
        (tmp_path / f"{number:02d}-new-chapter.md").write_text("The Landmine Monitor, then the landmine monitor.\n")
    (tmp_path / "05-other.md").write_text("A chapter about something else.\n")
    assert chapters_with(DETAILS["Landmine Monitor"], tmp_path) == [f"{n:02d}-new-chapter.md" for n in range(1, 5)]
