#!/usr/bin/env python3
"""Development check, not part of the test suite: runs template snippets whose real-Helm results
are known (a goldens file made by scripts/oracle-snippets.py) through a posthog-install binary,
and prints how many match.

  scripts/snippet-compare.py BINARY GOLDENS.json [--show N]

Each snippet is rendered as the NOTES.txt of a one-template chart, as the oracle did.
"""
import json
import os
import subprocess
import sys
import tempfile

CHART_YAML = "apiVersion: v2\nname: case\nversion: 0.1.0\n"
PLACEHOLDER = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: placeholder\n"
HINT = "\n\nUse --debug flag to render out invalid YAML"


def ours(binary, case, values_yaml, work):
    chart = os.path.join(work, "case")
    os.makedirs(os.path.join(chart, "templates"), exist_ok=True)
    files = {"Chart.yaml": CHART_YAML, "templates/placeholder.yaml": PLACEHOLDER,
             "templates/NOTES.txt": case["template"], "values.yaml": values_yaml}
    for name, text in files.items():
        with open(os.path.join(chart, name), "w") as f:
            f.write(text)
    args = [binary, "template", "posthog", chart, "-n", "posthog", "--notes"]
    try:
        run = subprocess.run(args, capture_output=True, timeout=20)
    except subprocess.TimeoutExpired:
        return {"error": "TIMEOUT"}
    err = run.stderr.decode("utf-8", "replace")
    if run.returncode != 0:
        if run.returncode < 0:
            return {"error": "CRASH signal %d" % -run.returncode}
        text = err[len("Error: "):] if err.startswith("Error: ") else err
        text = text.rstrip("\n")
        if text.endswith(HINT):
            text = text[:-len(HINT)]
        return {"error": text}
    return {"output": err[len("NOTES:\n"):] if err.startswith("NOTES:\n") else ""}


def main():
    binary, goldens = sys.argv[1], sys.argv[2]
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 20
    suite = json.load(open(goldens))
    cases = suite["cases"]
    same = 0
    shown = 0
    with tempfile.TemporaryDirectory() as work:
        for case in cases:
            expected = {k: case[k] for k in ("output", "error") if k in case}
            got = ours(binary, case, suite.get("valuesYAML", ""), work)
            if got == expected:
                same += 1
            elif shown < show:
                shown += 1
                print("--- %r\n  helm: %r\n  ours: %r" % (case["template"], expected, got))
    print("%d of %d snippets match (%.1f %%)" % (same, len(cases), 100.0 * same / max(1, len(cases))))


if __name__ == "__main__":
    main()
