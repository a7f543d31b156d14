"""Runs the end-to-end cases, a few at a time, each in its own process; prints times and measures.

    python3 Tests/EndToEnd/run.py [-j 2] [PATTERN...]     (PATTERN: part of a case's name)
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import config  # noqa: E402

# The longest cases, longest first (the pending load balancer waits as long as the program does).
SLOW = ("pending_load_balancer", "gcp_prints", "heartbeat", "api_server", "DayTwo.", "StatusOnAWS", "ctrl_c")


def case_ids(patterns):
    suite = unittest.defaultTestLoader.discover(HERE, pattern="test_*.py", top_level_dir=HERE)
    ids = []

    def walk(s):
        for t in s:
            if isinstance(t, unittest.TestSuite):
                walk(t)
            else:
                ids.append(t.id())
    walk(suite)
    chosen = [i for i in ids if not patterns or any(p in i for p in patterns)]
    # The longest cases first, so the last minutes are not spent waiting on one of them alone.
    rank = {i: next((n for n, s in enumerate(SLOW) if s in i), len(SLOW)) for i in chosen}
    return sorted(chosen, key=lambda i: (rank[i], i))


def run_case(case_id, env, logs):
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "unittest", "-v", case_id], cwd=HERE, env=env,
                          capture_output=True, text=True)
    wall = time.monotonic() - start
    log = os.path.join(logs, case_id + ".log")
    with open(log, "w") as f:
        f.write(done.stdout + done.stderr)
    tail = done.stderr.strip().splitlines()
    verdict = "ok" if done.returncode == 0 else "FAIL"
    if done.returncode == 0 and "skipped" in done.stderr:
        verdict = "skipped"
    return case_id, verdict, wall, log, tail


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-j", "--jobs", type=int, default=int(os.environ.get("POSTHOG_E2E_JOBS", "2")))
    parser.add_argument("patterns", nargs="*")
    args = parser.parse_args()
    ids = case_ids(args.patterns)
    if not ids:
        print("e2e: no case matches %s" % " ".join(args.patterns))
        return 2
    root = config.work_root()
    stamp = time.strftime("%Y%m%dT%H%M%S")
    logs = os.path.join(root, "logs-" + stamp)
    os.makedirs(logs, exist_ok=True)
    env = dict(config.outer_env())
    env["POSTHOG_E2E_MEASURES"] = os.path.join(logs, "measures.jsonl")
    env["POSTHOG_E2E_SYSBIN"] = os.path.join(root, "sysbin-" + stamp)
    os.environ.update(POSTHOG_E2E_SYSBIN=env["POSTHOG_E2E_SYSBIN"])
    config.system_bin()
    print("e2e: %d cases, %d at a time; binary %s; chart %s; harness %s; logs %s" % (
        len(ids), args.jobs, config.binary(), config.chart(), config.harness(), logs), flush=True)
    start = time.monotonic()
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_case, i, env, logs) for i in ids]
        for future in concurrent.futures.as_completed(futures):
            case_id, verdict, wall, log, tail = future.result()
            print("%-7s %6.1fs  %s" % (verdict, wall, case_id), flush=True)
            if verdict == "FAIL":
                failed.append((case_id, log))
                reason = [l for l in tail if l.startswith(("AssertionError", "RuntimeError", "Error", "FAIL:", "ERROR:"))]
                for line in reason[:12]:
                    print("          " + line[:300], flush=True)
    total = time.monotonic() - start
    shutil.rmtree(env["POSTHOG_E2E_SYSBIN"], ignore_errors=True)
    if os.path.exists(env["POSTHOG_E2E_MEASURES"]):
        print("\nmeasures:")
        with open(env["POSTHOG_E2E_MEASURES"]) as f:
            for line in f:
                m = json.loads(line)
                print("  %-60s %s" % (m["name"], m["value"]))
    print("\ne2e: %d cases, %d failed, %.0fs wall time in total" % (len(ids), len(failed), total))
    for case_id, log in failed:
        print("  failed: %s (log: %s)" % (case_id, log))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
