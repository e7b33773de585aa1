"""The case records, as SQLAlchemy 2 tables. The Alembic migration creates the same schema."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, DateTime, Dialect, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment in time, stored as UTC and read back as an aware UTC datetime on every backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(
                "a time without a time zone is ambiguous; give it in UTC or with an offset"
            )
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Booking(Base):
    """A person's stay in the jail: only what the workflow needs to act and to advise."""

    __tablename__ = "bookings"

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_number: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(35))  # language of choice, a BCP 47 tag
    booked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    released_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    release_basis: Mapped[str | None] = mapped_column(String(40))

    requests: Mapped[list[Request]] = relationship(back_populates="booking")


class Request(Base):
    """A request from federal immigration authorities (or another agency) about a booking."""

    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_key: Mapped[str] = mapped_column(
        String(80), unique=True
    )  # the sender's id: idempotency
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    requester: Mapped[str] = mapped_column(String(30))
    documents: Mapped[list[Any]] = mapped_column(JSON)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    channel: Mapped[str] = mapped_column(String(20))
    in_writing: Mapped[bool] = mapped_column(Boolean)

    booking: Mapped[Booking] = relationship(back_populates="requests")
    decisions: Mapped[list[DecisionRecord]] = relationship(back_populates="request")


class DecisionRecord(Base):
    """An answer of the engine, stored with the exact situation and version that gave it."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    stage: Mapped[str] = mapped_column(String(20))  # intake or release
    situation: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[str] = mapped_column(String(60))
    rulebook: Mapped[str] = mapped_column(String(20))
    verdict: Mapped[str] = mapped_column(String(20))
    rules: Mapped[list[Any]] = mapped_column(JSON)
    cites: Mapped[list[Any]] = mapped_column(JSON)
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)

    request: Mapped[Request] = relationship(back_populates="decisions")


class ObligationRecord(Base):
    """A duty that followed from a decision: what, due when, done when and by whom."""

    __tablename__ = "obligations"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"), index=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[str] = mapped_column(String(20))  # before, now, at_release
    due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    done_by: Mapped[str | None] = mapped_column(String(80))


class Notice(Base):
    """A notice of release sent to federal immigration authorities, and its lead time."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    channel: Mapped[str] = mapped_column(String(20))
    sent_by: Mapped[str] = mapped_column(String(80))


class Advisement(Base):
    """A written advisement of rights given to a person, in a language."""

    __tablename__ = "advisements"

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id"), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id"))
    kind: Mapped[str] = mapped_column(
        String(40)
    )  # advise_notified_person, advise_rights_in_writing
    language: Mapped[str] = mapped_column(String(35))
    given_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    given_by: Mapped[str] = mapped_column(String(80))


class Outcome(Base):
    """What became known later (for example that ICE took custody at release)."""

    __tablename__ = "outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    known_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    note: Mapped[str] = mapped_column(Text, default="")


class ChainHead(Base):
    """The last entry of the audit chain: one row, locked by each writer in turn."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class AuditEntry(Base):
    """One entry of the append-only, hash-chained audit log (see psepa.audit.log)."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[str] = mapped_column(Text)  # the canonical JSON the hash covers
    prev: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
