"""Settings: one frozen Config from [tool.factlint] (pyproject.toml) or factlint.toml, then flags.

Discovery walks from the current folder up to the repository root (the folder holding .git):
in each folder `factlint.toml` wins over `pyproject.toml`, and a pyproject.toml without a
[tool.factlint] table is passed over. Paths in a config file are relative to that file.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.errors import UsageError
from checker.models import DEFAULT_MAX_BYTES, Verdict

if TYPE_CHECKING:  # the settings are read before any report: what runs them is loaded then
    from checker.lexicon import Lexicon
    from checker.pipeline import Request
    from checker.rule import Rule

SEVERITIES = ("error", "warning", "info")
FAIL_LEVELS = tuple(v.value for v in Verdict)
DEFAULT_INDEX = ".factlint/index.sqlite"


@dataclass(frozen=True, slots=True)
class Config:
    """Everything a run may be told; defaults first, then a config file, then flags."""

    paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (rule code or name, error|warning|info)
    fail_on: str = Verdict.CONFLICT.value
    alias_files: tuple[str, ...] = ()
    index: str = DEFAULT_INDEX
    max_bytes: int = DEFAULT_MAX_BYTES
    rules_paths: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # gitignore-style patterns of files in folders not to read
    source: str | None = None  # the file it was read from, for messages

    def override(self, **flags: Any) -> Config:
        """Return a copy with every flag that was given (not None) replacing the setting."""
        given = {k: tuple(v) if isinstance(v, list) else v for k, v in flags.items() if v is not None}
        return dataclasses.replace(self, **given)

    def rules(self) -> tuple[list[Rule], dict[str, str]]:
        """The rules to run, and rule code -> severity from the severity table."""
        from checker.selection import select_rules

        levels: dict[str, str] = {}
        for name, level in self.severity:
            try:
                levels.update((rule.code, level) for rule in select_rules([name]))
            except UsageError as err:
                raise UsageError(f"{self.source}: severity: {err}") from None
        return select_rules(self.select, self.ignore), levels

    def lexicon(self) -> Lexicon:
        """The vocabulary, with the alias files' entities added."""
        from checker.lexicon import Lexicon, default_lexicon

        return Lexicon(extra_alias_files=self.alias_files) if self.alias_files else default_lexicon()

    def refuse_overwriting(self, output: Path | None, extra: Sequence[str] = ()) -> None:
        """What the run would write (the output, the index) is never a report it reads."""
        from checker.pipeline import refuse_overwriting_input

        read = [*self.paths, *extra]
        refuse_overwriting_input(output, read)
        refuse_overwriting_input(self.index, read, "--index")

    def request(self, **given: Any) -> Request:
        """A pipeline request for these settings: their paths, rules, reading options and
        index; given fields (new reports, focus, baseline...) on top."""
        from checker.pipeline import Request

        rules, levels = self.rules()
        fields = {
            "paths": self.paths,
            "rules": tuple(rules),
            "severity": levels,
            "lex": self.lexicon(),
            "max_bytes": self.max_bytes,
            "index": self.index,
            "exclude": self.exclude,
        }
        return Request(**{**fields, **given})


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _positive(value: Any) -> int | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
    return value if ok else None


def _fail_level(value: Any) -> str | None:
    return value if value in FAIL_LEVELS else None


def _severity_map(value: Any) -> tuple[tuple[str, str], ...] | None:
    if not isinstance(value, dict) or any(v not in SEVERITIES for v in value.values()):
        return None
    return tuple(sorted(value.items()))


# key in the file -> (field, parser returning None for a wrong type, what was expected)
_KEYS: dict[str, tuple[str, Callable[[Any], Any], str]] = {
    "paths": ("paths", _strings, "a list of strings"),
    "select": ("select", _strings, "a list of rule codes or names"),
    "ignore": ("ignore", _strings, "a list of rule codes or names"),
    "severity": ("severity", _severity_map, 'a table of rule = "error"|"warning"|"info"'),
    "fail-on": ("fail_on", _fail_level, "one of " + ", ".join(FAIL_LEVELS)),
    "alias-files": ("alias_files", _strings, "a list of YAML file paths"),
    "index": ("index", _string, "a path"),
    "max-bytes": ("max_bytes", _positive, "a positive integer"),
    "rules-paths": ("rules_paths", _strings, "a list of folders"),
    "exclude": ("exclude", _strings, "a list of gitignore-style patterns"),
}
_RELATIVE = ("paths", "alias_files", "index")  # resolved against the config file's folder


def settings_from(config: Path | None, no_config: bool, **flags: object) -> Config:
    """The config file's settings (or the defaults), with the given flags on top."""
    explicit = str(config) if config is not None else None
    found = load_config(explicit, isolated=no_config and config is None)
    return found.override(**{k: str(v) if isinstance(v, Path | Verdict) else v for k, v in flags.items()})


def load_config(explicit: str | None = None, start: Path | None = None, isolated: bool = False) -> Config:
    """The config of this run: an explicit file, else the nearest one found, else defaults."""
    if isolated:
        return Config()
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise UsageError(f"config file not found: {explicit}")
        table = _table(path, required=True)
        return from_table(table or {}, path)
    found = find_config(start or Path.cwd())
    return from_table(found[1], found[0]) if found else Config()


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config with factlint settings, searching up to the repository root."""
    folder = start.resolve()
    while True:
        for name in ("factlint.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file():
                table = _table(candidate, required=name == "factlint.toml")
                if table is not None:
                    return candidate, table
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent


def _table(path: Path, required: bool) -> dict[str, Any] | None:
    """The factlint settings in a file; None for a pyproject.toml without [tool.factlint]."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read config {path}: {err}") from None
    except tomllib.TOMLDecodeError as err:
        raise UsageError(f"{path}: invalid TOML: {err}") from None
    tool = data.get("tool")
    if isinstance(tool, dict) and "factlint" in tool:
        if not isinstance(tool["factlint"], dict):
            raise UsageError(f"{path}: [tool.factlint] must be a table")
        others = set(data) - {"tool"} if path.name != "pyproject.toml" else set()
        if others:
            raise UsageError(
                f"{path}: unknown config key: {sorted(others)[0]} "
                "(use either top-level keys or [tool.factlint])"
            )
        return tool["factlint"]
    if path.name == "pyproject.toml":
        return {} if required else None
    return data


def from_table(table: dict[str, Any], path: Path) -> Config:
    """Validate a table of settings: unknown keys and wrong types are one-line errors."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise UsageError(f"{path}: unknown config key: {key} (known: {known})")
        field, parse, expected = _KEYS[key]
        parsed = parse(value)
        if parsed is None:
            raise UsageError(f"{path}: config key {key} must be {expected}, not {value!r}")
        values[field] = parsed
    if values.get("rules_paths"):
        raise UsageError(f"{path}: rules-paths is not supported yet")
    base = path.parent
    for field in _RELATIVE:
        if field in values:
            values[field] = _relative_to(base, values[field])
    return Config(source=str(path), **values)


def _relative_to(base: Path, value: str | tuple[str, ...]) -> Any:
    if isinstance(value, tuple):
        return tuple(_relative_to(base, v) for v in value)
    joined = base / Path(value).expanduser()
    try:
        return os.path.relpath(joined)
    except ValueError:  # another drive on Windows
        return str(joined)
