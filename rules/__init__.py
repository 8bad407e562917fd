"""The rule registry: every rule module of this package, found by name, sorted by code.

A rule module defines one Rule subclass; adding a rule adds one module (and its fixture)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from functools import cache

from checker.rule import Rule


@cache
def registry() -> tuple[type[Rule], ...]:
    """Every rule class, one a module, sorted by code."""
    found: list[type[Rule]] = []
    for name in sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.ispkg):
        module = importlib.import_module(f"{__name__}.{name}")
        own = [
            cls
            for _, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, Rule) and cls is not Rule and cls.__module__ == module.__name__
        ]
        if len(own) != 1:
            raise ImportError(f"rules/{name}.py must define exactly one rule, not {len(own)}")
        found.extend(own)
    return tuple(sorted(found, key=lambda r: r.code))


def all_rules() -> list[Rule]:
    """One instance of every registered rule, sorted by code."""
    return [cls() for cls in registry()]
