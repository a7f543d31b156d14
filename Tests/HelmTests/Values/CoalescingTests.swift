import GoTemplate
import Testing
@testable import Helm

/// A chart for coalescing tests.
struct TestChart: CoalescibleChart {
    let coalesceName: String
    let defaultValues: ValueMap
    let subcharts: [any CoalescibleChart]
}

@Suite struct CoalescingTests {
    private func map(_ entries: [String: Value]) -> Value { .map(ValueMap(entries)) }

    /// Expected text is what real Helm printed (`printf "%v" .Values`) for the same charts and values.
    @Test func matchesHelmForGlobalsNullsAndSubcharts() {
        let sub = TestChart(coalesceName: "sub", defaultValues: ValueMap([
            "global": map(["region": .string("us"), "tags": map(["b": .int(2)]), "own": .string("x")]),
            "fromParent": .string("sub"), "replaced": .string("sub"), "subOnly": .string("s"), "deep": map(["x": .int(1)]),
        ]), subcharts: [])
        let parent = TestChart(coalesceName: "parent", defaultValues: ValueMap([
            "global": map(["region": .string("eu"), "tags": map(["a": .int(1)])]),
            "keep": .string("default"), "drop": .string("default"),
            "nested": map(["a": .int(1), "b": .int(2), "gone": .int(3)]),
            "sub": map(["fromParent": .string("p"), "replaced": .string("parent")]),
        ]), subcharts: [sub])
        let user = ValueMap([
            "drop": .null, "nested": map(["gone": .null, "c": .int(4)]), "global": map(["tags": map(["c": .int(3)])]),
            "sub": map(["deep": map(["true": .int(2)]), "subOnly": .null]),
        ])
        var warnings: [String] = []
        let result = ValuesCoalescing.coalesce(chart: parent, values: user, warnings: &warnings)
        #expect(GoFormat.string(.map(result)) == "map[global:map[region:eu tags:map[a:1 c:3]] keep:default nested:map[a:1 b:2 c:4] sub:map[deep:map[true:2 x:1] fromParent:p global:map[own:x region:eu tags:map[a:1 b:2 c:3]] replaced:parent]]")
        #expect(warnings.isEmpty)
        // The chart's own defaults are not modified.
        #expect(GoFormat.string(parent.defaultValues["drop"] ?? .null) == "default")
    }

    @Test func minusFFilesMergeInOrder() {
        let a = ValueMap(["x": .int(1), "m": map(["a": .int(1), "b": .int(1)]), "l": .list([.int(1)])])
        let b = ValueMap(["m": map(["b": .int(2)]), "l": .list([.int(2)]), "y": .string("new")])
        #expect(GoFormat.string(.map(ValuesCoalescing.merge(a, b))) == "map[l:[2] m:map[a:1 b:2] x:1 y:new]")
        #expect(GoFormat.string(.map(a)) == "map[l:[1] m:map[a:1 b:1] x:1]")
    }

    @Test func tableOverScalarWarnsLikeHelm() {
        let chart = TestChart(coalesceName: "c", defaultValues: ValueMap(["t": map(["a": .int(1)])]), subcharts: [])
        var warnings: [String] = []
        let result = ValuesCoalescing.coalesce(chart: chart, values: ValueMap(["t": .string("flat")]), warnings: &warnings)
        #expect(GoFormat.string(result["t"] ?? .null) == "flat")
    }
}
