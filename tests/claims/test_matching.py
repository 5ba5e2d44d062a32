"""The one speaker matcher's near misses (claims.matching.SpeakerMatcher.near), as the
quote assistant proposes them and the import may use them."""

from claims.matching import KnownSpeaker, SpeakerMatcher, skeleton

ZAKHAROVA = KnownSpeaker(1, "Maria Zakharova", ("Zakharova",))
BELOUSOV = KnownSpeaker(2, "Andrei Belousov")
LAVROV = KnownSpeaker(3, "Sergei Lavrov")
MATCHER = SpeakerMatcher([ZAKHAROVA, BELOUSOV, LAVROV])


def test_two_letters_swapped_is_a_near_miss():
    assert MATCHER.near("Zahkarova") == [ZAKHAROVA]
    assert MATCHER.near("Maria Zahkarova") == [ZAKHAROVA]


def test_cyrillic_is_matched_in_latin_letters():
    assert MATCHER.near("Белоусов") == [BELOUSOV]
    assert MATCHER.near("Сергей Лавров") == [LAVROV]


def test_a_russian_case_ending_is_the_same_name():
    assert MATCHER.near("Захаровой") == [ZAKHAROVA]
    assert skeleton("Захаровой") == skeleton("Zakharova")


def test_the_surname_alone_is_the_speaker_with_that_surname():
    assert MATCHER.near("Lavrov") == [LAVROV]


def test_a_first_name_that_is_not_theirs_is_no_match():
    assert MATCHER.near("Ivan Lavrov") == []


def test_short_names_must_match_exactly():
    short = SpeakerMatcher([KnownSpeaker(4, "Lin Jian")])
    assert short.near("Jian") == [short.named("Lin Jian")[0]]
    assert short.near("Jiao") == []


def test_exact_matching_is_unchanged():
    assert MATCHER.named("Zahkarova") == []
    assert MATCHER.named("zakharova") == [ZAKHAROVA]


def test_one_middle_name_more_is_a_near_miss_but_not_another_given_name():
    qureshi = KnownSpeaker(4, "Salahuddin Qureshi", ("Syed Salahuddin Qureshi",))
    matcher = SpeakerMatcher([qureshi, LAVROV])
    assert matcher.near("Syed Salahuddin Ahmed Qureshi") == [qureshi]
    assert matcher.near("Salahuddin Ahmed Qureshi") == [qureshi]
    # The given name must be there: "Imran Qureshi" is someone else.
    assert matcher.near("Imran Ahmed Qureshi") == []
    assert matcher.near("Imran Qureshi") == []
