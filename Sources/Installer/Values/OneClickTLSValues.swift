import YAML

/// The values that turn a DigitalOcean 1-click install into one served over HTTPS on the
/// person's hostname: the `do` cloud overlay (nginx, cert-manager, proxy protocol), the
/// hostname (also as the load balancer's hostname annotation) and the Let's Encrypt email —
/// set leaf by leaf on the 1-click's own values, so everything else it chose is kept (pure).
public enum OneClickTLSValues {
    /// The annotation that lets pods reach the ingress through the load balancer by name.
    public static let hostnameAnnotation = ["ingress-nginx", "controller", "service", "annotations",
                                            "service.beta.kubernetes.io/do-loadbalancer-hostname"]

    /// `existing` (the 1-click's values, or the saved values.yaml) edited in place; returns the
    /// new text and one line per key set, for the person to read.
    /// Keys of `tlsOff` (what HTTP-only mode sets) that the cloud overlay does not set are
    /// removed, so the chart's HTTPS defaults apply again (`web.secureCookies`, `ingress.letsencrypt`).
    public static func apply(to existing: String, file: String, cloudOverlay: YAMLValue, tlsOff: YAMLValue = .null,
                             hostname: String, email: String?) throws -> (text: String, changed: [String]) {
        var editor = try YAMLEditor(text: existing, file: file)
        let current = try YAML.parse(existing, file: file)
        var wanted = leaves(of: cloudOverlay)
        wanted.append((["ingress", "hostname"], .string(hostname)))
        wanted.append((hostnameAnnotation, .string(hostname)))
        if let email { wanted.append((["cert-manager", "email"], .string(email))) }
        var changed: [String] = []
        for (path, value) in wanted where current.value(at: path) != value {
            try editor.set(path, to: value)
            changed.append("set \(ValuePath.join(path))")
        }
        let setPaths = Set(wanted.map(\.0))
        for (path, _) in leaves(of: tlsOff) where !setPaths.contains(path) && current.value(at: path) != nil {
            try editor.removePruningEmptyParents(path)
            changed.append("removed \(ValuePath.join(path)) (HTTP-only setting; the chart's HTTPS default applies)")
        }
        return (editor.text, changed)
    }

    /// Every scalar (and sequence) of a mapping with its path.
    static func leaves(of value: YAMLValue, prefix: [String] = []) -> [([String], YAMLValue)] {
        guard case .mapping(let mapping) = value else { return prefix.isEmpty ? [] : [(prefix, value)] }
        return mapping.entries.flatMap { leaves(of: $0.value, prefix: prefix + [$0.key]) }
    }
}
