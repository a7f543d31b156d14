import GoTemplate
import Testing
import YAML

@testable import Helm

/// `toYaml` converts a template value in one pass; it must give what converting and then
/// normalizing for JSON gives.
@Suite struct ToYamlConversionTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
    }

    static func value(_ random: inout Random, depth: Int) -> Value {
        let keys = ["a", "b10", "b9", "B", "_x", "x-y", "9", "10", "é", "a01", "a1", "name", "port"]
        switch random.next() % (depth > 3 ? 6 : 8) {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .int(Int64(random.next() % 1000) - 500)
        case 3: return .float([0.5, 3, -2, 1e21, 1e20, .infinity, -0.0, 7.25][Int(random.next() % 8)])
        case 4: return .string(keys[Int(random.next() % UInt64(keys.count))])
        case 5: return .int64(Int64(random.next() % 100))
        case 6: return .list((0..<Int(random.next() % 4)).map { _ in value(&random, depth: depth + 1) })
        default:
            let map = ValueMap()
            for _ in 0..<Int(random.next() % 6) { map[keys[Int(random.next() % UInt64(keys.count))]] = value(&random, depth: depth + 1) }
            return .map(map)
        }
    }

    @Test func onePassEqualsConvertThenNormalize() {
        var random = Random(state: 42)
        for _ in 0..<5_000 {
            let v = Self.value(&random, depth: 0)
            #expect(YAMLFunctions.jsonYAMLValue(v) == YAMLFunctions.yamlValue(v).jsonNormalized())
        }
    }
}
