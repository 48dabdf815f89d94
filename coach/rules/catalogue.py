"""Rules as data: reading and validating the YAML rule files.

A rule file holds one category. Each rule has an id, a kind (``selling``: a
problem, ``giving``: a strength), a severity, a French message, spaCy ``Matcher``
patterns (or a whole-text ``check``), rewrite templates and examples that are run
as tests. Errors name the file, the line and the problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach import yamlfile
from coach.errors import DataError

KINDS = ("selling", "giving")
SEVERITIES = ("suggestion", "warning", "error")
REPLACES = ("sentence", "rest", "match", "append")
CHECKS = {
    # A whole-text check: the speaker talks about themselves and never to the other.
    "self_centred": {"first_person_min", "second_person_max", "questions_max"},
}
BUILTIN_DIR = Path(__file__).resolve().parent / "catalogue"

_RULE_FIELDS = {
    "id", "kind", "severity", "message", "patterns", "phrases", "check", "replace",
    "rewrites", "examples", "unless_after",
}  # fmt: skip
_FILE_FIELDS = {"category", "rules", "words"}


@dataclass(frozen=True)
class Template:
    """A rewrite, written once for a speaker who says *vous* and once for *tu*."""

    vous: str
    tu: str


@dataclass(frozen=True)
class Example:
    text: str
    span: str = ""  # for texts that must match: the exact matched text
    rewrites: tuple[str, ...] = ()  # the full texts after applying each suggestion
    line: int = 0


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    kind: str
    severity: str
    message: str
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()
    phrases: tuple[str, ...] = ()
    check: dict[str, int] = field(default_factory=dict)
    # Words (folded) that, anywhere after the match, mean the rule does not apply.
    unless_after: frozenset[str] = frozenset()
    replace: str = "sentence"
    rewrites: tuple[Template, ...] = ()
    matching: tuple[Example, ...] = ()
    not_matching: tuple[Example, ...] = ()
    source: str = ""
    line: int = 0

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


def builtin_files() -> list[Path]:
    return sorted(BUILTIN_DIR.glob("*.yaml"))


def rule_files(path: Path) -> list[Path]:
    """A YAML file, or every YAML file of a folder."""
    if path.is_dir():
        files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
        if not files:
            raise DataError(f"{path} : aucun fichier de règles (.yaml) dans ce dossier.")
        return files
    if not path.is_file():
        raise DataError(f"{path} : fichier de règles introuvable.")
    return [path]


def load(paths: Iterable[Path]) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in paths:
        for rule in load_file(path):
            if rule.id in seen:
                raise DataError(
                    f"{rule.where} : l'identifiant « {rule.id} » est déjà utilisé ({seen[rule.id]})."
                )
            seen[rule.id] = rule.where
            rules.append(rule)
    return rules


def load_file(path: Path) -> list[Rule]:
    document = yamlfile.read(path)
    if not isinstance(document, dict):
        raise DataError(
            f"{path} : un fichier de règles est un objet avec « category » et « rules »."
        )
    unknown = set(document) - _FILE_FIELDS
    if unknown:
        raise DataError(
            f"{yamlfile.where(path, document)} : champ inconnu « {sorted(unknown)[0]} »."
        )
    words = document.get("words") or {}
    if not isinstance(words, dict) or not all(isinstance(v, list) for v in words.values()):
        raise DataError(
            f"{yamlfile.where(path, document)} : « words » associe des noms à des listes de mots."
        )
    category = document.get("category")
    if not isinstance(category, str) or not category:
        raise DataError(f"{yamlfile.where(path, document)} : « category » manquante.")
    items = document.get("rules")
    if not isinstance(items, list) or not items:
        raise DataError(
            f"{yamlfile.where(path, document)} : la liste « rules » est vide ou absente."
        )
    return [_rule(path, category, item) for item in items]


def _rule(path: Path, category: str, item: Any) -> Rule:
    where = yamlfile.where(path, item)
    if not isinstance(item, dict):
        raise DataError(f"{where} : une règle doit être un objet.")
    unknown = set(item) - _RULE_FIELDS
    if unknown:
        raise DataError(f"{where} : champ inconnu « {sorted(unknown)[0]} ».")
    rule_id = _text(item, "id", where)
    where = f"{where} (règle « {rule_id} »)"
    kind = _choice(item, "kind", KINDS, where)
    severity = _choice(item, "severity", SEVERITIES, where)
    message = _text(item, "message", where)
    patterns = item.get("patterns") or []
    phrases = item.get("phrases") or []
    check = item.get("check") or {}
    if not (patterns or phrases or check):
        raise DataError(f"{where} : il faut « patterns », « phrases » ou « check ».")
    if not isinstance(patterns, list) or not all(
        isinstance(p, list) and p and all(isinstance(t, dict) for t in p) for p in patterns
    ):
        raise DataError(f"{where} : « patterns » est une liste de motifs (listes de jetons).")
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise DataError(f"{where} : « phrases » est une liste de textes.")
    if check:
        _check(check, where)
    replace = item.get("replace", "sentence")
    if replace not in REPLACES:
        raise DataError(f"{where} : « replace » vaut {', '.join(REPLACES)}, pas « {replace} ».")
    rewrites = tuple(_template(t, where) for t in item.get("rewrites") or [])
    unless_after = _words(item.get("unless_after") or [], where)
    examples = item.get("examples") or {}
    if not isinstance(examples, dict) or not examples.get("match"):
        raise DataError(
            f"{where} : il faut des exemples « examples.match » (textes qui déclenchent)."
        )
    return Rule(
        id=rule_id,
        category=category,
        kind=kind,
        severity=severity,
        message=message,
        patterns=tuple(tuple(p) for p in patterns),
        phrases=tuple(phrases),
        check=dict(check),
        unless_after=unless_after,
        replace=replace,
        rewrites=rewrites,
        matching=tuple(_example(e, path, where, expect_match=True) for e in examples["match"]),
        not_matching=tuple(
            _example(e, path, where, expect_match=False) for e in examples.get("no_match") or []
        ),
        source=str(path),
        line=getattr(item, "line", 0),
    )


def _words(value: Any, where: str) -> frozenset[str]:
    """A list of words, or of lists of words (YAML anchors), folded like the text."""
    from coach.features import fold

    if not isinstance(value, list):
        raise DataError(f"{where} : « unless_after » est une liste de mots.")
    flat = [w for v in value for w in (v if isinstance(v, list) else [v])]
    if not all(isinstance(w, str) for w in flat):
        raise DataError(f"{where} : « unless_after » ne contient que des mots.")
    return frozenset(fold(w) for w in flat)


def _text(item: dict, key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where} : champ « {key} » manquant ou vide.")
    return value.strip()


def _choice(item: dict, key: str, choices: tuple[str, ...], where: str) -> str:
    value = item.get(key)
    if value not in choices:
        raise DataError(f"{where} : « {key} » vaut {', '.join(choices)}, pas « {value} ».")
    return value


def _check(check: Any, where: str) -> None:
    if not isinstance(check, dict) or len(check) != 1:
        raise DataError(f"{where} : « check » nomme une seule vérification.")
    ((name, params),) = check.items()
    if name not in CHECKS:
        raise DataError(f"{where} : vérification « {name} » inconnue ({', '.join(CHECKS)}).")
    if not isinstance(params, dict) or set(params) != CHECKS[name]:
        raise DataError(f"{where} : « {name} » prend exactement {', '.join(sorted(CHECKS[name]))}.")
    if not all(isinstance(v, int) and v >= 0 for v in params.values()):
        raise DataError(f"{where} : les paramètres de « {name} » sont des entiers positifs.")


def _template(value: Any, where: str) -> Template:
    if isinstance(value, str):
        return Template(value, value)
    if (
        isinstance(value, dict)
        and set(value) == {"vous", "tu"}
        and all(isinstance(v, str) and v.strip() for v in value.values())
    ):
        return Template(value["vous"], value["tu"])
    raise DataError(f"{where} : une réécriture est un texte, ou un objet avec « vous » et « tu ».")


def _example(value: Any, path: Path, where: str, expect_match: bool) -> Example:
    if isinstance(value, str) and value.strip():
        if expect_match:
            raise DataError(f"{where} : un exemple qui déclenche donne « text » et « span ».")
        return Example(value)
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        line = getattr(value, "line", 0)
        if expect_match and not isinstance(value.get("span"), str):
            raise DataError(f"{yamlfile.where(path, value)} : exemple sans « span ».")
        rewrites = value.get("rewrites") or []
        if not isinstance(rewrites, list) or not all(isinstance(r, str) for r in rewrites):
            raise DataError(
                f"{yamlfile.where(path, value)} : « rewrites » est une liste de textes."
            )
        return Example(value["text"], value.get("span", ""), tuple(rewrites), line)
    raise DataError(f"{where} : exemple invalide.")
