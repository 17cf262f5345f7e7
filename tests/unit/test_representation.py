import pytest

from assessment.model import Profile, Stakeholder
from assessment.representation import analyse, herfindahl, load_labels


def person(name, sector="ngo", influence=3, stake=3, participation="member", votes=0):
    return Stakeholder(name=name, sector=sector, influence=influence, stake=stake, participation=participation,
                       votes=votes)


@pytest.mark.parametrize(("shares", "hhi"), [([50, 50], 0.5), ([25, 25, 25, 25], 0.25), ([100], 1.0),
                                             ([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 0.1), ([], None), ([0, 0], None)])
def test_herfindahl(shares, hhi):
    assert herfindahl(shares) == hhi


def test_no_map_is_itself_a_gap():
    result = analyse([], Profile(), {})
    assert result.flags == ["no_stakeholder_map"]


def test_de_facto_stakeholders_and_powerful_opponents():
    result = analyse([person("Army", "national_government", influence=5, stake=2, participation="opposed"),
                      person("Villagers", "affected_community", influence=1, stake=5, participation="not_engaged"),
                      person("Donor", "donor", influence=4, stake=1, participation="core")], Profile(), {})
    assert {"de_facto_excluded", "opposed_powerful", "affected_not_deciding"} <= set(result.flags)
    detail = next(g.detail for g in result.gaps if g.kind == "de_facto_excluded")
    assert "Army" in detail and "Villagers" in detail and "Donor" not in detail


def test_sectors_absent_for_the_coalition_type():
    labels = load_labels()
    expected = labels.expected_sectors["standard_setting"]
    result = analyse([person("Only NGO", "ngo")], Profile(type="standard_setting"), {}, labels)
    gap = next(g for g in result.gaps if g.kind == "sectors_absent")
    missing = [labels.sectors[s] for s in expected if s != "ngo"]
    assert all(name in gap.detail for name in missing)


def test_unseen_groups_not_reached():
    result = analyse([person("A")], Profile(), {"re_groups_affected": ["women", "indigenous"],
                                                "re_groups_reached": ["women"]})
    assert "unseen_groups" in result.flags
    assert "indigenous" in next(g.detail for g in result.gaps if g.kind == "unseen_groups")


def test_concentrated_votes_are_flagged_with_the_index():
    result = analyse([person("Big", votes=80), person("Small", votes=10), person("Tiny", votes=10)], Profile(), {})
    assert "power_concentrated" in result.flags and result.hhi == 0.66 and result.largest_vote_share == 80.0
    spread = analyse([person(str(i), votes=10) for i in range(10)], Profile(), {})
    assert "power_concentrated" not in spread.flags
