"""One simulated cluster of the harness (shared/tools/harness): started with up.sh, stopped with down.sh."""
import os
import json
import signal
import subprocess
import threading
import time

import config


class HarnessCluster:
    """A harness cluster with its own state directory; use as a context manager so it always stops."""

    def __init__(self, state_dir, cloud=None, nodes=None, seconds=600, extra=()):
        self.state = state_dir
        self.cloud = cloud
        self.nodes = nodes
        self.seconds = seconds
        self.extra = list(extra)
        self.env = {}

    def up(self):
        args = [os.path.join(config.harness(), "up.sh"), "--state", self.state, "--seconds", str(self.seconds),
                "--chart", "posthog/posthog=" + config.chart()]
        if self.cloud:
            args += ["--cloud", self.cloud]
        if self.nodes:
            args += ["--nodes", self.nodes]
        args += self.extra
        os.makedirs(self.state, exist_ok=True)
        done = subprocess.run(args, capture_output=True, text=True, env=config.outer_env(), timeout=120)
        if done.returncode != 0:
            raise RuntimeError("up.sh failed (%d): %s%s" % (done.returncode, done.stdout, done.stderr))
        for line in done.stdout.splitlines():
            if line.startswith("export ") and "=" in line and not line.startswith("export PATH"):
                key, value = line[len("export "):].split("=", 1)
                self.env[key] = value.strip("'")
        return self

    def down(self):
        subprocess.run([os.path.join(config.harness(), "down.sh"), "--state", self.state, "--quiet"],
                       capture_output=True, env=config.outer_env(), timeout=60)

    def kill_server(self):
        """Stops the API server abruptly (SIGKILL by its recorded PID), as a lost connection looks."""
        with open(os.path.join(self.state, "server.pid")) as f:
            pid = int(f.read().strip())
        os.kill(pid, signal.SIGKILL)

    @property
    def kubeconfig(self):
        return os.path.join(self.state, "kubeconfig")

    def kubectl(self, *args, check=True, input=None):
        """Runs the real kubectl against this cluster; returns its standard output."""
        done = subprocess.run(["kubectl", "--kubeconfig", self.kubeconfig, "--context", "harness"] + list(args),
                              capture_output=True, text=True, input=input, env=config.outer_env(), timeout=60)
        if check and done.returncode != 0:
            raise RuntimeError("kubectl %s failed: %s" % (" ".join(args), done.stderr))
        return done.stdout

    def helm(self, *args, env=None, check=True):
        """Runs the harness's helm (the real Helm library) against this cluster."""
        full = dict(config.outer_env(), KUBECONFIG=self.kubeconfig, HARNESS_STATE=self.state)
        full.update(env or {})
        done = subprocess.run([os.path.join(config.harness(), "bin", "helm")] + list(args),
                              capture_output=True, text=True, env=full, timeout=300)
        if check and done.returncode != 0:
            raise RuntimeError("helm %s failed: %s%s" % (" ".join(args), done.stdout, done.stderr))
        return done.stdout

    def start_volume_resizer(self):
        """Plays the CSI external-resizer the harness lacks: a bound claim whose request grew (on a class that
        allows expansion) gets the new capacity in its status a moment later, as on a cloud."""
        stop = threading.Event()

        def loop():
            while not stop.wait(1.0):
                try:
                    classes = json.loads(self.kubectl("get", "storageclass", "-o", "json"))["items"]
                    claims = json.loads(self.kubectl("get", "pvc", "-A", "-o", "json"))["items"]
                except (RuntimeError, ValueError, subprocess.SubprocessError):
                    continue
                expandable = {c["metadata"]["name"] for c in classes if c.get("allowVolumeExpansion")}
                for claim in claims:
                    wanted = claim["spec"].get("resources", {}).get("requests", {}).get("storage")
                    has = (claim.get("status") or {}).get("capacity", {}).get("storage")
                    if has and wanted and wanted != has and claim["spec"].get("storageClassName") in expandable:
                        patch = json.dumps({"status": {"capacity": {"storage": wanted}}})
                        self.kubectl("patch", "pvc", claim["metadata"]["name"], "-n", claim["metadata"]["namespace"],
                                     "--subresource=status", "--type=merge", "-p", patch, check=False)
        threading.Thread(target=loop, daemon=True).start()
        return stop

    def wait_for(self, predicate, timeout=60, step=0.5):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(step)
        return False

    def __enter__(self):
        try:
            return self.up()
        except BaseException:
            self.down()
            raise

    def __exit__(self, *exc):
        self.down()
        return False
