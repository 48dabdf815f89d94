"""The end-of-session report: turns, best and worst, strengths, what to practise next."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from coach.assessment import Assessment
from coach.labels import FRENCH
from coach.practice.game import FAILURE, SUCCESS, Turn

OUTCOMES = {SUCCESS: "réussie", FAILURE: "échouée", "unfinished": "inachevée", None: "en cours"}

# What to practise next, by category of the selling findings met most often.
PRACTICE = {
    "pitch": "Présentez votre métier en une phrase, puis posez une question sur l'autre avant de parler de votre offre.",
    "question-piege": "Posez des questions par curiosité pour l'autre, pas pour l'amener vers votre offre.",
    "cartes": "Gardez vos cartes et plaquettes pour quand on vous les demande : proposez plutôt de rester en contact.",
    "monologue": "Après deux phrases sur vous, revenez à l'autre : « Et vous, qu'est-ce qui vous occupe en ce moment ? »",
    "prix": "Ne parlez pas de prix tant qu'on ne vous demande rien : une rencontre n'est pas un devis.",
    "gratuit": "Offrez vraiment, sans contrepartie : un conseil, une ressource, un contact, pas un « audit gratuit ».",
    "urgence": "Retirez toute urgence : une relation se construit sur le temps long.",
    "appel-a-action": "Remplacez l'appel à l'action par une invitation à continuer la conversation, sans agenda commercial.",
    "demande-pour-soi": "Donnez avant de demander : cherchez ce que vous pouvez faire pour l'autre avant de solliciter une recommandation.",
    "flatterie": "Laissez un compliment ou un remerciement être sincère, sans le faire suivre d'une offre.",
    "relance": "Relancez en apportant quelque chose (une ressource, une nouvelle), pas pour réclamer une réponse.",
}
GENERIC_PRACTICE = (
    "Posez au moins une question ouverte sur l'autre personne à chaque tour.",
    "Proposez une aide concrète sans rien demander en retour : un contact, un article, un conseil.",
)
STRENGTHS = {
    "curiosite": "Vous vous intéressez sincèrement à l'autre : vos questions ouvrent la conversation.",
    "generosite": "Vous donnez sans attendre de retour : aide, contacts, ressources, remerciements.",
}


@dataclass(frozen=True)
class Report:
    title: str
    outcome: str | None
    turns: tuple[Turn, ...]
    best: Turn | None
    worst: Turn | None
    strengths: tuple[str, ...]
    practice: tuple[str, ...]

    @property
    def mean_score(self) -> float | None:
        return sum(t.score for t in self.turns) / len(self.turns) if self.turns else None

    def to_markdown(self) -> str:
        lines = [f"# Séance de réseautage : {self.title}", ""]
        mean = self.mean_score
        lines.append(f"- Issue : {OUTCOMES.get(self.outcome, self.outcome)}")
        lines.append(f"- Tours joués : {len(self.turns)}")
        if mean is not None:
            lines.append(f"- Score moyen : {mean:.0f}/100 (100 = donne, 0 = vend)")
        lines += [
            "",
            "## Vos tours",
            "",
            "| # | Score | Étiquette | Vous avez dit | Réponse |",
            "|---|---|---|---|---|",
        ]
        for turn in self.turns:
            lines.append(
                f"| {turn.number} | {turn.score:.0f} | {FRENCH[turn.label]} | {_cell(turn.text)} | {_cell(turn.reply)} |"
            )
        if self.best and self.worst:
            lines += [
                "",
                f"**Meilleur tour** ({self.best.score:.0f}/100) : « {_cell(self.best.text)} »",
                "",
                f"**Tour le plus vendeur** ({self.worst.score:.0f}/100) : « {_cell(self.worst.text)} »",
            ]
        lines += ["", "## Points forts", ""] + [f"- {s}" for s in self.strengths]
        lines += ["", "## À travailler ensuite", ""] + [
            f"{i}. {p}" for i, p in enumerate(self.practice, 1)
        ]
        return "\n".join(lines) + "\n"


_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|~"})


def _cell(text: str) -> str:
    """User text as literal Markdown on one line: special characters escaped."""
    return " ".join(text.split()).translate(_MARKDOWN_SPECIAL)


def build(
    title: str, outcome: str | None, turns: Sequence[Turn], assessments: Sequence[Assessment]
) -> Report:
    """The report of a session; ``assessments`` are the coach's view of each turn."""
    best = max(turns, key=lambda t: t.score, default=None)
    worst = min(turns, key=lambda t: t.score, default=None)
    giving = Counter(f.category for a in assessments for f in a.findings if f.kind == "giving")
    selling = Counter(f.category for a in assessments for f in a.findings if f.kind == "selling")
    strengths = [STRENGTHS[c] for c, _ in giving.most_common() if c in STRENGTHS]
    giving_turns = sum(t.label == "giving" for t in turns)
    if giving_turns:
        strengths.append(f"{giving_turns} tour(s) sur {len(turns)} tournés vers l'autre.")
    if not strengths:
        strengths.append(
            "Pas encore de point fort net : la prochaine fois, commencez par une question sur l'autre."
        )
    practice = [PRACTICE[c] for c, _ in selling.most_common() if c in PRACTICE][:2]
    practice += [p for p in GENERIC_PRACTICE if p not in practice][: 2 - len(practice)]
    return Report(title, outcome, tuple(turns), best, worst, tuple(strengths), tuple(practice))
