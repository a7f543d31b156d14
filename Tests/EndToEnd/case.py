"""The base of every end-to-end case: its own cluster, home, working directory and PATH."""
import json
import os
import re
import shutil
import tempfile
import time
import unittest

import yaml

import config
import toolrun
from harness import HarnessCluster

HOSTNAME = "posthog.example.test"
EMAIL = "ops@example.test"
# The answers for each cloud preset of the harness.
ANSWERS = {"doks": "do", "eks": "aws", "gke": "gcp", "bare": "other"}
# What a fake gcloud reports for the global static IP: the address the harness gives the Ingress.
STATIC_IP = "203.0.113.10"
# Seconds a headless command may run before the case calls it hung.
TIMEOUT = 240


class EndToEndCase(unittest.TestCase):
    """Each test gets a fresh directory tree; `cluster()` starts a harness cluster stopped at cleanup."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix=self.id().split(".")[-1] + "-", dir=config.work_root())
        self.home = os.path.join(self.dir, "home")
        self.work = os.path.join(self.dir, "work")
        self.fakes = os.path.join(self.dir, "fakebin")
        for d in (self.home, self.work, self.fakes):
            os.makedirs(d)
        self.harness = None
        self.with_helm = True
        self.results = []
        self.addCleanup(self._keep_or_remove)
        self.addCleanup(self.assertNoSecretsPrinted)  # every case, whatever it checks itself

    def _keep_or_remove(self):
        # Kept when the case failed (its transcripts and output explain it), removed otherwise.
        result = getattr(getattr(self, "_outcome", None), "result", None)
        problems = (getattr(result, "failures", []) + getattr(result, "errors", [])) if result else []
        failed = any(getattr(test, "test_case", test) is self for test, _ in problems)
        log = os.path.join(self.dir, "runs.log")
        with open(log, "w") as f:
            for r in self.results:
                f.write(r.describe() + "\n\n")
        if not failed and not os.environ.get("POSTHOG_E2E_KEEP"):
            shutil.rmtree(self.dir, ignore_errors=True)

    # ---------------------------------------------------------------- cluster and environment
    def cluster(self, cloud=None, nodes=None, seconds=600, extra=()):
        self.harness = HarnessCluster(os.path.join(self.dir, "state"), cloud=cloud, nodes=nodes,
                                      seconds=seconds, extra=extra)
        self.addCleanup(self.harness.down)
        self.harness.up()
        return self.harness

    def env(self):
        """HOME and XDG dirs of its own; PATH = fakes, the harness's helm, the system's tools minus gcloud."""
        env = {k: v for k, v in config.outer_env().items() if not k.startswith(("XDG_", "HARNESS_", "KUBE"))}
        env.update(HOME=self.home, XDG_CONFIG_HOME=os.path.join(self.home, ".config"),
                   XDG_STATE_HOME=os.path.join(self.home, ".local", "state"),
                   XDG_CACHE_HOME=os.path.join(self.home, ".cache"),
                   XDG_DATA_HOME=os.path.join(self.home, ".local", "share"), TERM="dumb")
        path = [self.fakes]
        if self.with_helm:
            path.append(os.path.join(config.harness(), "bin"))
        path.append(config.system_bin())
        env["PATH"] = os.pathsep.join(path)
        if self.harness:
            env.update(self.harness.env)
        env.pop("POSTHOG_E2E_BINARY", None)
        return env

    def fake_gcloud(self, address=STATIC_IP, exists=True):
        """A gcloud that answers the static IP questions as a signed-in real one does."""
        described = json.dumps({
            "address": address, "addressType": "EXTERNAL", "creationTimestamp": "2026-12-01T09:00:00.000-08:00",
            "description": "", "id": "4715112735283961243", "ipVersion": "IPV4", "kind": "compute#address",
            "labelFingerprint": "42WmSpB8rSM=", "name": "posthog", "networkTier": "PREMIUM",
            "selfLink": "https://www.googleapis.com/compute/v1/projects/posthog-e2e/global/addresses/posthog",
            "status": "RESERVED"}, indent=2)
        accounts = json.dumps([{"account": "ops@example.test", "status": "ACTIVE"}], indent=2)
        with open(os.path.join(self.fakes, "gcloud-address.json"), "w") as f:
            f.write(described + "\n")
        with open(os.path.join(self.fakes, "gcloud-accounts.json"), "w") as f:
            f.write(accounts + "\n")
        if exists:
            with open(os.path.join(self.fakes, "gcloud-address-exists"), "w"):
                pass
        script = """#!/bin/sh
# Answers like a real gcloud signed in to project posthog-e2e (JSON as --format json prints it).
here="$(cd "$(dirname "$0")" && pwd)"
echo "$*" >> "$here/gcloud-calls.log"
case "$*" in
  "compute addresses describe posthog --global"*)
    if [ -f "$here/gcloud-address-exists" ]; then cat "$here/gcloud-address.json"; exit 0; fi
    echo "ERROR: (gcloud.compute.addresses.describe) Could not fetch resource:" >&2
    echo " - The resource 'projects/posthog-e2e/global/addresses/posthog' was not found" >&2
    echo >&2; exit 1;;
  "compute addresses create posthog --global"*)
    touch "$here/gcloud-address-exists"
    echo "Created [https://www.googleapis.com/compute/v1/projects/posthog-e2e/global/addresses/posthog]." >&2;;
  "auth list"*) cat "$here/gcloud-accounts.json";;
  "beta compute ssl-certificates list"*|"compute ssl-certificates list"*) echo "[]";;
  "config get-value project"*|"config get project"*) echo posthog-e2e;;
  *) echo "ERROR: (gcloud) unknown command: $*" >&2; exit 2;;
esac
"""
        path = os.path.join(self.fakes, "gcloud")
        with open(path, "w") as f:
            f.write(script)
        os.chmod(path, 0o755)

    def gcloud_calls(self):
        path = os.path.join(self.fakes, "gcloud-calls.log")
        return open(path).read().splitlines() if os.path.exists(path) else []

    # ---------------------------------------------------------------- running the program
    def run_tool(self, *args, timeout=TIMEOUT, on_line=None, cwd=None, env=None, line_buffered=False, allow_timeout=False,
                 on_start=None):
        """Runs posthog-install. `line_buffered` makes its stdout line-buffered (stdbuf), for cases that
        measure when a line was printed rather than when a pipe reader would see it."""
        prefix = ["stdbuf", "-oL", "-eL"] if line_buffered else []
        result = toolrun.run(prefix + [config.binary()] + list(args), env=env or self.env(), cwd=cwd or self.work,
                             timeout=timeout, on_line=on_line, on_start=on_start)
        self.results.append(result)
        if not allow_timeout:
            self.assertFalse(result.timed_out, "hung:\n" + result.describe())
        return result

    def cluster_flags(self):
        return ["--context", "harness", "--chart", config.chart()] if self.harness else ["--chart", config.chart()]

    def answers(self, cloud_preset, tls=True):
        answers = ["--cloud", ANSWERS[cloud_preset], "--hostname", HOSTNAME, "--tier", "minimal"]
        answers += ["--tls"] if tls else ["--no-tls"]
        if tls and cloud_preset != "gke":  # Google manages GKE's certificate: no Let's Encrypt email
            answers += ["--email", EMAIL]
        return answers

    def install(self, cloud_preset, *extra, tls=True, on_line=None, timeout=TIMEOUT, line_buffered=False, allow_timeout=False):
        return self.run_tool("install", *self.answers(cloud_preset, tls), *self.cluster_flags(), "--yes", *extra,
                             on_line=on_line, timeout=timeout, line_buffered=line_buffered, allow_timeout=allow_timeout)

    def values_path(self):
        return os.path.join(self.work, "values.yaml")

    def write_values(self, cloud_preset, tls=True):
        """values.yaml from the answers (`posthog-install values`), so failure cases can compare it later."""
        r = self.run_tool("values", *self.answers(cloud_preset, tls), "--chart", config.chart())
        self.assertEqual(r.code, 0, r.describe())
        with open(self.values_path(), "rb") as f:
            return f.read()

    # ---------------------------------------------------------------- assertions
    def assertExit(self, result, code):
        self.assertEqual(result.code, code, "expected exit %d:\n%s" % (code, result.describe()))

    def assertSays(self, result, pattern, msg=""):
        self.assertIsNotNone(result.first(pattern), "%s: no line matches /%s/:\n%s" % (msg, pattern, result.describe()))

    def assertValuesUnchanged(self, before):
        with open(self.values_path(), "rb") as f:
            self.assertEqual(f.read(), before, "values.yaml changed")

    def secrets(self):
        """The generated passwords in values.yaml (and the answers beside it)."""
        found = set()

        def walk(node, key=""):
            if isinstance(node, dict):
                for k, v in node.items():
                    walk(v, str(k))
            elif isinstance(node, list):
                for v in node:
                    walk(v, key)
            elif isinstance(node, str) and re.search(r"password|secret|token", key, re.I) and len(node) >= 12:
                found.add(node)
        if os.path.exists(self.values_path()):
            with open(self.values_path()) as f:
                walk(yaml.safe_load(f))
        return found

    def assertNoSecretsPrinted(self):
        secrets = self.secrets()
        for result in self.results:
            for secret in secrets:
                self.assertNotIn(secret, result.output, "a generated password was printed by " + result.command)

    def assertNoPlaceholders(self):
        """Printed commands carry the namespace and context used, never a placeholder."""
        rx = re.compile(r"(-n|--namespace|--context) +(NAMESPACE|CONTEXT|<[a-z-]+>)")
        for result in self.results:
            bad = [l.text for l in result.lines if rx.search(l.text)]
            self.assertEqual(bad, [], "placeholders in the commands printed by " + result.command)

    def measure(self, name, value):
        """Records a figure for the suite's summary (scripts/e2e.sh prints them)."""
        path = os.environ.get("POSTHOG_E2E_MEASURES")
        line = json.dumps({"case": self.id(), "name": name, "value": value, "at": time.time()})
        if path:
            with open(path, "a") as f:
                f.write(line + "\n")
        else:
            print("measure " + line)
