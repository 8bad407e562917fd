"""Errors factlint reports to the user, and the exit codes they map to.

    FactlintError            exit 2: one line on stderr, never a traceback
    ├── UsageError           a bad option or argument
    └── InputError           a path that is missing, unreadable or not a report
        └── IndexUnusable    the claim index cannot be used (damaged, locked, not one)
Exit codes: 0 no finding at the fail level, 1 findings at the fail level, 2 usage or input error.
"""

from __future__ import annotations

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class FactlintError(Exception):
    """An error the user can act on; its message is one line."""

    exit_code = EXIT_ERROR


class UsageError(FactlintError):
    """A bad option, argument or configuration value."""


class InputError(FactlintError):
    """A path that is missing, unreadable or cannot be parsed."""


class IndexUnusable(InputError):
    """The claim index cannot be used: damaged, locked, another program's file, unwritable."""


class Interrupted(BaseException):
    """Ctrl-C: raised by factlint's own SIGINT handler. Not an Exception, so that no boundary
    around one report takes it for that report's failure; exit 2 with one line."""
