from __future__ import annotations

from checker.rule import KindRule


class MatchScore(KindRule):
    """Different scores for the deciding match of one occurrence ("beat Nordlight 3-1 in the
    final" against "a 3-2 victory").

    Bad: "Tormouth Albion beat Sable Rock 3-0 in the cup final" against "Sable Rock lost the
    final 1-3" about the same final; "won 5-4 on penalties" against "won 4-3 on penalties".
    Good: "won 3-1" and "lost 1-3" (either side first); "1-1 after extra time" and "4-2 on
    penalties" (the match and its shoot-out are keyed apart); the final's 3-0 and a
    semi-final's 3-1 (an earlier stage's score is not read); the 2023 final's score and the
    2024 final's.
    """

    code = "FL116"
    name = "match-score"
    kind_name = "scoreline"
