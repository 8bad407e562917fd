"""Hostile and broken input (issue 5): a corpus of odd encodings, binaries, empty drafts, links,
loops, FIFOs, sockets, oversized files and pathological text, run through the command line.

factlint must never crash (no traceback, exit 0 or 1, or 2 under --strict), never hang (the
subprocess timeouts here are hang guards, not speed assertions: the benchmark tracks speed),
never write to the reports, name every file it skipped on stderr and in the JSON `skipped`,
and give the same JSON bytes whatever the order of files on disk or the hash seed.
"""

from __future__ import annotations

import codecs
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import factlint as run_factlint

from checker.articles import DEFAULT_MAX_BYTES, decode, read_file, read_reports

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
HANG_GUARD = 60  # seconds: a run that takes longer is hung, not slow
CLAIM = "The General Assembly adopted the resolution for the 16th consecutive year on Thursday."
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def factlint(
    *args: str,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    timeout: float = HANG_GUARD,
) -> subprocess.CompletedProcess[str]:
    """factlint ARGS as a process of its own: a hostile input that hangs it fails the test."""
    return run_factlint(*args, cwd=cwd, env=env, stdin=stdin, process=True, timeout=timeout)


def no_crash(done: subprocess.CompletedProcess[str], codes: tuple[int, ...] = (0, 1)) -> None:
    assert done.returncode in codes, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr + done.stdout, done.stderr[-2000:]


# ------------------------------------------------------------------ the hostile corpus


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def build_corpus(folder: Path) -> dict[str, set[str]]:
    """Write the hostile corpus; return which names are read, skipped and carry the claim."""
    folder.mkdir(parents=True, exist_ok=True)
    text = f"{CLAIM} Café au lait.\n"
    _write(folder / "latin1.txt", text.encode("latin-1"))
    _write(
        folder / "korean.txt",
        (
            "유엔 총회는 북한 인권 결의안을 표결 없이 채택했다. 북한 인권 "
            f"결의안 채택은 올해로 16년째다.\n{CLAIM}\n"
        ).encode("cp949"),
    )
    _write(folder / "utf16le.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    _write(folder / "utf16be.md", codecs.BOM_UTF16_BE + text.encode("utf-16-be"))
    _write(folder / "utf8bom.txt", codecs.BOM_UTF8 + text.encode("utf-8"))
    _write(folder / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    _write(folder / "nul.md", CLAIM.encode() + b"\x00\x01\x02\x00" * 16)
    _write(folder / "empty.txt", b"")
    _write(folder / "blank.txt", b"  \n\n\t \r\n   ")
    _write(folder / "no_claims.md", b"Nothing to check here, just a note.\n")
    _write(folder / "badfm.md", f"---\ntitle: [unclosed\noutlet: x\n---\n{CLAIM}\n".encode())
    _write(
        folder / "unsafe.md",
        (
            f"---\ntitle: !!python/object/apply:os.system ['touch {folder.parent / 'PWNED'}']\n---\n{CLAIM}\n"
        ).encode(),
    )
    _write(folder / "big.txt", (CLAIM + "\n").encode() * 200)  # > --max-bytes 4096
    _write(
        folder / "records.jsonl",
        (
            json.dumps({"id": "a", "text": CLAIM})
            + "\n[[[[\n"
            + json.dumps({"id": "b", "text": "\ud800 " + CLAIM})
            + "\n"
        ).encode("utf-8", "surrogatepass"),
    )
    _write(folder / "sub" / "nested.txt", (CLAIM + "\n").encode())
    os.symlink("nowhere.txt", folder / "broken.txt")
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    os.symlink("..", folder / "sub" / "back")  # a folder loop
    os.mkfifo(folder / "fifo.txt")
    skipped = {
        "photo.txt",
        "nul.md",
        "big.txt",
        "records.jsonl:2",
        "broken.txt",
        "loop_a.txt",
        "loop_b.txt",
        "sub/back",
        "fifo.txt",
    }
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(folder / "sock.txt"))
        skipped.add("sock.txt")
    except (OSError, AttributeError):  # path too long for AF_UNIX, or no Unix sockets
        pass
    if not IS_ROOT:
        _write(folder / "locked.txt", CLAIM.encode()).chmod(0)
        skipped.add("locked.txt")
    claims = {
        "latin1.txt",
        "korean.txt",
        "utf16le.txt",
        "utf16be.md",
        "utf8bom.txt",
        "badfm.md",
        "unsafe.md",
        "sub/nested.txt",
        "records.jsonl#a",
        "records.jsonl#b",
    }
    read = claims | {"empty.txt", "blank.txt", "no_claims.md"}
    return {"skipped": skipped, "claims": claims, "read": read}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[str]]]:
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    return folder, build_corpus(folder)


@pytest.fixture(scope="module")
def corpus_run(corpus) -> tuple[subprocess.CompletedProcess[str], dict]:
    folder, _ = corpus
    done = factlint(
        "check", "corpus", "--format", "json", "--max-bytes", "4096", "--no-config", cwd=folder.parent
    )
    return done, json.loads(done.stdout) if done.stdout.strip() else {}


def test_hostile_corpus_runs_without_a_traceback(corpus_run) -> None:
    done, report = corpus_run
    no_crash(done)
    assert report["version"] == 2


def test_every_skipped_file_is_named_on_stderr_and_in_the_json(corpus, corpus_run) -> None:
    _, expected = corpus
    done, report = corpus_run
    skipped = {s["path"].removeprefix("corpus/"): s["reason"] for s in report["skipped"]}
    assert set(skipped) == expected["skipped"], skipped
    for name, reason in skipped.items():
        assert reason
        assert f"corpus/{name}: {reason}" in done.stderr, (name, done.stderr)
    assert report["summary"]["skipped"] == len(expected["skipped"])


def test_skip_reasons_say_what_the_file_is(corpus_run) -> None:
    _, report = corpus_run
    reasons = {s["path"].removeprefix("corpus/"): s["reason"] for s in report["skipped"]}
    assert "PNG" in reasons["photo.txt"]
    assert "NUL" in reasons["nul.md"]
    assert "size limit" in reasons["big.txt"] and "4,096" in reasons["big.txt"]
    assert "broken symbolic link" in reasons["broken.txt"]
    assert "loop" in reasons["loop_a.txt"] and "loop" in reasons["loop_b.txt"]
    assert "loop" in reasons["sub/back"]
    assert "FIFO" in reasons["fifo.txt"]
    assert "invalid JSON" in reasons["records.jsonl:2"]
    if "sock.txt" in reasons:
        assert "socket" in reasons["sock.txt"]


def test_odd_encodings_empty_and_claimless_files_are_read(corpus, corpus_run) -> None:
    _, expected = corpus
    _, report = corpus_run
    read = {a["path"].removeprefix("corpus/") for a in report["articles"]}
    assert read == expected["read"]
    with_claim = {
        c["article"].removeprefix("corpus/")
        for c in report["claims"]
        if "16th consecutive year" in c["quote"]
    }
    assert with_claim >= expected["claims"], expected["claims"] - with_claim


def test_a_charset_fallback_is_reported_with_the_file_and_encoding(corpus_run) -> None:
    done, report = corpus_run
    warnings = {a["path"].removeprefix("corpus/"): a["warnings"] for a in report["articles"]}
    for name, codec in (("latin1.txt", "cp1252"), ("korean.txt", "cp949")):
        [warning] = [w for w in warnings[name] if "not UTF-8" in w]
        assert warning.startswith(f"corpus/{name}: ") and codec in warning, warning
        assert warning in done.stderr
    for name in ("utf16le.txt", "utf16be.md", "utf8bom.txt"):  # a BOM is no guess
        assert not warnings[name], warnings[name]


def test_malformed_front_matter_warns_with_file_and_line_and_checks_the_body(corpus_run) -> None:
    done, report = corpus_run
    [article] = [a for a in report["articles"] if a["path"] == "corpus/badfm.md"]
    [warning] = article["warnings"]
    assert warning.startswith("corpus/badfm.md:3: malformed YAML front matter"), warning
    assert warning in done.stderr
    assert article["title"] is None and article["outlet"] is None


def test_a_python_object_tag_is_not_executed_and_gives_a_warning(corpus, corpus_run) -> None:
    folder, _ = corpus
    done, report = corpus_run
    assert not (folder.parent / "PWNED").exists()
    [article] = [a for a in report["articles"] if a["path"] == "corpus/unsafe.md"]
    [warning] = article["warnings"]
    assert warning.startswith("corpus/unsafe.md:2:") and "python/object" in warning, warning


def test_strict_turns_skips_into_exit_2(corpus) -> None:
    folder, _ = corpus
    done = factlint("check", "corpus", "--strict", "--max-bytes", "4096", "--no-config", cwd=folder.parent)
    no_crash(done, (2,))
    assert "skipped" in done.stderr


def test_a_folder_with_no_reports_exits_0_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    _write(tmp_path / "empty" / "notes.csv", b"a,b\n")
    done = factlint("check", "empty", "--no-config", cwd=tmp_path)
    no_crash(done, (0,))
    notes = [line for line in done.stderr.splitlines() if "no reports" in line]
    assert len(notes) == 1, done.stderr


def test_a_missing_path_is_exit_2_with_one_line(tmp_path: Path) -> None:
    done = factlint("check", "no-such-folder", "--no-config", cwd=tmp_path)
    no_crash(done, (2,))
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


# root reads files whatever their mode; without these two capabilities it obeys modes too
WITHOUT_READ_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


@pytest.mark.skipif(
    IS_ROOT and shutil.which("setpriv") is None,
    reason="as root, needs setpriv (util-linux) to obey file modes",
)
def test_unreadable_file_and_folder_are_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "c" / "ok.txt", CLAIM.encode())
    _write(tmp_path / "c" / "locked.txt", CLAIM.encode()).chmod(0)
    _write(tmp_path / "c" / "shut" / "inside.txt", CLAIM.encode())
    (tmp_path / "c" / "shut").chmod(0)
    try:
        if IS_ROOT:
            done = subprocess.run(
                [
                    *WITHOUT_READ_OVERRIDE,
                    sys.executable,
                    "-m",
                    "checker",
                    "check",
                    "c",
                    "--format",
                    "json",
                    "--no-config",
                ],
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=60,
            )
        else:
            done = factlint("check", "c", "--format", "json", "--no-config", cwd=tmp_path)
    finally:
        (tmp_path / "c" / "shut").chmod(0o755)
    no_crash(done)
    reasons = {s["path"]: s["reason"] for s in json.loads(done.stdout)["skipped"]}
    assert "denied" in reasons["c/locked.txt"].lower()
    assert "c/shut" in reasons
    assert "c/locked.txt" in done.stderr and "c/shut" in done.stderr


def test_a_file_name_that_is_not_utf8_is_reported_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (folder / name).write_bytes(CLAIM.encode())
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses non-UTF-8 names")
    done = factlint("check", "c", "--format", "json", "--no-config", cwd=tmp_path)
    no_crash(done)
    assert [a["path"] for a in json.loads(done.stdout)["articles"]] == ["c/caf\\xe9.txt"]


# ------------------------------------------------------------------ size limit and memory


def test_the_size_limit_is_configurable_in_read_reports(tmp_path: Path) -> None:
    big = _write(tmp_path / "big.txt", (CLAIM + "\n").encode() * 100)
    small = read_reports([str(big)], max_bytes=1000)
    assert not small.articles and "size limit" in small.skipped[0].reason
    assert read_reports([str(big)], max_bytes=None).articles
    assert read_reports([str(big)]).articles  # far below DEFAULT_MAX_BYTES


@pytest.mark.slow
def test_a_50_mb_file_is_skipped_by_the_default_limit_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "c" / "huge.txt"
    huge.parent.mkdir()
    with open(huge, "wb") as f:  # sparse: takes no disk space and no time to write
        f.truncate(50_000_000)
    assert DEFAULT_MAX_BYTES < 50_000_000
    done = factlint("check", "c", "--format", "json", "--no-config", cwd=tmp_path)
    no_crash(done, (0,))
    [skipped] = json.loads(done.stdout)["skipped"]
    assert skipped["path"] == "c/huge.txt" and "size limit" in skipped["reason"]
    assert "c/huge.txt" in done.stderr


@pytest.mark.slow
def test_a_5_mb_single_line_is_read_within_bounded_memory(tmp_path: Path) -> None:
    """Reading (decode, front matter, clean) is linear: no per-character lists."""
    words = ("the assembly adopted a text on human rights in the region " * 90_000)[:5_000_000]
    line = _write(tmp_path / "line.txt", words.encode())
    tracemalloc.start()
    try:
        result = read_reports([str(line)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    [article] = result.articles
    assert len(article.text) == len(article.raw) == 5_000_000
    assert peak < 8 * 5_000_000, peak


def test_a_file_that_grows_past_the_limit_while_read_is_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path / "grows.txt", b"x" * 10)
    assert read_file(str(path), max_bytes=10).text == "x" * 10
    _write(path, b"x" * 11)
    assert "size limit" in (read_file(str(path), max_bytes=10).skip or "")


# ------------------------------------------------------------------ never write, determinism


def _snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under a folder: its lstat mode, size and mtime, and a regular file's bytes."""
    out: dict[str, tuple] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            st = path.lstat()
            try:
                data = path.read_bytes() if stat.S_ISREG(st.st_mode) else None
            except PermissionError:
                data = None
            out[str(path.relative_to(folder))] = (st.st_mode, st.st_size, st.st_mtime_ns, data)
    return out


def test_factlint_never_writes_to_the_reports(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    build_corpus(folder)
    for seed in sorted(SEEDS.glob("*.txt")):
        _write(folder / "seeds" / seed.name, seed.read_bytes())
    os.utime(folder / "latin1.txt", ns=(1_000_000_000, 1_000_000_000))
    before = _snapshot(folder)
    for args in (
        ["check", "corpus", "--no-config"],
        ["check", "corpus", "--no-config", "--format", "json", "-o", str(tmp_path / "out.json")],
        ["claims", "corpus"],
        ["claims", "corpus", "--format", "json"],
        ["timeline", "corpus"],
    ):
        no_crash(factlint(*args, cwd=tmp_path))
    assert _snapshot(folder) == before
    assert (tmp_path / "out.json").exists()


def _determinism_corpus(folder: Path, reverse: bool) -> None:
    files = [(f"seeds/{p.name}", p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    files += [
        ("latin1.txt", f"{CLAIM} Café.\n".encode("latin-1")),
        ("utf16.txt", codecs.BOM_UTF16_LE + CLAIM.encode("utf-16-le")),
        (
            "records.jsonl",
            (
                json.dumps({"id": 2, "text": CLAIM}) + "\n{\n" + json.dumps({"id": 1, "text": CLAIM}) + "\n"
            ).encode(),
        ),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("badfm.md", f"---\ntitle: [x\n---\n{CLAIM}\n".encode()),
    ]
    for name, data in reversed(files) if reverse else files:
        _write(folder / name, data)
    os.symlink("missing.txt", folder / "broken.txt")


def test_json_is_byte_identical_whatever_the_file_order_and_hash_seed(tmp_path: Path) -> None:
    outputs = []
    for side, reverse, seed in (("a", False, "0"), ("b", True, "4242")):
        _determinism_corpus(tmp_path / side / "corpus", reverse)
        done = factlint(
            "check",
            "corpus",
            "--format",
            "json",
            "--no-config",
            cwd=tmp_path / side,
            env={"PYTHONHASHSEED": seed},
        )
        no_crash(done)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["summary"]["articles"] >= 8


# ------------------------------------------------------------------ stdin


def test_stdin_in_latin1_is_read(tmp_path: Path) -> None:
    done = factlint(
        "check",
        "-",
        "--format",
        "json",
        "--no-config",
        cwd=tmp_path,
        stdin=f"{CLAIM} Café.\n".encode("latin-1"),
        env={"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
    )
    no_crash(done)
    report = json.loads(done.stdout)
    assert report["summary"]["articles"] == 1
    assert "Café" in report["claims"][0]["quote"] or "cp1252" in done.stderr


def test_stdin_with_bad_bytes_under_a_strict_utf8_stdin_does_not_crash(tmp_path: Path) -> None:
    done = factlint(
        "check",
        "-",
        "--format",
        "json",
        "--no-config",
        cwd=tmp_path,
        stdin=f"{CLAIM} Café.\n".encode("latin-1"),
        env={"PYTHONIOENCODING": "utf-8:strict"},
    )
    no_crash(done)


def test_stdin_bytes_are_decoded_like_a_file() -> None:
    result = read_reports(["-"], stdin_text=codecs.BOM_UTF16_LE + CLAIM.encode("utf-16-le"))
    assert result.articles[0].raw == CLAIM
    assert read_reports(["-"], stdin_text=b"\x89PNG\r\n\x1a\n\x00").skipped


# ------------------------------------------------------------------ decoding, in process


@pytest.mark.parametrize(
    ("data", "expected", "encoding"),
    [
        (codecs.BOM_UTF8 + "Café".encode(), "Café", "utf-8"),
        (codecs.BOM_UTF16_LE + "Café".encode("utf-16-le"), "Café", "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Café".encode("utf-16-be"), "Café", "utf-16-be"),
        (codecs.BOM_UTF32_LE + "Café".encode("utf-32-le"), "Café", "utf-32-le"),
        ("Café for the 16th time".encode("utf-16-le"), "Café for the 16th time", "utf-16-le"),
        ("Café".encode(), "Café", "utf-8"),
        (
            '<meta charset="iso-8859-15">\n€uro'.encode("iso-8859-15"),
            '<meta charset="iso-8859-15">\n€uro',
            "iso8859-15",
        ),
    ],
)
def test_decode_by_bom_utf8_and_declared_charset(data: bytes, expected: str, encoding: str) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.encoding) == (expected, encoding)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n",
        b"\xff\xd8\xff\xe0JFIF",
        b"GIF89a",
        b"%PDF-1.7\n",
        b"PK\x03\x04",
        b"\x1f\x8b\x08",
        b"\x7fELF\x02",
        b"text\x00with\x00nuls\x00\x01\x02",
        bytes(range(1, 32)) * 10,
    ],
)
def test_decode_refuses_binaries(data: bytes) -> None:
    decoded = decode(data)
    assert decoded.text is None and decoded.skip and "binary" in decoded.skip


def test_decode_guesses_with_a_warning_and_keeps_ascii_intact() -> None:
    for text, codec in (
        ("Größe: Übung, for the 16th time.", "latin-1"),
        ("Café: for the 16th consecutive year.", "latin-1"),
        ("결의안은 16년 연속 채택됐다. 북한 인권 결의안.", "cp949"),
    ):
        decoded = decode(text.encode(codec))
        assert decoded.text == text, (decoded, codec)
        assert decoded.warning and decoded.encoding in decoded.warning


def test_classic_mac_line_ends_count_as_lines(tmp_path: Path) -> None:
    path = _write(tmp_path / "mac.txt", f"Title\r\r{CLAIM}\r".encode())
    [article] = read_reports([str(path)]).articles
    assert article.raw.count("\n") == 3 and article.line_of(article.raw.index("The")) == 3


def test_jsonl_lines_are_file_lines_and_a_duplicate_id_is_skipped(tmp_path: Path) -> None:
    record = json.dumps({"id": "x", "text": "A\u2028B " + CLAIM}, ensure_ascii=False)
    path = _write(tmp_path / "r.jsonl", f"{record}\n\n{record}\n".encode())
    result = read_reports([str(path)])
    assert [(a.path.rsplit("#", 1)[1], a.line_of(0)) for a in result.articles] == [("x", 1)]
    assert [(s.path, s.reason) for s in result.skipped] == [
        (f"{path}:3", "duplicate id 'x' (first on line 1)")
    ]


def test_front_matter_values_that_are_not_scalars_are_ignored_with_a_warning(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    path = _write(
        tmp_path / "bomb.md",
        f"---\n{bomb}title: *i\npublished: *i\nfactlint: {{ignore: *i}}\n---\n{CLAIM}\n".encode(),
    )
    [article] = read_reports([str(path)]).articles
    assert article.title is None and article.published is None and article.ignore == ()
    assert len(article.warnings) == 3


def test_front_matter_out_of_range_date_is_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.md", f"---\npublished: 2020-13-45\n---\n{CLAIM}\n".encode())
    [article] = read_reports([str(path)]).articles
    assert article.published is None and "front matter" in article.warnings[0]
    assert article.text.strip() == CLAIM


# ------------------------------------------------------------------ pathological text

_NAMES = [
    "Japan",
    "South Korea",
    "the United States",
    "France",
    "Germany",
    "Canada",
    "Australia",
    "the European Union",
    "North Korea",
    "China",
    "Russia",
    "Cuba",
    "Iran",
]

# Each must complete: the timeout is a hang guard. Linear growth is tracked by the benchmark.
PATHOLOGICAL = {
    "digits": "1" * 100_000,
    "spaced-digits": " ".join(str(i % 1000) for i in range(25_000)),
    "ordinals": "16th " * 20_000,
    "word-ordinals": "twenty-third " * 8_000,
    "more-than": "more than " * 10_000 + "61 co-sponsors.",
    "nested-brackets": "[" * 50_000 + "]" * 50_000,
    "mixed-brackets": "[(" * 25_000 + ")]" * 25_000,
    "bracket-colons": "[:" * 50_000,
    "sentence-100k": ("the general assembly adopted a resolution that many countries " * 2_000)[:100_000],
    "countries-10k": " ".join(_NAMES[i % len(_NAMES)] for i in range(10_000)),
    "country-list-10k": ", ".join(_NAMES[i % len(_NAMES)] for i in range(10_000))
    + " co-sponsored the resolution.",
    "straight-quotes": '"' * 100_000,
    "dashes": "-" * 100_000,
    "newlines": "\n" * 100_000,
    "spaces": "by A" + " " * 100_000 + "1",
    "long-line-of-prose": ("The assembly met. It adopted the text by consensus. " * 10_000),
    "curly-quotes": "\u201c" * 100_000,  # cleaned to straight quotes before sentences
}

# Inputs that were quadratic or worse once; kept so that it cannot come back.
PATHOLOGICAL_KNOWN_BAD = {
    # text._BOUNDARY: [.!?]+ backtracked from every dot of a run: O(n^2)
    "dots": "." * 100_000,
    # people: the name pattern started inside a word and [\w']+ backtracked: O(n^2)
    "capitals": "A" * 100_000,
    # one 100k-character sentence dense with claims: per-claim work scans the whole sentence
    "ordinal-claims": "for the 16th consecutive year " * 3_400,
    "tallies": "voted 187-3-12 " * 7_000,
    # base.subjects_before: entity search over every comma piece for every match
    "consensus": "Japan joined the consensus, " * 3_600,
    # text._add clips every quotation of the article for every sentence: O(sentences x quotes)
    "quoted-sentences": '"Abc def." ' * 10_000,
}


@pytest.fixture(scope="module")
def pathological_runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, subprocess.CompletedProcess[str] | str]:
    """Run the CLI on each pathological file, a few at a time; a hang is recorded, not raised."""
    folder = tmp_path_factory.mktemp("pathological")
    for name, text in PATHOLOGICAL.items():
        _write(folder / f"{name}.txt", text.encode())

    def run(name: str) -> subprocess.CompletedProcess[str] | str:
        try:
            return factlint("check", f"{name}.txt", "--format", "json", "--no-config", cwd=folder)
        except subprocess.TimeoutExpired:
            return f"hung: no result within {HANG_GUARD} s"

    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        return dict(zip(PATHOLOGICAL, pool.map(run, PATHOLOGICAL), strict=True))


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
@pytest.mark.slow
def test_pathological_text_completes(name: str, pathological_runs) -> None:
    done = pathological_runs[name]
    assert not isinstance(done, str), f"{name}: {done}"
    no_crash(done)
    assert json.loads(done.stdout)["summary"]["articles"] == 1


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL_KNOWN_BAD))
@pytest.mark.slow
def test_pathological_text_once_slow_completes(name: str, tmp_path: Path) -> None:
    _write(tmp_path / f"{name}.txt", PATHOLOGICAL_KNOWN_BAD[name].encode())
    no_crash(factlint("check", f"{name}.txt", "--no-config", cwd=tmp_path))
