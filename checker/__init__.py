"""factlint: a claim-consistency fact checker for news reports of recurring events."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = "1"
