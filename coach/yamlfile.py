"""YAML reading that remembers line numbers, so errors can name file and line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from coach.errors import DataError


class Mapping(dict):
    """A YAML mapping that knows the line it starts on (1-based)."""

    line: int = 0


# libyaml's parser when PyYAML was built with it (it parses rules ten times faster).
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """A safe loader with YAML 1.2 booleans: only true/false, so French « on » stays a word."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    mapping = Mapping(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read(path: Path) -> Any:
    """Parse a YAML file; malformed content raises ``DataError`` naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"{path} : le fichier n'est pas en UTF-8 ({error.reason}).") from None
    except OSError as error:
        raise DataError(f"{path} : lecture impossible ({error.strerror}).") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise DataError(f"{where} : YAML invalide, {error.problem or error.context}.") from None
    except yaml.YAMLError as error:
        raise DataError(f"{path} : YAML invalide, {error}.") from None


def where(path: Path, node: object) -> str:
    """``file:line`` for a parsed node, or just the file when the line is unknown."""
    line = getattr(node, "line", 0)
    return f"{path}:{line}" if line else str(path)
