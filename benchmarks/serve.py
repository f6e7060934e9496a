"""`unspin serve` under load: a real server process on loopback, driven by many clients at once.

    HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/serve.py [--clients 50 --seconds 60 --warmup 10]
    ... --clients 4 --seconds 3 --warmup 1 --pairs 5 --sequential 3      # a smoke run

Server: `.venv/bin/unspin serve --host 127.0.0.1 --port P --db <empty corpus> --reports <file>`
in a temporary folder, as a subprocess (its own process, default settings: one analysis worker
per core, up to 4), its stderr kept in --server-log and scanned for tracebacks and errors at the
end. The clients run in this process, on the same cores as the server: every number here is
for both sharing the machine.

Workload: `POST /api/compare` of a copy and its source, ~800-word articles. --pairs distinct
pairs are built at start-up from Reuters 2006-2013 prose stories of 700-900 words
(../shared/data/reuters_ding2014, read at run time, never written anywhere), each copy spun
from its story by unspin.testing.spin (medium, filler from other stories), so that no two
requests in a row are the same. Each client is a closed loop on its own connection: send, wait
for the answer, send the next, with no pause. The first --warmup seconds of each row are not
counted; then a request counts if it finishes in the next --seconds. Requests still running at
the end are awaited (not counted) before the next row starts.

Rows (a markdown table):
  compare only   every client sends compares;
  mix            --cheap-share of the clients (20%) send cheap GETs instead, `GET /` and
                 `GET /api/corpus/stats` in turn, the rest compares: cheap pages should stay
                 fast while compares queue for the workers. Compares and cheap GETs are shown
                 on rows of their own.
Columns:
  clients        closed-loop clients sending that kind of request;
  req/s          requests finished in the measured window, per second;
  p50/p95/p99    latency of one request as the client sees it (send to whole answer read), ms;
  2xx/4xx/5xx    answers by status class; errors: transport errors (refused, reset, timed out
                 after --timeout s), by name below the table;
  CPU            cores the server (with its worker processes) and this one (the clients) used
                 over the measured window (user + system time, psutil), out of os.cpu_count();
  peak RSS       the server's VmHWM (/proc/<pid>/status) at the end of the row, plus its
                 worker processes': the peaks so far, over their whole lives, summed.

Then: the single-request latency of a compare (one client, --sequential requests one after the
other, after one untimed first request that loads the models), and what Little's law says of
the queueing: with N clients in a closed loop, mean latency = N / throughput, so whatever
exceeds the single-request latency is time spent waiting for a worker. Last, the target line
(compare-only row) and PASS / MISS. --json PATH writes every number.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from unspin.testing.datasets import data_dir, is_prose, reuters_ding2014_articles
from unspin.testing.spin import spin

TARGET_P99_S = 2.0
WORDS = (700, 900)
CHEAP = ("/", "/api/corpus/stats")


# --- the workload --------------------------------------------------------------------------------


def build_pairs(n: int) -> tuple[list[bytes], list[int], list[int]]:
    """n compare bodies (JSON, ready to send) of spun copies of 700-900-word stories, with the
    copies' and the sources' word counts."""
    bodies: list[bytes] = []
    copy_words: list[int] = []
    source_words: list[int] = []
    filler: list[str] = []  # texts of earlier stories, for the spinner's unrelated sentences
    seen: set[str] = set()
    for k, article in enumerate(reuters_ding2014_articles()):
        if len(bodies) >= n:
            break
        if not is_prose(article):
            continue
        words = len(article.text.split())
        if not WORDS[0] <= words <= WORDS[1] or article.title in seen:
            if len(filler) < 50:
                filler.append(article.text)
            continue
        seen.add(article.title)
        case = spin(article, seed=k, intensity="medium", filler=filler[-3:])
        body = {
            "copy": {"text": case.copy.text, "title": case.copy.title},
            "sources": [{"text": article.text, "title": article.title}],
        }
        bodies.append(json.dumps(body).encode())
        copy_words.append(len(case.copy.text.split()))
        source_words.append(words)
    return bodies, copy_words, source_words


# --- the server ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def unspin_command() -> str:
    beside = Path(sys.executable).parent / "unspin"
    found = str(beside) if beside.exists() else shutil.which("unspin")
    if not found:
        sys.exit("serve.py: no `unspin` command beside this Python or on PATH (pip install -e .)")
    return found


def start_server(
    folder: Path, port: int, log: Path, workers: int | None = None
) -> subprocess.Popen[bytes]:
    command = [
        unspin_command(),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--db",
        str(folder / "corpus.db"),
        "--reports",
        str(folder / "reports.db"),
        *(["--workers", str(workers)] if workers else []),
    ]
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    with open(log, "wb") as err:
        return subprocess.Popen(command, stdout=err, stderr=subprocess.STDOUT, env=env)


def wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path, limit: float) -> float:
    """Seconds until the server answered `GET /api/corpus/stats` with 200."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if process.poll() is not None:
            sys.exit(f"serve.py: the server exited ({process.returncode}):\n{log.read_text()}")
        try:
            if httpx.get(f"{base}/api/corpus/stats", timeout=2).status_code == 200:
                return time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    process.kill()
    sys.exit(f"serve.py: the server did not answer within {limit:.0f} s:\n{log.read_text()}")


def peak_rss_mb(pid: int) -> float:
    """VmHWM, the peak resident set so far, of the server and its worker processes, summed."""
    total = 0.0
    for process in [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]:
        for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1]) / 1024
    return total


def cpu_seconds(process: psutil.Process, *, children: bool = False) -> float:
    """User and system time of the process, and of its (alive) child processes if asked."""
    total = 0.0
    for p in [process, *(process.children(recursive=True) if children else [])]:
        times = p.cpu_times()
        total += times.user + times.system
    return total


def scan_log(log: Path) -> dict[str, object]:
    """Tracebacks and error lines in the server's output."""
    lines = log.read_text(errors="replace").splitlines()
    flagged = [
        line
        for line in lines
        if "Traceback" in line or "ERROR" in line or "Exception" in line or "Error:" in line
    ]
    return {
        "lines": len(lines),
        "tracebacks": sum("Traceback" in line for line in lines),
        "flagged": flagged[:20],
    }


# --- the clients ---------------------------------------------------------------------------------


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)  # seconds
    status: dict[str, int] = field(default_factory=lambda: {"2xx": 0, "4xx": 0, "5xx": 0})
    other_status: dict[int, int] = field(default_factory=dict)  # 1xx / 3xx, if ever
    errors: dict[str, int] = field(default_factory=dict)
    clients: int = 0

    def add(self, latency: float, status: int | None, error: str | None) -> None:
        if error is not None:
            self.errors[error] = self.errors.get(error, 0) + 1
            return
        assert status is not None
        self.latencies.append(latency)
        klass = f"{status // 100}xx"
        if klass in self.status:
            self.status[klass] += 1
        else:
            self.other_status[status] = self.other_status.get(status, 0) + 1

    def summary(self, seconds: float) -> dict[str, object]:
        done = len(self.latencies) + sum(self.errors.values())
        return {
            "clients": self.clients,
            "requests": done,
            "per_second": done / seconds,
            "mean_ms": 1000 * statistics.fmean(self.latencies) if self.latencies else None,
            "p50_ms": percentile(self.latencies, 50),
            "p95_ms": percentile(self.latencies, 95),
            "p99_ms": percentile(self.latencies, 99),
            "max_ms": 1000 * max(self.latencies) if self.latencies else None,
            "status": dict(self.status),
            "other_status": {str(k): v for k, v in self.other_status.items()},
            "errors": dict(self.errors),
        }


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile in ms (nearest rank)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return 1000 * ordered[rank - 1]


async def one_request(
    client: httpx.AsyncClient, kind: str, k: int, bodies: list[bytes]
) -> tuple[int | None, str | None]:
    try:
        if kind == "compare":
            response = await client.post(
                "/api/compare",
                content=bodies[k % len(bodies)],
                headers={"content-type": "application/json"},
            )
        else:
            response = await client.get(CHEAP[k % len(CHEAP)])
        return response.status_code, None
    except httpx.TransportError as error:
        return None, type(error).__name__


async def run_load(
    base: str,
    bodies: list[bytes],
    compare_clients: int,
    cheap_clients: int,
    warmup: float,
    seconds: float,
    timeout: float,
    server: psutil.Process,
) -> tuple[dict[str, Tally], dict[str, float]]:
    """Closed-loop clients for warmup + seconds; a request counts if it finishes in the window.
    Also the cores the server and this process (the clients) used in the window."""
    tallies = {"compare": Tally(clients=compare_clients), "cheap": Tally(clients=cheap_clients)}
    start = time.perf_counter()
    window = (start + warmup, start + warmup + seconds)
    total = compare_clients + cheap_clients
    cores: dict[str, float] = {}

    async def monitor() -> None:
        me = psutil.Process()
        await asyncio.sleep(window[0] - time.perf_counter())
        before = cpu_seconds(server, children=True), cpu_seconds(me), time.perf_counter()
        await asyncio.sleep(window[1] - time.perf_counter())
        elapsed = time.perf_counter() - before[2]
        cores["server"] = (cpu_seconds(server, children=True) - before[0]) / elapsed
        cores["clients"] = (cpu_seconds(me) - before[1]) / elapsed

    async def client_loop(index: int, kind: str) -> None:
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
            k = index * max(1, len(bodies) // total)
            while time.perf_counter() < window[1]:
                sent = time.perf_counter()
                status, error = await one_request(client, kind, k, bodies)
                finished = time.perf_counter()
                if window[0] <= finished <= window[1]:
                    tallies[kind].add(finished - sent, status, error)
                k += 1  # every client walks all the pairs (and both GETs), from its own start

    loops = [client_loop(i, "compare") for i in range(compare_clients)]
    loops += [client_loop(compare_clients + i, "cheap") for i in range(cheap_clients)]
    await asyncio.gather(monitor(), *loops)
    return tallies, cores


def sequential(base: str, bodies: list[bytes], n: int, timeout: float) -> dict[str, object]:
    """One client, one compare at a time: the first (loads the models), then n timed."""
    latencies = []
    statuses = []
    with httpx.Client(base_url=base, timeout=timeout) as client:
        for k in range(n + 1):
            sent = time.perf_counter()
            response = client.post(
                "/api/compare",
                content=bodies[k % len(bodies)],
                headers={"content-type": "application/json"},
            )
            latencies.append(time.perf_counter() - sent)
            statuses.append(response.status_code)
            if response.status_code != 201:
                print(f"  sequential compare: {response.status_code} {response.text[:200]}")
    timed = latencies[1:]
    return {
        "first_ms": 1000 * latencies[0],
        "requests": n,
        "p50_ms": percentile(timed, 50),
        "mean_ms": 1000 * statistics.fmean(timed) if timed else None,
        "max_ms": 1000 * max(timed) if timed else None,
        "statuses": statuses,
    }


# --- output --------------------------------------------------------------------------------------


def fmt(value: object, digits: int = 0) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def table(rows: list[dict[str, object]]) -> str:
    head = (
        "| workload | requests | clients | req/s | p50 ms | p95 ms | p99 ms | 2xx | 4xx | 5xx "
        "| errors | CPU server / clients | peak RSS MB |"
    )
    lines = [head, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for row in rows:
        s = row["stats"]
        assert isinstance(s, dict)
        cells = [
            row["workload"],
            row["requests"],
            fmt(s["clients"]),
            fmt(s["per_second"], 1),
            fmt(s["p50_ms"]),
            fmt(s["p95_ms"]),
            fmt(s["p99_ms"]),
            fmt(s["status"]["2xx"]),
            fmt(s["status"]["4xx"]),
            fmt(s["status"]["5xx"]),
            fmt(sum(s["errors"].values())),
            f"{row['server_cores']:.2f} / {row['client_cores']:.2f} cores",
            fmt(row["peak_rss_mb"]),
        ]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0, help="measured, per row")
    parser.add_argument("--warmup", type=float, default=10.0, help="not counted, per row")
    parser.add_argument("--pairs", type=int, default=100, help="distinct compare bodies")
    parser.add_argument("--cheap-share", type=float, default=0.2, help="of clients, in the mix")
    parser.add_argument("--sequential", type=int, default=20, help="single-client compares")
    parser.add_argument("--timeout", type=float, default=60.0, help="per request, seconds")
    parser.add_argument("--server-log", type=Path, help="keep the server's output here")
    parser.add_argument("--json", type=Path, help="write every number here")
    parser.add_argument("--workers", type=int, help="the server's --workers (default: its own)")
    args = parser.parse_args()

    data = data_dir() / "reuters_ding2014" / "reuters_ding2014.jsonl.xz"
    if not data.exists():
        sys.exit(f"serve.py: no {data} (the shared data folder): nothing to send")

    started = time.perf_counter()
    bodies, copy_words, source_words = build_pairs(args.pairs)
    if not bodies:
        sys.exit(f"serve.py: no {WORDS[0]}-{WORDS[1]}-word prose stories in {data}")
    print(
        f"{len(bodies)} pairs in {time.perf_counter() - started:.1f} s: copies "
        f"{statistics.fmean(copy_words):.0f} words on average ({min(copy_words)}-"
        f"{max(copy_words)}), sources {statistics.fmean(source_words):.0f}; "
        f"bodies {statistics.fmean(len(b) for b in bodies) / 1000:.1f} kB"
    )

    cheap_clients = round(args.clients * args.cheap_share)
    workloads = [
        ("compare only", args.clients, 0),
        (
            f"mix ({cheap_clients} of {args.clients} GET)",
            args.clients - cheap_clients,
            cheap_clients,
        ),
    ]

    with tempfile.TemporaryDirectory(prefix="unspin-serve-bench-") as tmp:
        folder = Path(tmp)
        log = args.server_log or folder / "server.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(folder, port, log, args.workers)
        try:
            up = wait_until_up(base, server, log, 120)
            proc = psutil.Process(server.pid)
            print(f"server pid {server.pid} answering after {up:.1f} s on {base}")
            single = sequential(base, bodies, args.sequential, args.timeout)
            print(
                f"single client: first compare {single['first_ms']:,.0f} ms (loads the models), "
                f"then p50 {single['p50_ms']:,.0f} ms over {args.sequential}"
            )
            rows: list[dict[str, object]] = []
            for name, compare_clients, cheap in workloads:
                tallies, cores = asyncio.run(
                    run_load(
                        base,
                        bodies,
                        compare_clients,
                        cheap,
                        args.warmup,
                        args.seconds,
                        args.timeout,
                        proc,
                    )
                )
                rss = peak_rss_mb(server.pid)
                for kind, tally in tallies.items():
                    if tally.clients == 0:
                        continue
                    requests = "compare" if kind == "compare" else "GET / and /api/corpus/stats"
                    rows.append(
                        {
                            "workload": name,
                            "requests": requests,
                            "stats": tally.summary(args.seconds),
                            "server_cores": cores["server"],
                            "client_cores": cores["clients"],
                            "peak_rss_mb": rss,
                        }
                    )
                print(f"  {name}: done, server peak RSS {rss:,.0f} MB")
                if server.poll() is not None:
                    print(f"serve.py: the server died ({server.returncode})")
                    break
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        scanned = scan_log(log)

    print()
    print(
        f"`unspin serve` on {os.cpu_count()} cores, clients in the same machine; compares of "
        f"{statistics.fmean(copy_words):.0f}-word copies with their "
        f"{statistics.fmean(source_words):.0f}-word sources ({len(bodies)} distinct pairs); "
        f"{args.warmup:.0f} s warm-up, then {args.seconds:.0f} s measured per row"
    )
    print()
    print(table(rows))
    print()
    errors = {k: v for row in rows for k, v in row["stats"]["errors"].items()}  # type: ignore[index]
    if errors:
        print(f"transport errors: {errors}")
    compare_row = rows[0]["stats"]
    assert isinstance(compare_row, dict)
    throughput = compare_row["per_second"]
    single_s = (single["p50_ms"] or 0) / 1000
    if throughput:
        implied = args.clients / throughput
        print(
            f"single-request compare p50: {single['p50_ms']:,.0f} ms (one client, "
            f"{args.sequential} in a row). Little's law, compare only: {args.clients} clients / "
            f"{throughput:.1f} req/s = {implied:.2f} s mean latency (measured "
            f"{compare_row['mean_ms'] / 1000:.2f} s), of which ~{max(0, implied - single_s):.2f} s "
            "is waiting for a worker"
        )
    print(
        f"server log: {scanned['lines']} lines, {scanned['tracebacks']} tracebacks"
        + (":\n  " + "\n  ".join(scanned["flagged"]) if scanned["flagged"] else "")  # type: ignore[arg-type]
    )
    failed = compare_row["status"]["5xx"] + sum(compare_row["errors"].values())
    p99 = (compare_row["p99_ms"] or float("inf")) / 1000
    ok = failed == 0 and p99 <= TARGET_P99_S
    print(
        f"target: zero 5xx, p99 <= {TARGET_P99_S:.0f} s for compare of 800-word articles on 2 "
        f"cores: {compare_row['status']['5xx']} 5xx, {sum(compare_row['errors'].values())} "
        f"transport errors, p99 {p99:.2f} s on {os.cpu_count()} cores -> "
        f"{'PASS' if ok else 'MISS'}"
    )

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        result = {
            "settings": vars(args) | {"json": str(args.json), "server_log": str(args.server_log)},
            "cores": os.cpu_count(),
            "pairs": len(bodies),
            "copy_words_mean": statistics.fmean(copy_words),
            "source_words_mean": statistics.fmean(source_words),
            "single": single,
            "rows": rows,
            "server_log": scanned,
            "target": {"p99_s": TARGET_P99_S, "met": ok},
        }
        args.json.write_text(json.dumps(result, indent=2) + "\n")
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
