import Foundation
import Installer

/// Answers → values.yaml: a new file, and an in-place edit of an existing one with a changed
/// tier (the work `posthog-install values` and every wizard review screen do).
enum ValuesBenchmark {
    struct FixedSecrets: SecretSource {
        func secret(length: Int) -> String { String(repeating: "k", count: length) }
    }

    static func run() {
        guard let profile = try? ProfileSet(id: "chart-30") else {
            print("values: the chart-30 profile set did not load")
            return
        }
        let small = AnswerSheet(answers: ["cloud": "do", "hostname": "posthog.example.com", "tls": "on", "tier": "small",
                                          "email": "ops@example.com"])
        var large = small
        large.answers["tier"] = "large"
        let rounds = 200
        var text = ""
        let t0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<rounds {
            text = (try? ValuesGeneration.generate(.init(profile: profile, sheet: small, existing: nil, file: "values.yaml"),
                                                   secrets: FixedSecrets()).text) ?? ""
        }
        let t1 = DispatchTime.now().uptimeNanoseconds
        var changes = 0
        for _ in 0..<rounds {
            changes = (try? ValuesGeneration.generate(.init(profile: profile, sheet: large, existing: text, file: "values.yaml",
                                                            previousSheet: small), secrets: FixedSecrets()).changes.count) ?? -1
        }
        let t2 = DispatchTime.now().uptimeNanoseconds
        let loadStart = DispatchTime.now().uptimeNanoseconds
        _ = try? ProfileSet.all()
        let loadEnd = DispatchTime.now().uptimeNanoseconds
        print(String(format: "values: load profiles %.2f ms; new values.yaml %.2f ms; in-place edit (%d changes) %.2f ms (mean of %d)",
                     Double(loadEnd - loadStart) / 1e6, Double(t1 - t0) / 1e6 / Double(rounds), changes,
                     Double(t2 - t1) / 1e6 / Double(rounds), rounds))
    }
}
