import unittest
"""After an install: status, info, upgrade, resize and uninstall against the same cluster."""
import re

import yaml

import case
import config
import transcript

ALL_READY = re.compile(r"\b([1-9]\d*)/\1 pods ready\b")  # n/n with n > 0


class DayTwo(case.EndToEndCase):
    """One install on a DigitalOcean-shaped cluster (do-block-storage allows volume expansion), then every job."""

    def test_status_info_upgrade_resize_uninstall(self):
        self.cluster(cloud="doks")
        installed = self.install("doks")
        self.assertExit(installed, 0)
        ctx = ["--context", "harness"]

        with self.subTest("status"):
            status = self.run_tool("status", *ctx)
            self.assertExit(status, 0)
            self.assertSays(status, r"A record: %s → 203\.0\.113\.\d+" % re.escape(case.HOSTNAME))

        with self.subTest("info"):
            info = self.run_tool("info", *ctx)
            self.assertExit(info, 0)
            self.assertSays(info, r"posthog-posthog-postgresql", "the PostgreSQL secret is not named")
            self.assertSays(info, r"port-forward", "no port-forward command")

        with self.subTest("upgrade: same chart, revision 2, only the new revision's pods counted"):
            upgrade = self.run_tool("upgrade", *ctx, "--chart", config.chart(), "--yes", line_buffered=True)
            self.assertExit(upgrade, 0)
            history = self.harness.helm("history", "posthog", "-n", "posthog", "--kube-context", "harness")
            self.assertRegex(history, r"(?m)^2\s.*deployed", history)
            ended = transcript.command_end(self.home, r"helm upgrade ")
            self.assertIsNotNone(ended, "no helm upgrade in the transcript")
            early = [l for l in upgrade.lines if ALL_READY.search(l.text) and upgrade.started + l.at < ended]
            self.assertEqual(early, [], "all pods reported ready before helm upgrade had returned (old pods counted)")

        with self.subTest("resize: grows the claim and values.yaml"):
            self.addCleanup(self.harness.start_volume_resizer().set)
            resize = self.run_tool("resize", *ctx, "--postgresql", "8Gi", "--yes")
            self.assertExit(resize, 0)
            capacity = self.harness.kubectl("get", "pvc", "data-posthog-posthog-postgresql-0", "-n", "posthog",
                                            "-o", "jsonpath={.status.capacity.storage}")
            self.assertEqual(capacity, "8Gi")
            with open(self.values_path()) as f:
                self.assertEqual(yaml.safe_load(f)["postgresql"]["persistence"]["size"], "8Gi")

        with self.subTest("uninstall names the volumes left behind"):
            uninstall = self.run_tool("uninstall", *ctx, "--yes")
            self.assertExit(uninstall, 0)
            for pvc in ("data-posthog-posthog-postgresql-0", "data-posthog-posthog-kafka-0"):
                self.assertSays(uninstall, re.escape(pvc), "a PVC left behind is not named")
            self.assertSays(uninstall, r"kubectl .*delete .*(pvc|persistentvolumeclaim)|uninstall --delete-namespace",
                            "no command to delete the volumes")
            # cluster-wide objects the chart's operators leave (CRDs) are named too
            for crd in self.harness.kubectl("get", "crd", "-o", "name").split():
                name = crd.split("/", 1)[1]
                if name.endswith((".altinity.com", ".cert-manager.io")):
                    self.assertSays(uninstall, re.escape(name), "a CRD left behind is not named")
            self.assertEqual(self.harness.helm("list", "-n", "posthog", "-q", "--kube-context", "harness").strip(), "")

        self.assertNoPlaceholders()


class ResizeRefused(case.EndToEndCase):

    def test_resize_is_refused_when_the_storage_class_cannot_expand(self):
        self.cluster(cloud="doks")
        self.assertExit(self.install("doks"), 0)
        self.harness.kubectl("patch", "storageclass", "do-block-storage", "-p", '{"allowVolumeExpansion": false}')
        with open(self.values_path(), "rb") as f:
            before = f.read()
        resize = self.run_tool("resize", "--context", "harness", "--clickhouse", "40Gi", "--yes")
        self.assertExit(resize, 4)
        self.assertSays(resize, r"allowVolumeExpansion", "the fix is not given")
        self.assertValuesUnchanged(before)
        capacity = self.harness.kubectl("get", "pvc", "-n", "posthog", "-o", "jsonpath={.items[*].spec.resources.requests.storage}")
        self.assertNotIn("40Gi", capacity)



class TierChange(case.EndToEndCase):

    def test_a_larger_tier_written_by_values_grows_the_volumes_before_helm_upgrade(self):
        """values --tier small after a minimal install asks for larger volume templates, which Kubernetes refuses on a
        StatefulSet; upgrade grows the claims and removes the StatefulSets without their pods first, as resize does."""
        self.cluster(cloud="doks")
        self.assertExit(self.install("doks"), 0)
        self.addCleanup(self.harness.start_volume_resizer().set)
        values = self.run_tool("values", "--tier", "small", "--chart", config.chart())
        self.assertExit(values, 0)
        upgrade = self.run_tool("upgrade", "--context", "harness", "--chart", config.chart(), "--yes")
        self.assertExit(upgrade, 0)
        self.assertSays(upgrade, r"Before helm upgrade they grow", "the growth is not announced")
        self.assertSays(upgrade, r"Grow data-posthog-posthog-postgresql-0 from 5Gi to 10Gi", "the claim's growth is not named")
        requested = self.harness.kubectl("get", "pvc", "data-posthog-posthog-postgresql-0", "-n", "posthog",
                                         "-o", "jsonpath={.spec.resources.requests.storage}")
        self.assertEqual(requested, "10Gi")
        template = self.harness.kubectl("get", "statefulset", "posthog-posthog-postgresql", "-n", "posthog", "-o",
                                        "jsonpath={.spec.volumeClaimTemplates[0].spec.resources.requests.storage}")
        self.assertEqual(template, "10Gi", "helm did not recreate the StatefulSet with the new size")
        history = self.harness.helm("history", "posthog", "-n", "posthog", "--kube-context", "harness")
        self.assertRegex(history, r"(?m)^2\s.*deployed", history)
        self.assertNoPlaceholders()


class StatusOnAWS(case.EndToEndCase):

    def test_status_shows_the_cname_then_fails_on_an_image_that_cannot_be_pulled(self):
        # images named e2e-broken cannot be pulled in this cluster; the install's images can
        self.cluster(cloud="eks", extra=["--fail-images", "e2e-broken"])
        self.assertExit(self.install("eks"), 0)
        status = self.run_tool("status", "--context", "harness")
        self.assertExit(status, 0)
        self.assertSays(status, r"CNAME record: %s → \S*elb\.amazonaws\.com" % re.escape(case.HOSTNAME))
        # someone sets a tag that does not exist: the rollout's new pod cannot start
        deployments = self.harness.kubectl("get", "deployments", "-n", "posthog", "-o", "name").split()
        worker = next((d.split("/", 1)[1] for d in deployments if "worker" in d), None)
        self.assertIsNotNone(worker, "no worker Deployment: %s" % deployments)
        self.harness.kubectl("set", "image", "deployment/" + worker, "-n", "posthog", "*=posthog/e2e-broken:1")
        self.assertTrue(self.harness.wait_for(
            lambda: "ImagePullBackOff" in self.harness.kubectl("get", "pods", "-n", "posthog"), 60), "no ImagePullBackOff")
        broken = self.run_tool("status", "--context", "harness")
        self.assertExit(broken, 1)
        self.assertSays(broken, re.escape(worker) + r".*(cannot be pulled|ImagePullBackOff|ErrImagePull)", "the failing pod is not named")
        self.assertSays(broken, r"posthog/e2e-broken:1", "the image is not named")
        self.assertNoPlaceholders()
