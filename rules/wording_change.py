from __future__ import annotations

from checker.rule import KindRule


class WordingChange(KindRule):
    """One change of a text's wording tied to different things by reports of one occurrence.

    Bad: "pushed to replace a pledge to 'wind down' peat with one to 'scale down' its use"
    against "lets the world 'scale down' rather than 'wind down' fossil fuel subsidies" about the
    same summit's deal: the change was about peat or about the subsidies, not both.
    Good: "'wind down' peat" and "'wind down' peat power" (one names a part of the other); the
    change of one year and another change the next; a report that gives no object.
    """

    code = "FL306"
    name = "wording-change"
    kind_name = "rewording"
