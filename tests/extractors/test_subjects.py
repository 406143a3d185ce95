from __future__ import annotations

from extractors.subjects import subjects_of, together_heads

SUBJECTS = {
    "business_deregistration": {
        "terms": ["Gewerbeabmeldung"],
        "together": [[["Gewerbe", "Betrieb"], "abmelden"]],
    },
    "dog_tax": {"terms": ["Hundesteuer"]},
}


def test_a_together_group_names_its_subject_by_heads_read_from_a_table_built_once():
    # the head alternatives are one tuple per group, the same object on every call (contains_any's memos
    # key on it), and the group still reads as before: a head word plus the act in any inflection
    table = together_heads(SUBJECTS)
    assert table["business_deregistration"] == (("Gewerbe", "Betrieb"),) and table["dog_tax"] == ()
    assert together_heads(SUBJECTS) is table
    said = "Ihren Betrieb können Sie hier online abmelden"
    assert "business_deregistration" in subjects_of(said, SUBJECTS, 100)
    assert subjects_of("Den Betrieb erreichen Sie telefonisch", SUBJECTS, 100) == {}


def test_subjects_of_is_memoised_per_mapping_and_hands_out_a_new_dict_each_call():
    from extractors import subjects

    subjects.forget()
    said = "Die Hundesteuer melden Sie online an"
    first = subjects_of(said, SUBJECTS, 100)
    assert set(first) == {"dog_tax"}
    first.clear()  # a caller changing its answer changes no later one
    again = subjects_of(said, SUBJECTS, 100)
    assert set(again) == {"dog_tax"} and again is not first
    assert len(subjects._SUBJECTS) == 1  # asked once: the second answer came from the memo
    # another mapping (even at a reused id) is read by itself, and a context with unless words counts
    other = {"dog_tax": {"terms": ["Hundesteuer"], "unless": ["Katze"]}}
    assert subjects_of(said, other, 100) == again
    assert subjects_of(said, other, 100, "Katze") == {}
    assert len(subjects._SUBJECTS) == 3
    subjects.forget()
    assert not subjects._SUBJECTS
