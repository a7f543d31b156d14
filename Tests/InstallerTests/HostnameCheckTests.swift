import Testing
@testable import Installer

/// The host name question: what people type, what we keep, what we tell them.
@Suite struct HostnameCheckTests {
    @Test(arguments: [
        ("posthog.example.com", "posthog.example.com"),
        ("  PostHog.Example.COM  ", "posthog.example.com"),
        ("posthog.example.com.", "posthog.example.com"),
        ("posthog.example.com/", "posthog.example.com"),
        ("a-b.c-d.example.co.uk", "a-b.c-d.example.co.uk"),
        ("bücher.example", "xn--bcher-kva.example"),
        ("münchen.de", "xn--mnchen-3ya.de"),
        ("例え.テスト", "xn--r8jz45g.xn--zckzah"),
        ("123.example.com", "123.example.com"),
    ])
    func acceptsAndNormalizes(typed: String, expected: String) {
        #expect(HostnameCheck.normalize(typed) == .success(expected))
    }

    @Test(arguments: [
        ("", HostnameCheck.Problem.empty),
        ("https://posthog.example.com", .hasScheme("https")),
        ("HTTP://posthog.example.com", .hasScheme("http")),
        ("posthog.example.com/login", .hasPath(suggestion: "posthog.example.com")),
        ("posthog.example.com:8000", .hasPort(suggestion: "posthog.example.com")),
        ("admin@posthog.example.com", .hasCredentials),
        ("10.0.0.1", .ipAddress),
        ("[::1]", .ipAddress),
        ("localhost", .singleLabel("localhost")),
        ("posthog..example.com", .emptyLabel),
        ("-posthog.example.com", .hyphenAtEdge("-posthog")),
        ("post_hog.example.com", .badCharacter("_", label: "post_hog")),
        ("posthog.example.123", .numericTopLevel("123")),
        ("*.example.com", .wildcard),
        (String(repeating: "a", count: 64) + ".example.com", .labelTooLong(String(repeating: "a", count: 64))),
    ])
    func rejectsWithAReason(typed: String, problem: HostnameCheck.Problem) {
        #expect(HostnameCheck.normalize(typed) == .failure(problem))
    }

    @Test func longNamesAreRefused() {
        let name = Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: ".") + ".com"
        #expect(HostnameCheck.normalize(name) == .failure(.nameTooLong(name.utf8.count)))
    }

    @Test func messagesSayWhatToDo() {
        #expect(HostnameCheck.Problem.hasScheme("https").description.contains("Leave out \"https://\""))
        #expect(HostnameCheck.Problem.hasPort(suggestion: "a.com").description.contains("(a.com)"))
    }
}
