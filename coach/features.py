"""Features of a span of French text, attributed to the tokens that carry them.

Every feature is a count. Most belong to one token (its lemma, its form, the
lemma bigram it ends, the lexical cues it triggers), so the weight a linear model gives
a text can be traced back to the words that earned it. A few describe the span as a
whole (length, who it talks about).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Span, Token

FIRST_SINGULAR = frozenset("je j' j moi me m' mon ma mes jsuis chu chui jai".split())
FIRST_PLURAL = frozenset("nous notre nos".split())
SECOND = frozenset("tu t' t toi te ton ta tes vous votre vos vs ta t'as tas".split())

# Lexical cues grouped by what they signal. They are features, not verdicts: the
# model learns how much each group weighs, and a word absent from the training
# data still counts through its group.
CUES: dict[str, frozenset[str]] = {
    "price": frozenset(
        "€ $ eur euro euros chf fr. francs dollar dollars balle balles prix tarif tarifs "
        "devis remise reduction rabais promo promotion % pourcent forfait facture facturer "
        "cout coute coutent payer paiement abonnement mensualite ttc ht k€".split()
    ),
    "free": frozenset(
        "gratuit gratuite gratuits gratuitement offert offerte offerts cadeau essai "
        "engagement".split()
    ),
    "urgency": frozenset(
        "dernier derniere derniers limite limitees limitee vite urgent urgence rapidement "
        "aujourd'hui demain vendredi lundi semaine avant expire deadline bientot seulement "
        "plus maintenant asap".split()
    ),
    "call_to_action": frozenset(
        "rdv rendez-vous appel call demo demonstration creneau calendly dispo disponible "
        "disponibilite minutes agenda visio zoom teams signer signature commande commander "
        "reserver inscrire inscription contacter rappeler".split()
    ),
    "offer": frozenset(
        "proposer propose offre offrir solution solutions service services prestation "
        "prestations accompagnement accompagner formule pack produit produits client "
        "clients vendre vends vente audit diagnostic formation coaching".split()
    ),
    "self_ask": frozenset(
        "recommander recommandation recommandations pistonner piston embaucher embauche "
        "poste cv candidature candidater liker like partager relayer job emploi recrute "
        "recrutez referer parrainer penser pense".split()
    ),
    "giving": frozenset(
        "merci remercie bravo felicitations felicitation chapeau presenter presente "
        "contact aide aider conseil conseils article lien ressource partage ecouter "
        "raconte racontes racontez curieux curieuse passionnant interessant".split()
    ),
    "curiosity": frozenset(
        "comment pourquoi quoi qu'est-ce quel quelle quels quelles parle parles parlez".split()
    ),
}
_CUE_OF: dict[str, tuple[str, ...]] = {}
for _group, _words in CUES.items():
    for _word in _words:
        _CUE_OF[_word] = (*_CUE_OF.get(_word, ()), _group)

_NOT_IMPERATIVE = frozenset("chez assez nez".split())


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase, without accents, typographic apostrophes made plain."""
    text = text.lower().replace("’", "'").replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class Extraction:
    """Features of one span: per token (index into the Doc) and for the whole span."""

    tokens: list[tuple[Token, Counter[str]]]
    span: Counter[str]

    @cached_property
    def counts(self) -> dict[str, int]:
        """All features of the span with their counts."""
        counts: Counter[str] = Counter(self.span)
        for _, features in self.tokens:
            counts.update(features)
        return dict(counts)


def person(form: str) -> str | None:
    """« 1s », « 1p » or « 2 » for a folded word that names the speaker or the listener."""
    if form in SECOND or form.startswith("-vous") or form.startswith("-tu"):
        return "2"
    if form in FIRST_PLURAL or form.startswith("-nous"):
        return "1p"
    if form in FIRST_SINGULAR or form.startswith("-moi"):
        return "1s"
    return None


def _is_imperative(token: Token, form: str, first_word: bool, negated_start: bool) -> bool:
    """Imperatives by their shape: a verb before « -moi », « -nous »…, the word after a
    sentence-initial « ne », or a sentence-initial word in -ez (« Achetez »)."""
    next_form = fold(token.nbor().text) if token.i + 1 < len(token.doc) else ""
    if next_form.startswith(("-moi", "-nous", "-vous", "-le", "-la", "-les", "-en", "-y")):
        return True
    if negated_start:
        return True  # "N'hésite pas", "Ne ratez pas"
    return first_word and form.endswith("ez") and len(form) > 4 and form not in _NOT_IMPERATIVE


def extract(span: Doc | Span) -> Extraction:
    """Count the features of a Doc or a sentence of it."""
    tokens: list[tuple[Token, Counter[str]]] = []
    persons: Counter[str] = Counter()
    in_sentence: Counter[str] = Counter()
    previous = "<s>"
    first_word = True
    negated_start = False
    words = 0
    for token in span:
        if token.is_space:
            continue
        form = fold(token.text)
        features: Counter[str] = Counter()
        if token.is_punct:
            if "?" in form:
                # A question is about the listener, the speaker, or something else.
                about = (
                    "you"
                    if in_sentence["2"]
                    else "me"
                    if in_sentence["1s"] + in_sentence["1p"]
                    else "other"
                )
                features["question_about:" + about] += 1
            elif "!" in form:
                features["punct:!"] += 1
            if form in {".", "?", "!", "...", "…"}:
                first_word = True
                previous = "<s>"
                in_sentence.clear()
            tokens.append((token, features))
            continue
        words += 1
        lemma = "<num>" if token.like_num else fold(token.lemma_)
        features["l:" + lemma] += 1
        if form != lemma and not token.like_num:
            features["f:" + form] += 1
        features["b:" + previous + "_" + lemma] += 1
        for group in set(_CUE_OF.get(form, ()) + _CUE_OF.get(lemma, ())):
            features["cue:" + group] += 1
        who = person(form)
        if who:
            features["person:" + who] += 1
            persons[who] += 1
            in_sentence[who] += 1
        if form in {"n'", "ne"}:
            negated_start = first_word
        else:
            if _is_imperative(token, form, first_word, negated_start):
                features["imperative"] += 1
            first_word = negated_start = False
        previous = lemma
        tokens.append((token, features))

    whole: Counter[str] = Counter()
    whole["length:" + _length_bucket(words)] += 1
    if persons["2"] == 0:
        whole["no_second_person"] += 1
    if persons["1s"] + persons["1p"] > persons["2"]:
        whole["more_me_than_you"] += 1
    return Extraction(tokens, whole)


def _length_bucket(words: int) -> str:
    for limit, name in ((3, "tiny"), (8, "short"), (20, "medium"), (40, "long")):
        if words <= limit:
            return name
    return "very_long"
