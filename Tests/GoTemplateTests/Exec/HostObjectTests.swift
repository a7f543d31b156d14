import Testing
@testable import GoTemplate

/// A host object shaped like Helm's `.Files`: a field, a method with an argument, a nested object.
final class FakeFiles: TemplateObject {
    let files = ["a.txt": "hello"]
    var goTypeName: String { "engine.files" }
    func field(_ name: String) -> Value? { name == "Count" ? .int(Int64(files.count)) : nil }
    func callMethod(_ name: String, _ arguments: [Value]) throws -> Value? {
        switch name {
        case "Get":
            guard arguments.count == 1, case .string(let path) = arguments[0] else {
                throw FunctionError("wrong number of args for Get: want 1 got \(arguments.count)")
            }
            return .string(files[path] ?? "")
        case "Self": return .object(self)
        default: return nil
        }
    }
    func hasMethod(_ name: String) -> Bool { name == "Get" || name == "Self" }
    var goFormatted: String { "map[a.txt:[104 101 108 108 111]]" }
}

@Suite struct HostObjectTests {
    private func render(_ source: String, missingKey: MissingKey = .noValue) throws -> String {
        let set = TemplateSet(missingKey: missingKey)
        try set.parse(name: "t", source: source)
        return try set.execute("t", data: .map(ValueMap(["Files": .object(FakeFiles()), "Values": .map(ValueMap(["a": .int(1)]))])))
    }

    @Test func methodsWithArgumentsFieldsAndChains() throws {
        #expect(try render("{{ .Files.Get \"a.txt\" }} {{ .Files.Count }} {{ .Files.Self.Get \"a.txt\" | len }}") == "hello 1 5")
        #expect(try render("{{ (.Files.Get \"a.txt\") }}|{{ .Files.Get \"missing\" }}|") == "hello||")
    }

    @Test func unknownFieldOnObjectIsGoError() {
        // Reached through a map, the receiver's static type is interface {}; through a field, its own.
        let error = #expect(throws: ExecError.self) { _ = try render("{{ .Files.Nope }}") }
        #expect(error?.message == "can't evaluate field Nope in type interface {}")
        let typed = #expect(throws: ExecError.self) { _ = try render("{{ .Files.Self.Nope }}") }
        #expect(typed?.message == "can't evaluate field Nope in type engine.files")
    }

    @Test func methodErrorsAreReported() {
        let error = #expect(throws: ExecError.self) { _ = try render("{{ .Files.Get }}") }
        #expect(error?.message == "error calling Get: wrong number of args for Get: want 1 got 0")
    }

    @Test func missingKeyOptions() throws {
        #expect(try render("{{ .Values.b }}") == "<no value>")
        #expect(try render("{{ .Values.b }}", missingKey: .zero) == "<no value>")
        let error = #expect(throws: ExecError.self) { _ = try render("{{ .Values.b }}", missingKey: .error) }
        #expect(error?.message == "map has no entry for key \"b\"")
    }
}
