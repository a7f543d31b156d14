"""Where the suite finds the program, the harness and the chart; the environment cases start from."""
import os
import sys

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
# Programs a case must not find on PATH: a real gcloud (this machine may have a signed-out one)
# and any helm other than the harness's.
HIDDEN = {"gcloud", "gsutil", "bq", "helm"}


def binary():
    """The posthog-install under test (POSTHOG_E2E_BINARY, else the release build)."""
    path = os.environ.get("POSTHOG_E2E_BINARY") or os.path.join(
        REPO, ".build", "release", "posthog-install")
    if not os.access(path, os.X_OK):
        raise RuntimeError("no posthog-install at %s: build it (scripts/e2e.sh does) or set POSTHOG_E2E_BINARY" % path)
    return path


def harness():
    """The harness directory: POSTHOG_HARNESS, else ../shared/tools/harness, else /work/shared/tools/harness."""
    for path in (os.environ.get("POSTHOG_HARNESS"), os.path.join(REPO, "..", "shared", "tools", "harness"),
                 "/work/shared/tools/harness"):
        if path and os.path.isfile(os.path.join(path, "up.sh")):
            return os.path.normpath(path)
    raise RuntimeError("the harness was not found (set POSTHOG_HARNESS)")


def chart():
    """The chart the cases install: POSTHOG_E2E_CHART (e.g. the real chart), else our stand-in chart."""
    return os.path.abspath(os.environ.get("POSTHOG_E2E_CHART") or os.path.join(REPO, "profiles", "standin-chart", "posthog"))


def real_chart():
    return bool(os.environ.get("POSTHOG_E2E_CHART"))


def work_root():
    root = os.environ.get("POSTHOG_E2E_WORK") or os.path.join("/tmp", "posthog-e2e-%d" % os.getuid())
    os.makedirs(root, exist_ok=True)
    return root


def outer_env():
    """The environment the suite itself runs in, with the Helm library's cache pinned (cases change HOME)."""
    env = dict(os.environ)
    env.setdefault("HELM_ORACLE_CACHE", os.path.join(
        env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "helm-oracle"))
    return env


def system_bin():
    """A directory of links to every program on the outer PATH except HIDDEN ones, and python3 = this
    interpreter (the harness's helm needs PyYAML): the PATH a case gets, so no real gcloud is found."""
    target = os.environ.get("POSTHOG_E2E_SYSBIN") or os.path.join(work_root(), "sysbin-%d" % os.getpid())
    if os.path.isdir(target):
        return target
    tmp = "%s.tmp%d" % (target, os.getpid())
    os.makedirs(tmp, exist_ok=True)
    seen = set(os.listdir(tmp))
    for d in os.environ.get("PATH", "").split(os.pathsep):
        if not d or not os.path.isdir(d) or os.path.abspath(d).startswith(harness()):
            continue
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            if name in seen or name in HIDDEN or not os.access(path, os.X_OK) or os.path.isdir(path):
                continue
            if name.startswith("python3") or name == "python":
                continue
            os.symlink(path, os.path.join(tmp, name))
            seen.add(name)
    for name in ("python3", "python"):
        os.symlink(sys.executable, os.path.join(tmp, name))
    try:
        os.rename(tmp, target)
    except OSError:
        pass  # another case process made it first
    return target
