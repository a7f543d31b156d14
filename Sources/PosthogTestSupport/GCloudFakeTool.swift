import Effects
import Glibc

/// A fake `gcloud` placed first on PATH in a temporary directory: each run appends its argv
/// (arguments separated by U+001F) to `calls.log` and plays the next canned reply in order.
public struct GCloudFakeTool: Sendable {
    /// One canned reply.
    public struct Reply: Sendable {
        /// What the fake prints on standard output.
        public var stdout: String
        /// What the fake prints on standard error.
        public var stderr: String
        /// Its exit code.
        public var exitCode: Int32

        /// A reply.
        public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
            self.stdout = stdout; self.stderr = stderr; self.exitCode = exitCode
        }
    }

    /// The directory holding the script, its replies and its call log.
    public let directory: TemporaryDirectory
    private let files = LocalFileSystem()

    /// Installs the script with `replies`, played in call order (a call past the last reply exits 99).
    public init(replies: [Reply]) throws {
        directory = try TemporaryDirectory(prefix: "fake-gcloud")
        let script = """
        #!/bin/bash
        here="$(cd "$(dirname "$0")" && pwd)"
        n=$(cat "$here/count" 2>/dev/null || echo 0)
        n=$((n + 1))
        echo "$n" > "$here/count"
        { printf '%s\\x1f' "$@"; printf 'PROMPTS=%s\\n' "$CLOUDSDK_CORE_DISABLE_PROMPTS"; } >> "$here/calls.log"
        [ -f "$here/reply$n.out" ] && cat "$here/reply$n.out"
        [ -f "$here/reply$n.err" ] && cat "$here/reply$n.err" >&2
        exit "$(cat "$here/reply$n.code" 2>/dev/null || echo 99)"

        """
        _ = try files.writeAtomically(directory.appending("gcloud"), script, mode: 0o755, backup: .none)
        for (index, reply) in replies.enumerated() {
            let n = index + 1
            _ = try files.writeAtomically(directory.appending("reply\(n).out"), reply.stdout, mode: 0o644, backup: .none)
            _ = try files.writeAtomically(directory.appending("reply\(n).err"), reply.stderr, mode: 0o644, backup: .none)
            _ = try files.writeAtomically(directory.appending("reply\(n).code"), "\(reply.exitCode)", mode: 0o644, backup: .none)
        }
    }

    /// PATH with the fake first.
    public var environment: [String: String?] {
        ["PATH": directory.path + ":" + (getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin")]
    }

    /// The recorded calls: each call's arguments and whether prompts were disabled.
    public func calls() -> [(arguments: [String], promptsDisabled: Bool)] {
        guard let text = try? files.readString(directory.appending("calls.log")) else { return [] }
        return text.split(separator: "\n").map { line in
            var parts = line.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            let prompts = parts.popLast() ?? ""
            return (parts, prompts == "PROMPTS=1")
        }
    }

    /// Deletes the fake and its records.
    public func remove() { directory.remove() }
}

/// gcloud's real texts, as it prints them to standard error.
public enum GCloudTexts {
    public static let noActiveAccount = """
    ERROR: (gcloud.compute.addresses.describe) You do not currently have an active account selected.
    Please run:

      $ gcloud auth login

    to obtain new credentials.

    If you have already logged in with a different account, run:

      $ gcloud config set account ACCOUNT

    to select an already authenticated account to use.
    """

    public static let addressNotFound = """
    ERROR: (gcloud.compute.addresses.describe) Could not fetch resource:
     - The resource 'projects/my-project/global/addresses/posthog' was not found
    """

    public static let addressExists = """
    ERROR: (gcloud.compute.addresses.create) Could not fetch resource:
     - The resource 'projects/my-project/global/addresses/posthog' already exists
    """

    public static let noProject = """
    ERROR: (gcloud.compute.addresses.describe) The required property [project] is not currently set.
    It can be set on a per-command basis by re-running your command with the [--project] flag.

    You may set it for your current workspace by running:

      $ gcloud config set project VALUE
    """

    public static let permissionDenied = """
    ERROR: (gcloud.compute.addresses.create) Could not fetch resource:
     - Required 'compute.globalAddresses.create' permission for 'projects/my-project/global/addresses/posthog'
    """

    public static let apiDisabled = """
    ERROR: (gcloud.compute.addresses.describe) Could not fetch resource:
     - Compute Engine API has not been used in project 123456789 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/compute.googleapis.com/overview?project=123456789 then retry.
    """

    public static let address = """
    {
      "address": "34.120.10.20",
      "addressType": "EXTERNAL",
      "creationTimestamp": "2024-05-02T03:04:05.678-07:00",
      "description": "",
      "id": "1234567890123456789",
      "ipVersion": "IPV4",
      "kind": "compute#address",
      "labelFingerprint": "42WmSpB8rSM=",
      "name": "posthog",
      "networkTier": "PREMIUM",
      "selfLink": "https://www.googleapis.com/compute/v1/projects/my-project/global/addresses/posthog",
      "status": "RESERVED"
    }
    """

    public static let certificates = """
    [
      {
        "creationTimestamp": "2024-05-02T03:04:05.678-07:00",
        "id": "111",
        "kind": "compute#sslCertificate",
        "managed": {
          "domainStatus": { "posthog.example.com": "FAILED_NOT_VISIBLE" },
          "domains": [ "posthog.example.com" ],
          "status": "PROVISIONING"
        },
        "name": "mcrt-0b9c7e4a-1111-2222-3333-444455556666",
        "selfLink": "https://www.googleapis.com/compute/beta/projects/my-project/global/sslCertificates/mcrt-0b9c7e4a-1111-2222-3333-444455556666",
        "type": "MANAGED"
      },
      {
        "certificate": "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n",
        "creationTimestamp": "2023-01-01T00:00:00.000-08:00",
        "expireTime": "2024-01-01T00:00:00.000-08:00",
        "id": "222",
        "kind": "compute#sslCertificate",
        "name": "uploaded",
        "type": "SELF_MANAGED"
      },
      {
        "creationTimestamp": "2024-04-01T00:00:00.000-07:00",
        "expireTime": "2024-06-30T00:00:00.000-07:00",
        "id": "333",
        "kind": "compute#sslCertificate",
        "managed": {
          "domainStatus": { "app.example.com": "ACTIVE" },
          "domains": [ "app.example.com" ],
          "status": "ACTIVE"
        },
        "name": "mcrt-active",
        "type": "MANAGED"
      }
    ]
    """
}
