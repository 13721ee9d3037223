"""The shapes of words around a phrase that decide whether it names a skill there: where a verb stands
and what its object is, lists of people, the people told, a verb shared with a product's name, what data
is about. Each takes the sentence's tokens (`skillgap.postings.tokens`) and never looks a name up: the
scanner (`skillgap.postings.phrases`) asks the matcher, then these."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from skillgap.match.text import tokens as name_words
from skillgap.postings.forms import ACTIVITY_ENDINGS, gerunds, nominals, participles
from skillgap.postings.lexicon import (
    ADJECTIVE_ENDINGS,
    ADJECTIVES,
    AMOUNTS,
    CLAUSE_WORDS,
    CODE,
    CONJUNCTIONS,
    DATA_WORDS,
    DEALING,
    DEALING_REACH,
    DETERMINERS,
    GENERIC,
    PEOPLE,
    PREPOSITIONS,
    PRODUCT_WORK,
    SENIOR,
    STATES,
    STOP,
    SUBJECTS,
    TELLING,
)
from skillgap.postings.tokens import Token

FUZZY_WORDS = 3  # words of a phrase read through word forms ("troubleshoot", "negotiate")
THING_REACH = 3  # words back a determiner makes what follows a thing ("a fully remote organization")
OBJECT_WORDS = 4  # words of a verb's object read as a skill's name ("make business decisions")
AUDIENCE_REACH = 6  # words back from "to" a verb of telling may stand


def has_object(tokens: Sequence[Token], j: int) -> bool:
    """Whether token J goes on the phrase before it as its object: a plain lower-case word, no generic
    one and none a product's own work is named by ("Spark curiosity" does; "Spark experience", "Spark
    jobs", "Spark, Kafka" do not)."""
    if j >= len(tokens) or tokens[j].hard_before:
        return False
    word = tokens[j]
    return (
        word.text.isalpha()
        and word.text.islower()
        and word.lower not in GENERIC
        and word.lower not in STOP
        and word.lower not in PRODUCT_WORK
    )


def among_those_told(tokens: Sequence[Token], i: int) -> bool:
    """Whether token I begins or is in the noun phrase after "to" that follows a verb of telling: the
    people told ("report progress to senior leadership", "present to the executive team"). Only words
    that say which people stand between "to" and it: "explain how to use Excel" tells no one Excel."""
    k = i - 1
    while k >= 0 and i - k <= 3 and not tokens[k + 1].hard_before and tokens[k].lower != "to":
        word = tokens[k].lower
        if word not in DETERMINERS and word not in ADJECTIVES and word not in SENIOR:
            return False
        k -= 1
    if k < 0 or tokens[k].lower != "to" or tokens[k + 1].hard_before:
        return False
    return any(t.lower in TELLING for t in tokens[max(0, k - AUDIENCE_REACH) : k])


def verb_for_its_noun(token: Token, entry: str) -> bool:
    """Whether TOKEN stands for ENTRY, a one-word name of an activity, by the bare word the activity is
    named from ("account" for accounting, "budget" for budgeting, "present" for presentation): then only
    where a verb stands is it that activity."""
    name = entry.lower().split()
    return len(name) == 1 and name[0] != token.lower and name[0].endswith(ACTIVITY_ENDINGS)


def a_product(left: Token, first: Token, entry: str, title_case: bool) -> bool:
    """Whether LEFT, first in an item of a list, and FIRST, the first word of a name written in lower
    case (ENTRY), both capitalised, make a product's name rather than the skill."""
    return (
        not title_case
        and left.text[:1].isupper()
        and left.lower not in STOP
        and first.text[:1].isupper()
        and entry[:1].islower()
    )


def names_data(tokens: Sequence[Token], j: int) -> bool:
    """Whether token J is "data" right after the word before it, which then says what the data is of."""
    return (
        j < len(tokens)
        and tokens[j].spaced_before
        and not tokens[j].hard_before
        and tokens[j].lower in DATA_WORDS
    )


def makes_code(tokens: Sequence[Token], j: int) -> bool:
    """Whether what the verb before token J makes is code, past the words that describe it, commas
    between them included ("write clean, well-tested code"), up to a word that starts something else."""
    for k in range(j, min(len(tokens), j + OBJECT_WORDS + 2)):
        word = tokens[k].lower
        if word in CODE:
            return True
        if word in PREPOSITIONS or word in CLAUSE_WORDS:
            return False  # ("write reports for the code review board": what is written is reports)
    return False


def dealt_with(tokens: Sequence[Token], k: int) -> bool:
    """Whether token K is the object of a word of dealing: one stands before it, close enough, with no
    word between that starts another clause ("with a keen eye when creating materials")."""
    for m in range(k - 1, max(-1, k - 1 - DEALING_REACH), -1):
        word = tokens[m].lower
        if word in DEALING:
            return True
        if word in CLAUSE_WORDS:
            return False
    return False




def past_an_amount(tokens: Sequence[Token], start: int) -> int:
    """START, or past "large quantities of", "a wide range of" that begins the object there."""
    j = start
    if j < len(tokens) and tokens[j].lower in ADJECTIVES:
        j += 1
    if j + 1 < len(tokens) and tokens[j].lower in AMOUNTS and tokens[j + 1].lower == "of":
        return j + 2
    return start


def all_describing(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the words START to END are all words that describe ("raw", "disorganized", "large"), so
    that a comma after them goes on to more of them or to the noun."""
    return end > start and all(
        t.lower in ADJECTIVES
        or t.lower in STATES
        or (t.lower.endswith(ADJECTIVE_ENDINGS) and not t.lower.endswith("ing"))
        for t in tokens[start:end]
    )


def a_verb_word(token: Token) -> bool:
    return token.lower.isalpha() and len(token.lower) >= 3 and token.lower not in STOP


def last_of_verbs(tokens: Sequence[Token], k: int) -> int | None:
    """Where a run of verbs that starts at K ends, when it is one ("assess, plan and evaluate", "design
    and build"): the last verb's index, or None. Each verb is one word; they are joined by commas and a
    final "and" or "or"."""
    j, verbs = k, 1
    while j + 1 < len(tokens) and verbs <= 4:
        nxt = tokens[j + 1]
        if nxt.lower in ("and", "or") and (not nxt.hard_before or verbs > 1):
            if j + 2 < len(tokens) and a_verb_word(tokens[j + 2]) and not tokens[j + 2].hard_before:
                return j + 2 if j + 3 < len(tokens) and not tokens[j + 3].hard_before else None
            return None
        if nxt.hard_before and a_verb_word(nxt) and not tokens[j].text.isupper():
            j, verbs = j + 1, verbs + 1  # ", plan" (a comma before the next verb)
            continue
        return None
    return None


def verb_place(tokens: Sequence[Token], k: int) -> bool:
    """Whether token K stands where a verb does: first in its run of words, or after a small word
    ("to make", "and report", "in mapping") or an adverb ("clearly define"); after another word it is a
    noun's modifier or an object ("monitor marketing site growth", "data model changes", "across
    marketing channels")."""
    if k == 0 or tokens[k].hard_before:
        return True
    before = tokens[k - 1].lower
    if tokens[k].lower.endswith("ing") and before in ("experience", "experienced"):
        return True  # "experience building dashboards": what the experience is in doing
    return before in STOP or before in SUBJECTS or before.endswith("ly")


def phrase_goes_on(tokens: Sequence[Token], j: int) -> bool:
    """Whether the noun phrase before token J goes on with it, so that the word before is not its head:
    "monitor marketing site growth" monitors growth, not a site. A small word, a verb form in -ing or
    -ed, an adverb in -ly or punctuation ends it."""
    if j >= len(tokens) or tokens[j].hard_before:
        return False
    word = tokens[j].lower
    if word in STOP or word in PREPOSITIONS or not word.isalpha():
        return False
    return not ends_phrase(tokens, j)


def ends_phrase(tokens: Sequence[Token], j: int) -> bool:
    """Whether token J, after a noun, ends its phrase: an adverb, or a verb form in -ing or -ed that a
    small word or punctuation follows ("decisions supporting the process"; not "learning content")."""
    word = tokens[j].lower
    if word.endswith("ly"):
        return True
    if not word.endswith(("ing", "ed")):
        return False
    after = j + 1
    return after >= len(tokens) or tokens[after].hard_before or tokens[after].lower in STOP


def heads_compound(tokens: Sequence[Token], k: int) -> bool:
    """Whether the noun K is the head of a compound, another noun before it, and so names another
    thing: "server resources" are not resources to manage, "learning programs" not programs. An
    adjective before it ("key stakeholders", "external vendors") leaves it the same thing."""
    if k == 0 or not tokens[k].spaced_before:
        return False
    word = tokens[k - 1].lower
    if word in STOP or word in DEALING or word in ADJECTIVES or not word.isalpha():
        return False
    if tokens[k - 1].text.isupper():
        return False  # a field's acronym: "IT projects" are projects
    return not word.endswith(ADJECTIVE_ENDINGS)


def chunks(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Runs of words not broken by punctuation, as [first, last) token indexes."""
    out: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(tokens) + 1):
        if k == len(tokens) or tokens[k].hard_before:
            out.append((start, k))
            start = k
    return out


def run_end(tokens: Sequence[Token], k: int) -> int:
    """Where the run of words holding token K ends."""
    end = k + 1
    while end < len(tokens) and not tokens[end].hard_before:
        end += 1
    return end


def is_stop_word(token: Token) -> bool:
    """A word no skill's name starts or ends with (a capital letter alone, as in "A/B", is not "a")."""
    return token.lower in STOP and not (len(token.text) == 1 and token.text.isupper() and token.text != "I")


def alone_in_list(tokens: Sequence[Token], i: int) -> bool:
    """Whether token I is a list item by itself: punctuation, a conjunction or a preposition on both sides
    ("Python or R for analysis", but not "Job ID 123")."""
    left_ok = i == 0 or tokens[i].hard_before or tokens[i - 1].lower in STOP
    right_ok = i + 1 >= len(tokens) or tokens[i + 1].hard_before or tokens[i + 1].lower in STOP
    return left_ok and right_ok


def turns_into(tokens: Sequence[Token], i: int, entry: str) -> bool:
    """Whether token I, a verb (in -ing, or another form of the name ENTRY), turns one thing into
    another later in its sentence ("translate requirements into documents", "translating signals into
    audits"): a figure of speech, not the skill its name shares."""
    word = tokens[i].lower
    if not word.isalpha() or not (word.endswith("ing") or name_words(word) != name_words(entry)):
        return False
    return any(t.lower == "into" for t in tokens[i + 1 :])


def among_people(tokens: Sequence[Token], i: int, j: int, sentence: str) -> bool:
    """Whether tokens [I, J) are an item of a list of people ("Project Managers, Business Analysts, QA",
    "engineers, designers and marketing"): a team or a department there, not a skill. The item next to
    it ends in a word for people."""
    before = i - 1
    if before >= 0 and tokens[before].lower in CONJUNCTIONS and not tokens[i].hard_before:
        before -= 1
    elif not (i > 0 and "," in sentence[tokens[i - 1].end : tokens[i].start]):
        before = -1
    if before >= 0 and tokens[before].lower in PEOPLE:
        return True
    after = j
    if after >= len(tokens):
        return False
    if tokens[after].lower in CONJUNCTIONS or "," in sentence[tokens[j - 1].end : tokens[after].start]:
        after += 1 if tokens[after].lower in CONJUNCTIONS else 0
        end = after + 1
        while end < len(tokens) and not tokens[end].hard_before and tokens[end].lower not in CONJUNCTIONS:
            end += 1
        return end - 1 < len(tokens) and tokens[end - 1].lower in PEOPLE
    return False


def restates_words_before(tokens: Sequence[Token], i: int, j: int, sentence: str) -> bool:
    """An acronym alone in brackets right after words: "Program Managers (PMs)" restates them."""
    if j - i != 1 or tokens[i].paren == 0 or i == 0 or tokens[i - 1].paren == tokens[i].paren:
        return False
    if j < len(tokens) and tokens[j].paren == tokens[i].paren:
        return False
    letters = [c for c in tokens[i].text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and sentence[tokens[i - 1].end : tokens[i].start].strip() in ("(", "[")


def verb_object_names(tokens: Sequence[Token], k: int, start: int, end: int) -> Iterator[str]:
    """The names the verb K and its object (START to END) may make, to try in order: the verb's
    participle before the whole object ("differentiate instruction": differentiated instruction); the
    object's last words before the verb in -ing or as its noun ("make business decisions": decision
    making), the noun taking two of them at least once other words than describing ones are left out
    ("curate team member learning content": learning content curation; "manage server resources" is
    not resource management); then the verb first, before the object past an article or describing
    words ("meet all deadlines", "meet tight deadlines": meet deadlines)."""
    verb = tokens[k].lower
    whole = " ".join(t.text for t in tokens[start:end])
    for form in participles(verb):
        yield f"{form} {whole}"
    for first in range(start, end):
        thing = " ".join(t.text for t in tokens[first:end])
        short = first > start and end - first < 2 and not all_describing(tokens, start, first)
        for form in gerunds(verb) if short else [*gerunds(verb), *nominals(verb)]:
            yield f"{thing} {form}"
    for first in range(start, end):
        if first > start and not all_describing(tokens, start, first):
            break
        if first == k + 1:
            continue  # (the verb and its object as written are the scan's to read)
        thing = " ".join(t.text for t in tokens[first:end])
        for form in (verb, *gerunds(verb)):
            yield f"{form} {thing}"
