"""Child processes for tests/test_durability.py: each opens the store at a URL, runs one batch of
workflow calls, and prints one line per call only after the call has returned (flushed at once),
so a printed line is an acknowledged write. The tests kill these processes with SIGKILL.

    python tests/workers.py release URL N       book and take in N; "ready"; release the rest
    python tests/workers.py intake URL N        book N; "ready"; take in each request
    python tests/workers.py cycle URL PREFIX N  "ready"; wait for "go"; book, take in, release N
    python tests/workers.py same URL KEY...     "ready"; wait for "go"; take in each KEY on B-SAME
    python tests/workers.py desk URL N          book N; "ready"; 8 threads take them in through
                                                the intake desk (group commit), acking each

`release` and `intake` can be started again on the same database: booking and intake are
idempotent, and `release` releases only the bookings not yet released.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading

from sqlalchemy import select

from psepa.cases.desk import IntakeDesk
from psepa.cases.intake import IntakeItem
from psepa.cases.models import Booking
from psepa.cases.store import Store
from psepa.cases.workflow import Cases

MDT = dt.timezone(dt.timedelta(hours=-6))
BOOKED_AT = dt.datetime(2025, 6, 2, 0, 30, tzinfo=MDT)
RECEIVED_AT = dt.datetime(2025, 6, 2, 8, 0, tzinfo=MDT)
RELEASED_AT = dt.datetime(2025, 6, 2, 14, 0, tzinfo=MDT)
DOCUMENTS = ["i_247a", "i_200"]  # a detainer with an administrative warrant: no hold at release
SAME_BOOKING = "B-SAME"


def booking_number(prefix: str, i: int) -> str:
    return f"{prefix}-{i:04d}"


def request_key(prefix: str, i: int) -> str:
    return f"ICE-{prefix}-{i:04d}"


def book(cases: Cases, number: str) -> None:
    cases.book(number, "Ana Example", "es", BOOKED_AT)


def intake(cases: Cases, key: str, number: str) -> bool:
    """Take in a detainer; True if it was already taken in."""
    return cases.intake(key, number, "detainer", RECEIVED_AT, "fax", True, DOCUMENTS).duplicate


def release(cases: Cases, number: str, i: int) -> None:
    cases.release(number, RELEASED_AT + dt.timedelta(seconds=i), "bond_posted", "deputy-12")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def wait_for_go() -> None:
    say("ready")
    if sys.stdin.readline().strip() != "go":
        raise SystemExit("expected 'go' on stdin")


def main(argv: list[str]) -> int:
    mode, url, *rest = argv
    store = Store(url)  # the parent migrated it
    cases = Cases(store)
    if mode == "release":
        n = int(rest[0])
        for i in range(n):
            book(cases, booking_number("B", i))
            intake(cases, request_key("B", i), booking_number("B", i))
        with store.transaction() as s:
            waiting = set(
                s.execute(
                    select(Booking.booking_number).where(Booking.released_at.is_(None))
                ).scalars()
            )
        say("ready")
        for i in range(n):
            number = booking_number("B", i)
            if number in waiting:
                release(cases, number, i)
                say(f"released {number}")
    elif mode == "intake":
        n = int(rest[0])
        for i in range(n):
            book(cases, booking_number("B", i))
        say("ready")
        for i in range(n):
            intake(cases, request_key("B", i), booking_number("B", i))
            say(f"taken {request_key('B', i)}")
    elif mode == "cycle":
        prefix, n = rest[0], int(rest[1])
        wait_for_go()
        for i in range(n):
            number = booking_number(prefix, i)
            book(cases, number)
            intake(cases, request_key(prefix, i), number)
            release(cases, number, i)
            say(f"done {number}")
    elif mode == "same":
        wait_for_go()
        for key in rest:
            result = cases.intake(
                key, SAME_BOOKING, "detainer", RECEIVED_AT, "fax", True, DOCUMENTS
            )
            duties = ",".join(str(d.id) for d in result.duties)
            say(f"taken {key} {int(result.duplicate)} {result.verdict} {duties}")
    elif mode == "desk":
        n = int(rest[0])
        for i in range(n):
            book(cases, booking_number("D", i))
        say("ready")
        lock = threading.Lock()
        with IntakeDesk(cases) as desk:

            def client(first: int) -> None:
                for i in range(first, n, 8):
                    key = request_key("D", i)
                    desk.submit(
                        IntakeItem(
                            key,
                            booking_number("D", i),
                            "detainer",
                            RECEIVED_AT,
                            "fax",
                            True,
                            DOCUMENTS,
                        )
                    )
                    with lock:
                        say(f"taken {key}")

            threads = [threading.Thread(target=client, args=(k,)) for k in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    say("finished")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
