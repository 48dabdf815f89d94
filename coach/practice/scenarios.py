"""Practice scenarios read from ``data/dialogues/scenarios/*.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coach import yamlfile
from coach.errors import DataError
from coach.resources import dialogues_dir

REACTIONS = ("giving", "neutral", "selling")
_LINE_KINDS = ("opening", *REACTIONS, "success", "failure")


@dataclass(frozen=True)
class Counterpart:
    name: str
    trade: str
    personality: str
    cares_about: tuple[str, ...]
    could_offer: str


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    setting: str
    briefing: str
    objective: str
    address: str  # how the counterpart addresses the player: "tu" or "vous"
    counterpart: Counterpart
    lines: dict[str, tuple[str, ...]]


def scenarios_dir() -> Path:
    return dialogues_dir() / "scenarios"


def load_all(folder: Path | None = None) -> list[Scenario]:
    """Every scenario, sorted by id."""
    return sorted(
        (load_file(p) for p in sorted((folder or scenarios_dir()).glob("*.yaml"))),
        key=lambda s: s.id,
    )


def find(scenario_id: str, folder: Path | None = None) -> Scenario:
    scenarios = load_all(folder)
    for scenario in scenarios:
        if scenario.id == scenario_id:
            return scenario
    known = ", ".join(s.id for s in scenarios)
    raise DataError(f"scénario « {scenario_id} » inconnu. Scénarios disponibles : {known}.")


def load_file(path: Path) -> Scenario:
    data = yamlfile.read(path)
    where = yamlfile.where(path, data)
    if not isinstance(data, dict):
        raise DataError(f"{path} : un scénario est un objet YAML.")

    def text(mapping: dict, key: str) -> str:
        value = mapping.get(key)
        if not isinstance(value, str) or not value.strip():
            raise DataError(f"{yamlfile.where(path, mapping)} : champ « {key} » manquant ou vide.")
        return " ".join(value.split())

    person = data.get("counterpart")
    lines = data.get("lines")
    if not isinstance(person, dict) or not isinstance(lines, dict):
        raise DataError(f"{where} : il faut « counterpart » et « lines ».")
    address = data.get("address")
    if address not in ("tu", "vous"):
        raise DataError(f"{where} : « address » vaut tu ou vous.")
    parsed_lines = {}
    for kind in _LINE_KINDS:
        values = lines.get(kind)
        if (
            not isinstance(values, list)
            or not values
            or not all(isinstance(v, str) for v in values)
        ):
            raise DataError(
                f"{yamlfile.where(path, lines)} : « lines.{kind} » doit être une liste de répliques."
            )
        parsed_lines[kind] = tuple(" ".join(v.split()) for v in values)
    cares = person.get("cares_about") or []
    return Scenario(
        id=text(data, "id"),
        title=text(data, "title"),
        setting=text(data, "setting"),
        briefing=text(data, "briefing"),
        objective=text(data, "objective"),
        address=address,
        counterpart=Counterpart(
            name=text(person, "name"),
            trade=text(person, "trade"),
            personality=text(person, "personality"),
            cares_about=tuple(str(c) for c in cares),
            could_offer=text(person, "could_offer"),
        ),
        lines=parsed_lines,
    )
