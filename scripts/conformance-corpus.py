#!/usr/bin/env python3
"""Development check, not part of the test suite: renders the public charts listed in
Tests/Conformance/corpus.tsv with posthog-install and with real Helm (the helm-oracle
development tool), compares them document by document, and prints a score.

  scripts/conformance-corpus.py [--bin PATH] [--only NAME ...] [--show N]

Each chart is read from a snapshot of its repository under /work/.mirror/OWNER+NAME/repo
(or $CORPUS_MIRROR), at the listed commit; nothing of it is kept. Lines that differ between
two renders by real Helm (random passwords, generated certificates) are masked. The binary
defaults to the release build (`swift build -c release`); --bin picks another.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
ORACLE = os.environ.get("HELM_ORACLE") or os.path.join(ROOT, "..", "shared", "tools", "helm-oracle")
MIRROR = os.environ.get("CORPUS_MIRROR", "/work/.mirror")
HINT = "\n\nUse --debug flag to render out invalid YAML"


def corpus():
    for line in open(os.path.join(ROOT, "Tests/Conformance/corpus.tsv")):
        if not line.strip() or line.startswith("#"):
            continue
        name, repo, commit, path, values = line.rstrip("\n").split("\t")
        yield name, repo, commit, path, values.split(",")


def extract(repo, commit, path, into):
    git_dir = os.path.join(MIRROR, repo.replace("/", "+"), "repo")
    if not os.path.isdir(git_dir):
        return "no snapshot of %s under %s" % (repo, MIRROR)
    archive = subprocess.run(["git", "--git-dir", git_dir, "archive", "--format=tar", commit,
                              "--", path if path != "." else "."], capture_output=True)
    if archive.returncode != 0:
        return archive.stderr.decode().strip()
    subprocess.run(["tar", "-x", "-C", into], input=archive.stdout, check=True)
    return None


def documents(text):
    """The documents of a `helm template` output, each with its `# Source:` line."""
    docs = re.split(r"(?m)^---\n", text)
    return [d for d in docs if d.strip()]


def render(command):
    run = subprocess.run(command, capture_output=True, timeout=300)
    err = run.stderr.decode("utf-8", "replace")
    err = "\n".join(l for l in err.split("\n") if "memcache.go" not in l and "reflector.go" not in l)
    return run.returncode, run.stdout.decode("utf-8", "replace"), err


def masked(helm, helm2, ours):
    """Masks, in both outputs, the lines that real Helm itself renders differently each time."""
    a, b, o = helm.split("\n"), helm2.split("\n"), ours.split("\n")
    volatile = {i for i, (x, y) in enumerate(zip(a, b)) if x != y}
    if len(a) != len(b):
        volatile |= set(range(min(len(a), len(b)), max(len(a), len(b))))
    for i in volatile:
        if i < len(a):
            a[i] = "<volatile>"
        if i < len(o):
            o[i] = "<volatile>"
    return "\n".join(a), "\n".join(o)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=None)
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("--show", type=int, default=6, help="differing lines to show per document")
    a = ap.parse_args()
    binary = a.bin
    if binary is None:
        path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                              capture_output=True, text=True).stdout.strip()
        binary = os.path.join(path, "posthog-install")
    total_docs = same_docs = total_runs = same_runs = 0
    charts = {}
    for name, repo, commit, path, values in corpus():
        if a.only and name not in a.only:
            continue
        with tempfile.TemporaryDirectory() as work:
            problem = extract(repo, commit, path, work)
            if problem:
                print("%-20s SKIPPED: %s" % (name, problem))
                continue
            chart = os.path.join(work, path)
            for value in values:
                label = "%s/%s" % (name, "defaults" if value == "-" else value)
                args = [] if value == "-" else ["-f", os.path.join(ROOT, "Tests/Conformance/values", value)]
                hs, helm, herr = render(["bash", os.path.join(ORACLE, "render.sh"), chart] + args)
                _, helm2, _ = render(["bash", os.path.join(ORACLE, "render.sh"), chart] + args)
                os_, ours, oerr = render([binary, "template", "posthog", chart, "-n", "posthog"] + args)
                total_runs += 1
                charts.setdefault(name, True)
                if hs != 0 or os_ != 0:
                    herr_t = herr.strip().replace(HINT.strip(), "").strip()
                    oerr_t = oerr.strip().replace(HINT.strip(), "").strip()
                    ok = hs == os_ and herr_t == oerr_t
                    total_docs += 1
                    same_docs += ok
                    same_runs += ok
                    charts[name] &= ok
                    print("%-32s %s (helm exit %d, ours %d)" % (label, "SAME ERROR" if ok else "DIFFERENT", hs, os_))
                    if not ok:
                        print("    helm: %s\n    ours: %s" % (herr_t[:400], oerr_t[:400]))
                    continue
                helm, ours = masked(helm, helm2, ours)
                hd, od = documents(helm), documents(ours)
                n = max(len(hd), len(od))
                diff = [i for i in range(n) if i >= len(hd) or i >= len(od) or hd[i] != od[i]]
                total_docs += n
                same_docs += n - len(diff)
                same_runs += not diff
                charts[name] &= not diff
                print("%-32s %d/%d documents identical" % (label, n - len(diff), n))
                for i in diff[:3]:
                    h = hd[i].split("\n") if i < len(hd) else ["<missing>"]
                    o = od[i].split("\n") if i < len(od) else ["<missing>"]
                    print("    document %d (%s):" % (i + 1, (h[0] if h else "")[:80]))
                    shown = 0
                    for j in range(max(len(h), len(o))):
                        x = h[j] if j < len(h) else "<end>"
                        y = o[j] if j < len(o) else "<end>"
                        if x != y and shown < a.show:
                            print("      line %d\n        helm: %s\n        ours: %s" % (j + 1, x[:200], y[:200]))
                            shown += 1
    print("\nscore: %d/%d documents identical, %d/%d renders identical, %d/%d charts fully identical"
          % (same_docs, total_docs, same_runs, total_runs, sum(charts.values()), len(charts)))


if __name__ == "__main__":
    main()
