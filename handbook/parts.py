"""The parts of the handbook, in reading order.

Kept as a table so adding a part is one row, and the contents page and the exports agree.
"""

PARTS: dict[str, tuple[str, str]] = {
    "foundations": (
        "Foundations",
        "What cooperative multi-stakeholder action is, the kinds of coalition, when one is the right "
        "tool, and how coalitions change over their life.",
    ),
    "challenges": (
        "Challenges and what works",
        "The problems coalitions meet again and again, and the practices that have helped.",
    ),
    "toolkits": (
        "Toolkits",
        "Step-by-step guides for starting a coalition, leading an established one, and running a "
        "self-assessment workshop.",
    ),
    "constituencies": (
        "Constituencies and linkages",
        "Explainers for each kind of member, and how coalition work connects across fields.",
    ),
    "toolkit": (
        "Toolkit: model texts and exercises",
        "Model texts to adapt (a charter, a partnering agreement, terms of reference, logs, an exit note) "
        "and facilitation exercises to run with the group, each on a page of its own.",
    ),
}


def part_title(part_id: str) -> str:
    return PARTS[part_id][0]
