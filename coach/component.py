"""The coach as a spaCy pipeline component: ``nlp.add_pipe("coach")`` sets ``doc._.coach``.

The component reuses the Doc the pipeline made (tokens, lemmas and
sentences), so nothing is parsed twice. Registered through the ``spacy_factories``
entry point, so adding it needs no import of ``coach``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from coach.rules.engine import RuleEngine
from coach.scorer import DocScorer

EXTENSION = "coach"


class CoachComponent:
    def __init__(self, nlp: Language, model_dir: str | None) -> None:
        self.scorer = DocScorer(model_dir, RuleEngine(nlp))
        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.coach = self.scorer.assess_doc(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._assess(batch)
                batch = []
        yield from self._assess(batch)

    def _assess(self, docs: list[Doc]) -> list[Doc]:
        for doc, assessment in zip(docs, self.scorer.assess_docs(docs), strict=True):
            doc._.coach = assessment
        return docs


@Language.factory(
    "coach",
    default_config={"model_dir": None},
    requires=["token.lemma"],
    assigns=["doc._.coach"],
)
def make_coach(nlp: Language, name: str, model_dir: str | None) -> CoachComponent:
    return CoachComponent(nlp, model_dir)
