/// Kubernetes' and Helm's rules for the names a person types: a namespace is a DNS-1123 label,
/// a Helm release name a DNS-1123 subdomain of at most 53 characters. Checked before anything
/// runs, so `--namespace Bad_NS` is refused at once instead of failing later inside helm.
public enum ResourceName {
    /// Why `name` cannot be a namespace, or nil when it can.
    public static func namespaceProblem(_ name: String) -> String? {
        if name.isEmpty { return "a namespace cannot be empty" }
        if name.count > 63 { return "a namespace has at most 63 characters (this one has \(name.count))" }
        return labelProblem(name, what: "a namespace")
    }

    /// Why `name` cannot be a Helm release name, or nil when it can.
    public static func releaseProblem(_ name: String) -> String? {
        if name.isEmpty { return "a release name cannot be empty" }
        if name.count > 53 { return "a Helm release name has at most 53 characters (this one has \(name.count))" }
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            if let problem = labelProblem(String(part), what: "a release name") { return problem }
        }
        return nil
    }

    private static func labelProblem(_ label: String, what: String) -> String? {
        let allowed = "lowercase letters a-z, digits 0-9 and '-'"
        if label.isEmpty { return "\(what) cannot have an empty part between dots" }
        if let bad = label.unicodeScalars.first(where: { !isLabelCharacter($0) }) {
            let shown = bad == " " ? "a space" : "'\(bad)'"
            let hint = ("A"..."Z").contains(String(bad)) ? " (use lowercase)" : ""
            return "\(what) may only contain \(allowed); it has \(shown)\(hint)"
        }
        if label.hasPrefix("-") || label.hasSuffix("-") {
            return "\(what) must start and end with a letter or digit, not '-'"
        }
        return nil
    }

    private static func isLabelCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
    }
}
