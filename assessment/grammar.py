"""Small English templates for the text the engine writes itself (gaps, reasons, ranks).

Generated sentences are where "A advocacy coalition", "2 group(s)" and "NGOs scores" creep in, so
every count, article and list goes through these helpers instead of an f-string.
"""

from __future__ import annotations

from collections.abc import Iterable

VOWEL_SOUND_EXCEPTIONS = {"one", "once", "uni", "use", "usu", "eu", "hour", "hono", "heir"}
LETTERS_WITH_VOWEL_SOUND = set("AEFHILMNORSX")
ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
IRREGULAR_PLURALS = {"person": "people", "child": "children", "woman": "women", "man": "men",
                     "analysis": "analyses", "criterion": "criteria", "is": "are", "was": "were", "has": "have"}
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def article(phrase: str) -> str:
    """'a' or 'an' for a phrase, by its first sound: an advocacy coalition, a union, an hour."""
    first = phrase.strip().split(" ")[0] if phrase.strip() else ""
    if len(first) > 1 and first.isupper() and first.isalpha():
        return "an" if first[0] in LETTERS_WITH_VOWEL_SOUND else "a"  # an NGO, an FSC, a UN body
    word = phrase.strip().lower()
    if not word:
        return "a"
    if any(word.startswith(prefix) for prefix in VOWEL_SOUND_EXCEPTIONS):
        return "an" if word.startswith(("hour", "hono", "heir")) else "a"
    if word[0].isdigit():
        return "an" if word.startswith(("8", "11", "18")) else "a"
    return "an" if word[0] in "aeiou" else "a"


def with_article(phrase: str, capital: bool = False) -> str:
    """'an advocacy coalition'; with capital=True, 'An advocacy coalition'."""
    word = article(phrase)
    return f"{word.capitalize() if capital else word} {phrase}"


def plural(word: str) -> str:
    """English plural of a noun (or of is/was/has): policy -> policies, NGO -> NGOs, box -> boxes."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.isupper():
        return word + "s"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def count(n: int, noun: str, plural_form: str | None = None, words: bool = False) -> str:
    """'1 answer', '3 answers', '0 groups'; words=True spells small numbers: 'two answers'."""
    shown = NUMBER_WORDS[n] if words and 0 <= n < len(NUMBER_WORDS) else str(n)
    return f"{shown} {noun if n == 1 else (plural_form or plural_phrase(noun))}"


def plural_phrase(phrase: str) -> str:
    """Pluralise the head noun of a short phrase: 'stage item' -> 'stage items', 'question on trust' ->
    'questions on trust' (the head is the last word before 'of', 'on', 'in', 'with' or 'about')."""
    words = phrase.split()
    for index, word in enumerate(words):
        if word in ("of", "on", "in", "with", "about", "for") and index > 0:
            words[index - 1] = plural(words[index - 1])
            return " ".join(words)
    words[-1] = plural(words[-1])
    return " ".join(words)


def verb(n: int, singular: str, plural_form: str) -> str:
    """Agreement with a count: verb(1, 'scores', 'score') -> 'scores'."""
    return singular if n == 1 else plural_form


def join(items: Iterable[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (no serial comma, as the rest of the product writes)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else ORDINAL_SUFFIX.get(n % 10, "th")
    return f"{n}{suffix}"


def sentence(text: str) -> str:
    """Capitalise the first letter and end with a full stop (unless it ends with . ? or !)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!" else text + "."
