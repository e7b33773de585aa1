"""A real PostgreSQL server for the tests: the one CI started (PSEPA_TEST_PG_URL), or a
throwaway one started here from the machine's own binaries in a temporary directory."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def postgres() -> Iterator[str]:
    url = os.environ.get("PSEPA_TEST_PG_URL")
    if url:
        yield url
        return
    initdb = shutil.which("initdb")
    if initdb is None:
        raise RuntimeError(
            "PostgreSQL binaries (initdb, pg_ctl) are not on PATH; install "
            "postgresql-15 or set PSEPA_TEST_PG_URL"
        )
    root = Path(tempfile.mkdtemp(prefix="psepa-pg-"))
    data, port = root / "data", _free_port()
    run_as: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        subprocess.run(["useradd", "-M", "psepa-pg"], capture_output=True, check=False)
        shutil.chown(root, "psepa-pg")
        run_as = ["runuser", "-u", "psepa-pg", "--"]
    subprocess.run(
        [*run_as, initdb, "-D", str(data), "-U", "psepa", "--auth=trust", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *run_as,
            "pg_ctl",
            "-D",
            str(data),
            "-l",
            str(root / "log"),
            "-w",
            "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=on",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        for _ in range(50):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        subprocess.run(
            [*run_as, "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "psepa", "psepa"],
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://psepa@127.0.0.1:{port}/psepa"
    finally:
        subprocess.run(
            [*run_as, "pg_ctl", "-D", str(data), "-m", "fast", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)
