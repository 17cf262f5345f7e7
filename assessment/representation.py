"""Turn the stakeholder map into representation gaps.

Four questions: which sectors a coalition of this type should involve are absent; who has power
or a large stake but is not engaged or is opposed (de facto stakeholders); which unseen groups the
issue affects but the coalition has not reached; and how concentrated decision votes are
(Herfindahl–Hirschman index over vote shares).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from assessment.loader import INSTRUMENT_DIR, read_yaml
from assessment.model import COALITION_TYPES, PARTICIPATION, SECTORS, Profile, Stakeholder

ENGAGED = ("core", "member", "consulted")
DE_FACTO_LEVEL = 4  # influence or stake of 4 or 5 out of 5
CONCENTRATED_HHI = 0.25  # the usual threshold for a highly concentrated market, applied to votes
CONCENTRATED_LARGEST = 40.0  # ... and one holder with at least 40% (four equal holders are not "concentrated")


class MapLabels(BaseModel):
    """Labels and expectations from content/instruments/stakeholder-map.yaml."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    title: str
    description: str
    help: dict[str, str]
    sectors: dict[str, str]
    participation: dict[str, str]
    expected_sectors: dict[str, list[str]]

    def model_post_init(self, _: Any) -> None:
        problems = []
        if set(self.sectors) != set(SECTORS):
            problems.append(f"sectors must be exactly {', '.join(SECTORS)}")
        if set(self.participation) != set(PARTICIPATION):
            problems.append(f"participation must be exactly {', '.join(PARTICIPATION)}")
        if set(self.expected_sectors) != set(COALITION_TYPES):
            problems.append(f"expected_sectors must cover {', '.join(COALITION_TYPES)}")
        unknown = {s for sectors in self.expected_sectors.values() for s in sectors} - set(SECTORS)
        if unknown:
            problems.append(f"expected_sectors names unknown sectors {sorted(unknown)}")
        if problems:
            raise ValueError("; ".join(problems))


class Gap(BaseModel):
    model_config = ConfigDict(frozen=True)
    kind: str
    title: str
    detail: str


class Representation(BaseModel):
    model_config = ConfigDict(frozen=True)
    gaps: list[Gap]
    flags: list[str]
    hhi: float | None
    largest_vote_share: float | None
    stakeholders: int
    engaged_sectors: list[str]


FLAGS = ("no_stakeholder_map", "sectors_absent", "de_facto_excluded", "opposed_powerful",
         "unseen_groups", "power_concentrated", "affected_not_deciding")


def load_labels(path: Path = INSTRUMENT_DIR / "stakeholder-map.yaml") -> MapLabels:
    return MapLabels.model_validate(read_yaml(path))


def herfindahl(shares: list[float]) -> float | None:
    """Sum of squared shares (0–1); 1 means one holder has every vote, 1/n means n equal holders."""
    total = sum(shares)
    if total <= 0:
        return None
    return round(sum((s / total) ** 2 for s in shares), 4)


def analyse(stakeholders: list[Stakeholder], profile: Profile, answers: dict[str, Any],
            labels: MapLabels | None = None, group_labels: dict[str, str] | None = None) -> Representation:
    labels = labels or load_labels()
    gaps: list[Gap] = []
    flags: list[str] = []
    engaged = sorted({s.sector for s in stakeholders if s.participation in ENGAGED})
    if not stakeholders:
        flags.append("no_stakeholder_map")
        gaps.append(Gap(kind="no_stakeholder_map", title="No stakeholder map yet",
                        detail="Map who has power and who has a stake before judging representation."))
    else:
        _sectors(profile, engaged, labels, gaps, flags)
        _de_facto(stakeholders, labels, gaps, flags)
        _affected(stakeholders, gaps, flags)
    _unseen(answers, gaps, flags, group_labels or {})
    shares = [s.votes for s in stakeholders if s.votes > 0]
    hhi = herfindahl(shares)
    largest = round(max(shares) / sum(shares) * 100, 1) if shares else None
    if (hhi is not None and hhi >= CONCENTRATED_HHI and largest >= CONCENTRATED_LARGEST
            and len(stakeholders) >= 3):
        flags.append("power_concentrated")
        gaps.append(Gap(kind="power_concentrated", title="Decision power is concentrated",
                        detail=f"The Herfindahl index of decision votes is {hhi:.2f} (0.25 or more is highly "
                               f"concentrated); the largest holder has {largest:.0f}% of the votes."))
    return Representation(gaps=gaps, flags=flags, hhi=hhi, largest_vote_share=largest,
                          stakeholders=len(stakeholders), engaged_sectors=engaged)


def _sectors(profile: Profile, engaged: list[str], labels: MapLabels, gaps: list[Gap], flags: list[str]) -> None:
    if profile.type is None:
        return
    absent = [s for s in labels.expected_sectors[profile.type] if s not in engaged]
    if absent:
        flags.append("sectors_absent")
        names = ", ".join(labels.sectors[s] for s in absent)
        gaps.append(Gap(kind="sectors_absent", title="Sectors absent",
                        detail=f"A {profile.type.replace('_', '-')} coalition usually involves: {names}. "
                               "None is engaged in yours."))


def _de_facto(stakeholders: list[Stakeholder], labels: MapLabels, gaps: list[Gap], flags: list[str]) -> None:
    outside = [s for s in stakeholders if s.participation in ("not_engaged", "opposed")
               and max(s.influence, s.stake) >= DE_FACTO_LEVEL]
    if outside:
        flags.append("de_facto_excluded")
        names = "; ".join(f"{s.name} ({labels.participation[s.participation].lower()}, influence {s.influence}, "
                          f"stake {s.stake})" for s in outside)
        gaps.append(Gap(kind="de_facto_excluded", title="De facto stakeholders outside the coalition",
                        detail=f"High influence or stake but not engaged: {names}."))
    opponents = [s for s in stakeholders if s.participation == "opposed" and s.influence >= DE_FACTO_LEVEL]
    if opponents:
        flags.append("opposed_powerful")
        gaps.append(Gap(kind="opposed_powerful", title="Powerful opponents",
                        detail="Actively opposed and highly influential: "
                               + "; ".join(f"{s.name} (influence {s.influence})" for s in opponents) + "."))


def _affected(stakeholders: list[Stakeholder], gaps: list[Gap], flags: list[str]) -> None:
    affected = [s for s in stakeholders if s.sector == "affected_community"]
    if affected and not any(s.participation in ("core", "member") for s in affected):
        flags.append("affected_not_deciding")
        gaps.append(Gap(kind="affected_not_deciding", title="Affected communities do not take part in decisions",
                        detail="Affected communities are on the map but none is a core group or member."))


def _unseen(answers: dict[str, Any], gaps: list[Gap], flags: list[str], names: dict[str, str]) -> None:
    affected = answers.get("re_groups_affected")
    reached = answers.get("re_groups_reached")
    if not isinstance(affected, list):
        return
    missing = [g for g in affected if g not in (reached if isinstance(reached, list) else [])]
    if missing:
        flags.append("unseen_groups")
        gaps.append(Gap(kind="unseen_groups", title="Unseen groups not reached",
                        detail="Affected but not engaged in the last 12 months: "
                               + ", ".join(names.get(g, g.replace("_", " ")) for g in missing) + "."))
