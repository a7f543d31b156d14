import Kube
import YAML

/// Volumes can grow but never shrink: a size in the file that is larger than the wanted one
/// (grown by hand or by `posthog-install resize`) is kept.
enum VolumeSizeRule {
    /// The reason to keep `stored`, or nil when `wanted` may be written.
    static func keepLarger(stored: YAMLValue?, wanted: YAMLValue, path: [String]) -> String? {
        guard let last = path.last, last == "size" || last == "storage",
              let storedText = stored?.stringValue, let wantedText = wanted.stringValue,
              let storedSize = try? Quantity(storedText), let wantedSize = try? Quantity(wantedText),
              storedSize.value > wantedSize.value else { return nil }
        return "larger than the tier's \(wantedText); volumes cannot shrink"
    }
}
