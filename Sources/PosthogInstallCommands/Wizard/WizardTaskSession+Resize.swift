import Cluster
import Effects
import Installer
import Kube
import TUI
import YAML

/// The wizard's "Grow storage": the claims as they are (size asked for, capacity, StorageClass
/// and whether it lets volumes grow), one size field per component with a volume, what
/// happens; then `ResizeRun` with the sizes that changed.
extension WizardTaskSession {
    /// What the resize screen and run read from values.yaml and the cluster.
    struct StorageNow: Sendable {
        /// values.yaml's text.
        var valuesText: String
        /// The installed chart version.
        var chartVersion: String?
        /// Per component with a volume, in the chart's order: the size now (values.yaml's, else the claim's).
        var sizes: [(component: String, size: String)]
        /// Components the chart sizes but whose volume is not in the namespace.
        var missing: [String]
        /// The claims in the namespace.
        var claims: [PersistentVolumeClaim]
        /// The cluster's StorageClasses.
        var classes: [StorageClass]
    }

    /// Why the storage cannot be read (shown as the screen's reason).
    struct StorageUnavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads values.yaml, the release and the claims.
    func storageNow(_ connection: ClusterConnection) async throws -> StorageNow {
        let path = command.valuesPath
        guard command.files.exists(path) else {
            throw StorageUnavailable(
                description: """
                    There is no \(path) in this folder. Growing storage writes the new sizes into the values.yaml PostHog was \
                    installed with, so that later upgrades keep them. Start the wizard in the folder where the install saved it.
                    """)
        }
        let text = try command.files.readString(path)
        let values: YAMLValue
        do { values = try YAML.parse(text, file: path) } catch {
            throw StorageUnavailable(description: "\(error)\nFix the file (a backup of earlier versions sits beside it), then try again.")
        }
        guard let release = try await connection.helm.installedRelease(Self.release, namespace: Self.namespace) else {
            throw StorageUnavailable(description: "There is no release \"\(Self.release)\" in namespace \(Self.namespace) any more.")
        }
        guard
            let profile = release.chartVersion.flatMap({ ProfileSet.forChartVersion($0, in: command.profiles) })
                ?? command.profiles.first(where: { $0.id == "chart-30" })
        else {
            throw StorageUnavailable(description: "posthog-install has no settings for the installed chart \(release.chart).")
        }
        let claims = try await connection.kubectl.persistentVolumeClaims(namespace: Self.namespace)
        let classes = try await connection.kubectl.storageClasses()
        var sizes: [(component: String, size: String)] = []
        var missing: [String] = []
        for volume in profile.chart.volumes {
            let own = VolumeGrowth.claims(of: volume.component, in: claims)
            guard let first = own.first else {
                missing.append(volume.component)
                continue
            }
            let size = values.value(at: volume.path)?.stringValue ?? (first.capacity ?? first.requestedStorage)?.text ?? ""
            sizes.append((volume.component, size))
        }
        return StorageNow(
            valuesText: text, chartVersion: release.chartVersion, sizes: sizes, missing: missing,
            claims: claims, classes: classes)
    }

    func prepareResize(_ inputs: TaskInputs) async throws -> WizardEvent {
        let connection = try await connection()
        let now: StorageNow
        do { now = try await storageNow(connection) } catch let reason as StorageUnavailable {
            return .taskUnavailable(.resize, reason.description)
        }
        guard !now.sizes.isEmpty else {
            return .taskUnavailable(
                .resize,
                """
                No data volume of PostHog was found in namespace \(Self.namespace) (kubectl get pvc -n \(Self.namespace)): the \
                stores may be external, have persistence turned off, or still be installing.
                """)
        }
        let context = await environment.cluster.value.info.context
        var text = [StyledLine("The volumes now (kubectl get pvc -n \(Self.namespace)):", style: .strong)]
        text += ResizeTable.lines(components: now.sizes.map(\.component), claims: now.claims, classes: now.classes)
            .map { StyledLine($0.text, style: $0.warning ? .warning : .plain) }
        if !now.missing.isEmpty {
            text.append(StyledLine("No volume for \(now.missing.joined(separator: ", ")) (external, or persistence off).", style: .muted))
        }
        text += [
            StyledLine(""),
            StyledLine("What happens when you press Grow:", style: .strong),
            StyledLine("  1. Each claim you gave a larger size is patched (kubectl patch pvc); volumes can only grow."),
            StyledLine("  2. \(displayPath(command.valuesPath)) gets the new sizes, edited in place with a backup kept."),
            StyledLine(
                "  3. Its StatefulSet is removed with --cascade=orphan: the pods keep running, and the upgrade "
                    + "re-creates it with the new size."),
            StyledLine("  4. helm upgrade at the installed chart version (\(now.chartVersion ?? "as installed")) with the saved values."),
            StyledLine("  5. Waits until every claim reports the new capacity (checked every 2 s)."),
        ]
        let options = resizePlanOptions(now.chartVersion, context: context)
        let fields = now.sizes.map { component, size in
            TaskField(
                id: component, label: ResizeTable.name(component), kind: .size, initial: size, optional: true,
                hint: "now \(size.isEmpty ? "unknown" : size); type a larger size such as 200Gi",
                atLeast: size.isEmpty ? nil : size)
        }
        return .taskReady(
            .resize,
            TaskForm(
                heading: "Grow the data volumes of release \(Self.release)", text: text, textTitle: "Storage", fields: fields,
                commands: [Plans.upgradeCommand(options)], action: "grow",
                needsChange: "Type a larger size in at least one field first (for example 200Gi)."))
    }

    func runResize(
        _ inputs: TaskInputs, connection: ClusterConnection, context: String?,
        report: @escaping @Sendable (OperationEvent) -> Void
    ) async -> ToolExitCode {
        let now: StorageNow
        do { now = try await storageNow(connection) } catch {
            report(.failure("Error: \(error)"))
            return .failed
        }
        // Only what the person changed goes to ResizeRun; an unchanged size would only be re-checked.
        let sizes = now.sizes.compactMap { component, current -> (component: String, size: String)? in
            guard let typed = inputs.fields[component], !typed.isEmpty else { return nil }
            let same = typed == current || ((try? Quantity(typed)).map { q in (try? Quantity(current))?.value == q.value } ?? false)
            return same ? nil : (component, typed)
        }
        guard !sizes.isEmpty else {
            report(
                .failure(
                    "Error: every size is the one the volume has now, so there is nothing to grow. Press Esc, choose "
                        + "Grow storage again and type a larger size (for example 200Gi) in at least one field."))
            return .badInput
        }
        let what = sizes.map { "\($0.component) to \($0.size)" }.joined(separator: ", ")
        let step = PlanStep(id: "resize", title: "Grow \(what)", action: .task(.writeValues))
        // A plan puts ResizeRun's lines (its plan, each change, the capacity) in the output pane.
        report(.plan([step], context: context))
        report(.stepStarted(step))
        var run = ResizeRun(
            files: command.files, profiles: command.profiles, connection: connection, clock: environment.clock,
            emit: { report(.note($0)) })
        run.fail = { report(.failure($0)) }
        let request = ResizeRun.Request(
            sizes: sizes, valuesPath: command.valuesPath, namespace: Self.namespace,
            release: Self.release, context: context, yes: true)
        let code = await run.execute(request)
        report(.stepFinished(step, succeeded: code == .success))
        return code
    }

    private func resizePlanOptions(_ version: String?, context: String?) -> PlanOptions {
        guard
            let profile = version.flatMap({ ProfileSet.forChartVersion($0, in: command.profiles) })
                ?? command.profiles.first(where: { $0.id == "chart-30" })
        else {
            return PlanOptions(
                context: context, namespace: Self.namespace, release: Self.release, valuesFile: command.valuesPath,
                chartVersion: version)
        }
        return PlanOptions(
            chartInfo: profile.chart, chartVersion: version, context: context, namespace: Self.namespace,
            release: Self.release, valuesFile: command.valuesPath)
    }
}

/// The claims table of the resize screen (pure).
enum ResizeTable {
    /// How people write a component's name.
    static func name(_ component: String) -> String {
        ["clickhouse": "ClickHouse", "postgresql": "PostgreSQL", "kafka": "Kafka", "redis": "Redis"][component] ?? component
    }

    /// Two lines per claim: its name under its component, then size asked for, capacity,
    /// StorageClass and whether that class allows expansion (`warning` when it does not).
    static func lines(components: [String], claims: [PersistentVolumeClaim], classes: [StorageClass]) -> [(text: String, warning: Bool)] {
        var lines: [(String, Bool)] = []
        for component in components {
            for claim in VolumeGrowth.claims(of: component, in: claims) {
                let className = claim.storageClassName ?? classes.first(where: \.isDefault)?.metadata.name
                let storageClass = classes.first { $0.metadata.name == className }
                let grows = storageClass?.allowVolumeExpansion ?? false
                let expansion = storageClass == nil ? "unknown StorageClass" : grows ? "can grow" : "cannot grow (no allowVolumeExpansion)"
                lines.append(("  \(name(component).padded(to: 11)) \(claim.metadata.name)", false))
                lines.append(
                    (
                        "              asks \(claim.requestedStorage?.text ?? "?"), has \(claim.capacity?.text ?? "?"), "
                            + "class \(className ?? "(none)"): \(expansion)", !grows
                    ))
            }
        }
        return lines
    }
}
