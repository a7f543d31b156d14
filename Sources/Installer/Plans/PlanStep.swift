/// Work the program does itself between commands (the command layer carries it out).
public enum PlanTask: String, Hashable, Sendable {
    /// Show the DNS record the person must create, and wait for them.
    case showDNSRecord
    /// Resolve the hostname until it points at the load balancer.
    case verifyDNS
    /// Write values.yaml (atomically, with a backup of the previous one).
    case writeValues
    /// Migrate renamed value keys in values.yaml before an upgrade.
    case migrateValues
    /// Watch the pods come up.
    case watchProgress
    /// Check the certificate served for the hostname.
    case verifyTLS
    /// List what the uninstall left behind.
    case listLeftovers
}

/// What a step does: run a program (argv, never a shell string) or a task of our own.
public enum PlanAction: Hashable, Sendable {
    /// Run this argv (`["helm", "repo", "update"]`).
    case run([String])
    /// Do this ourselves.
    case task(PlanTask)
}

/// One step of a plan.
public struct PlanStep: Hashable, Sendable {
    /// A stable name (`install`, `note:kafka-zookeeper-statefulsets-3:2`), for progress and transcripts.
    public var id: String
    /// What the step does, for people: `Install PostHog (chart 30.46.0)`.
    public var title: String
    /// The command or task.
    public var action: PlanAction
    /// Whether the step deletes something (a release, a StatefulSet, a volume, a namespace).
    public var destructive: Bool
    /// Whether the person must agree to this step (or pass --yes) before it runs.
    public var needsConfirmation: Bool
    /// Whether running it only reads (a failure stops the plan but changes nothing).
    public var readOnly: Bool

    /// A step.
    public init(id: String, title: String, action: PlanAction, destructive: Bool = false,
                needsConfirmation: Bool = false, readOnly: Bool = false) {
        self.id = id; self.title = title; self.action = action
        self.destructive = destructive; self.needsConfirmation = needsConfirmation || destructive; self.readOnly = readOnly
    }

    /// The argv when the step runs a program.
    public var argv: [String]? {
        if case .run(let argv) = action { return argv }
        return nil
    }

    /// The command as a person would type it (for display only; steps never run through a shell).
    public var commandLine: String? { argv.map(PlanStep.display) }

    /// Joins argv with single quotes around any argument a shell would split or expand.
    public static func display(_ argv: [String]) -> String {
        argv.map { arg in
            let plain = !arg.isEmpty && arg.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_./:=@,+%".unicodeScalars.contains($0)
            }
            return plain ? arg : "'" + arg.replacing("'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
