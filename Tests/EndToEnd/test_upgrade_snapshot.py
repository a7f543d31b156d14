"""VolumeSnapshots before an upgrade the change table blocks, against the harness: without the
snapshot API nothing is offered; with the CRDs and a VolumeSnapshotClass for the StorageClass's
driver, --snapshot takes them before helm upgrade (the test plays the snapshot controller the
harness lacks, which sets readyToUse) and lists them afterwards."""
import json
import threading
import time

import yaml

import case

CRDS = """
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: volumesnapshotclasses.snapshot.storage.k8s.io}
spec:
  group: snapshot.storage.k8s.io
  scope: Cluster
  names: {kind: VolumeSnapshotClass, plural: volumesnapshotclasses, singular: volumesnapshotclass, listKind: VolumeSnapshotClassList, shortNames: [vsclass]}
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: volumesnapshots.snapshot.storage.k8s.io}
spec:
  group: snapshot.storage.k8s.io
  scope: Namespaced
  names: {kind: VolumeSnapshot, plural: volumesnapshots, singular: volumesnapshot, listKind: VolumeSnapshotList, shortNames: [vs]}
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
"""


class UpgradeSnapshot(case.EndToEndCase):

    def edit_values(self, path, value):
        with open(self.values_path()) as f:
            values = yaml.safe_load(f)
        node = values
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
        with open(self.values_path(), "w") as f:
            yaml.safe_dump(values, f)

    def start_snapshot_controller(self, delay=3.0):
        """Plays the CSI snapshot controller: a VolumeSnapshot becomes readyToUse `delay` seconds after it is seen."""
        stop = threading.Event()
        seen = {}

        def loop():
            while not stop.wait(0.5):
                try:
                    items = json.loads(self.harness.kubectl("get", "volumesnapshots", "-A", "-o", "json"))["items"]
                except (RuntimeError, ValueError):
                    continue
                for item in items:
                    key = (item["metadata"]["namespace"], item["metadata"]["name"])
                    seen.setdefault(key, time.monotonic())
                    if (item.get("status") or {}).get("readyToUse") or time.monotonic() - seen[key] < delay:
                        continue
                    patch = json.dumps({"status": {"readyToUse": True, "restoreSize": "10Gi"}})
                    self.harness.kubectl("patch", "volumesnapshot", key[1], "-n", key[0], "--type=merge", "-p", patch, check=False)
        threading.Thread(target=loop, daemon=True).start()
        self.addCleanup(stop.set)

    def test_snapshots_offered_only_with_a_class_and_taken_before_helm(self):
        self.cluster(cloud="doks")
        self.assertExit(self.install("doks"), 0)
        self.edit_values(["postgresql", "persistence", "size"], "1Gi")

        with self.subTest("no snapshot API: said plainly, nothing offered"):
            blocked = self.run_tool("upgrade", *self.cluster_flags(), "--yes")
            self.assertExit(blocked, 4)
            self.assertSays(blocked, r"Snapshots: this cluster has no VolumeSnapshot API \(snapshot\.storage\.k8s\.io\)")
            self.assertNotRegex(blocked.stdout, r"--accept-data-loss --snapshot")
            refused = self.run_tool("upgrade", *self.cluster_flags(), "--yes", "--accept-data-loss", "--snapshot")
            self.assertExit(refused, 2)
            self.assertSays(refused, r"Nothing was changed")

        crds = self.harness.kubectl("apply", "-f", "-", input=CRDS)
        self.assertIn("volumesnapshots.snapshot.storage.k8s.io", crds)
        classes = json.loads(self.harness.kubectl("get", "storageclass", "-o", "json"))["items"]
        default = next(c for c in classes if (c["metadata"].get("annotations") or {}).get("storageclass.kubernetes.io/is-default-class") == "true")
        snapshot_class = {"apiVersion": "snapshot.storage.k8s.io/v1", "kind": "VolumeSnapshotClass",
                          "metadata": {"name": "harness-snapshots"}, "driver": default["provisioner"], "deletionPolicy": "Delete"}
        self.harness.kubectl("apply", "-f", "-", input=json.dumps(snapshot_class))

        with self.subTest("a class for the StorageClass's driver: the blocked message offers --snapshot"):
            blocked = self.run_tool("upgrade", *self.cluster_flags(), "--yes")
            self.assertExit(blocked, 4)
            self.assertSays(blocked, r"Snapshots: this cluster can take a VolumeSnapshot of the 1 volume at risk")
            self.assertSays(blocked, r"data-posthog-posthog-postgresql-0 .*with VolumeSnapshotClass harness-snapshots")
            self.assertSays(blocked, r"run again with --accept-data-loss --snapshot")

        with self.subTest("--snapshot: taken and ready before helm upgrade, listed afterwards"):
            self.start_snapshot_controller()
            started = time.monotonic()
            forced = self.run_tool("upgrade", *self.cluster_flags(), "--yes", "--accept-data-loss", "--snapshot")
            self.measure("upgrade --snapshot seconds (1 snapshot, ready after 3 s)", round(time.monotonic() - started, 1))
            self.assertExit(forced, 1)  # the API server still refuses the StatefulSet change
            self.assertSays(forced, r"created data-posthog-posthog-postgresql-0-before-r2-\d+ of claim data-posthog-posthog-postgresql-0")
            self.assertSays(forced, r"All 1 snapshot is ready")
            out = forced.stdout
            self.assertLess(out.index("All 1 snapshot is ready"), out.index("updates to statefulset spec"), out)
            self.assertSays(forced, r"VolumeSnapshots taken before this upgrade")
            self.assertSays(forced, r"kind: VolumeSnapshot")
            listed = json.loads(self.harness.kubectl("get", "volumesnapshots", "-n", "posthog", "-l",
                                                     "posthog-install/release=posthog", "-o", "json"))["items"]
            self.assertEqual([i["spec"]["source"]["persistentVolumeClaimName"] for i in listed], ["data-posthog-posthog-postgresql-0"])
            self.assertEqual(listed[0]["spec"]["volumeSnapshotClassName"], "harness-snapshots")
        self.assertNoPlaceholders()
