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
    # Handbook, representation, step 7: influence 4-5 outside makes a de facto stakeholder. The villagers'
    # large stake without power is the affected-communities finding, not this one.
    assert "Army" in detail and "Villagers" not in detail and "Donor" not in detail
    affected = next(g.detail for g in result.gaps if g.kind == "affected_not_deciding")
    assert "1 affected community" in affected


def test_sectors_absent_for_the_coalition_type():
    labels = load_labels()
    result = analyse([person("Only NGO", "ngo")], Profile(type="standard_setting"), {}, labels)
    gap = next(g for g in result.gaps if g.kind == "sectors_absent")
    assert gap.detail.startswith("A standard-setting coalition usually involves")
    missing = gap.detail.split("Not engaged in yours: ")[1]
    assert "companies" in missing and "affected communities" in missing and "government" in missing
    assert "NGO" not in missing and gap.count == 3


def test_the_civil_society_family_counts_once():
    labels = load_labels()
    both = analyse([person("NGO", "ngo"), person("Union", "civil_society"), person("Ministry", "national_government"),
                    person("Villages", "affected_community")], Profile(type="advocacy"), {}, labels)
    assert "sectors_absent" not in both.flags
    union_only = analyse([person("Union", "civil_society"), person("Ministry", "national_government"),
                          person("Villages", "affected_community")], Profile(type="advocacy"), {}, labels)
    assert "sectors_absent" not in union_only.flags  # a union stands for civil society as well as an NGO does


def test_a_city_alliance_is_not_asked_for_an_intergovernmental_organisation():
    labels = load_labels()
    cities = [person("City of A", "subnational_government"), person("City of B", "subnational_government"),
              person("Residents", "affected_community"), person("Climate NGO", "ngo")]
    for scope in ("local", "international"):
        result = analyse(cities, Profile(type="advocacy", scope=scope), {}, labels)
        assert "sectors_absent" not in result.flags, scope
    national = analyse([person("Ministry", "national_government"), person("NGO", "ngo")],
                       Profile(type="implementation", scope="national"), {}, labels)
    detail = next(g.detail for g in national.gaps if g.kind == "sectors_absent")
    assert "intergovernmental" not in detail and "working at national level" in detail


def test_gap_text_uses_the_right_article():
    labels = load_labels()
    result = analyse([person("Ministry", "national_government")], Profile(type="advocacy"), {}, labels)
    detail = next(g.detail for g in result.gaps if g.kind == "sectors_absent")
    assert detail.startswith("An advocacy coalition") and "(s)" not in detail


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


def test_bodies_with_authority_outside_the_coalition():
    labels = load_labels()
    result = analyse([person("Ministry", "national_government", influence=5, participation="not_engaged"),
                      person("Regional body", "intergovernmental", influence=4, participation="consulted"),
                      person("Small agency", "national_government", influence=3, participation="not_engaged"),
                      person("Hostile state", "national_government", influence=5, participation="opposed"),
                      person("Member state", "national_government", influence=5, participation="member"),
                      person("Company", "business", influence=5, participation="not_engaged")],
                     Profile(scope="international"), {}, labels)
    gap = next(g for g in result.gaps if g.kind == "formal_actors_outside")
    assert "Ministry" in gap.detail and "Regional body" in gap.detail and gap.count == 2
    assert "Small agency" not in gap.detail and "Hostile state" not in gap.detail and "Company" not in gap.detail
    assert gap.severity == 1.0  # a body with influence 5 not engaged at all
    consulted = analyse([person("Ministry", "national_government", influence=4, participation="consulted")],
                        Profile(), {}, labels)
    assert next(g.severity for g in consulted.gaps if g.kind == "formal_actors_outside") == 0.6


def test_groups_ticked_in_one_question_are_one_answer():
    result = analyse([], Profile(), {"re_groups_affected": ["women", "youth", "disability"], "re_groups_reached": []})
    gap = next(g for g in result.gaps if g.kind == "unseen_groups")
    assert gap.count == 3 and gap.agreeing == 1 and gap.severity == 1.0
