"""Every operation of the served OpenAPI document, fuzzed by Schemathesis against a real server:
no answer is a server error, and every answer matches the document (status, type, schema).

Both kinds of data are sent: requests that fit the document, and requests that break it (those
must be refused with a 4xx). One check is left out: that every request fitting the document is
accepted. Some rules cannot be written in JSON Schema (facts that contradict each other, a
version id that does not exist, a time before 1970), and psepa refuses those with 422 naming
the field, as the contract asks. Bounded to a few dozen requests per operation and kind, on a
server of its own (the fuzzer creates bookings, users and tokens at random), so that the whole
run stays around a minute. The operations are read from the app's own document at collection,
then called over loopback on the running server, whose document is the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode
from schemathesis.checks import positive_data_acceptance
from webserver import TIMEOUT, Live, start_live

from psepa.cases.store import Store
from psepa.web import create_app
from psepa.web.accounts import Role


def _document() -> dict[str, object]:
    with TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'doc.db'}")
        app = create_app(store)
        try:
            return app.openapi()
        finally:
            app.state.psepa.close()


SCHEMA = schemathesis.openapi.from_dict(_document())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with start_live(tmp_path_factory.mktemp("fuzz")) as running:
        yield running


def test_the_served_document_is_the_one_fuzzed(fuzzed: Live) -> None:
    served = httpx.get(timeout=TIMEOUT, url=f"{fuzzed.url}/openapi.json").json()
    assert sorted(served["paths"]) == sorted(SCHEMA.raw_schema["paths"])
    assert len(OPERATIONS) >= 20


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_no_request_gets_a_server_error(operation: object, fuzzed: Live) -> None:
    assert isinstance(operation, schemathesis.APIOperation)
    # The role that reaches the operation's code: admin for accounts, a supervisor otherwise.
    accounts = operation.path.startswith(("/v1/users", "/v1/tokens"))
    token = fuzzed.tokens[Role.ADMIN if accounts else Role.SUPERVISOR]
    strategy = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=strategy)
    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Case) -> None:
        case.call_and_validate(
            base_url=fuzzed.url,
            headers={"authorization": f"Bearer {token}"},
            excluded_checks=[positive_data_acceptance],
        )

    check()
