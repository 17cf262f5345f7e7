"""Turn the stakeholder map into representation gaps.

Five questions: which kinds of actor a coalition of this type and scope should involve are absent
(a family such as civil society counts once, and a city alliance is not asked for an
intergovernmental organisation); who has power (influence 4–5) but is not engaged or is opposed
(de facto stakeholders, as step 7 of the handbook's stakeholder map defines them: a large stake
without power is the affected and unseen groups' finding, not this one); which governments and
international bodies able to act are only consulted or not engaged; which unseen groups the
issue affects but the coalition has not reached; and how concentrated decision votes are
(Herfindahl–Hirschman index over vote shares).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from assessment.i18n import N_, Translator, translator
from assessment.loader import INSTRUMENT_DIR, read_yaml
from assessment.model import COALITION_TYPES, PARTICIPATION, SECTORS, Profile, Stakeholder, text_in
from assessment.translation import TranslatedText

ENGAGED = ("core", "member", "consulted")
DE_FACTO_LEVEL = 4  # influence or stake of 4 or 5 out of 5
CONCENTRATED_HHI = 0.25  # the usual threshold for a highly concentrated market, applied to votes
CONCENTRATED_LARGEST = 40.0  # ... and one holder with at least 40% (four equal holders are not "concentrated")


SCOPES = ("local", "national", "regional", "international")
TYPE_NAMES = {"advocacy": "advocacy", "standard_setting": "standard-setting", "implementation": "implementation",
              "knowledge": "knowledge", "stewardship": "stewardship"}
# Whole phrases, so each language can give them its own article, word order and agreement.
TYPE_SUBJECTS = {"advocacy": N_("An advocacy coalition"), "standard_setting": N_("A standard-setting coalition"),
                 "implementation": N_("An implementation coalition"), "knowledge": N_("A knowledge coalition"),
                 "stewardship": N_("A stewardship coalition")}
SCOPE_PHRASES = {"local": N_("working at local level"), "national": N_("working at national level"),
                 "regional": N_("working at regional level"), "international": N_("working at international level")}


class Family(BaseModel):
    """Sectors any one of which meets a requirement: a list, or a list per scope (with `default`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    label: TranslatedText
    sectors: list[str] | dict[str, list[str]]

    def for_scope(self, scope: str | None) -> list[str]:
        if isinstance(self.sectors, list):
            return self.sectors
        return self.sectors.get(scope or "default") or self.sectors["default"]

    def all_sectors(self) -> set[str]:
        lists = [self.sectors] if isinstance(self.sectors, list) else list(self.sectors.values())
        return {s for sectors in lists for s in sectors}


class MapLabels(BaseModel):
    """Labels and expectations from content/instruments/stakeholder-map.yaml.

    Every label reads as its English text (`labels.sectors["ngo"]`); `text_in(label, language)` gives
    it in another language (see assessment/translation.py)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    title: TranslatedText
    description: TranslatedText
    help: dict[str, TranslatedText]
    sectors: dict[str, TranslatedText]
    participation: dict[str, TranslatedText]
    phrases: dict[str, TranslatedText] = {}
    sector_families: dict[str, Family] = {}
    expected_sectors: dict[str, list[str]]

    def model_post_init(self, _: Any) -> None:
        problems = []
        if set(self.sectors) != set(SECTORS):
            problems.append(f"sectors must be exactly {', '.join(SECTORS)}")
        if self.phrases and set(self.phrases) != set(SECTORS):
            problems.append(f"phrases must be exactly {', '.join(SECTORS)}")
        if set(self.participation) != set(PARTICIPATION):
            problems.append(f"participation must be exactly {', '.join(PARTICIPATION)}")
        if set(self.expected_sectors) != set(COALITION_TYPES):
            problems.append(f"expected_sectors must cover {', '.join(COALITION_TYPES)}")
        unknown = {s for sectors in self.expected_sectors.values() for s in sectors} - set(SECTORS) - set(
            self.sector_families)
        if unknown:
            problems.append(f"expected_sectors names unknown sectors or families {sorted(unknown)}")
        for name, family in self.sector_families.items():
            strange = family.all_sectors() - set(SECTORS)
            if strange:
                problems.append(f"sector_families.{name} names unknown sectors {sorted(strange)}")
            if isinstance(family.sectors, dict) and (set(family.sectors) - {"default", *SCOPES}
                                                     or "default" not in family.sectors):
                problems.append(f"sector_families.{name}: per scope, give 'default' and only {', '.join(SCOPES)}")
        if problems:
            raise ValueError("; ".join(problems))


class Gap(BaseModel):
    """One finding. `severity` (0–1) is how serious it is; `count` how many actors or groups show it;
    `answers` how many separate answers agree on it, when that differs from `count` (the groups ticked
    in one checklist question are one answer, while each actor on the map was rated on its own)."""

    model_config = ConfigDict(frozen=True)
    kind: str
    title: str
    detail: str
    severity: float = 0.5
    count: int = 1
    answers: int | None = None

    @property
    def agreeing(self) -> int:
        return self.answers if self.answers is not None else self.count


class Representation(BaseModel):
    model_config = ConfigDict(frozen=True)
    gaps: list[Gap]
    flags: list[str]
    hhi: float | None
    largest_vote_share: float | None
    stakeholders: int
    engaged_sectors: list[str]


FLAGS = ("no_stakeholder_map", "sectors_absent", "de_facto_excluded", "opposed_powerful",
         "unseen_groups", "power_concentrated", "affected_not_deciding", "formal_actors_outside")
FORMAL_FAMILY = "public_authority"  # the sector family of governments and public bodies (stakeholder-map.yaml)
FORMAL_SECTORS = ("national_government", "intergovernmental")  # when the labels name no such family


def load_labels(path: Path = INSTRUMENT_DIR / "stakeholder-map.yaml") -> MapLabels:
    return MapLabels.model_validate(read_yaml(path))


def herfindahl(shares: list[float]) -> float | None:
    """Sum of squared shares (0–1); 1 means one holder has every vote, 1/n means n equal holders."""
    total = sum(shares)
    if total <= 0:
        return None
    return round(sum((s / total) ** 2 for s in shares), 4)


def analyse(stakeholders: list[Stakeholder], profile: Profile, answers: dict[str, Any],
            labels: MapLabels | None = None, group_labels: dict[str, str] | None = None,
            language: str = "en") -> Representation:
    """The gaps, worded in `language` (`group_labels` are the unseen groups' names in it)."""
    labels = labels or load_labels()
    t = translator(language)
    _ = t.gettext
    gaps: list[Gap] = []
    engaged = sorted({s.sector for s in stakeholders if s.participation in ENGAGED})
    if not stakeholders:
        gaps.append(Gap(kind="no_stakeholder_map", title=_("No stakeholder map yet"), severity=0.5,
                        detail=_("Representation cannot be judged until a map shows who has power and who has a "
                                 "stake.")))
    else:
        gaps += _sectors(profile, engaged, labels, t)
        gaps += _de_facto(stakeholders, labels, t)
        gaps += _affected(stakeholders, t)
        gaps += _formal_outside(stakeholders, profile, labels, t)
    gaps += _unseen(answers, group_labels or {}, t)
    shares = [s.votes for s in stakeholders if s.votes > 0]
    hhi = herfindahl(shares)
    largest = round(max(shares) / sum(shares) * 100, 1) if shares else None
    if (hhi is not None and hhi >= CONCENTRATED_HHI and largest >= CONCENTRATED_LARGEST
            and len(stakeholders) >= 3):
        gaps.append(Gap(kind="power_concentrated", title=_("Decision power is concentrated"),
                        severity=round(min(1.0, 0.5 + (hhi - CONCENTRATED_HHI)), 3),
                        detail=_("The Herfindahl index of decision votes is {hhi} ({threshold} or more is highly "
                                 "concentrated); the largest holder has {share}% of the votes.").format(
                            hhi=t.number(hhi, 2), threshold=t.number(CONCENTRATED_HHI, 2), share=t.number(largest))))
    return Representation(gaps=gaps, flags=[g.kind for g in gaps], hhi=hhi, largest_vote_share=largest,
                          stakeholders=len(stakeholders), engaged_sectors=engaged)


def expected_requirements(profile: Profile, labels: MapLabels, language: str = "en") -> list[tuple[str, list[str]]]:
    """(label, sectors that meet it) for each kind of actor this type and scope of coalition needs."""
    if profile.type is None:
        return []
    needs = []
    for name in labels.expected_sectors[profile.type]:
        family = labels.sector_families.get(name)
        if family:
            needs.append((text_in(family.label, language), family.for_scope(profile.scope)))
        else:
            phrase = labels.phrases.get(name)
            needs.append((text_in(phrase, language) if phrase else _in_sentence(text_in(labels.sectors[name],
                                                                                         language)), [name]))
    return needs


def _in_sentence(label: str) -> str:
    """'National government' -> 'national government'; acronyms such as 'NGO' stay as they are."""
    first = label.split(" ")[0]
    return label if first.isupper() else label[0].lower() + label[1:]


def _sectors(profile: Profile, engaged: list[str], labels: MapLabels, t: Translator) -> list[Gap]:
    needs = expected_requirements(profile, labels, t.language)
    missing = [label for label, sectors in needs if not set(sectors) & set(engaged)]
    if not missing:
        return []
    _ = t.gettext
    coalition = _(TYPE_SUBJECTS[profile.type]) + (" " + _(SCOPE_PHRASES[profile.scope]) if profile.scope else "")
    return [Gap(kind="sectors_absent", title=_("Kinds of actor absent"), count=len(missing),
                severity=round(0.4 + 0.6 * len(missing) / len(needs), 3),
                detail=_("{coalition} usually involves {needs}. Not engaged in yours: {missing}.").format(
                    coalition=coalition, needs=t.join(label for label, _sectors in needs), missing=t.join(missing)))]


def _de_facto(stakeholders: list[Stakeholder], labels: MapLabels, t: Translator) -> list[Gap]:
    _ = t.gettext
    gaps = []
    outside = [s for s in stakeholders if s.participation in ("not_engaged", "opposed")
               and s.influence >= DE_FACTO_LEVEL]
    if outside:
        names = t.semicolons(_("{name} ({participation}, influence {influence}, stake {stake})").format(
            name=s.name, participation=text_in(labels.participation[s.participation], t.language).lower(),
            influence=s.influence, stake=s.stake) for s in outside)
        gaps.append(Gap(kind="de_facto_excluded", title=_("De facto stakeholders outside the coalition"),
                        count=len(outside), severity=max(s.influence for s in outside) / 5,
                        detail=_("High influence, and not engaged or opposed: {names}.").format(names=names)))
    opponents = [s for s in stakeholders if s.participation == "opposed" and s.influence >= DE_FACTO_LEVEL]
    if opponents:
        names = t.semicolons(_("{name} (influence {influence})").format(name=s.name, influence=s.influence)
                          for s in opponents)
        gaps.append(Gap(kind="opposed_powerful", title=_("Powerful opponents"), count=len(opponents),
                        severity=max(s.influence for s in opponents) / 5,
                        detail=_("Actively opposed and highly influential: {names}.").format(names=names)))
    return gaps


def _formal_outside(stakeholders: list[Stakeholder], profile: Profile, labels: MapLabels,
                    t: Translator) -> list[Gap]:
    """Governments and international bodies with the authority to act (influence 4 or 5) that are only
    consulted or not engaged: the coalition's relationship with them needs defining. Opponents are
    left to the de facto findings, which ask for a strategy rather than a working relationship."""
    _ = t.gettext
    family = labels.sector_families.get(FORMAL_FAMILY)
    sectors = family.for_scope(profile.scope) if family else FORMAL_SECTORS
    outside = [s for s in stakeholders if s.sector in sectors and s.participation in ("consulted", "not_engaged")
               and s.influence >= DE_FACTO_LEVEL]
    if not outside:
        return []
    names = t.semicolons(_("{name} ({participation}, influence {influence})").format(
        name=s.name, participation=text_in(labels.participation[s.participation], t.language).lower(),
        influence=s.influence) for s in outside)
    severity = max(s.influence / 5 * (1.0 if s.participation == "not_engaged" else 0.75) for s in outside)
    return [Gap(kind="formal_actors_outside", title=_("Bodies with authority outside the coalition"),
                count=len(outside), severity=round(severity, 3),
                detail=_("Governments or international bodies that can act on the issue but are not members: "
                         "{names}.").format(names=names))]


def _affected(stakeholders: list[Stakeholder], t: Translator) -> list[Gap]:
    affected = [s for s in stakeholders if s.sector == "affected_community"]
    if not affected or any(s.participation in ("core", "member") for s in affected):
        return []
    return [Gap(kind="affected_not_deciding", title=t.gettext("Affected communities do not take part in decisions"),
                count=len(affected), severity=0.8,
                detail=t.ngettext("The map lists {n} affected community, but it is not a core group or a member.",
                                  "The map lists {n} affected communities, but none is a core group or a member.",
                                  len(affected)).format(n=len(affected)))]


def _unseen(answers: dict[str, Any], names: dict[str, str], t: Translator) -> list[Gap]:
    """Groups ticked as affected but not reached: one answer, however many groups it names."""
    affected = answers.get("re_groups_affected")
    reached = answers.get("re_groups_reached")
    if not isinstance(affected, list) or not affected:
        return []
    missing = [g for g in affected if g not in (reached if isinstance(reached, list) else [])]
    if not missing:
        return []
    return [Gap(kind="unseen_groups", title=t.gettext("Unseen groups not reached"), count=len(missing), answers=1,
                severity=round(0.5 + 0.5 * len(missing) / len(affected), 3),
                detail=t.gettext("Affected but not engaged in the last 12 months: {groups}.").format(
                    groups=t.join(_in_sentence(names.get(g, g.replace("_", " "))) for g in missing)))]
