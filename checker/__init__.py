"""factlint: a claim-consistency fact checker for news reports of recurring events."""

from __future__ import annotations

import hashlib
from pathlib import Path

__version__ = "0.1.0"


def _extractor_version() -> str:
    """Changes whenever the code or vocabulary that reads claims changes, so indexes rebuild."""
    here = Path(__file__).parent
    sources = sorted([*here.glob("extract/*.py"), *here.glob("data/*.yaml"),
                      *(here / name for name in ("articles.py", "digest.py", "text.py", "lexicon.py",
                                                 "occurrence.py", "series.py", "models.py"))])
    digest = hashlib.sha256()
    for path in sources:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


EXTRACTOR_VERSION = _extractor_version()
