"""The generator tests' known failures: a case of the sample whose reason is given is expected to fail (strict, so a
fix shows up as an unexpected pass and its entry must go)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any

import pytest


def sample(keys: Iterable[Any], reason: Callable[[Any], str | None], ident: Callable[[Any], str] = str) -> Iterator:
    """pytest params for each key (a tuple is the test's several arguments), a known failure marked as such."""
    for key in keys:
        why = reason(key)
        marks = [pytest.mark.xfail(reason=why, strict=True)] if why else []
        yield pytest.param(*(key if isinstance(key, tuple) else (key,)), marks=marks, id=ident(key))


def joined(key: tuple) -> str:
    return "-".join(str(part) for part in key)


def by_class(known: dict[str, tuple[Hashable, ...]], classes: dict[str, str]) -> Callable[[Hashable], str | None]:
    """The reason of a case (a seed or a name) filed under its class in `known` (class -> cases), for `sample`."""
    failing = {seed: name for name, seeds in known.items() for seed in seeds}
    return lambda seed: f"{failing[seed]}: {classes[failing[seed]]}" if seed in failing else None


def check_filed(known: dict[str, tuple[Hashable, ...]], classes: dict[str, str],
                class_of: Callable[[Hashable], str]) -> None:
    """Each known failure is filed under the class its case is drawn in."""
    for name, seeds in known.items():
        assert name in classes
        assert all(class_of(seed) == name for seed in seeds), name
