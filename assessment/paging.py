"""Which questions share a page: a long questionnaire gets a page per section; a short one (the
quick check) one page, or two balanced ones, so a five-minute check is not ten page turns. Shared
by the leader's questionnaire and the phones of a self-paced workshop. Sections are never split, so
a section's heading always sits above its own statements."""

from __future__ import annotations

from assessment.model import Section

SHORT = 20  # at most this many questions: one or two pages, not a page a section
ONE_PAGE = 8


def pages_of(sections: list[Section]) -> list[list[Section]]:
    total = sum(len(section.items) for section in sections)
    if total > SHORT:
        return [[section] for section in sections]
    if total <= ONE_PAGE:
        return [list(sections)]
    pages: list[list[Section]] = [[]]
    counted = 0
    for section in sections:
        if pages[-1] and len(pages) == 1 and counted + len(section.items) / 2 > total / 2:
            pages.append([])
        pages[-1].append(section)
        counted += len(section.items)
    return pages


def page_of_section(pages: list[list[Section]], section_id: str) -> int | None:
    return next((number for number, page in enumerate(pages) if any(s.id == section_id for s in page)), None)
