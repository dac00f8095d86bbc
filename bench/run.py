#!/usr/bin/env python3
"""`make bench`: bilan's report against a reference Python pipeline and the
libxlsxwriter floor, side by side, in the same run.

For each size (1,000, 10,000 and 100,000 responses; 1,000,000 too with
BENCH_FULL=1) a store of synthetic responses to the reference survey is made
once with `bilan demo`, then each contender runs several times on it:

  bilan     `bilan report`: the funder files (workbook of aggregates +
            synthesis), release build
  internal  `bilan report --format internal`: the internal workbook alone
            (one row per response, codes and labels, and the codebook)
  python    bench/reference_pipeline.py (pandas + scipy + XlsxWriter): the
            aggregates and the raw data in one workbook
  floor     bench/floor.c: only the raw-data cells, with libxlsxwriter
  floor2    the same cells written twice, as the internal workbook's two
            raw-data sheets (codes, and labels) hold them

Printed: the median wall time and the peak resident memory of each, and the
ratios internal/floor, internal/floor2 and python/(bilan + internal). Then the questionnaire: time to the first
question (plain mode over a pipe, and the first screen in a pseudo-terminal)
and the median time to make one answer durable (the answer is stored before
the next prompt is printed). The machine is noisy (2 shared cores): only
medians and ratios of runs made side by side mean anything.
"""
import json
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
SURVEY = os.path.join(ROOT, "Surveys", "cooperation-pelussin-2015.yaml")
BILAN = os.path.join(ROOT, ".build", "release", "bilan")
FLOOR = os.path.join(OUT, "floor")


def run(command, cwd=ROOT):
    """Runs `command`; returns (seconds, peak resident MB). Fails loudly."""
    # stderr goes to a file, not a pipe: a chatty child must not block on a full pipe while we wait.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        error = errors.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{error}")
    return elapsed, usage.ru_maxrss / 1024


def prepare():
    os.makedirs(OUT, exist_ok=True)
    # As `make release` builds it (the Swift runtime linked statically).
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib"], cwd=ROOT, check=True)
    cflags = subprocess.run(["pkg-config", "--cflags", "--libs", "xlsxwriter"], capture_output=True, text=True,
                            check=True).stdout.split()
    subprocess.run(["cc", "-O2", "-o", FLOOR, os.path.join(ROOT, "bench", "floor.c"), *cflags, "-lsqlite3"],
                   check=True)


def store_for(size):
    folder = os.path.join(OUT, str(size))
    store = os.path.join(folder, "responses.sqlite")
    if not os.path.exists(store):
        os.makedirs(folder, exist_ok=True)
        print(f"  making a store of {size:,} synthetic responses…", flush=True)
        subprocess.run([BILAN, "demo", "--responses", str(size), "--seed", "1", "--store", store,
                        "--output", folder, "--no-reports"], cwd=ROOT, check=True)
    return store


def python_runs(size):
    """The Python pipeline holds every answer in pandas: about 1.7 GB at 100,000
    responses, so some 17 GB and well over half an hour at 1,000,000. It runs up
    to 100,000 responses unless BENCH_PYTHON_ALL=1."""
    return size <= 100_000 or os.environ.get("BENCH_PYTHON_ALL") == "1"


def contenders(store, scratch):
    return {
        "bilan": [BILAN, "report", SURVEY, "--store", store, "--output", os.path.join(scratch, "bilan")],
        "internal": [BILAN, "report", SURVEY, "--store", store, "--output", os.path.join(scratch, "internal"),
                     "--format", "internal"],
        "python": [sys.executable, os.path.join(ROOT, "bench", "reference_pipeline.py"), SURVEY, store,
                   os.path.join(scratch, "python.xlsx")],
        "floor": [FLOOR, store, os.path.join(scratch, "floor.xlsx")],
        "floor2": [FLOOR, store, os.path.join(scratch, "floor2.xlsx"), "2"],
    }


def report_benchmarks(sizes):
    print(f"{'responses':>10} {'contender':>9} {'median s':>9} {'µs/resp':>8} {'peak MB':>8} {'runs':>5}   ratios")
    results = {}
    for size in sizes:
        store = store_for(size)
        repeats = 5 if size <= 10_000 else 3 if size <= 100_000 else 1
        if os.environ.get("BENCH_REPEATS"):  # fewer runs when short of time (medians need ≥ 3)
            repeats = int(os.environ["BENCH_REPEATS"])
        with tempfile.TemporaryDirectory() as scratch:
            names = [name for name in ("bilan", "internal", "python", "floor", "floor2")
                     if name != "python" or python_runs(size)]
            times = {name: [] for name in names}
            memory = {name: 0.0 for name in times}
            # Interleave the contenders so that load on the machine hits them alike.
            for _ in range(repeats):
                for name, command in contenders(store, scratch).items():
                    if name not in times:
                        continue
                    if name in ("bilan", "internal"):
                        shutil.rmtree(os.path.join(scratch, name), ignore_errors=True)
                    seconds, peak = run(command)
                    times[name].append(seconds)
                    memory[name] = max(memory[name], peak)
            medians = {name: statistics.median(values) for name, values in times.items()}
            results[size] = (medians, memory)
            record = {"size": size, "runs": repeats, "median_s": medians, "peak_mb": memory, "times_s": times}
            with open(os.path.join(OUT, "results.jsonl"), "a", encoding="utf-8") as log:
                log.write(json.dumps(record) + "\n")
            for name in names:
                note = ""
                if name == "internal":
                    note = (f"internal/floor {medians['internal'] / medians['floor']:.2f}×   "
                            f"internal/floor2 {medians['internal'] / medians['floor2']:.2f}×")
                if name == "bilan":
                    both = medians["bilan"] + medians["internal"]
                    note = (f"python/(bilan+internal) {medians['python'] / both:.1f}×" if "python" in medians
                            else "python not run at this size (BENCH_PYTHON_ALL=1)")
                per_response = medians[name] / size * 1e6
                print(f"{size:>10,} {name:>9} {medians[name]:>9.3f} {per_response:>8.1f} {memory[name]:>8.1f} "
                      f"{repeats:>5}   {note}", flush=True)
    if len(results) > 1:
        sizes_sorted = sorted(results)
        first, last = sizes_sorted[0], sizes_sorted[-1]
        for name, what in (("bilan", "bilan report (funder files)"), ("internal", "the internal workbook")):
            growth = results[last][0][name] / results[first][0][name]
            print(f"\n{what}: {last // first}× the responses took {growth:.1f}× the time "
                  f"({growth / (last / first):.2f} of linear)")


def read_until(fd, needle, timeout=10.0):
    deadline = time.perf_counter() + timeout
    seen = b""
    while needle not in seen:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise TimeoutError(f"no {needle!r} after {timeout} s; saw {seen[-400:]!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                raise EOFError(f"closed before {needle!r}; saw {seen[-400:]!r}")
            seen += chunk
    return seen


def questionnaire_benchmarks(repeats=7):
    print("\nquestionnaire (medians of", repeats, "runs)")
    first_plain, first_screen, durable = [], [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as scratch:
            store = os.path.join(scratch, "r.sqlite")
            # Plain mode over pipes: the first prompt, then each answer → next prompt.
            start = time.perf_counter()
            process = subprocess.Popen([BILAN, "ask", SURVEY, "--store", store, "--plain"], cwd=ROOT,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            fd = process.stdout.fileno()
            read_until(fd, b"\n> ")  # plain mode's prompt
            first_plain.append(time.perf_counter() - start)
            # role, structure, territory, venue: each answer is stored before the next prompt.
            for answer in (b"1\n", b"1\n", b"Pilat\n", b"2\n"):
                sent = time.perf_counter()
                process.stdin.write(answer)
                process.stdin.flush()
                read_until(fd, b"\n> ")
                durable.append(time.perf_counter() - sent)
            process.kill()
            process.wait()
            # A pseudo-terminal: the first screen drawn.
            start = time.perf_counter()
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(BILAN, [BILAN, "ask", SURVEY, "--store", store + "2"])
            try:
                read_until(fd, "Pélussin".encode())
                first_screen.append(time.perf_counter() - start)
            finally:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                os.close(fd)
    print(f"  first question, plain mode     {statistics.median(first_plain) * 1000:8.1f} ms")
    print(f"  first screen, terminal         {statistics.median(first_screen) * 1000:8.1f} ms")
    print(f"  answer → durable → next prompt {statistics.median(durable) * 1000:8.1f} ms")


def main():
    sizes = [1_000, 10_000, 100_000]
    if os.environ.get("BENCH_FULL") == "1":
        sizes.append(1_000_000)
    if os.environ.get("BENCH_SIZES"):
        sizes = [int(s) for s in os.environ["BENCH_SIZES"].split(",")]
    prepare()
    print(f"machine: {os.cpu_count()} cores, {os.uname().machine}, Python {sys.version.split()[0]}\n")
    report_benchmarks(sizes)
    questionnaire_benchmarks()


if __name__ == "__main__":
    main()
