"""The Travis County check against reality: the Sheriff's 1 Feb 2017 policy, as encoded,
applied to the bookings in custody that day, compared with the lists of detainers the jail
accepted and declined.

The policy is encoded from its text and reporting (`psepa.law.travis.tcso_2017`), never from
these lists. Each booking's verdict comes from the same compiled SQL the simulator runs, and
each mismatch is explained from what the booking's records show.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from psepa.domain import Verdict
from psepa.simulate.adapters import PolicyBooking, travis_policy_bookings, write_situations
from psepa.simulate.dataset import open_dataset
from psepa.simulate.run import decide_rows

VERSION = "tcso-2017-02-01"
BASELINE = "travis-law-in-force"

_CHILD_WORDS = ("CHILD", "CHLD", "<14", "<17", "YOUNG")


REINSTATED = "released_by_policy_then_reinstated_with_ice_warrant"


@dataclass(frozen=True)
class Outcome:
    booking: PolicyBooking
    verdict: Verdict
    rules: tuple[str, ...]
    warrants: bool = False

    @property
    def predicted_accepted(self) -> bool:
        return self.verdict is not Verdict.PROHIBITED

    @property
    def accepted(self) -> bool:
        """What the jail did: on 1 Feb, or (with warrants) after ICE's later warrants."""
        return self.booking.accepted or (self.warrants and self.booking.list_name == REINSTATED)

    @property
    def agrees(self) -> bool:
        return self.predicted_accepted == self.accepted

    def explanation(self) -> str:
        """Why the encoded policy and the jail differ on this booking, from its records."""
        b = self.booking
        if self.agrees:
            return ""
        charges = " | ".join(b.charges) or "(no criminal charge listed)"
        if self.accepted and b.list_name == REINSTATED:
            return ("the jail held the person again once ICE produced a warrant; the data do not "
                    "say whether it was judicial, and the encoding reads an ICE warrant as "
                    "administrative, which the policy does not honour")
        if b.accepted:
            child = [c for c in b.charges if any(w in c.upper() for w in _CHILD_WORDS)]
            if "PEPR" in b.ice_lines or "ICER" in b.ice_lines:
                return ("an ICE request for notification is on the booking; the jail kept the "
                        f"detainer though no listed felony is charged: {charges}")
            if "ICED" in b.ice_lines and not child:
                return ("no listed felony is charged; the detainer is entered under authority "
                        "ICED, an entry type the records do not define (every ICED booking is on "
                        f"the accepted list): {charges}")
            if child:
                return ("charged with an offence against a child that is not on the reported "
                        "list; the Sheriff kept case-by-case discretion and said she would weigh "
                        f"crimes against children (KUT, 1 Jun 2017): {'; '.join(child)}")
            if any("SEXUAL ASSLT" in c.upper() for c in b.charges):
                return ("charged with sexual assault, not aggravated: next to, but not on, the "
                        "reported list; the Sheriff's case-by-case discretion may explain it: "
                        f"{charges}")
            if any("OUT OF COUNTY" in c.upper() for c in b.charges):
                return ("no listed felony is charged; the booking also carries another county's "
                        f"felony hold, and the jail's reason is not in the records: {charges}")
            return ("no listed felony among the charges; the jail's reason is not in the "
                    f"records (case-by-case discretion or a prior conviction): {charges}")
        return f"a listed felony is charged, yet the jail declined: {charges}"


@dataclass
class Comparison:
    outcomes: list[Outcome]
    warrants: bool

    def matrix(self) -> Counter[tuple[str, str]]:
        """(the jail's list, what the encoded policy says) -> bookings."""
        return Counter(
            (o.booking.list_name, "accept" if o.predicted_accepted else "decline")
            for o in self.outcomes
        )

    @property
    def agreement(self) -> float:
        return sum(o.agrees for o in self.outcomes) / len(self.outcomes)

    def mismatches(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.agrees]


def compare(data: Path | None = None, *, warrants: bool = False) -> Comparison:
    """Simulate the encoded policy over the 1 Feb 2017 bookings and compare with the lists."""
    bookings = travis_policy_bookings(data, warrants=warrants)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "travis-2017.csv"
        write_situations([b.situation for b in bookings], path)
        dataset = open_dataset(path)
        answers = decide_rows(dataset, VERSION)
    outcomes = []
    for template, booking in zip(answers, bookings, strict=True):
        outcomes.append(Outcome(booking, template.verdict, template.rules, warrants))
    return Comparison(outcomes, warrants)
