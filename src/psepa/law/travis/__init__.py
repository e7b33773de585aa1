"""A second jurisdiction as a policy pack: Travis County, Texas, beside Denver's law.

The pack is a rulebook of its own, built by the same engine: `tcso-2017-02-01` is the
Sheriff's 1 Feb 2017 detainer policy with federal law under it, and `travis-law-in-force` the
same by date (before 1 Feb 2017 only federal law speaks: detainers are voluntary requests the
jail may honour). Texas law is not encoded.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from psepa.engine.rulebook import Rulebook, law_revision
from psepa.engine.versions import Version
from psepa.law import federal
from psepa.law.travis import tcso_2017

POLICY = Version(
    id="tcso-2017-02-01",
    title="Travis County Sheriff's detainer policy of 1 Feb 2017, with federal law",
    rules=tcso_2017.RULES + federal.RULES,
    was_law=tcso_2017.TCSO_POLICY_IN_FORCE,
    note="Offence list from reporting; the Sheriff's case-by-case discretion is not encoded.",
)
IN_FORCE = Version(
    id="travis-law-in-force",
    title="Travis County by date: federal law, and the Sheriff's policy from 1 Feb 2017",
    rules=tcso_2017.RULES + federal.RULES,
    dated=True,
    note="Texas SB4 (2017) is not encoded.",
)


@cache
def rulebook() -> Rulebook:
    """The Travis County pack's rulebook."""
    return Rulebook(IN_FORCE, (POLICY,), "travis-" + law_revision(Path(__file__).parent))
