import unittest
"""install on clusters that cannot hold PostHog or break while it installs; values.yaml is never lost."""
import os
import re
import signal
import threading
import time

import case
import transcript


class InstallFailures(case.EndToEndCase):

    def prepared(self, cloud_preset="doks", **cluster):
        """A cluster and a values.yaml written beforehand, so the failure can be checked not to touch it."""
        self.cluster(cloud=cloud_preset, **cluster)
        return self.write_values(cloud_preset)

    def install_values(self, *extra, timeout=case.TIMEOUT, on_start=None, allow_timeout=False):
        return self.run_tool("install", "--values", "values.yaml", *self.cluster_flags(), "--yes", *extra,
                             timeout=timeout, on_start=on_start, allow_timeout=allow_timeout)

    def assertNoHelmInstall(self):
        ran = [c for c in transcript.commands(self.home) if c.startswith("helm install") or c.startswith("helm upgrade")]
        self.assertEqual(ran, [], "helm ran although the preflight should have stopped it")

    def test_undersized_cluster_names_the_cpu_and_memory_shortfall(self):
        before = self.prepared(nodes="1x2cpu2gi")
        result = self.install_values()
        self.assertExit(result, 4)
        # one statement naming both: e.g. "missing 2 vCPU and 2 GiB memory"
        self.assertSays(result, r"(missing|short(fall)?|more)[^.]*\bv?CPU\b[^.]*\b(memory|GiB)\b", "no CPU and memory shortfall")
        self.assertNoHelmInstall()
        self.assertValuesUnchanged(before)

    def test_no_default_storage_class_blocks_the_install(self):
        before = self.prepared(extra=["--storage-class", ""])
        result = self.install_values()
        self.assertExit(result, 4)
        self.assertSays(result, r"storage ?class", "the missing StorageClass is not named")
        self.assertNoHelmInstall()
        self.assertValuesUnchanged(before)

    def test_images_that_fail_to_pull_stop_the_install_with_the_reason(self):
        before = self.prepared(extra=["--fail-images", "posthog/posthog"])
        result = self.install_values()
        self.assertExit(result, 1)
        self.assertSays(result, r"ImagePullBackOff|ErrImagePull|cannot be pulled", "the pull error is not named")
        self.assertSays(result, r"fix: ", "no fix is given")
        self.assertSays(result, r"posthog/posthog", "the image is not named")
        self.assertValuesUnchanged(before)
        self.assertNoPlaceholders()

    def test_a_crash_loop_stops_the_install_with_the_reason(self):
        before = self.prepared(extra=["--crash-images", "posthog/posthog"])
        result = self.install_values()
        self.assertExit(result, 1)
        self.assertSays(result, r"CrashLoopBackOff|crash", "the crash loop is not named")
        self.assertValuesUnchanged(before)
        self.assertNoPlaceholders()

    def when_pods_exist(self, action):
        """Runs `action` once the release's pods exist (the install is watching them), from a thread."""
        fired = {}

        def watch():
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                out = self.harness.kubectl("get", "pods", "-n", "posthog", "-o", "name", check=False)
                if out.strip():
                    time.sleep(1)
                    fired["at"] = time.time()
                    action()
                    return
                time.sleep(0.5)
        thread = threading.Thread(target=watch, daemon=True)
        thread.start()
        return fired

    def test_losing_the_api_server_mid_install_is_reported_within_30s(self):
        before = self.prepared(extra=["--pace", "8"])
        fired = self.when_pods_exist(self.harness.kill_server)
        result = self.install_values(timeout=180, allow_timeout=True)
        self.assertIn("at", fired, "the pods never appeared:\n" + result.describe())
        killed = fired["at"] - result.started
        told = result.first(r"(cluster|API server).*(not answer|unreachable|refused|lost|stopped answering)", after=killed)
        self.assertIsNotNone(told, "the lost cluster is not named:\n" + result.describe())
        self.measure("API server lost: seconds to the report", round(told.at - killed, 1))
        self.assertLessEqual(told.at - killed, 30, "the lost API server was reported after %.1fs:\n%s" % (told.at - killed, result.describe()))
        # Then the install gives up with the next command (a control plane may come back: it waits a while first).
        self.measure("API server lost: seconds to exit", round(result.wall - killed, 1))
        self.assertFalse(result.timed_out, "still waiting %.0fs after the API server went away:\n%s" % (result.wall - killed, result.describe()))
        self.assertExit(result, 1)
        self.assertSays(result, r"posthog-install status", "no next command after giving up")
        self.assertValuesUnchanged(before)

    def test_ctrl_c_mid_install_exits_3_and_says_what_is_left(self):
        before = self.prepared(extra=["--pace", "8"])
        holder = {}

        def interrupt():
            os.killpg(holder["pid"], signal.SIGINT)  # as a terminal sends it: to the whole group

        def on_start(proc):
            holder["pid"] = proc.pid
        fired = self.when_pods_exist(interrupt)
        result = self.install_values(timeout=180, on_start=on_start)
        self.assertIn("at", fired, "the pods never appeared:\n" + result.describe())
        self.assertExit(result, 3)
        self.assertSays(result, r"posthog-install status", "the next command is not printed")
        self.assertSays(result, r"(helm|release|install).*(keeps|still|continu|left|in the cluster)", "the state left is not said")
        self.assertValuesUnchanged(before)

    def test_long_waits_print_a_heartbeat_at_least_every_30s(self):
        # through a pipe, as a CI log or `| tee` sees it: what matters is what reaches the reader
        self.cluster(cloud="doks", extra=["--pace", "25"])
        result = self.install("doks", timeout=420)
        ended = transcript.command_end(self.home, r"helm install ")
        self.assertIsNotNone(ended, result.describe())
        # from the install step's start (helm itself may wait, as with the real chart's hooks) to the end
        begun = transcript.command_start(self.home, r"helm install ") - result.started
        stamps = [begun] + [l.at for l in result.lines if l.at >= begun] + [result.wall]
        gap = max(b - a for a, b in zip(stamps, stamps[1:]))
        self.measure("heartbeat: longest silence while waiting (s)", round(gap, 1))
        self.measure("heartbeat: wait after helm install (s)", round(result.wall - (ended - result.started), 1))
        self.assertExit(result, 0)
        self.assertLessEqual(gap, 31, "nothing reached the pipe for %.0fs while waiting" % gap)
        self.assertTrue(any(re.search(r"\d+/\d+ pods ready", l.text) for l in result.lines))
