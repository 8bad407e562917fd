from __future__ import annotations

from checker.rule import KindRule


class RealName(KindRule):
    """One name a person goes by, given as two different people's own names in one series.

    Bad: "Lena Holm, who performs as Nova" against "Nova, whose real name is Ida Berg": Nova
    is one person, with one name of her own, whatever the year.
    Good: "Lena Holm" and "Holm" (one name written short); a birth name "Mara Berg" and a full
    name "Mara Elin Lind" (they share a word); "Jamaladinova" and "Jamaladynova" (one name
    spelled two ways: a name-variant finding names it); Nova's name in one report and no name
    in another.
    """

    code = "FL504"
    name = "real-name"
    kind_name = "alias"
