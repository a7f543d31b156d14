import Effects

/// A gcloud command that did not give what was asked, classified from gcloud's own text.
/// Every case keeps gcloud's words (`gcloudText`) and says what to do (`fix`).
public enum GCloudError: Error, Hashable, Sendable, CustomStringConvertible {
    /// gcloud is not installed (or not on PATH).
    case notInstalled(searched: [String])
    /// No account is signed in, or its credentials expired.
    case notAuthenticated(gcloudText: String)
    /// No project is set in gcloud's configuration.
    case noProject(gcloudText: String)
    /// The resource does not exist (`projects/P/global/addresses/posthog`).
    case notFound(resource: String, gcloudText: String)
    /// The resource exists already (on create).
    case alreadyExists(resource: String, gcloudText: String)
    /// The signed-in account lacks a permission (`compute.addresses.create`).
    case permissionDenied(permission: String?, gcloudText: String)
    /// The Compute Engine API is not enabled in the project.
    case apiDisabled(gcloudText: String)
    /// A quota ran out (`GLOBAL_ADDRESSES`).
    case quotaExceeded(gcloudText: String)
    /// A gcloud component (`beta`) is not installed.
    case componentMissing(component: String, gcloudText: String)
    /// gcloud did not finish in time.
    case timedOut(command: String)
    /// gcloud failed in a way not listed above.
    case failed(command: String, gcloudText: String)
    /// gcloud succeeded but printed something that is not the expected JSON.
    case unreadableOutput(command: String, detail: String)

    /// What went wrong, in our words.
    public var message: String {
        switch self {
        case .notInstalled: return "gcloud (the Google Cloud CLI) is not installed on this computer."
        case .notAuthenticated: return "gcloud is not signed in to a Google account (or its sign-in expired)."
        case .noProject: return "gcloud has no Google Cloud project selected."
        case .notFound(let resource, _): return "Google Cloud has no \(resource)."
        case .alreadyExists(let resource, _): return "\(resource) exists already."
        case .permissionDenied(let permission, _):
            return "The signed-in Google account is not allowed to do this" + (permission.map { " (it lacks the permission \($0))." } ?? ".")
        case .apiDisabled: return "The Compute Engine API is not enabled in this Google Cloud project."
        case .quotaExceeded: return "A Google Cloud quota of this project is used up."
        case .componentMissing(let component, _): return "The gcloud component \"\(component)\" is not installed."
        case .timedOut(let command): return "`\(command)` did not finish in time."
        case .failed(let command, _): return "`\(command)` failed."
        case .unreadableOutput(let command, let detail): return "`\(command)` printed something unexpected (\(detail))."
        }
    }

    /// What to do about it.
    public var fix: String {
        switch self {
        case .notInstalled(let searched):
            let path = searched.isEmpty ? "" : " (looked in \(searched.joined(separator: ":")))"
            return "Install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install) and run `gcloud auth login`, or do this step in the Cloud Console instead\(path)."
        case .notAuthenticated:
            return "Run `gcloud auth login` and follow the browser sign-in; if you have several accounts, pick one with `gcloud config set account ACCOUNT`. Then run posthog-install again."
        case .noProject:
            return "Run `gcloud config set project PROJECT_ID` with the project that holds your GKE cluster (`gcloud projects list` shows them)."
        case .notFound:
            return "Create it (posthog-install offers to) or check that gcloud points at the right project (`gcloud config get-value project`)."
        case .alreadyExists:
            return "Nothing to do: the existing one is used."
        case .permissionDenied:
            return "Ask a project owner for the Compute Network Admin role (roles/compute.networkAdmin), or sign in with an account that has it (`gcloud auth login`)."
        case .apiDisabled:
            return "Enable it with `gcloud services enable compute.googleapis.com` (or follow the link in gcloud's message), wait a minute, then try again."
        case .quotaExceeded:
            return "Release addresses you no longer use (`gcloud compute addresses list`) or request more quota in the Cloud Console (IAM & Admin → Quotas)."
        case .componentMissing(let component, _):
            return "Run `gcloud components install \(component)` and try again."
        case .timedOut:
            return "Check this computer's network connection and try again."
        case .failed, .unreadableOutput:
            return "Read gcloud's message above; running the command yourself shows the same."
        }
    }

    /// gcloud's own words, when it said something.
    public var gcloudText: String? {
        switch self {
        case .notAuthenticated(let t), .noProject(let t), .notFound(_, let t), .alreadyExists(_, let t), .permissionDenied(_, let t),
             .apiDisabled(let t), .quotaExceeded(let t), .componentMissing(_, let t), .failed(_, let t):
            return t
        case .notInstalled, .timedOut, .unreadableOutput:
            return nil
        }
    }

    /// Message, gcloud's text and the fix, for a terminal.
    public var description: String {
        var lines = [message]
        if let text = gcloudText, !text.isEmpty { lines.append("gcloud said:"); lines += text.split(separator: "\n").map { "  \($0)" } }
        lines.append(fix)
        return lines.joined(separator: "\n")
    }

    /// Classifies a finished gcloud run; nil when it succeeded.
    public static func classify(_ result: ProcessResult) -> GCloudError? {
        let command = ShellQuote.join(result.argv)
        switch result.status {
        case .exited(0): return nil
        case .notFound(_, let searched): return .notInstalled(searched: searched)
        case .timedOut: return .timedOut(command: command)
        default: break
        }
        let text = result.standardError.trimmed(of: "\n ")
        let lower = text.lowercased()
        if lower.contains("you do not currently have an active account selected")
            || lower.contains("does not have any valid credentials")
            || lower.contains("problem refreshing your current auth tokens")
            || lower.contains("reauthentication failed")
            || lower.contains("no credentialed accounts") {
            return .notAuthenticated(gcloudText: text)
        }
        if lower.contains("required property [project] is not currently set") { return .noProject(gcloudText: text) }
        if lower.contains("has not been used in project") || lower.contains("api has not been used") || lower.contains("service_disabled") {
            return .apiDisabled(gcloudText: text)
        }
        if let resource = quoted(after: "The resource '", in: text) {
            if lower.contains("was not found") { return .notFound(resource: resource, gcloudText: text) }
            if lower.contains("already exists") { return .alreadyExists(resource: resource, gcloudText: text) }
        }
        if lower.contains("required '") && lower.contains("permission") || lower.contains("permission_denied") {
            return .permissionDenied(permission: quoted(after: "Required '", in: text), gcloudText: text)
        }
        if lower.contains("quota '") && lower.contains("exceeded") { return .quotaExceeded(gcloudText: text) }
        if lower.contains("requires the installation of components: [") {
            return .componentMissing(component: bracketed(after: "components: [", in: text) ?? "beta", gcloudText: text)
        }
        return .failed(command: command, gcloudText: text.isEmpty ? result.status.description : text)
    }

    private static func quoted(after marker: String, in text: String) -> String? {
        guard let start = text.firstRange(of: marker) else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    private static func bracketed(after marker: String, in text: String) -> String? {
        guard let start = text.firstRange(of: marker) else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "]") else { return nil }
        return String(rest[..<end])
    }
}

extension String {
    fileprivate func trimmed(of set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
