#!/usr/bin/env python3
"""Slow-client acceptance test for `hemeroteca-search serve` (#14), loopback only.

Indexes corpus/ into a temporary database, starts the server on 127.0.0.1, and
for --duration seconds keeps --trickle connections sending their headers one
byte a second and --idle connections that send nothing (each reopened when the
server closes it), spread over --attacker-addresses loopback addresses
(127.0.1.1, 127.0.1.2, ...). Meanwhile a probe client on 127.0.0.2 asks for
/api/health and /api/search on a fresh connection every 0.25 s. Passes when
every probe request is answered (200) within --max-latency seconds; prints
the probe's latencies and how many attacker connections were open.

  tests/slow_clients/slow_clients.py --search-bin build/searcher/hemeroteca-search \\
      --index-bin build/indexer/hemeroteca-index --corpus corpus [--duration 60 --trickle 500 --idle 500]

It stops by itself after --duration seconds (and kills the server it started).
"""
import argparse
import asyncio
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PROBE_ADDRESS = "127.0.0.2"


def attacker_address(i, count):
    n = i % count + 1
    return f"127.0.1.{n}" if n < 255 else f"127.0.2.{n - 254}"


class Stats:
    def __init__(self):
        self.open = 0
        self.max_open = 0
        self.closed_by_server = 0
        self.refused = 0

    def opened(self):
        self.open += 1
        self.max_open = max(self.max_open, self.open)


async def attacker(i, args, port, stats, stop, trickle):
    line = b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 10000
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", port, local_addr=(attacker_address(i, args.attacker_addresses), 0))
        except OSError:
            stats.refused += 1
            await asyncio.sleep(0.5)
            continue
        stats.opened()
        try:
            pos = 0
            while not stop.is_set():
                if trickle:
                    writer.write(line[pos:pos + 1])
                    pos = (pos + 1) % len(line)
                    await writer.drain()
                try:
                    data = await asyncio.wait_for(reader.read(1), timeout=1.0)
                    if not data:
                        stats.closed_by_server += 1
                        break
                except asyncio.TimeoutError:
                    pass
        except (OSError, ConnectionError):
            stats.closed_by_server += 1
        finally:
            stats.open -= 1
            writer.close()
        await asyncio.sleep(0.2)  # then come back, as an attacker would


async def probe_once(port, path, timeout):
    started = time.monotonic()
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection("127.0.0.1", port, local_addr=(PROBE_ADDRESS, 0)), timeout)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), timeout)
        writer.close()
        status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.") else 0
    except (OSError, asyncio.TimeoutError, ValueError, IndexError):
        status = 0
    return status, time.monotonic() - started


async def probe(args, port, results, stop):
    paths = ["/api/health", "/api/search?q=gobierno&facets=1"]
    i = 0
    while not stop.is_set():
        path = paths[i % 2]
        i += 1
        status, seconds = await probe_once(port, path, args.max_latency * 3)
        results.append((time.monotonic(), path, status, seconds))
        await asyncio.sleep(0.25)


async def run(args, port):
    stats = Stats()
    stop = asyncio.Event()
    results = []
    tasks = [asyncio.create_task(attacker(i, args, port, stats, stop, True)) for i in range(args.trickle)]
    tasks += [asyncio.create_task(attacker(args.trickle + i, args, port, stats, stop, False))
              for i in range(args.idle)]
    await asyncio.sleep(min(3.0, args.duration / 4))  # let the attackers connect first
    tasks.append(asyncio.create_task(probe(args, port, results, stop)))
    started = time.monotonic()
    next_report = started
    open_samples = []
    while time.monotonic() - started < args.duration:
        await asyncio.sleep(0.5)
        open_samples.append(stats.open)
        if time.monotonic() >= next_report:
            print(f"  t={time.monotonic() - started:4.0f} s: attacker connections open {stats.open}, "
                  f"closed by the server {stats.closed_by_server}, probes {len(results)}", flush=True)
            next_report += 10
    stop.set()
    await asyncio.wait(tasks, timeout=5)
    for t in tasks:
        t.cancel()
    return stats, results, open_samples


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--search-bin", required=True)
    ap.add_argument("--index-bin", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--trickle", type=int, default=500)
    ap.add_argument("--idle", type=int, default=500)
    ap.add_argument("--attacker-addresses", type=int, default=20)
    ap.add_argument("--max-latency", type=float, default=1.0)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--server-arg", action="append", default=[], help="extra argument for serve")
    args = ap.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = args.trickle + args.idle + 256
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard), hard))

    tmp = tempfile.mkdtemp(prefix="slow-clients-")
    server = None
    try:
        db = os.path.join(tmp, "slow.db")
        subprocess.run([args.index_bin, "--db", db, "--quiet", args.corpus], check=True)
        out = open(os.path.join(tmp, "out"), "w+")
        err = open(os.path.join(tmp, "err"), "w+")
        server = subprocess.Popen([args.search_bin, "serve", "--db", db, "--listen", "127.0.0.1:0",
                                   "--threads", str(args.threads)] + args.server_arg,
                                  stdout=out, stderr=err)
        port = None
        for _ in range(300):
            out.seek(0)
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", out.read())
            if m:
                port = int(m.group(1))
                break
            if server.poll() is not None:
                break
            time.sleep(0.1)
        if not port:
            err.seek(0)
            print("FAIL: the server did not start: " + err.read(), file=sys.stderr)
            return 1
        print(f"slow clients: {args.trickle} trickling + {args.idle} idle connections from "
              f"{args.attacker_addresses} addresses, probe from {PROBE_ADDRESS}, {args.duration:.0f} s", flush=True)
        stats, results, open_samples = asyncio.run(run(args, port))
        if server.poll() is not None:
            print("FAIL: the server died", file=sys.stderr)
            return 1
    finally:
        if server and server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(tmp, ignore_errors=True)

    latencies = sorted(r[3] for r in results)
    bad = [r for r in results if r[2] != 200 or r[3] >= args.max_latency]
    if not latencies:
        print("FAIL: no probe ran", file=sys.stderr)
        return 1
    p50 = latencies[len(latencies) // 2]
    mean_open = sum(open_samples) / max(1, len(open_samples))
    print(f"probe: {len(results)} requests, p50 {p50 * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms, "
          f"{len(bad)} late or failed; attacker connections open: mean {mean_open:.0f}, max {stats.max_open}; "
          f"closed by the server: {stats.closed_by_server}")
    for t, path, status, seconds in bad[:10]:
        print(f"  late or failed: {path} -> {status} in {seconds * 1000:.0f} ms", file=sys.stderr)
    if bad:
        print("FAIL: the probe was not answered within "
              f"{args.max_latency} s every time", file=sys.stderr)
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
