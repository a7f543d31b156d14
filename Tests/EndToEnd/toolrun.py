"""Runs posthog-install as a person would, recording when each output line arrived."""
import os
import re
import signal
import subprocess
import threading
import time


class Line:
    def __init__(self, at, stream, text):
        self.at, self.stream, self.text = at, stream, text

    def __repr__(self):
        return "%7.2f %s %s" % (self.at, self.stream, self.text)


class Result:
    """Exit code, both streams and the time (seconds after the start) each line arrived."""

    def __init__(self, argv, code, lines, wall, timed_out, started):
        self.argv, self.code, self.lines, self.wall, self.timed_out = argv, code, lines, wall, timed_out
        self.started = started  # wall-clock time (epoch seconds) of the start

    @property
    def command(self):
        """The posthog-install subcommand that ran."""
        tail = [a for a in self.argv if not a.startswith("-")]
        names = [a for a in tail if a.endswith("posthog-install")]
        return tail[tail.index(names[0]) + 1] if names and tail.index(names[0]) + 1 < len(tail) else "posthog-install"

    @property
    def stdout(self):
        return "\n".join(l.text for l in self.lines if l.stream == "out")

    @property
    def stderr(self):
        return "\n".join(l.text for l in self.lines if l.stream == "err")

    @property
    def output(self):
        return "\n".join(l.text for l in self.lines)

    def first(self, pattern, after=0.0, flags=re.I):
        """The first line (either stream) matching the regex (any case), at or after `after` seconds; None if none."""
        rx = re.compile(pattern, flags)
        return next((l for l in self.lines if l.at >= after and rx.search(l.text)), None)

    def all(self, pattern):
        rx = re.compile(pattern)
        return [l for l in self.lines if rx.search(l.text)]

    def describe(self):
        tail = "\n".join(repr(l) for l in self.lines[-60:])
        return "%s\nexit %s after %.1fs%s; last lines:\n%s" % (
            " ".join(self.argv), self.code, self.wall, " (TIMED OUT)" if self.timed_out else "", tail)


def run(argv, env, cwd, timeout=300, on_line=None, stdin_text=None, on_start=None):
    """Runs argv; `on_line(line, proc)` sees every line as it arrives (to interrupt, kill the server...);
    `on_start(proc)` is called once the process runs."""
    start, started = time.monotonic(), time.time()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    lines, lock = [], threading.Lock()
    if on_start:
        on_start(proc)

    def pump(stream, name):
        for raw in iter(stream.readline, b""):
            line = Line(time.monotonic() - start, name, raw.decode("utf-8", "replace").rstrip("\n"))
            with lock:
                lines.append(line)
            if on_line:
                try:
                    on_line(line, proc)
                except Exception as exc:  # a trigger's failure must not hang the run
                    with lock:
                        lines.append(Line(time.monotonic() - start, "test", "trigger failed: %r" % exc))
        stream.close()

    threads = [threading.Thread(target=pump, args=(proc.stdout, "out"), daemon=True),
               threading.Thread(target=pump, args=(proc.stderr, "err"), daemon=True)]
    for t in threads:
        t.start()
    if stdin_text is not None:
        proc.stdin.write(stdin_text.encode())
        proc.stdin.close()
    timed_out = False
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    for t in threads:
        t.join(timeout=5)
    return Result(argv, proc.returncode, sorted(lines, key=lambda l: l.at), time.monotonic() - start, timed_out, started)
