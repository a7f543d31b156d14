"""Cluster access gone wrong (context, kubeconfig, helm) and charts that cannot be installed."""
import os

import case
import transcript


class AccessFailures(case.EndToEndCase):

    def prepared(self, cloud_preset="doks", answers_for=None, **cluster):
        self.cluster(cloud=cloud_preset, **cluster)
        if answers_for == "gke":
            self.fake_gcloud()
        return self.write_values(answers_for or cloud_preset)

    def install_values(self, *extra, context="harness", chart=True):
        flags = ["--context", context] + (["--chart", case.config.chart()] if chart else [])
        return self.run_tool("install", "--values", "values.yaml", *flags, "--yes", *extra)

    def assertNoHelmInstall(self):
        ran = [c for c in transcript.commands(self.home) if c.startswith(("helm install", "helm upgrade"))]
        self.assertEqual(ran, [], "helm ran although nothing should have been installed")

    def test_a_context_that_does_not_exist_is_named_with_the_ones_that_do(self):
        before = self.prepared()
        with self.subTest("install"):
            result = self.install_values(context="nope")
            self.assertExit(result, 2)
            self.assertSays(result, r"context.*\bnope\b.*(does not exist|not found|no such|unknown)|\bnope\b.*(does not exist|not found)",
                            "the missing context is not named as such")
            self.assertSays(result, r"\bharness\b", "the existing contexts are not listed")
            self.assertIsNone(result.first(r"kubectl was not found"), "blamed kubectl:\n" + result.describe())
            self.assertNoHelmInstall()
            self.assertValuesUnchanged(before)
        for command in ("status", "upgrade", "uninstall"):
            with self.subTest(command):
                extra = ["--yes"] if command != "status" else []
                other = self.run_tool(command, "--context", "nope", *extra)
                self.assertExit(other, 2)
                self.assertSays(other, r"\bnope\b", "the missing context is not named")
                self.assertSays(other, r"\bharness\b", "the existing contexts are not listed")
        self.assertValuesUnchanged(before)

    def test_a_garbage_kubeconfig_is_named_and_nothing_is_lost(self):
        before = self.prepared()
        garbage = os.path.join(self.dir, "garbage-kubeconfig")
        with open(garbage, "w") as f:
            f.write("this: is: not: a kubeconfig\n\t- [\n")
        env = self.env()
        env["KUBECONFIG"] = garbage
        result = self.run_tool("install", "--values", "values.yaml", "--context", "harness", "--chart", case.config.chart(),
                               "--yes", env=env)
        self.assertIn(result.code, (1, 2, 4), result.describe())
        self.assertSays(result, r"garbage-kubeconfig|kubeconfig", "the broken kubeconfig is not named")
        self.assertNoHelmInstall()
        self.assertValuesUnchanged(before)

    def test_no_helm_on_path_is_said_by_every_command_that_needs_it(self):
        before = self.prepared()
        self.with_helm = False
        install = self.install_values()
        # docs/commands.md: a tool missing from PATH is exit 1, said before anything else runs.
        self.assertExit(install, 1)
        self.assertSays(install, r"\bhelm\b.*(not found|not installed|missing|no helm)|(no|install) helm\b", "install")
        self.assertValuesUnchanged(before)
        for command in ("status", "upgrade", "uninstall", "info"):
            extra = ["--yes"] if command in ("upgrade", "uninstall") else []
            result = self.run_tool(command, "--context", "harness", *extra)
            with self.subTest(command):
                self.assertNotEqual(result.code, 0, result.describe())
                self.assertSays(result, r"\bhelm\b.*(not found|not installed|missing|is needed)|install helm\b", command)
                self.assertIsNone(result.first(r"no release"), "%s blamed the release:\n%s" % (command, result.describe()))
        self.assertValuesUnchanged(before)

    def test_gcp_answers_on_a_cluster_without_gke_crds_are_blocked_before_helm(self):
        before = self.prepared(cloud_preset="eks", answers_for="gke")
        result = self.install_values()
        self.assertExit(result, 4)
        self.assertSays(result, r"networking\.gke\.io|ManagedCertificate|FrontendConfig", "the GKE objects are not named")
        self.assertSays(result, r"(not a GKE cluster|GKE)", "it does not say the cluster is not GKE")
        self.assertNoHelmInstall()
        self.assertValuesUnchanged(before)

    def test_a_chart_version_that_does_not_exist_is_refused_before_helm(self):
        before = self.prepared()
        result = self.install_values("--chart-version", "30.99.0", chart=False)
        self.assertIn(result.code, (1, 2), result.describe())
        self.assertSays(result, r"30\.99\.0", "the version is not named")
        self.assertIsNone(result.first(r"stand-in"), "fell back to the stand-in chart:\n" + result.describe())
        self.assertNoHelmInstall()
        self.assertValuesUnchanged(before)
