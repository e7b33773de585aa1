"""A realistic day for the web app's demo: staff accounts and a jail's morning of cases.

Dated in the hours before the server starts (in Denver), so that the release desk has today's
releases to show: people booked last evening, detainers and notification requests taken in and
decided, one person released an hour ago with the advisement and the notice to ICE still owed,
one released with both done.
Seeding is idempotent: accounts that exist are kept, and cases are added only to an empty
database. The names are made up.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from psepa.cases.intake import DENVER
from psepa.cases.models import Booking
from psepa.cases.store import Store
from psepa.cases.workflow import Cases
from psepa.web.accounts import Accounts

DEMO_ACCOUNTS = (  # login, display name, role, password: for the demo only, printed at start
    ("clerk", "Casey Clerk", "clerk", "clerk-demo-2025"),
    ("supervisor", "Sam Supervisor", "supervisor", "supervisor-demo-2025"),
    ("auditor", "Alex Auditor", "auditor", "auditor-demo-2025"),
    ("admin", "Ari Admin", "admin", "admin-demo-2025"),
)

_PEOPLE = (
    ("B-24001", "Ana Example", "es"),
    ("B-24002", "Ben Example", "en"),
    ("B-24003", "Tesfay Example", "ti"),
    ("B-24004", "Lucía Ejemplo", "es"),
    ("B-24005", "Minh Example", "vi"),
    ("B-24006", "Omar Example", "ar"),
    ("B-24007", "Hodan Example", "so"),
    ("B-24008", "Jordan Example", "en"),
)
_REQUESTS: tuple[tuple[str, str, str, str, bool, list[str], int], ...] = (
    # request id, booking, kind, channel, in writing, documents, hour received
    ("ICE-9001", "B-24001", "detainer", "fax", True, ["i_247a", "i_200"], 1),
    ("ICE-9002", "B-24002", "notification", "email", True, ["i_247n"], 2),
    ("ICE-9003", "B-24003", "interview", "phone", False, [], 3),
    ("ICE-9004", "B-24004", "detainer", "fax", True, ["i_247a", "i_200"], 4),
    ("ICE-9005", "B-24005", "detainer", "electronic", True, ["i_247a", "i_205"], 5),
    ("ICE-9006", "B-24006", "access", "in_person", True, ["i_200"], 6),
    ("ICE-9007", "B-24007", "notification", "phone", False, [], 6),
    ("ICE-9008", "B-24008", "detainer", "fax", True, ["i_247a", "federal_judicial_warrant"], 7),
)


def seed_accounts(accounts: Accounts) -> list[tuple[str, str, str]]:
    """Create the demo accounts that do not exist; returns every demo (login, role, password)."""
    for login, name, role, password in DEMO_ACCOUNTS:
        accounts.ensure_user(login, name, role, password)
    return [(login, role, password) for login, _, role, password in DEMO_ACCOUNTS]


def seed_cases(store: Store, now: dt.datetime | None = None) -> bool:
    """Add the demo day's cases to an empty database; False if it already held bookings.

    The day's events are placed in the hours before `now` (default: the present in Denver),
    so that the release desk shows this morning's releases and the overdue list their misses;
    close after midnight they are squeezed into the minutes since, in the same order.
    """
    with store.reading() as s:
        if s.execute(select(func.count()).select_from(Booking)).scalar_one() > 0:
            return False
    moment = (now or dt.datetime.now(DENVER)).astimezone(DENVER)
    start = dt.datetime.combine(moment.date(), dt.time(), tzinfo=DENVER)
    yesterday = start - dt.timedelta(days=1)

    def ago(minutes: int) -> dt.datetime:
        squeezed = start + (moment - start) * (1 - minutes / 600)
        return max(moment - dt.timedelta(minutes=minutes), squeezed)

    cases = Cases(store)
    for n, (number, name, language) in enumerate(_PEOPLE):
        cases.book(number, name, language, yesterday + dt.timedelta(hours=18 + n % 5, minutes=n))
    for key, number, kind, channel, written, documents, hour in _REQUESTS:
        cases.intake(key, number, kind, ago(60 * (8 - hour)), channel, written, documents)
    # Released an hour ago, with the advisement and the notice to ICE still owed.
    cases.release("B-24004", ago(60), "bond_posted", "deputy-12")
    # Released with everything done: advised in Spanish, ICE told by fax, 25 minutes ahead.
    cases.record_advisement("B-24001", "advise_notified_person", "es", ago(50), "deputy-12")
    cases.record_notice("ICE-9001", ago(45), "fax", "deputy-12")
    cases.release("B-24001", ago(20), "charges_dismissed", "deputy-12")
    return True
