"""The rule engine: the catalogue, its examples, user rules, errors, and held-out figures."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import coach
from coach import dataset
from coach.errors import DataError
from coach.features import fold
from coach.nlp import load as load_nlp
from coach.rules import catalogue, rewriting, selftest, speaker
from tests.conftest import run_cli, text_of

USER_RULE = """\
category: maison
rules:
  - id: maison-promo-flash
    kind: selling
    severity: error
    message: Une « promo flash » met la pression ; parlez plutôt de la personne.
    patterns:
      - [{FOLD: promo}, {FOLD: flash}]
    rewrites:
      - vous: "Qu'est-ce qui vous occupe en ce moment ?"
        tu: "Qu'est-ce qui t'occupe en ce moment ?"
    examples:
      match:
        - text: "Promo flash sur mes bougies !"
          span: "Promo flash"
          rewrites: ["Qu'est-ce qui vous occupe en ce moment ?"]
      no_match:
        - "J'ai vu une promo sur les vols."
"""


@pytest.fixture
def user_rules(tmp_path: Path) -> Path:
    path = tmp_path / "maison.yaml"
    path.write_text(USER_RULE, "utf-8")
    return path


def test_catalogue_size_and_spread() -> None:
    rules = catalogue.load(catalogue.builtin_files())
    selling = [r for r in rules if r.kind == "selling"]
    giving = [r for r in rules if r.kind == "giving"]
    assert len(selling) >= 30
    assert len({r.category for r in selling}) >= 8
    assert len(giving) >= 8
    assert len({r.id for r in rules}) == len(rules)


def test_every_rule_example_passes(shared_coach: coach.Coach) -> None:
    rules = shared_coach.scorer.rules.all_rules
    failures = selftest.run(shared_coach, rules)
    assert not failures, "\n".join(map(str, failures))


def test_held_out_selling_texts_get_findings_and_giving_texts_rarely_do(
    shared_coach: coach.Coach,
) -> None:
    heldout = dataset.load_split(dataset.HELDOUT)
    covered, alarms, raised, findings, pitch_left = Counter(), Counter(), 0, 0, 0
    totals = Counter(u.label for u in heldout)
    for u, a in zip(heldout, shared_coach.assess_many([u.text for u in heldout]), strict=True):
        selling = [f for f in a.findings if f.kind == "selling"]
        covered[u.label] += bool(selling)
        alarms[u.label] += any(f.severity != "suggestion" for f in selling)
        if u.label == "selling":
            for f in selling:
                if f.suggestions:
                    findings += 1
                    raised += shared_coach.assess(a.apply(f.suggestions[0])).score > a.score
            if selling and selling[0].suggestions:
                after = shared_coach.assess(a.apply(selling[0].suggestions[0]))
                pitch_left += any(s.label == "selling" for s in after.sentences)
    # The targets: >= 85 % of selling texts with a selling finding, <= 10 % of
    # giving texts with one of severity warning or above, >= 90 % of first rewrites
    # that raise the score.
    assert covered["selling"] / totals["selling"] >= 0.85
    assert alarms["giving"] / totals["giving"] <= 0.10
    assert raised / findings >= 0.90
    # After the first rewrite of the first finding, few texts keep a sentence the
    # classifier reads as selling (measured 28 of 167; 45 of 163 before rewrites took in
    # the pitch sentences next to the one that matched).
    assert pitch_left / covered["selling"] <= 0.20


def test_a_rewrite_takes_in_the_pitch_sentences_next_to_its_own(
    shared_coach: coach.Coach,
) -> None:
    first = "Vous avez deux minutes ?"
    pitch = "J'aimerais vous présenter notre nouvelle offre de leasing, à 290 € par mois."
    small_talk = "Au fait, il fait super beau aujourd'hui."

    def creneau(text: str) -> coach.Finding:
        a = shared_coach.assess(text)
        (finding,) = [f for f in a.findings if f.rule == "appel-a-action-creneau"]
        return finding

    assert creneau(f"{first} {pitch}").suggestions[0].end == len(first) + 1 + len(pitch)
    assert creneau(f"{pitch} {first}").suggestions[0].start == 0
    assert creneau(f"{first} {small_talk}").suggestions[0].end == len(first)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Bonjour, je suis graphiste freelance à Lyon, je fais des logos.",
            "je suis graphiste freelance à Lyon",
        ),
        ("Moi j'suis une coach certifiée en image.", "je suis coach certifiée en image"),
        ("chui prof de yoga", "je suis prof de yoga"),
        ("Moi qui suis agent immobilier, je peux vous le dire.", "je suis agent immobilier"),
        ("Notaire à Liège, je fais un petit topo sur les donations.", "je suis notaire à Liège"),
        ("Expert en rien du tout, mais bon.", None),
        (
            "Je bosse comme conseillère en gestion de patrimoine chez Axa.",
            "je suis conseillère en gestion de patrimoine chez Axa",
        ),
        ("Je travaille dans l'immobilier depuis dix ans.", "je travaille dans l'immobilier"),
        ("Je suis content d'être là, je suis curieuse de tout.", None),
        ("Je suis dans le train, j'arrive.", None),
    ],
)
def test_the_speakers_stated_trade_is_found(text: str, clause: str | None) -> None:
    assert [t.clause for t in _trades(text)] == ([clause] if clause else [])


def _trades(text: str) -> list[speaker.Trade]:
    doc = load_nlp()(text)
    return speaker.find(doc, [fold(t.text) for t in doc])


def test_rewrites_keep_the_trade_the_speaker_stated(shared_coach: coach.Coach) -> None:
    """A rewrite that replaces « je suis kiné, … » still says « je suis kiné »."""
    texts = [u.text for u in dataset.load_split(dataset.HELDOUT) if u.label == "selling"]
    texts += [
        "Je suis kiné et je te fais le bilan à moitié prix.",
        "Je travaille dans l'assurance, je peux vous faire un devis gratuit ?",
    ]
    checked = 0
    for a in shared_coach.assess_many(texts):
        stated = {t.head for t in _trades(a.text)}
        for f in a.findings:
            if stated and f.kind == "selling" and f.suggestions:
                checked += 1
                rewritten = {t.head for t in _trades(a.apply(f.suggestions[0]))}
                assert stated <= rewritten, a.text
    assert checked >= 10


def test_findings_carry_rule_span_message_and_edits(shared_coach: coach.Coach) -> None:
    text = "Bonjour, je vends des assurances, ça vous intéresse ?"
    a = shared_coach.assess(text)
    selling = [f for f in a.findings if f.kind == "selling"]
    assert selling
    for f in a.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.message
        for s in f.suggestions:
            assert 0 <= s.start <= s.end <= len(text)
            assert a.apply(s) != text


def test_user_rules_are_added_and_reported_in_json(user_rules: Path) -> None:
    result = run_cli(
        "score",
        "-",
        "--format",
        "jsonl",
        "--rules",
        str(user_rules),
        stdin=b"Promo flash sur mes bougies !",
    )
    out, err = text_of(result)
    assert result.returncode == 0, err
    findings = json.loads(out)["findings"]
    mine = [f for f in findings if f["rule"] == "maison-promo-flash"]
    assert mine == [
        {
            "rule": "maison-promo-flash",
            "kind": "selling",
            "severity": "error",
            "category": "maison",
            "start": 0,
            "end": 11,
            "message": "Une « promo flash » met la pression ; parlez plutôt de la personne.",
            "suggestions": [
                {"start": 0, "end": 29, "text": "Qu'est-ce qui vous occupe en ce moment ?"}
            ],
        }
    ]


def test_disable_and_min_severity_filter_findings(
    user_rules: Path, shared_coach: coach.Coach
) -> None:
    text = "Promo flash sur mes bougies !"
    with_rule = coach.Coach(rules=[user_rules]).assess(text)
    assert any(f.rule == "maison-promo-flash" for f in with_rule.findings)
    disabled = coach.Coach(rules=[user_rules], disabled=["maison-promo-flash"]).assess(text)
    assert not any(f.rule == "maison-promo-flash" for f in disabled.findings)
    strict = coach.Coach(rules=[user_rules], min_severity="error").assess(text)
    assert {f.severity for f in strict.findings} == {"error"}
    with pytest.raises(DataError, match="règle inconnue"):
        coach.Coach(disabled=["pas-une-regle"])


def test_rules_test_command_runs_user_examples(user_rules: Path) -> None:
    result = run_cli("rules", "test", "--rules", str(user_rules))
    out, err = text_of(result)
    assert result.returncode == 0, out + err
    assert "tout est conforme" in out
    broken = user_rules.read_text("utf-8").replace('span: "Promo flash"', 'span: "Promo"')
    user_rules.write_text(broken, "utf-8")
    result = run_cli("rules", "test", "--rules", str(user_rules))
    out, _ = text_of(result)
    assert result.returncode == 1
    assert f"{user_rules}:" in out
    assert "passage « Promo flash » au lieu de « Promo »" in out


def test_rules_list_json_has_the_catalogue_fields(user_rules: Path) -> None:
    out, _ = text_of(run_cli("rules", "list", "--format", "json", "--rules", str(user_rules)))
    rows = json.loads(out)
    assert {"id", "category", "kind", "severity", "message"} == set(rows[0])
    assert "maison-promo-flash" in {row["id"] for row in rows}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda t: t.replace("    patterns:", "  patterns: [oops\n    patterns:"),
            ":7 : YAML invalide",
        ),
        (
            lambda t: t.replace("{FOLD: flash}", "{COULEUR: flash}"),
            ":3 (règle « maison-promo-flash ») : motif 1 invalide",
        ),
        (
            lambda t: t.replace("    kind: selling\n", ""),
            ":3 (règle « maison-promo-flash ») : « kind » vaut",
        ),
        (lambda t: t.replace("    message:", "    mesage:"), ":3 : champ inconnu « mesage »"),
    ],
)
def test_malformed_rule_files_name_file_line_and_problem(
    user_rules: Path, change, expected
) -> None:
    user_rules.write_text(change(USER_RULE), "utf-8")
    result = run_cli("score", "-", "--rules", str(user_rules), stdin=b"Bonjour")
    _, err = text_of(result)
    assert result.returncode == 2
    assert f"{user_rules}{expected}" in err
    assert "Traceback" not in err
    # the built-in rules keep working without the broken file
    assert run_cli("score", "-", stdin=b"Bonjour").returncode == 0


def test_rewriting_helpers() -> None:
    assert rewriting.after_de("des assurances") == "d'assurances"
    assert rewriting.after_de("le conseil") == "du conseil"
    assert rewriting.after_de("les sites") == "des sites"
    assert rewriting.after_de("la compta") == "de la compta"
    assert rewriting.after_de("une appli") == "d'une appli"
    assert rewriting.after_de("du café") == "de café"
    assert rewriting.bare("les sites web") == "sites web"
    assert rewriting.fit_case("je m'occupe", True) == "Je m'occupe"
    assert rewriting.fit_case("Et toi ?", False) == "et toi ?"
    assert rewriting.render("{x.de} et {y}", {"x": "la compta"}) is None


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Séance découverte offerte, tiens ma carte.", "tu"),
        ("Écris-moi, je t'envoie le devis.", "tu"),
        ("Bonjour, passez me voir au stand.", "vous"),
        ("Écrivez-moi en privé.", "vous"),
        ("Chez nous, c'est 20 € la séance.", "vous"),
    ],
)
def test_rewrites_address_the_other_person_as_the_text_does(text: str, form: str) -> None:
    assert rewriting.address(load_nlp()(text)) == form


def test_a_folder_of_user_rules_is_loaded(user_rules: Path) -> None:
    a = coach.Coach(rules=[user_rules.parent]).assess("Promo flash sur mes bougies !")
    assert any(f.rule == "maison-promo-flash" for f in a.findings)
