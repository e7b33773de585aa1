"""How many decisions a second the HTTP API answers, and how fast, against a bare FastAPI floor.

Run: `.venv/bin/python bench/http_api.py [--quick] [--concurrency 16] [--seconds 5] [--repeats 3]`.

1. The server is the real one: `psepa.web.create_app` on a SQLite file, served by uvicorn (one
   process, httptools and uvloop) on a loopback port, in a process of its own; callers send an
   API token, so the route's rule is checked on every request as in production.
2. The client is a bounded asyncio loop (uvloop; one process, `--concurrency` requests in
   flight over kept-alive HTTP/1.1 connections; see `Connection` for why not httpx, which is
   used to check that the loop reads the same answers), cycling ~50 situations over 11
   actions and dates 2016-2026. Every answer must be 200, and a sample is compared with
   `psepa.decide`: a wrong answer is a correctness failure, not a slow one.
3. Single: one situation per request. Batch: 100 situations per request (the contract's list).
   Decisions per second count situations decided; p50/p99 are per request.
4. The peer, measured in the same run on the same machine with the same client: a bare FastAPI
   route on the same server settings that reads the body and returns a constant decision of the
   same size. It is the floor: what uvicorn, FastAPI and this client cost with psepa doing
   nothing. Runs alternate psepa and floor; medians of the repeats are printed.
5. Targets (issue 4): at least 1,000 decisions/s single with p99 under 50 ms, and zero errors.
   The machine has 2 cores shared by the client and the server, so the client's own cost is in
   every figure (the floor shows how much).
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named after what it measures, so its folder must not shadow the standard
# library's `http` package (which httpx imports): take the folder off the path, then add it last.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from importlib import resources  # noqa: E402
from typing import Any  # noqa: E402

import httpx  # noqa: E402
import orjson  # noqa: E402
from fastapi import FastAPI, Request, Response  # noqa: E402

sys.path.append(str(HERE))
from _report import Metric, Report, heading  # noqa: E402

BATCH = 100


def situations() -> list[dict[str, Any]]:
    """About 50 situations: the demo day's questions on a spread of dates."""
    day = json.loads(resources.files("psepa.demo").joinpath("day.json").read_text())
    dates = ["2016-05-01", "2017-09-15", "2019-03-02", "2021-07-20", "2025-06-02", "2026-01-10"]
    found = []
    for n, on in enumerate(dates):
        for item in day[n % 2 :: 1 + n % 2]:
            found.append({**item, "on": on})
    return found[:50]


# --- the servers (each runs in a process of its own) ---------------------------------------------
def serve_psepa(port: int, folder: Path) -> None:
    import uvicorn

    from psepa.cases.store import Store
    from psepa.web import create_app
    from psepa.web.accounts import Accounts

    store = Store(f"sqlite:///{folder / 'bench.db'}")
    app = create_app(store)
    token = Accounts(store).issue_token("bench", "clerk")
    (folder / "token").write_text(token)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def serve_floor(port: int, folder: Path) -> None:
    import uvicorn

    import psepa

    one = orjson.dumps(psepa.decide(situations()[0]).to_dict())
    many = orjson.dumps([orjson.loads(one)] * BATCH)
    app = FastAPI()

    @app.post("/v1/decisions")
    async def floor(request: Request) -> Response:
        body = await request.body()
        return Response(many if body[:1] == b"[" else one, media_type="application/json")

    @app.get("/v1/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    (folder / "token").write_text("none")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.folder = Path(tempfile.mkdtemp(prefix=f"psepa-bench-{kind}-"))
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__)),
                "--serve",
                kind,
                str(self.port),
                str(self.folder),
            ],
            env={**os.environ, "PYTHONPATH": str(HERE)},
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"the {kind} server did not start")
            time.sleep(0.2)
        self.token = (self.folder / "token").read_text()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


# --- the load ------------------------------------------------------------------------------------
class Connection:
    """One kept-alive HTTP/1.1 connection that posts a body and reads the answer.

    httpx's async client costs this machine's one spare core about 2 ms a request (it drives
    the floor at ~450 requests a second), so it would measure itself rather than the server.
    This loop does only what a load generator must: write the request, read the status line,
    the headers up to Content-Length, and the body.
    """

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        return cls(reader, writer)

    async def post(self, head: bytes, body: bytes) -> tuple[int, bytes]:
        self.writer.write(head + b"%d\r\n\r\n" % len(body) + body)
        await self.writer.drain()
        header = await self.reader.readuntil(b"\r\n\r\n")
        status = int(header[9:12])
        at = header.lower().index(b"content-length:") + 15
        length = int(header[at : header.index(b"\r\n", at)])
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        self.writer.close()


async def _load(
    port: int, token: str, bodies: list[bytes], concurrency: int, seconds: float
) -> tuple[int, int, list[float], float, list[bytes]]:
    """Requests done, errors, latencies (s), wall time (s), and a sample of answers."""
    latencies: list[float] = []
    errors = 0
    sample: list[bytes] = []
    head = (
        b"POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + token.encode()
        + b"\r\nContent-Type: application/json\r\nContent-Length: "
    )
    connections = [await Connection.open(port) for _ in range(concurrency)]
    for c in connections:  # warm each connection and the server's caches; not counted
        await c.post(head, bodies[0])
    start = time.perf_counter()
    stop_at = start + seconds

    async def worker(k: int, connection: Connection) -> None:
        nonlocal errors
        i = k
        while time.perf_counter() < stop_at:
            body = bodies[i % len(bodies)]
            i += concurrency
            t0 = time.perf_counter()
            try:
                status, answer = await connection.post(head, body)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                errors += 1
                connection = await Connection.open(port)
                continue
            latencies.append(time.perf_counter() - t0)
            if status != 200:
                errors += 1
            elif len(sample) < 200 and i % 7 == 0:
                sample.append(body + b"\n" + answer)
        connection.close()

    await asyncio.gather(*(worker(k, c) for k, c in enumerate(connections)))
    wall = time.perf_counter() - start
    return len(latencies), errors, latencies, wall, sample


def _check_with_httpx(url: str, token: str, body: bytes) -> bool:
    """The same question through an ordinary client: the bench's loop reads what httpx reads."""
    answer = httpx.post(
        f"{url}/v1/decisions",
        content=body,
        headers={"authorization": f"Bearer {token}", "content-type": "application/json"},
    )
    return answer.status_code == 200 and answer.json() == orjson.loads(
        asyncio.run(_one(int(url.rsplit(":", 1)[1]), token, body))
    )


async def _one(port: int, token: str, body: bytes) -> bytes:
    c = await Connection.open(port)
    head = (
        b"POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + token.encode()
        + b"\r\nContent-Type: application/json\r\nContent-Length: "
    )
    try:
        return (await c.post(head, body))[1]
    finally:
        c.close()


def _run(work: Any) -> Any:
    import uvloop

    return uvloop.run(work)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 repeat of 2 s each")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.repeats = 2.0, 1

    import psepa

    report = Report()
    cases = situations()
    single = [orjson.dumps(s) for s in cases]
    batches = [orjson.dumps([cases[(k + j) % len(cases)] for j in range(BATCH)]) for k in range(10)]
    expected = {orjson.dumps(s): psepa.decide(s).to_dict() for s in cases}

    heading(
        f"HTTP decisions on loopback: concurrency {args.concurrency}, {args.seconds:g} s runs, "
        f"{args.repeats} repeats, {os.cpu_count()} cores shared by client and server"
    )
    servers = {"psepa": Server("psepa"), "floor": Server("floor")}
    report.check(
        _check_with_httpx(servers["psepa"].url, servers["psepa"].token, batches[0]),
        "the bench's HTTP loop and httpx read different answers",
    )
    figures: dict[tuple[str, str], list[tuple[float, float, float, int]]] = {}
    try:
        for mode, bodies, per in (("single", single, 1), ("batch", batches, BATCH)):
            for _ in range(args.repeats):
                for name, server in servers.items():
                    done, errors, lat, wall, sample = _run(
                        _load(server.port, server.token, bodies, args.concurrency, args.seconds)
                    )
                    rate = done * per / wall
                    p50, p99 = _percentile(lat, 0.5) * 1e3, _percentile(lat, 0.99) * 1e3
                    figures.setdefault((name, mode), []).append((rate, p50, p99, errors))
                    print(
                        f"  {mode:<6} {name:<5} {rate:>10,.0f} decisions/s  {done / wall:>7,.0f}"
                        f" req/s  p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  errors {errors}",
                        flush=True,
                    )
                    if name == "psepa":
                        for line in sample:
                            body, answer = line.split(b"\n", 1)
                            got = orjson.loads(answer)
                            want = (
                                [expected[orjson.dumps(s)] for s in orjson.loads(body)]
                                if body[:1] == b"["
                                else expected[body]
                            )
                            if got != want:
                                report.fail(f"{mode}: an answer differs from psepa.decide")
                                break
    finally:
        for server in servers.values():
            server.stop()

    heading("medians of the repeats")
    for mode in ("single", "batch"):
        psepa_runs, floor_runs = figures[("psepa", mode)], figures[("floor", mode)]
        rate = statistics.median(r[0] for r in psepa_runs)
        p50 = statistics.median(r[1] for r in psepa_runs)
        p99 = statistics.median(r[2] for r in psepa_runs)
        errors = sum(r[3] for r in psepa_runs)
        floor_rate = statistics.median(r[0] for r in floor_runs)
        floor_p99 = statistics.median(r[2] for r in floor_runs)
        print(
            f"  {mode}: psepa {rate:,.0f} decisions/s (p50 {p50:.2f} ms, p99 {p99:.2f} ms); "
            f"floor {floor_rate:,.0f}/s (p99 {floor_p99:.2f} ms); psepa at "
            f"{rate / floor_rate:.0%} of the floor"
        )
        target = 1000.0 if mode == "single" else None
        report.add(Metric(f"{mode}: decisions per second", rate, "/s", target, at_least=True))
        report.add(Metric(f"{mode}: p99 latency", p99, "ms", 50.0 if mode == "single" else None))
        report.add(Metric(f"{mode}: p50 latency", p50, "ms"))
        report.add(Metric(f"{mode}: floor decisions per second", floor_rate, "/s"))
        report.add(Metric(f"{mode}: errors", float(errors), "", 0.0))
        if errors:
            report.fail(f"{mode}: {errors} requests failed")
    return report.finish()


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--serve":
        kind, port, folder = sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
        (serve_psepa if kind == "psepa" else serve_floor)(port, folder)
    else:
        sys.exit(main())
