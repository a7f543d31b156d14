import GoTemplate
import Testing
@testable import Helm

/// Every function Helm's engine registers, called with odd argument lists: it must answer with
/// a value or an error, never trap (a trap ends the test process, failing the run).
@Suite struct FunctionArgumentHuntTests {
    /// Refuses the engine callbacks: the hunt is about argument handling only.
    struct NoEngine: CallContext {
        func executeTemplate(named name: String, data: Value) throws -> String { throw FunctionError("no engine") }
        func executeText(_ text: String, name: String, data: Value) throws -> String { throw FunctionError("no engine") }
        var currentTemplateName: String { "hunt" }
    }

    static let odd: [Value] = [
        .null, .int(3), .int64(-1), .float(2.5), .bool(true), .string("x"), .string(""), .bytes([0xFF]),
        .list([.null]), .list([]), .map(ValueMap(["a": .null])),
    ]

    static let argumentLists: [[Value]] = {
        var lists: [[Value]] = [[]]
        lists += odd.map { [$0] }
        lists += [[.int(3), .string("x"), .list([.null])], [.null, .null, .null], [.map(ValueMap()), .float(1e300), .bool(false)],
                  [.string("x"), .string("y"), .string("z")], [.int(-2), .int(0), .int(2)]]
        return lists
    }()

    /// Functions whose work is slow whatever the arguments (key generation), called with fewer lists.
    static let slow: Set<String> = ["genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey",
                                    "genSignedCert", "genSignedCertWithKey", "bcrypt", "htpasswd"]

    @Test func everyFunctionAnswersOddArgumentsWithoutTrapping() {
        let table = EngineFunctions.table(engineState: EngineState(lintMode: false), strict: false, lookup: nil)
        #expect(table.count > 200)
        var calls = 0, errors = 0
        for (name, function) in table.sorted(by: { $0.key < $1.key }) {
            let lists = Self.slow.contains(name) ? Array(Self.argumentLists.prefix(2)) : Self.argumentLists
            for args in lists {
                calls += 1
                do { _ = try function.body(NoEngine(), args) } catch { errors += 1 }
            }
        }
        // Most odd lists are refused; a function that accepted everything would be suspicious.
        #expect(errors > calls / 2)
    }

    @Test func shortArgumentListsGetHelmsCountMessage() {
        let table = EngineFunctions.table(engineState: EngineState(lintMode: false), strict: false, lookup: nil)
        for name in ["fromJson", "fromJsonArray", "mustFromJson", "htpasswd", "b64enc", "include", "tpl"] {
            guard let function = table[name], let arity = FunctionArity.table[name] else {
                Issue.record("\(name) is not registered with an arity")
                continue
            }
            let error = #expect(throws: FunctionError.self) { _ = try function.body(NoEngine(), []) }
            #expect(error?.message == "wrong number of args for \(name): want \(arity.parameters) got 0")
            #expect(error?.isArgumentError == true)
        }
        #expect(FunctionArity.table["htpasswd"] == FunctionArity(2, variadic: false))
    }
}
