#!/usr/bin/env python3
"""`make bench-room`: answer-to-durable latency of `bilan serve` with 15
participants answering at once over SSH, against one local `bilan ask`.

Each contender answers the room's test survey (Tests/RoomTests/Fixtures/room.yaml)
on a pseudo-terminal, key by key. The time measured for an answer is from the
key that confirms it to the next screen appearing: the questionnaire stores
every confirmed answer (one durable SQLite transaction, fsync'd) before it
draws the next screen, so this time bounds the answer-to-durable latency from
above, with the drawing and, over SSH, the encryption and the loopback
round trip included. Five answers per participant: role, satisfaction,
supports, last word, and the submission.

  local     one `bilan ask` on a pty (the reference)
  ssh x1    one participant through `bilan serve` and OpenSSH's ssh
  ssh x15   fifteen participants at once, released together at each answer

Printed: medians (and 90th percentiles) in milliseconds, and the ratios
against the local run. Everything runs on 127.0.0.1. The machine is noisy
(2 shared cores): only medians and ratios of runs made side by side mean
anything. BENCH_ROUNDS (default 3) rounds of each.
"""
import os
import pty
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SURVEY = os.path.join(ROOT, "Tests", "RoomTests", "Fixtures", "room.yaml")
BILAN = os.path.join(ROOT, ".build", "release", "bilan")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CODE = "mirako"

# (key typed, text of the next screen): the answers whose storage is timed.
STEPS = [("1", "Êtes-vous satisfait"), ("4", "Quels appuis"), ("\r", "Un mot pour finir"),
         ("\r", "Avant d’envoyer"), ("e", "Merci !")]


CSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


class Terminal:
    """A program on a pseudo-terminal, read as it writes."""

    def __init__(self, argv):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(argv[0], argv)
        self.seen = b""

    def wait_for(self, text, timeout=60):
        # Matched on the text as it reads on screen: the footer's keys are styled (bold, colour),
        # so the escape sequences between words are left out of the comparison.
        needle = text.encode()
        deadline = time.perf_counter() + timeout
        while needle not in CSI.sub(b"", self.seen):
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"no {text!r} after {timeout} s; saw {self.seen[-300:]!r}")
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise EOFError(f"closed before {text!r}; saw {self.seen[-300:]!r}")
                self.seen += chunk

    def send(self, text):
        # Only what arrives after the key counts for the next wait.
        self.seen = b""
        os.write(self.fd, text.encode())

    def close(self):
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def answer(terminal, latencies, barrier=None):
    """Answers the survey on `terminal`, appending each answer's latency (seconds)."""
    terminal.wait_for("À quel titre")
    for key, next_screen in STEPS:
        if barrier:
            barrier.wait()
        if next_screen == "Avant d’envoyer":
            terminal.send("Merci")
            terminal.wait_for("Merci")
        if next_screen == "Un mot pour finir":
            terminal.send("1")
            terminal.wait_for("1 coché")
        sent = time.perf_counter()
        terminal.send(key)
        terminal.wait_for(next_screen)
        latencies.append(time.perf_counter() - sent)


def local_round(scratch, latencies):
    terminal = Terminal([BILAN, "ask", SURVEY, "--store", os.path.join(scratch, "local.sqlite"), "--new"])
    try:
        terminal.wait_for("Entrée commencer")
        terminal.send("\r")
        answer(terminal, latencies)
    finally:
        terminal.close()


def ssh_round(scratch, participants, latencies):
    store = os.path.join(scratch, f"room-{participants}.sqlite")
    serve = subprocess.Popen([BILAN, "serve", SURVEY, "--store", store, "--listen", "127.0.0.1:0", "--code", CODE],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    try:
        port = None
        for line in serve.stdout:
            match = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
            if match:
                port = int(match.group(1))
            if line.startswith("Host key:"):
                break
        key = open(os.path.join(scratch, "ssh_host_ed25519_key.pub")).read().split()[:2]
        known = os.path.join(scratch, f"known-{port}")
        with open(known, "w") as out:
            out.write(f"[127.0.0.1]:{port} {' '.join(key)}\n")
        ssh = shutil.which("ssh")
        argv = [ssh, "-F", "/dev/null", "-o", f"UserKnownHostsFile={known}", "-o", "StrictHostKeyChecking=yes",
                "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=password", "-o", "LogLevel=ERROR",
                "-tt", "-p", str(port), "atelier@127.0.0.1"]
        terminals = [Terminal(argv) for _ in range(participants)]
        for terminal in terminals:
            terminal.wait_for("password:")
            terminal.send(CODE + "\r")
        for terminal in terminals:
            terminal.wait_for("Entrée commencer")
            terminal.send("\r")
        barrier = threading.Barrier(participants)
        lock = threading.Lock()
        errors = []

        def run(terminal):
            mine = []
            try:
                answer(terminal, mine, barrier)
            except Exception as error:  # reported below
                errors.append(error)
                barrier.abort()
            with lock:
                latencies.extend(mine)

        threads = [threading.Thread(target=run, args=(t,)) for t in terminals]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for terminal in terminals:
            terminal.close()
        if errors:
            sys.exit(f"bench: a participant failed: {errors[0]}")
        stored = subprocess.run([BILAN, "stats", SURVEY, "--store", store, "--format", "json"],
                                capture_output=True, text=True)
        if f'"n":{participants},' not in stored.stdout.replace(" ", ""):
            sys.exit(f"bench: the store does not hold {participants} responses:\n{stored.stdout[:400]}")
    finally:
        serve.terminate()
        serve.wait()


def summary(name, latencies, reference=None):
    median = statistics.median(latencies) * 1000
    p90 = statistics.quantiles(latencies, n=10)[-1] * 1000 if len(latencies) >= 10 else max(latencies) * 1000
    ratio = f"{median / reference:6.1f}x" if reference else "   1.0x"
    print(f"  {name:<9} {median:8.1f} ms  {p90:8.1f} ms  {ratio}   ({len(latencies)} answers)")
    return median


def main():
    if not shutil.which("ssh"):
        sys.exit("bench: needs OpenSSH's ssh (apt-get install openssh-client)")
    if not os.path.exists(BILAN):
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib"], cwd=ROOT, check=True)
    print(f"machine: {os.cpu_count()} cores, {os.uname().machine}; {ROUNDS} rounds of each\n")
    local, single, room = [], [], []
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as scratch:
            local_round(scratch, local)
        with tempfile.TemporaryDirectory() as scratch:
            ssh_round(scratch, 1, single)
        with tempfile.TemporaryDirectory() as scratch:
            ssh_round(scratch, 15, room)
    print("answer -> durable -> next screen   median       p90   vs local")
    reference = summary("local", local)
    summary("ssh x1", single, reference)
    summary("ssh x15", room, reference)


if __name__ == "__main__":
    main()
