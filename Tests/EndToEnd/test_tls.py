"""tls on a DigitalOcean 1-click-like release: installed with helm directly, HTTP only, no hostname."""
import os
import re

import case

# What the Marketplace install sets: nginx, no hostname, no certificates.
ONE_CLICK_VALUES = """cloud: do
ingress:
  nginx:
    enabled: true
    redirectToTLS: false
cert-manager:
  enabled: false
web:
  secureCookies: false
"""


class TLSOnAOneClickRelease(case.EndToEndCase):

    def one_click(self):
        self.cluster(cloud="doks")
        path = os.path.join(self.dir, "one-click.yaml")
        with open(path, "w") as f:
            f.write(ONE_CLICK_VALUES)
        self.harness.helm("repo", "add", "posthog", "https://posthog.github.io/charts-clickhouse/")
        self.harness.helm("install", "-f", path, "--create-namespace", "--namespace", "posthog", "posthog", "posthog/posthog",
                          "--kube-context", "harness")

        def address():
            return self.harness.kubectl("get", "ingress", "posthog", "-n", "posthog", "-o",
                                        "jsonpath={.status.loadBalancer.ingress[0].ip}", check=False).strip()
        self.assertTrue(self.harness.wait_for(lambda: address() != "", 60), "the ingress never got an address")
        return address()

    def test_tls_finds_the_release_gives_the_record_and_changes_nothing_before_dns(self):
        ip = self.one_click()
        flags = ["--hostname", case.HOSTNAME, "--email", case.EMAIL, "--context", "harness"]

        with self.subTest("dry run: the record and the plan, same chart version"):
            dry = self.run_tool("tls", *flags, "--dry-run")
            self.assertExit(dry, 0)
            self.assertSays(dry, r"1-click release posthog")
            self.assertSays(dry, r"A record: %s → %s" % (re.escape(case.HOSTNAME), re.escape(ip)))
            chart_version = re.search(r"posthog-(\S+)", self.harness.helm("list", "-n", "posthog", "--kube-context", "harness")).group(1)
            self.assertSays(dry, r"helm upgrade .*--version %s" % re.escape(chart_version.split("-")[0]))
            self.assertFalse(os.path.exists(self.values_path()), "a dry run wrote values.yaml")

        with self.subTest("the record does not resolve: exit 1, nothing changed"):
            waited = self.run_tool("tls", *flags, "--dns-wait", "0")
            self.assertExit(waited, 1)
            self.assertSays(waited, r"Nothing was changed")
            self.assertSays(waited, r"posthog-install tls --hostname %s" % re.escape(case.HOSTNAME), "no command to run again")
            self.assertFalse(os.path.exists(self.values_path()), "values.yaml written before DNS was right")
            history = self.harness.helm("history", "posthog", "-n", "posthog", "--kube-context", "harness")
            self.assertNotRegex(history, r"(?m)^2\s", "the release was upgraded before DNS was right")
        self.assertNoPlaceholders()
