import Kube

/// Checks for the wizard's other typed answers: email addresses, ports and storage sizes.
/// Each returns the cleaned value or a message that names what is wrong and what would do.
public enum AnswerChecks {
    /// An email address for Let's Encrypt notices or PostHog's sender address.
    public static func email(_ typed: String) -> Result<String, AnswerProblem> {
        let text = typed.trimmingASCIIWhitespace()
        guard !text.isEmpty else { return .failure(AnswerProblem("Enter an email address, for example ops@example.com.")) }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else {
            return .failure(AnswerProblem("\"\(text)\" is not an email address: it needs one @ with a name before it, like ops@example.com."))
        }
        guard !text.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" }) else {
            return .failure(AnswerProblem("Enter just the address, without spaces, names or angle brackets (like ops@example.com)."))
        }
        switch HostnameCheck.normalize(String(parts[1])) {
        case .success(let domain): return .success(parts[0] + "@" + domain)
        case .failure: return .failure(AnswerProblem("The part after @ in \"\(text)\" is not a domain that can receive mail."))
        }
    }

    /// A TCP port, 1–65535.
    public static func port(_ typed: String) -> Result<Int, AnswerProblem> {
        let text = typed.trimmingASCIIWhitespace()
        guard let port = Int(text), (1...65_535).contains(port) else {
            return .failure(AnswerProblem("\"\(text)\" is not a port: use a number from 1 to 65535 (587 for STARTTLS mail, 465 for SSL)."))
        }
        return .success(port)
    }

    /// The largest volume size accepted: 64 TiB.
    public static let maximumVolumeBytes: Int64 = 64 << 40

    /// A volume size such as `60Gi`, `200G` or `1Ti`, as Kubernetes reads it; must be at least 1 Gi.
    public static func storageSize(_ typed: String) -> Result<Quantity, AnswerProblem> {
        let text = typed.trimmingASCIIWhitespace()
        let example = "use a number and a unit, like 60Gi, 200G or 1Ti"
        guard !text.isEmpty else { return .failure(AnswerProblem("Enter a size: \(example).")) }
        guard let size = try? Quantity(text) else {
            if text.hasSuffix("GB") || text.hasSuffix("gb") || text.hasSuffix("TB") || text.hasSuffix("MB") {
                let number = text.dropLast(2)
                return .failure(AnswerProblem("Kubernetes writes \"\(text)\" as \(number)G (or \(number)Gi for binary gigabytes): \(example)."))
            }
            return .failure(AnswerProblem("\"\(text)\" is not a size: \(example)."))
        }
        guard text.last?.isLetter == true else {
            return .failure(AnswerProblem("\"\(text)\" has no unit, so it would mean \(text) bytes: \(example)."))
        }
        guard size.value >= 1 << 30 else {
            return .failure(AnswerProblem("\(text) is too small for a database volume: \(example)."))
        }
        // The value saturates at Int64's maximum, so compare the double too: no cloud offers one
        // volume over 64 TiB (GCP and AWS; DigitalOcean stops at 16 TiB).
        guard size.value <= maximumVolumeBytes, size.doubleValue <= Double(maximumVolumeBytes) else {
            return .failure(AnswerProblem("\(text) is larger than any cloud's single volume (64Ti at most): \(example)."))
        }
        return .success(size)
    }
}

/// What is wrong with an answer, in words for the person who typed it.
public struct AnswerProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The message.
    public let description: String
    /// Creates a problem with its message.
    public init(_ description: String) { self.description = description }
}
