"""diff, an upgrade the change table blocks, rollback and support-bundle against the harness."""
import base64
import json
import os
import re
import tarfile
import time

import yaml

import case


class UpgradeUndoBundle(case.EndToEndCase):

    def edit_values(self, path, value):
        with open(self.values_path()) as f:
            values = yaml.safe_load(f)
        node = values
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
        with open(self.values_path(), "w") as f:
            yaml.safe_dump(values, f)

    def test_diff_blocked_upgrade_rollback_and_support_bundle(self):
        self.cluster(cloud="doks")
        self.assertExit(self.install("doks"), 0)
        ctx = ["--context", "harness"]
        with open(self.values_path(), "rb") as f:
            installed_values = f.read()

        with self.subTest("diff: a hostname change, with details, Secret values never shown"):
            self.edit_values(["ingress", "hostname"], "analytics.example.test")
            diff = self.run_tool("diff", *self.cluster_flags(), "--details")
            self.assertExit(diff, 0)
            self.assertSays(diff, r"What the upgrade to chart .* changes:")
            self.assertSays(diff, r"change +Ingress posthog/")
            self.assertSays(diff, r"^\s*\+ .*analytics\.example\.test")
            with open(self.values_path(), "wb") as f:
                f.write(installed_values)

        with self.subTest("upgrade: a refused change blocks it (exit 4), nothing runs"):
            self.edit_values(["postgresql", "persistence", "size"], "1Gi")
            blocked = self.run_tool("upgrade", *self.cluster_flags(), "--yes")
            self.assertExit(blocked, 4)
            self.assertSays(blocked, r"✗ refused: Kubernetes refuses to change spec\.volumeClaimTemplates")
            self.assertSays(blocked, r"Not upgrading: the change table above has")
            history = self.harness.helm("history", "posthog", "-n", "posthog", "--kube-context", "harness")
            self.assertNotRegex(history, r"(?m)^2\s", "helm ran although the upgrade was blocked")

        with self.subTest("upgrade --accept-data-loss: the API server refuses it; the rollback is named"):
            forced = self.run_tool("upgrade", *self.cluster_flags(), "--yes", "--accept-data-loss")
            self.assertExit(forced, 1)
            self.assertSays(forced, r"updates to statefulset spec for fields other than")
            self.assertSays(forced, r"posthog-install rollback --to-revision 1 --context harness")

        with self.subTest("rollback: history shown, values.yaml of revision 1 restored, pods watched"):
            rollback = self.run_tool("rollback", *ctx, "--to-revision", "1", "--yes")
            if rollback.first(r"wait strategy not set"):
                # Known harness defect: its helm calls the library's rollback without a wait
                # strategy (Helm v4's CLI defaults it to hookOnly), so every rollback fails there.
                self.skipTest("harness helm rollback: 'unable to get waiter: wait strategy not set'")
            self.assertExit(rollback, 0)
            self.assertSays(rollback, r"History of release posthog in namespace posthog:")
            self.assertSays(rollback, r"^\s*2\s+failed")
            self.assertSays(rollback, r"helm rollback posthog 1 --namespace posthog --kube-context harness")
            self.assertSays(rollback, r"Restored values\.yaml from revision 1")
            self.assertSays(rollback, r"pods are ready|All of PostHog's pods are ready")
            with open(self.values_path()) as f:
                self.assertNotEqual(yaml.safe_load(f)["postgresql"]["persistence"].get("size"), "1Gi")
            history = self.harness.helm("history", "posthog", "-n", "posthog", "--kube-context", "harness")
            self.assertRegex(history, r"(?m)^3\s.*deployed.*Rollback to 1", history)

        with self.subTest("rollback: a revision that does not exist (exit 2)"):
            missing = self.run_tool("rollback", *ctx, "--to-revision", "9", "--yes")
            self.assertExit(missing, 2)
            self.assertSays(missing, r"There is no revision 9")

        with self.subTest("support-bundle: one archive, a forbidden kind recorded, no secret anywhere"):
            # A user who may not list ConfigMaps: kubectl answers as the API server does for RBAC.
            wrapper = os.path.join(self.fakes, "kubectl")
            with open(wrapper, "w") as f:
                f.write('#!/bin/sh\ncase " $* " in *" get "*configmaps*)\n'
                        '  echo \'Error from server (Forbidden): configmaps is forbidden: User "dev" cannot list resource '
                        '"configmaps" in API group "" in the namespace "posthog"\' >&2; exit 1;;\nesac\n'
                        'exec /usr/bin/kubectl "$@"\n')
            os.chmod(wrapper, 0o755)
            self.addCleanup(os.remove, wrapper)
            started = time.monotonic()
            bundle = self.run_tool("support-bundle", *ctx, "-o", "support.tar.gz")
            seconds = time.monotonic() - started
            self.assertExit(bundle, 0)
            self.assertSays(bundle, r"✗ namespace/objects/configmaps\.json: .*Forbidden.*going on")
            self.assertSays(bundle, r"✓ helm/history\.json")
            path = os.path.join(self.work, "support.tar.gz")
            size = os.path.getsize(path)
            pods = len(self.harness.kubectl("get", "pods", "-n", "posthog", "-o", "name").split())
            self.measure("support-bundle seconds (%d pods)" % pods, round(seconds, 1))
            self.measure("support-bundle bytes (%d pods)" % pods, size)
            with tarfile.open(path) as tar:
                members = {m.name.split("/", 1)[1]: tar.extractfile(m).read().decode("utf-8", "replace")
                           for m in tar.getmembers() if m.isfile()}
            for name in ("SUMMARY.txt", "README.txt", "helm/history.json", "helm/values.yaml", "namespace/events.json",
                         "cluster/nodes.json", "preflight.txt", "local/values.yaml", "namespace/secrets.txt"):
                self.assertIn(name, members, sorted(members))
            self.assertTrue(any(n.startswith("logs/") for n in members))
            self.assertIn("configmaps", members["README.txt"])
            # The scan: every password of values.yaml and every value of every Secret in the namespace.
            needles = set(s for s in self.secrets())
            for item in json.loads(self.harness.kubectl("get", "secrets", "-n", "posthog", "-o", "json"))["items"]:
                for value in (item.get("data") or {}).values():
                    text = base64.b64decode(value).decode("utf-8", "replace")
                    lines = text.splitlines()
                    needles.update([text] if len(lines) <= 1 and len(text) >= 8 else [l for l in lines if len(l) >= 16])
            found = [(n, name) for name, text in members.items() for n in needles if n in text]
            self.measure("secrets found in the bundle", len(found))
            self.assertEqual(found, [], "secret values in the bundle: %s" % [name for _, name in found])

        with self.subTest("support-bundle: the file exists (exit 2 without --force), --force replaces it"):
            before = os.path.getmtime(path)
            again = self.run_tool("support-bundle", *ctx, "-o", "support.tar.gz")
            self.assertExit(again, 2)
            self.assertSays(again, r"exists already\. Pass --force")
            self.assertEqual(os.path.getmtime(path), before)
            forced = self.run_tool("support-bundle", *ctx, "-o", "support.tar.gz", "--force")
            self.assertExit(forced, 0)

        with self.subTest("support-bundle: a folder that is not writable (exit 2), nothing collected"):
            nowhere = self.run_tool("support-bundle", *ctx, "-o", "/proc/none/b.tar.gz")
            self.assertExit(nowhere, 2)
            self.assertSays(nowhere, r"Nothing was collected")
        self.assertNoPlaceholders()
