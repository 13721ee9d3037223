"""The word-forms layer groups the taxonomy's names the same however it works them out: the groups it
takes out of its sorted names when a phrase asks are exactly the names a plain walk over every name puts
in each group (a name's core words: its words without "skills" or "pro")."""

from __future__ import annotations

from skillgap.postings.forms import WordForms, _bare, _core
from skillgap.world import open_world


def _walked(forms: WordForms) -> dict[tuple[int, str], set[tuple[str, tuple[str, ...], bool]]]:
    groups: dict[tuple[int, str], set[tuple[str, tuple[str, ...], bool]]] = {}
    for name, written in forms.matcher.taxonomy_names():
        words = _core(written)
        bare = _bare(written, words)
        if words and bare is not None:
            groups.setdefault((len(words), words[0][:4]), set()).add((name, words, bare))
    return groups


def test_every_group_holds_the_names_a_walk_over_all_of_them_finds() -> None:
    forms = WordForms(open_world().matcher)
    walked = _walked(forms)
    assert len(walked) > 1000  # (the bundled taxonomy: thousands of names)
    assert any(bare for group in walked.values() for _, _, bare in group)  # names with "skills" among them
    assert any(len(start) < 4 for _, start in walked)  # and first words shorter than four letters
    for group, names in walked.items():
        assert set(forms._group(group)) == names, group
    # groups no name is in, beside ones that are: a shorter first word, one word more or less
    for size, start in list(walked)[:300]:
        for other in ((size + 1, start), (max(1, size - 1), start), (size, start[:-1]), (size, start + "q")):
            if other not in walked:
                assert forms._group(other) == [], other


def test_asking_twice_gives_the_same_group() -> None:
    forms = WordForms(open_world().matcher)
    group = next(iter(_walked(forms)))
    first = list(forms._group(group))
    assert first and forms._group(group) == first
