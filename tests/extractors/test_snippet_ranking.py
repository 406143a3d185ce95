"""scripts/snippet_ranking.py: ledger rows with a snippet, site-grouped held-out scores, the cut table."""

from __future__ import annotations

from tests.extractors.script_loader import load_script


def _script():
    return load_script("snippet_ranking")


def _rec(n: int, right: bool, snippet: str | None = "Termine buchen Sie online im Bürgerbüro"):
    return {"slug": f"xa-{n}", "parameter": "online_appointments.citizens_office", "commit": "a" * 12,
            "predicted": True, "right": right, "scored": True, "site": f"site{n % 10}.de",
            "evidence": "statement", "support": "single", "snippet": snippet}


def test_rows_keep_predictions_with_a_snippet_only():
    script = _script()
    records = [_rec(1, True), _rec(2, False, None), {**_rec(3, False), "predicted": None}]
    rows = script.rows(records)
    assert [(r[1], r[2], r[3]) for r in rows] == [
        (True, "site1.de", ("xa-1", "online_appointments.citizens_office"))]
    assert rows[0][0].startswith("online_appointments.citizens_office statement single || Termine")


def test_held_out_scores_rank_a_wording_that_is_always_right_above_one_that_is_always_wrong():
    script = _script()
    good = "Termine im Bürgerbüro buchen Sie online über unser Buchungssystem"
    bad = "Die Stadt plant künftig eine Online-Terminvergabe für das Bürgerbüro"
    records = [_rec(n, n % 2 == 0, good if n % 2 == 0 else bad) for n in range(40)]
    rows = script.rows(records)
    scores = script.cv_scores(rows)
    right = [r[1] for r in rows]
    assert min(s for s, y in zip(scores, right, strict=True) if y) > max(
        s for s, y in zip(scores, right, strict=True) if not y)
    table = script.cut_table(scores, right, cuts=(0.5,))
    assert table == ["  score >= 0.50: 20 kept, precision 1.000, right kept 1.000"]


def test_withheld_figures_drop_the_withheld_predictions_from_precision_and_their_finds_from_recall():
    script = _script()
    records = [{**_rec(1, True), "label": True}, {**_rec(2, False), "label": False},
               {**_rec(3, False), "predicted": None, "scored": False, "label": True}]
    assert script.withheld_figures(records, set()) == {"precision": 0.5, "recall": 0.3333, "f1": 0.4,
                                                       "predictions": 2}
    dropped = {("xa-2", "online_appointments.citizens_office")}
    assert script.withheld_figures(records, dropped) == {"precision": 1.0, "recall": 0.3333, "f1": 0.5,
                                                         "predictions": 1}


def test_the_signals_baseline_reads_the_signal_words_of_each_row():
    script = _script()
    records = [{**_rec(n, n % 2 == 0), "family": "appointments" if n % 2 == 0 else "named"}
               for n in range(40)]
    rows = script.rows(records)
    texts = [script.signal_text(r) for r in records]
    assert texts[1] == ("parameter=online_appointments.citizens_office family=named polarity=None "
                        "evidence=statement kind=None where=None support=single")
    scores = script.cv_scores(rows, texts=texts, words_only=True)
    assert min(scores[0::2]) > max(scores[1::2])
