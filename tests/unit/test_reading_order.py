"""Previous and next follow the contents page: part by part, then `order` within a part."""

from handbook.library import load_handbook


def test_a_late_chapter_in_an_early_part_is_read_at_the_end_of_that_part(content):
    content.chapter("first", order=1, part="foundations")
    content.chapter("second", order=2, part="challenges")
    content.chapter("late-foundation", order=3, part="foundations")
    handbook = load_handbook(content.root)

    assert [c.slug for c in handbook.contents()] == ["first", "late-foundation", "second"]
    assert handbook.neighbours("late-foundation") == (handbook.chapter("first"), handbook.chapter("second"))
    assert handbook.neighbours("second") == (handbook.chapter("late-foundation"), None)
    assert handbook.neighbours("first")[0] is None


def test_chapters_keep_their_order_list_for_files_and_exports(content):
    content.chapter("first", order=1, part="foundations")
    content.chapter("second", order=2, part="challenges")
    content.chapter("late-foundation", order=3, part="foundations")
    handbook = load_handbook(content.root)

    assert [c.order for c in handbook.chapters] == [1, 2, 3]
