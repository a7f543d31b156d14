"""install on every cloud preset: the DNS record each cloud needs, and how soon it is printed."""
import re
import signal

import case
import transcript


class InstallOnEachCloud(case.EndToEndCase):

    def installed(self, cloud_preset, tls=True):
        self.cluster(cloud=cloud_preset)
        if cloud_preset == "gke":
            self.fake_gcloud()
        result = self.install(cloud_preset, tls=tls, line_buffered=True)
        return result

    def record_delay(self, result, pattern):
        """Seconds from `helm install` returning (the transcript) to the record's line arriving."""
        returned = transcript.command_end(self.home, r"helm install ")
        line = result.first(pattern)
        self.assertIsNotNone(returned, "the transcript shows no finished helm install")
        self.assertIsNotNone(line, result.describe())
        return round(result.started + line.at - returned, 2)

    def test_do_prints_an_a_record_for_the_load_balancer_ip(self):
        result = self.installed("doks")
        self.assertExit(result, 0)
        self.assertSays(result, r"A record: %s → 203\.0\.113\.\d+" % re.escape(case.HOSTNAME))
        self.assertSays(result, r"https://%s" % re.escape(case.HOSTNAME))
        self.measure("do: record", result.first(r"A record:").text.strip())
        self.measure("do: seconds from helm install returning to the record", self.record_delay(result, r"A record:"))

    def test_aws_prints_a_cname_for_the_load_balancer_host_name(self):
        result = self.installed("eks")
        self.assertExit(result, 0)
        self.assertSays(result, r"CNAME record: %s → \S*elb\.amazonaws\.com" % re.escape(case.HOSTNAME))
        self.assertIsNone(result.first(r"\bA record:"), "an A record on AWS:\n" + result.describe())
        self.measure("aws: record", result.first(r"CNAME record:").text.strip())
        self.measure("aws: seconds from helm install returning to the record", self.record_delay(result, r"CNAME record:"))

    def test_gcp_prints_an_a_record_for_the_address_on_the_chart_ingress(self):
        result = self.installed("gke")
        self.assertExit(result, 0)
        # The address comes from the Ingress that routes the hostname (there is no Service "posthog").
        ingress_ip = self.harness.kubectl("get", "ingress", "-n", "posthog", "-o",
                                          "jsonpath={.items[*].status.loadBalancer.ingress[0].ip}").split()
        self.assertTrue(ingress_ip, "no Ingress got an address")
        self.assertSays(result, r"A record: %s → %s" % (re.escape(case.HOSTNAME), re.escape(ingress_ip[0])))
        self.assertIsNone(result.first(r"Service posthog\b"), "looked for a Service named posthog:\n" + result.describe())
        self.assertTrue(any(c.startswith("compute addresses describe posthog --global") for c in self.gcloud_calls()),
                        "the static IP was not looked up: %s" % self.gcloud_calls())
        crds = self.harness.kubectl("get", "crd", "-o", "name")
        self.assertIn("managedcertificates.networking.gke.io", crds)
        certs = self.harness.kubectl("get", "managedcertificates.networking.gke.io", "-n", "posthog", "-o", "name")
        self.assertTrue(certs.strip(), "the chart's ManagedCertificate was not created")
        self.measure("gcp: record", result.first(r"A record:").text.strip())
        self.measure("gcp: seconds from helm install returning to the record", self.record_delay(result, r"A record:"))
        status = self.run_tool("status", "--context", "harness")
        self.assertExit(status, 0)
        self.assertSays(status, r"A record: %s → %s" % (re.escape(case.HOSTNAME), re.escape(ingress_ip[0])))
        self.assertSays(status, r"ManagedCertificate", "the Google-managed certificate's state is not shown")

    def test_other_with_a_pending_load_balancer_gets_advice_while_it_waits(self):
        # bare: no default StorageClass, so name one the cluster has; load balancers stay <pending>.
        self.cluster(cloud="bare", extra=["--storage-class", "local-path"])
        advice = re.compile(r"(?i)(load balancer|LoadBalancer).*(pending|no (external )?address)|MetalLB")
        seen = {}

        def on_line(line, proc):
            if "at" not in seen and advice.search(line.text):
                seen["at"] = line.at
                proc.send_signal(signal.SIGINT)  # the advice is what this case is about; stop waiting
        result = self.install("bare", timeout=200, on_line=on_line, line_buffered=True, allow_timeout=True)
        self.assertIn("at", seen, "no advice about the pending load balancer within 200 s:\n" + result.describe())
        returned = transcript.command_end(self.home, r"helm install ")
        self.assertIsNotNone(returned, result.describe())
        delay = round(result.started + seen["at"] - returned, 1)
        self.measure("other: seconds from helm install returning to the pending-address advice", delay)
        self.assertLessEqual(delay, 120, "the pending load balancer was explained only after %ss" % delay)
        self.assertIsNone(result.first(r"(A|CNAME) record: "), "a record without an address:\n" + result.describe())
        self.assertSays(result, r"MetalLB|load balancer support|kubectl get svc", "no next step for the pending address")
        self.assertNoPlaceholders()
