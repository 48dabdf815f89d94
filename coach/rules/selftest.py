"""``coach rules test``: run every rule's examples, the way LanguageTool tests its rules.

For each example that must match: the rule finds exactly the expected span, its
rewrites are exactly the expected texts, applying a rewrite does not trigger the rule
again, and the rewritten text scores higher with the shipped classifier (for
selling rules). For each example that must not match: the rule stays silent.

Rules are run on their own, without the classifier's sentence labels, so that an
example's expected rewrites do not change when the model is retrained.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from coach.assessment import Finding
from coach.rules.catalogue import Example, Rule
from coach.scorer import Coach


@dataclass(frozen=True)
class Failure:
    rule: Rule
    example: Example
    problem: str

    def __str__(self) -> str:
        return f"{self.rule.source}:{self.example.line or self.rule.line} [{self.rule.id}] {self.problem}"


def check_rule(coach: Coach, rule: Rule) -> Iterator[Failure]:
    for example in rule.matching:
        yield from _check_match(coach, rule, example)
    for example in rule.not_matching:
        hits = _hits(coach, rule, example.text)
        if hits:
            found = example.text[hits[0].start : hits[0].end]
            yield Failure(
                rule, example, f"ne devrait pas se déclencher sur « {example.text} » (« {found} »)"
            )


def _check_match(coach: Coach, rule: Rule, example: Example) -> Iterator[Failure]:
    hits = _hits(coach, rule, example.text)
    if len(hits) != 1:
        yield Failure(
            rule, example, f"{len(hits)} déclenchement(s) au lieu d'un sur « {example.text} »"
        )
        return
    (finding,) = hits
    span = example.text[finding.start : finding.end]
    if span != example.span:
        yield Failure(rule, example, f"passage « {span} » au lieu de « {example.span} »")
    rewritten = [s.apply(example.text) for s in finding.suggestions]
    if example.rewrites and rewritten != list(example.rewrites):
        yield Failure(
            rule,
            example,
            "réécritures inattendues :\n    " + "\n    ".join(rewritten or ["(aucune)"]),
        )
    if rule.rewrites and not rewritten:
        yield Failure(rule, example, "aucune réécriture produite")
    before = coach.assess(example.text).score
    for text in rewritten:
        if _hits(coach, rule, text):
            yield Failure(rule, example, f"la réécriture déclenche encore la règle : « {text} »")
        after = coach.assess(text).score
        if rule.kind == "selling" and after <= before:
            yield Failure(
                rule,
                example,
                f"la réécriture ne fait pas monter le score ({before:.0f} → {after:.0f}) : « {text} »",
            )


def _hits(coach: Coach, rule: Rule, text: str) -> list[Finding]:
    engine = coach.scorer.rules
    assert engine is not None  # a Coach always has its rule engine
    return [f for f in engine.find(coach.nlp(text)) if f.rule == rule.id]


def run(coach: Coach, rules: list[Rule]) -> list[Failure]:
    return [failure for rule in rules for failure in check_rule(coach, rule)]
