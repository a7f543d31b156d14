import Kube
import YAML

/// What changing the tier does to the data volumes: which grow (their claims are grown and
/// their StatefulSets recreated without the pods before helm upgrade, as `resize` does) and
/// which the new answers would shrink (values.yaml keeps the larger size; Kubernetes volumes
/// only grow). Pure.
public enum SettingsVolumes {
    /// A data volume whose size the new values change.
    public struct Change: Equatable, Sendable {
        /// The component (`clickhouse`).
        public var component: String
        /// The size key.
        public var path: [String]
        /// The size before, as written.
        public var from: String
        /// The size after, as written.
        public var to: String
    }

    /// The volumes that grow from `old` to `new` values, in the profile's order.
    public static func grown(old: YAMLValue, new: YAMLValue, profile: ProfileSet) -> [Change] {
        profile.chart.volumes.compactMap { volume in
            guard let from = old.value(at: volume.path)?.stringValue, let to = new.value(at: volume.path)?.stringValue,
                let before = try? Quantity(from), let after = try? Quantity(to), after.value > before.value
            else { return nil }
            return Change(component: volume.component, path: volume.path, from: from, to: to)
        }
    }

    /// Lines saying which sizes the new answers would make smaller and why they stay (from the
    /// generation's `kept` changes on size keys).
    public static func keptLines(_ changes: [ValueChange], profile: ProfileSet) -> [String] {
        let sizes = Set(profile.chart.volumes.map(\.path))
        return changes.filter { $0.kind == .kept && sizes.contains($0.path) }.map { change in
            "\(ValuePath.join(change.path)) stays \(change.old ?? "as it is"): \(change.note ?? "volumes cannot shrink")."
        }
    }

    /// The steps that grow `targets` before helm upgrade: each claim's request raised, then each
    /// StatefulSet that made them deleted without its pods (helm recreates it with the new size;
    /// the ClickHouse operator's own StatefulSets are left to it).
    public static func steps(_ targets: [VolumeGrowth.Target], options: PlanOptions) -> [PlanStep] {
        var steps: [PlanStep] = []
        for target in targets where target.needsPatch {
            let patch = #"{"spec":{"resources":{"requests":{"storage":"\#(target.size)"}}}}"#
            steps.append(
                PlanStep(
                    id: "grow-\(target.claim)", title: "Grow \(target.claim) from \(target.current ?? "?") to \(target.size)",
                    action: .run(options.withContext(["kubectl", "patch", "pvc", target.claim, "-n", options.namespace, "-p", patch]))))
        }
        var seen: Set<String> = []
        for set in targets.filter({ !$0.managedByOperator }).compactMap(\.statefulSet) where seen.insert(set).inserted {
            steps.append(
                PlanStep(
                    id: "orphan-\(set)",
                    title: "Remove StatefulSet \(set), keeping its pods, so the upgrade recreates it with the new size",
                    action: .run(
                        options.withContext(["kubectl", "delete", "statefulset", set, "--cascade=orphan", "-n", options.namespace]))))
        }
        return steps
    }
}
