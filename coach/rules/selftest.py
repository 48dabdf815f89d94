"""``coach rules test``: run every rule's examples, the way LanguageTool tests its rules.

For each example that must match: the rule finds exactly the expected span, its
rewrites are exactly the expected texts, applying a rewrite does not trigger the rule
again, and the rewritten text scores higher with the shipped classifier (for
selling rules). For each example that must not match: the rule stays silent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

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
        assessment = coach.assess(example.text)
        hits = [f for f in assessment.findings if f.rule == rule.id]
        if hits:
            found = example.text[hits[0].start : hits[0].end]
            yield Failure(
                rule, example, f"ne devrait pas se déclencher sur « {example.text} » (« {found} »)"
            )


def _check_match(coach: Coach, rule: Rule, example: Example) -> Iterator[Failure]:
    assessment = coach.assess(example.text)
    hits = [f for f in assessment.findings if f.rule == rule.id]
    if len(hits) != 1:
        yield Failure(
            rule, example, f"{len(hits)} déclenchement(s) au lieu d'un sur « {example.text} »"
        )
        return
    (finding,) = hits
    span = example.text[finding.start : finding.end]
    if span != example.span:
        yield Failure(rule, example, f"passage « {span} » au lieu de « {example.span} »")
    rewritten = [assessment.apply(s) for s in finding.suggestions]
    if example.rewrites and rewritten != list(example.rewrites):
        yield Failure(
            rule,
            example,
            "réécritures inattendues :\n    " + "\n    ".join(rewritten or ["(aucune)"]),
        )
    if rule.rewrites and not rewritten:
        yield Failure(rule, example, "aucune réécriture produite")
    for text in rewritten:
        after = coach.assess(text)
        if any(f.rule == rule.id for f in after.findings):
            yield Failure(rule, example, f"la réécriture déclenche encore la règle : « {text} »")
        if rule.kind == "selling" and after.score <= assessment.score:
            yield Failure(
                rule,
                example,
                f"la réécriture ne fait pas monter le score ({assessment.score:.0f} → "
                f"{after.score:.0f}) : « {text} »",
            )


def run(coach: Coach, rules: list[Rule]) -> list[Failure]:
    return [failure for rule in rules for failure in check_rule(coach, rule)]
