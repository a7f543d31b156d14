#!/usr/bin/env python3
"""Development tool, not part of the test suite: renders template snippets with real Helm
(the helm-oracle development tool) and prints what Helm made of each, to produce goldens.

  scripts/oracle-snippets.py CASES.json > GOLDENS.json

CASES.json is {"about": TEXT, "valuesYAML": TEXT, "cases": [{"template": TEXT}, ...]}.
Each snippet becomes the NOTES.txt of a one-template chart named "case" whose values.yaml
is valuesYAML, so its output is kept byte for byte; GOLDENS.json is the same object with
{"output": TEXT} or {"error": HELM'S ERROR} added to each case.
The oracle lives in ../shared/tools/helm-oracle unless HELM_ORACLE says otherwise.
"""
import json
import os
import sys
import tempfile

ORACLE = os.environ.get("HELM_ORACLE") or os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                        "..", "..", "shared", "tools", "helm-oracle")
sys.path.insert(0, os.path.abspath(ORACLE))
import render  # noqa: E402

CHART_YAML = "apiVersion: v2\nname: case\nversion: 0.1.0\n"
PLACEHOLDER = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: placeholder\n"


def run_case(case, values_yaml, work):
    chart = os.path.join(work, "case")
    os.makedirs(os.path.join(chart, "templates"), exist_ok=True)
    with open(os.path.join(chart, "Chart.yaml"), "w") as f:
        f.write(CHART_YAML)
    with open(os.path.join(chart, "templates", "placeholder.yaml"), "w") as f:
        f.write(PLACEHOLDER)
    with open(os.path.join(chart, "templates", "NOTES.txt"), "w") as f:
        f.write(case["template"])
    with open(os.path.join(chart, "values.yaml"), "w") as f:
        f.write(values_yaml)
    try:
        rel, _, _ = render.install(chart, {}, max_retries=0)
    except RuntimeError as error:
        message = str(error)
        if message.startswith("install failed: "):
            message = message[len("install failed: "):]
        return {"error": message}
    return {"output": (rel.get("info") or {}).get("notes", "")}


def main():
    suite = json.load(open(sys.argv[1]))
    render.ensure_env()
    results = []
    with tempfile.TemporaryDirectory() as work:
        for case in suite["cases"]:
            case = {k: v for k, v in case.items() if k not in ("output", "error")}
            results.append(dict(case, **run_case(case, suite.get("valuesYAML", ""), work)))
    suite["cases"] = results
    json.dump(suite, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
