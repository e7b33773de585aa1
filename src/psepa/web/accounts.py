"""Staff accounts, browser sessions and API tokens: who is asking, and in which role.

Passwords are hashed with Argon2id (argon2-cffi's defaults), so a stolen database does not give
the passwords away. Session and API tokens are long random strings handed to the holder once;
the database keeps only their SHA-256, which is enough for a secret that is never guessed (a
password needs a slow hash because people choose guessable ones; a 256-bit token does not).
Accounts hold a login name, a display name and a role: nothing else about the staff member.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, ForeignKey, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from psepa.cases.models import Base, UTCDateTime
from psepa.cases.store import Store
from psepa.errors import PsepaError

SESSION_LIFETIME = dt.timedelta(hours=12)  # one shift and a margin; then log in again
_CACHE_SECONDS = 5.0  # how long a checked API token is trusted without asking the database
MAX_FAILURES = 5  # wrong passwords for one login within FAILURE_WINDOW before it is paused
FAILURE_WINDOW = 15 * 60.0  # seconds


class Role(StrEnum):
    """What a staff member or system may do (see psepa.web.rules for each route's list)."""

    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    AUDITOR = "auditor"
    ADMIN = "admin"


class AccountError(PsepaError, ValueError):
    """An account could not be created or changed; the message says what to fix."""


class TooManyAttempts(AccountError):
    """A login failed too often in a short time; it is paused, the message says for how long."""


class User(Base):
    """A staff member who logs in through the browser."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class BrowserSession(Base):
    """A logged-in browser: the cookie's token is kept only as its hash."""

    __tablename__ = "browser_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ApiToken(Base):
    """A token for a system (the jail's records system, an auditor's script), with one role."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


@dataclass(frozen=True)
class Principal:
    """Who made a request: a staff member (by browser or token) or a system (by token)."""

    name: str
    role: Role
    via: str  # "session" or "token"
    csrf: str = ""  # the session's form token; empty for API tokens, which need none


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise AccountError(
            f"unknown role {value!r}; expected one of {', '.join(r.value for r in Role)}"
        ) from None


class Accounts:
    """Creating staff accounts, logging in and out, and checking tokens, over one store."""

    def __init__(self, store: Store, secret: bytes | None = None) -> None:
        self.store = store
        self._hasher = PasswordHasher()
        # The CSRF token of a session is derived from its cookie token with this key, so it
        # needs no storage and cannot be computed by a page that does not hold the cookie.
        self._secret = secret or secrets.token_bytes(32)
        self._tokens: dict[str, tuple[float, Principal | None]] = {}
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        # A login for an unknown name still costs one hash, so timing does not reveal names.
        self._dummy = self._hasher.hash(secrets.token_urlsafe(16))

    # --- staff -----------------------------------------------------------------------------
    def create_user(self, login: str, display_name: str, role: str, password: str) -> None:
        """Add a staff member; refused if the login is taken or the password is too short."""
        login = login.strip()
        if not login or len(login) > 60:
            raise AccountError("a login name needs 1 to 60 characters")
        if len(password) < 10:
            raise AccountError("a password needs at least 10 characters")
        checked = _role(role)
        try:
            with self.store.transaction() as s:
                s.add(
                    User(
                        login=login,
                        display_name=display_name.strip() or login,
                        role=checked.value,
                        password_hash=self._hasher.hash(password),
                        active=True,
                        created_at=_now(),
                    )
                )
        except IntegrityError:
            raise AccountError(f"the login {login!r} is already taken") from None

    def ensure_user(self, login: str, display_name: str, role: str, password: str) -> bool:
        """Create the account unless the login exists (for seeding); True if it was created."""
        with self.store.reading() as s:
            if s.execute(select(User.id).where(User.login == login)).first() is not None:
                return False
        self.create_user(login, display_name, role, password)
        return True

    def users(self) -> list[tuple[str, str, str, bool]]:
        """Every account as (login, display name, role, active)."""
        with self.store.reading() as s:
            rows = s.execute(
                select(User.login, User.display_name, User.role, User.active).order_by(User.login)
            ).all()
            return [(a, b, c, bool(d)) for a, b, c, d in rows]

    # --- browser sessions ------------------------------------------------------------------
    def log_in(self, login: str, password: str) -> str | None:
        """Check a password; on success open a session and return its cookie token.

        After MAX_FAILURES wrong passwords for one login within FAILURE_WINDOW, that login is
        refused (`TooManyAttempts`) until the oldest failure leaves the window: guessing is
        slowed to a handful of tries a quarter hour, whatever the hash costs. The count lives
        in this process's memory, so a restart clears it.
        """
        login = login.strip()
        self._check_attempts(login)
        with self.store.reading() as s:
            user = s.execute(select(User).where(User.login == login)).scalar_one_or_none()
        if user is None or not user.active:
            self._verify(self._dummy, password)
            self._failed(login)
            return None
        if not self._verify(user.password_hash, password):
            self._failed(login)
            return None
        with self._lock:
            self._failures.pop(login, None)
        token = secrets.token_urlsafe(32)
        now = _now()
        with self.store.transaction() as s:
            if self._hasher.check_needs_rehash(user.password_hash):
                stored = s.get(User, user.id)
                if stored is not None:
                    stored.password_hash = self._hasher.hash(password)
            s.add(
                BrowserSession(
                    token_hash=_hash_token(token),
                    user_id=user.id,
                    created_at=now,
                    expires_at=now + SESSION_LIFETIME,
                )
            )
        return token

    def _check_attempts(self, login: str) -> None:
        now = time.monotonic()
        with self._lock:
            recent = [t for t in self._failures.get(login, []) if now - t < FAILURE_WINDOW]
            self._failures[login] = recent
        if len(recent) >= MAX_FAILURES:
            wait = int(FAILURE_WINDOW - (now - recent[0])) // 60 + 1
            raise TooManyAttempts(
                f"too many wrong passwords for {login!r}; try again in {wait} minutes, or ask an "
                "administrator"
            )

    def _failed(self, login: str) -> None:
        with self._lock:
            if len(self._failures) > 10_000:
                self._failures.clear()
            self._failures.setdefault(login, []).append(time.monotonic())

    def _verify(self, stored: str, password: str) -> bool:
        try:
            return self._hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False

    def session(self, token: str) -> Principal | None:
        """The staff member a session cookie belongs to, if it is open and not expired."""
        if not token:
            return None
        with self.store.reading() as s:
            row = s.execute(
                select(User.login, User.role, User.active, BrowserSession.expires_at)
                .join(User, User.id == BrowserSession.user_id)
                .where(BrowserSession.token_hash == _hash_token(token))
            ).first()
        if row is None or not row.active or row.expires_at <= _now():
            return None
        return Principal(row.login, _role(row.role), "session", self.csrf_token(token))

    def csrf_token(self, session_token: str) -> str:
        return hmac.new(self._secret, session_token.encode(), hashlib.sha256).hexdigest()

    def log_out(self, token: str) -> None:
        with self.store.transaction() as s:
            found = s.execute(
                select(BrowserSession).where(BrowserSession.token_hash == _hash_token(token))
            ).scalar_one_or_none()
            if found is not None:
                s.delete(found)

    # --- API tokens ------------------------------------------------------------------------
    def issue_token(self, name: str, role: str) -> str:
        """A new API token for a system; the token is shown once and stored only as its hash."""
        name = name.strip()
        if not name or len(name) > 80:
            raise AccountError("a token needs a name of 1 to 80 characters (who holds it)")
        checked = _role(role)
        token = "psepa_" + secrets.token_urlsafe(32)
        try:
            with self.store.transaction() as s:
                s.add(
                    ApiToken(
                        name=name,
                        token_hash=_hash_token(token),
                        role=checked.value,
                        created_at=_now(),
                        revoked_at=None,
                    )
                )
        except IntegrityError:
            raise AccountError(f"a token named {name!r} exists already; revoke it first") from None
        return token

    def revoke_token(self, name: str) -> bool:
        """Revoke a token by name; True if there was an active one."""
        with self.store.transaction() as s:
            found = s.execute(select(ApiToken).where(ApiToken.name == name)).scalar_one_or_none()
            if found is None or found.revoked_at is not None:
                return False
            found.revoked_at = _now()
            found.name = f"{name[:50]}~revoked-{found.id}"  # frees the name for a successor
        with self._lock:
            self._tokens.clear()
        return True

    def token(self, token: str) -> Principal | None:
        """The system an API token belongs to, if it is not revoked.

        Checked tokens are remembered for a few seconds: a system sending a thousand requests a
        second must not cost a thousand database reads. A revocation in this process clears the
        memory at once; one made by another process takes effect within those seconds.
        """
        key = _hash_token(token)
        now = time.monotonic()
        with self._lock:
            cached = self._tokens.get(key)
        if cached is not None and now - cached[0] < _CACHE_SECONDS:
            return cached[1]
        with self.store.reading() as s:
            row = s.execute(
                select(ApiToken.name, ApiToken.role).where(
                    ApiToken.token_hash == key, ApiToken.revoked_at.is_(None)
                )
            ).first()
        principal = None if row is None else Principal(row.name, _role(row.role), "token")
        with self._lock:
            if len(self._tokens) > 10_000:
                self._tokens.clear()
            self._tokens[key] = (now, principal)
        return principal
