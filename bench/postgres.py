#!/usr/bin/env python3
"""`make bench`, PostgreSQL part: `bilan report` on a shared PostgreSQL
database against the same responses in SQLite files, side by side.

Two scenarios, each timed on both stores in the same run (interleaved, so
that load on the machine hits both alike):

  network   EVENTS surveys (editions of a day, each its own id) × PER_EVENT
            responses in one database, as a regional network keeps them; the
            report of one event, which must not pay for the other events
  large     one survey with LARGE responses

Run inside a throwaway cluster (`Tests/postgres/cluster.sh run …`, as
`make bench` does): the cluster's URL is read from BILAN_TEST_POSTGRES.
Sizes: BENCH_PG_EVENTS (default 1000), BENCH_PG_PER_EVENT (20), BENCH_PG_LARGE
(1000000); BENCH_PG_REPEATS runs (default 3, the median is printed). The
stores are made with `bilan demo` (synthetic responses to the reference
survey) and copied into the database with `bilan import --format store`.
"""
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import BILAN, ROOT, SURVEY, run  # noqa: E402

# BENCH_BILAN: another build to time (a debug build, to check the script at small sizes).
BILAN = os.environ.get("BENCH_BILAN", BILAN)


def env_int(name, default):
    return int(os.environ.get(name, default))


def bilan(*arguments):
    subprocess.run([BILAN, *arguments], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "BILAN_STORE": ""})


def survey_copy(folder, number):
    """The reference survey under the id of edition `number`."""
    with open(SURVEY, encoding="utf-8") as source:
        text = source.read()
    event_id = f"journee-{number:04d}"
    text = text.replace("id: cooperation-pelussin-2015\n", f"id: {event_id}\n", 1)
    path = os.path.join(folder, f"{event_id}.yaml")
    with open(path, "w", encoding="utf-8") as copy:
        copy.write(text)
    return path


def side_by_side(label, count, commands, repeats):
    times = {"sqlite": [], "postgres": []}
    memory = {"sqlite": 0.0, "postgres": 0.0}
    for _ in range(repeats):
        for name, command in commands.items():
            seconds, peak = run(command)
            times[name].append(seconds)
            memory[name] = max(memory[name], peak)
    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = medians["postgres"] / medians["sqlite"]
    print(f"{label:>8} {count:>10,} {medians['sqlite']:>9.3f} {memory['sqlite']:>8.1f} "
          f"{medians['postgres']:>9.3f} {memory['postgres']:>8.1f} {ratio:>7.2f}× {repeats:>5}", flush=True)


def main():
    url = os.environ.get("BILAN_TEST_POSTGRES")
    if not url:
        print("\nbilan report on PostgreSQL: not run (no PostgreSQL server: apt-get install postgresql; "
              "make bench starts a throwaway cluster with Tests/postgres/cluster.sh)")
        return
    events = env_int("BENCH_PG_EVENTS", 1000)
    per_event = env_int("BENCH_PG_PER_EVENT", 20)
    large = env_int("BENCH_PG_LARGE", 1_000_000)
    repeats = env_int("BENCH_PG_REPEATS", 3)
    separator = "&" if "?" in url else "?"
    print("\nbilan report, SQLite file against a shared PostgreSQL database (median s, peak MB)")
    print(f"{'scenario':>8} {'responses':>10} {'sqlite s':>9} {'MB':>8} {'postgres s':>9} {'MB':>8} {'pg/sqlite':>8} {'runs':>5}")
    with tempfile.TemporaryDirectory() as scratch:
        # The network: EVENTS editions in one database, PER_EVENT responses each.
        network = f"{url}{separator}schema=bench_network"
        first = None
        for number in range(events):
            survey = survey_copy(scratch, number)
            store = os.path.join(scratch, f"journee-{number:04d}.sqlite")
            bilan("demo", "--survey", survey, "--responses", str(per_event), "--seed", str(number + 1), "--store", store,
                  "--output", os.path.join(scratch, "demo"), "--no-reports")
            bilan("import", survey, store, "--format", "store", "--store", network)
            if first is None:
                first = (survey, store)
        survey, store = first
        side_by_side("network", events * per_event, {
            "sqlite": [BILAN, "report", survey, "--store", store, "--output", os.path.join(scratch, "a")],
            "postgres": [BILAN, "report", survey, "--store", network, "--output", os.path.join(scratch, "b")],
        }, repeats)
        # One large survey.
        big = os.path.join(scratch, "large.sqlite")
        bilan("demo", "--responses", str(large), "--seed", "1", "--store", big,
              "--output", os.path.join(scratch, "demo"), "--no-reports")
        database = f"{url}{separator}schema=bench_large"
        bilan("import", SURVEY, big, "--format", "store", "--store", database)
        side_by_side("large", large, {
            "sqlite": [BILAN, "report", SURVEY, "--store", big, "--output", os.path.join(scratch, "c")],
            "postgres": [BILAN, "report", SURVEY, "--store", database, "--output", os.path.join(scratch, "d")],
        }, repeats)


if __name__ == "__main__":
    main()
