import Kube
import YAML

/// `posthog-install resize`: new sizes for data volumes written into values.yaml in place,
/// refusing what Kubernetes cannot do (shrinking a volume) before anything changes.
public enum VolumeResize {
    /// Why `size` cannot replace `current` (it is smaller: volumes only grow), or nil when it
    /// can or either is not a size (the size check itself reports that).
    public static func shrinkProblem(_ size: String, current: String) -> String? {
        guard case .success(let wanted) = AnswerChecks.storageSize(size), let now = try? Quantity(current),
            wanted.value < now.value
        else { return nil }
        return "\(size) is smaller than the current \(current); volumes can only grow."
    }

    /// A request that cannot be carried out, in words for the person.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// What is wrong and what to do.
        public let description: String
    }

    /// One volume's change.
    public struct Change: Equatable, Sendable {
        /// The component.
        public let component: String
        /// The size key.
        public let path: [String]
        /// The size before (the file's, else the tier's), as written.
        public let from: String?
        /// The new size, as written.
        public let to: String
    }

    /// The edited text and the changes; throws `Problem` (nothing changed) for an unknown
    /// component, a size that is not one, or a size smaller than the current one.
    public static func apply(
        _ requests: [(component: String, size: String)], to text: String, file: String,
        profile: ProfileSet, defaults: YAMLValue? = nil
    ) throws -> (text: String, changes: [Change]) {
        var editor = try YAMLEditor(text: text, file: file)
        let values = try YAML.parse(text, file: file)
        var changes: [Change] = []
        for request in requests {
            guard let volume = profile.chart.volumes.first(where: { $0.component == request.component.lowercased() }) else {
                let known = profile.chart.volumes.map(\.component)
                let hint = NearestName.closest(to: request.component, in: known).map { " Did you mean \($0)?" } ?? ""
                throw Problem(
                    description:
                        "\"\(request.component)\" is not a volume posthog-install can grow; use \(known.joined(separator: ", ")).\(hint)")
            }
            let wanted: Quantity
            switch AnswerChecks.storageSize(request.size) {
            case .success(let size): wanted = size
            case .failure(let problem): throw Problem(description: "--\(volume.component) \(request.size): \(problem.description)")
            }
            let current = (values.value(at: volume.path) ?? defaults?.value(at: volume.path))?.stringValue
            if let current, let size = try? Quantity(current) {
                if wanted.value < size.value {
                    throw Problem(
                        description:
                            "--\(volume.component) \(request.size) is smaller than the current \(current). Kubernetes volumes can only grow: shrinking would need a new, empty volume and a restore from backup, so posthog-install will not do it."
                    )
                }
                if wanted.value == size.value { continue }
            }
            try editor.set(volume.path, to: .string(request.size.trimmingASCIIWhitespace()))
            changes.append(
                Change(component: volume.component, path: volume.path, from: current, to: request.size.trimmingASCIIWhitespace()))
        }
        return (editor.text, changes)
    }
}
