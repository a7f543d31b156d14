import Kube
import Testing
@testable import Installer

/// Email, port and size answers: what is accepted, and the message for what is not.
@Suite struct AnswerChecksTests {
    @Test func emails() {
        #expect(AnswerChecks.email(" ops@Example.COM ") == .success("ops@example.com"))
        #expect(AnswerChecks.email("ops@bücher.example") == .success("ops@xn--bcher-kva.example"))
        for bad in ["", "ops", "@example.com", "a@b@c.com", "Ops <ops@example.com>", "ops@localhost", "ops@exa_mple.com"] {
            guard case .failure(let problem) = AnswerChecks.email(bad) else { Issue.record("accepted \(bad)"); continue }
            #expect(!problem.description.isEmpty)
        }
    }

    @Test func ports() {
        #expect(AnswerChecks.port("587") == .success(587))
        #expect(AnswerChecks.port(" 465 ") == .success(465))
        for bad in ["0", "65536", "-1", "smtp", "", "58 7"] {
            #expect(AnswerChecks.port(bad) == .failure(AnswerProblem("\"\(bad.trimmingASCIIWhitespace())\" is not a port: use a number from 1 to 65535 (587 for STARTTLS mail, 465 for SSL).")))
        }
    }

    @Test(arguments: [("60Gi", Int64(60) << 30), ("200G", Int64(200_000_000_000)), ("1Ti", Int64(1) << 40), (" 20Gi ", Int64(20) << 30)])
    func sizes(typed: String, bytes: Int64) throws {
        let size = try AnswerChecks.storageSize(typed).get()
        #expect(size.value == bytes)
    }

    @Test func badSizesSayWhatToType() {
        #expect(AnswerChecks.storageSize("200GB") == .failure(AnswerProblem(
            "Kubernetes writes \"200GB\" as 200G (or 200Gi for binary gigabytes): use a number and a unit, like 60Gi, 200G or 1Ti.")))
        #expect(AnswerChecks.storageSize("100") == .failure(AnswerProblem(
            "\"100\" has no unit, so it would mean 100 bytes: use a number and a unit, like 60Gi, 200G or 1Ti.")))
        #expect(AnswerChecks.storageSize("500Mi") == .failure(AnswerProblem(
            "500Mi is too small for a database volume: use a number and a unit, like 60Gi, 200G or 1Ti.")))
        #expect(AnswerChecks.storageSize("lots") == .failure(AnswerProblem(
            "\"lots\" is not a size: use a number and a unit, like 60Gi, 200G or 1Ti.")))
        #expect(AnswerChecks.storageSize("") == .failure(AnswerProblem("Enter a size: use a number and a unit, like 60Gi, 200G or 1Ti.")))
        // Absurd sizes are refused before they reach values.yaml (the value itself saturates).
        for absurd in ["99999999999999999999999Ti", "65Ti", "1Ei", "100000Ti"] {
            #expect(AnswerChecks.storageSize(absurd) == .failure(AnswerProblem(
                "\(absurd) is larger than any cloud's single volume (64Ti at most): use a number and a unit, like 60Gi, 200G or 1Ti.")))
        }
        #expect((try? AnswerChecks.storageSize("64Ti").get()) != nil)
    }
}
