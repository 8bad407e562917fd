"""The process around the command line: Ctrl-C, failing outputs and errors become one line on
stderr and a documented exit code, never a traceback.

    0  no finding at the fail level      1  findings at the fail level
    2  bad usage, bad input (--strict), an unusable index or config, Ctrl-C, an output that
       cannot be written, or a failure of factlint itself
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys

import typer
from typer.exceptions import TyperException

from checker.errors import EXIT_CLEAN, EXIT_ERROR, FactlintError, Interrupted

_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG, errno.EBADF}


def run_process(app: typer.Typer) -> None:
    """Run the command line and exit with its code."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    if sys.stdout is None:  # started with stdout closed: only writing to it is an error
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:  # nowhere to say anything: notes are dropped
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process
    code = _run_app(app)
    try:
        sys.stdout.flush()  # a full disk shows here when the output was small
    except BrokenPipeError:
        _silence_stdout()
    except OSError as err:
        code = _output_failed(err)
    sys.exit(code)


class _ClosedOutput(io.TextIOBase):
    """Standard output the process was started without: a write is a failing output."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def note(text: str) -> None:
    """One line on stderr; report text in it cannot break the line or drive the terminal."""
    from checker.report import inert

    print(f"factlint: {inert(text)}", file=sys.stderr)


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted()  # past typer, which would turn a KeyboardInterrupt into a silent 130


def _run_app(app: typer.Typer) -> int:
    try:
        code = app(standalone_mode=False)
    except typer.Exit as done:
        code = done.exit_code
    except TyperException as err:
        return _usage(err)
    except (typer.Abort, KeyboardInterrupt, Interrupted):
        print("factlint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except FactlintError as err:
        note(str(err))
        return err.exit_code
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        _silence_stdout()
        return EXIT_CLEAN
    except SystemExit as done:  # typer's own answer to a closed pipe is exit 1
        closed = isinstance(done.__context__, BrokenPipeError)
        return EXIT_CLEAN if closed else done.code if isinstance(done.code, int) else EXIT_ERROR
    except OSError as err:
        return _output_failed(err) if err.errno in _OUTPUT_ERRNOS else _internal(err)
    except (MemoryError, RecursionError) as err:
        print(f"factlint: stopped: {type(err).__name__}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as err:  # noqa: BLE001 - the contract is one line, never a traceback
        return _internal(err)
    return code if isinstance(code, int) else EXIT_CLEAN


def _usage(err: TyperException) -> int:
    if type(err).__name__ == "NoArgsIsHelpError":
        print(err.format_message())
        return EXIT_CLEAN
    message = " ".join(err.format_message().split()) or "bad usage (see 'factlint --help')"
    print(f"factlint: {message}", file=sys.stderr)
    return EXIT_ERROR


def _internal(err: BaseException) -> int:
    note(f"internal error: {type(err).__name__}: {err} (please report it)")
    return EXIT_ERROR


def _output_failed(err: OSError) -> int:
    note(f"cannot write the output: {err.strerror or err}")
    _silence_stdout()
    return EXIT_ERROR


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
