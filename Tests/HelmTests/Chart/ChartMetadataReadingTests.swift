import GoTemplate
import Testing
@testable import Helm

/// Chart.yaml read as Helm reads it (sigs.k8s.io/yaml into Go string fields); expectations from Helm v4.3.0.
@Suite struct ChartMetadataReadingTests {
    private func metadata(_ text: String) throws -> ChartMetadata {
        try ChartMetadata(yaml: text, source: "c/Chart.yaml")
    }

    @Test func yaml11BooleansAndNumbersInStringFieldsBecomeTheirText() throws {
        let chart = try metadata(
            """
            apiVersion: v2
            name: bools
            version: 0.1.0
            appVersion: off
            description: yes
            home: 1.10
            keywords: [on, 1.10, 7, n]
            annotations:
              a: yes
              b: 3
            maintainers:
              - name: no
                email: 12
            """)
        let map = chart.templateMap(isRoot: true)
        func json(_ key: String) throws -> String { try GoJSON.encode(map[key] ?? .null, escapeHTML: false, indent: nil) }
        #expect(try json("AppVersion") == "\"false\"")
        #expect(try json("Description") == "\"true\"")
        #expect(try json("Home") == "\"1.1\"")
        #expect(try json("Keywords") == #"["true","1.1","7","false"]"#)
        #expect(try json("Annotations") == #"{"a":"true","b":"3"}"#)
        #expect(try json("Maintainers") == #"[{"Email":"12","Name":"false","URL":""}]"#)
    }

    @Test(arguments: [
        ("", "validation: chart.metadata.name is required"),
        ("- a\n- b\n", "validation: chart.metadata.name is required"),
        (
            "apiVersion: v2\nname: x\nversion: [1]\n",
            "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field .version of type string"
        ),
        (
            "apiVersion: v2\nname: {a: 1}\nversion: 1.0.0\n",
            "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field .name of type string"
        ),
    ])
    func malformedChartYamlFailsAsHelm(text: String, message: String) {
        let error = #expect(throws: ChartLoadError.self) { _ = try metadata(text) }
        #expect(error?.message == message)
    }

    @Test func aMissingApiVersionIsReadAsV1() throws {
        #expect(try metadata("name: old\nversion: 1.0.0\n").apiVersion == "v1")
    }
}
