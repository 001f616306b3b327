# SPDX-License-Identifier: EUPL-1.2
"""YAML that refuses duplicate keys, and errors that name the file."""

from datetime import date
from pathlib import Path
from typing import Any

import yaml


class ParameterFileError(ValueError):
    """A parameter file is malformed; the message starts with its path."""


class _StrictLoader(yaml.SafeLoader):
    pass


def _construct_mapping(
    loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[Any, Any]:
    keys = set()
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in keys:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        keys.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506
    except (yaml.YAMLError, ValueError) as error:
        raise ParameterFileError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise ParameterFileError(f"{path}: expected a mapping at the top level")
    return data


def require_keys(
    path: Path,
    where: str,
    data: dict[str, Any],
    required: set[str],
    optional: frozenset[str] | set[str] = frozenset(),
) -> None:
    unknown = set(data) - required - optional
    missing = required - set(data)
    if unknown:
        raise ParameterFileError(f"{path}: {where}: unknown keys {sorted(unknown)}")
    if missing:
        raise ParameterFileError(f"{path}: {where}: missing keys {sorted(missing)}")


def day_value(path: Path, where: str, value: Any) -> date:
    if not isinstance(value, date):
        raise ParameterFileError(f"{path}: {where}: expected a date YYYY-MM-DD, got {value!r}")
    return value


def text_value(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ParameterFileError(f"{path}: {where}: expected a non-empty text")
    return value
