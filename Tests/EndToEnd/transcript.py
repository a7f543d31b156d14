"""Reads the transcripts posthog-install writes (every kubectl and helm command, with times)."""
import datetime
import glob
import os
import re

LINE = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) \[(\d+)\] (.*)$")


def files(home):
    return sorted(glob.glob(os.path.join(home, ".local", "state", "posthog-install", "transcript-*.log")))


def _entries(path):
    day = re.search(r"transcript-(\d{4})-(\d\d)-(\d\d)T", os.path.basename(path))
    base = datetime.datetime(int(day.group(1)), int(day.group(2)), int(day.group(3))) if day else None
    with open(path, errors="replace") as f:
        for raw in f:
            m = LINE.match(raw.rstrip("\n"))
            if not m or base is None:
                continue
            h, mi, s, ms = (int(m.group(i)) for i in range(1, 5))
            at = (base + datetime.timedelta(hours=h, minutes=mi, seconds=s, milliseconds=ms)).timestamp()
            yield at, m.group(5), m.group(6)


def command_end(home, pattern):
    """Epoch time the last command matching `pattern` finished, from the newest transcript that ran one."""
    rx = re.compile(pattern)
    for path in reversed(files(home)):
        ids, end = set(), None
        for at, ident, text in _entries(path):
            if text.startswith("$ ") and rx.search(text):
                ids.add(ident)
            elif ident in ids and text.startswith("exit code"):
                end = at
        if end is not None:
            return end
    return None


def command_start(home, pattern):
    """Epoch time the first command matching `pattern` started."""
    rx = re.compile(pattern)
    for path in files(home):
        for at, _, text in _entries(path):
            if text.startswith("$ ") and rx.search(text):
                return at
    return None


def commands(home):
    """Every command line (`$ ...`) of every transcript, in order."""
    return [text[2:] for path in files(home) for _, _, text in _entries(path) if text.startswith("$ ")]
