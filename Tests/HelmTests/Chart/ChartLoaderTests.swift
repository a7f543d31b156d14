import GoTemplate
import Testing
@testable import Helm

@Suite struct ChartLoaderTests {
    static let repository: String = {
        let parts = #filePath.split(separator: "/").dropLast(4)
        return "/" + parts.joined(separator: "/")
    }()

    @Test func loadsTheStandInChart() throws {
        let chart = try ChartLoader.load(path: Self.repository + "/profiles/standin-chart/posthog")
        #expect(chart.metadata.name == "posthog")
        #expect(chart.metadata.version == "30.46.0-standin")
        #expect(chart.templates.map(\.path).contains("templates/_helpers.tpl"))
        #expect(chart.files.map(\.path) == [])
        // Numbers from values files are float64, as in Helm.
        guard case .map(let zookeeper)? = chart.values["zookeeper"] else { Issue.record("no zookeeper"); return }
        #expect(GoFormat.typeName(zookeeper["replicaCount"] ?? .null) == "float64")
    }

    @Test func loadsAnArchive() throws {
        let chart = try ChartLoader.load(path: Self.repository + "/Tests/HelmTests/Fixtures/archives/good-0.1.0.tgz")
        #expect(chart.metadata.name == "good")
        #expect(GoFormat.string(.map(chart.values)) == "map[replicas:1]")
    }

    @Test func subchartsFromDirectoriesAndArchives() throws {
        let files = [
            ChartFile(path: "Chart.yaml", data: Array("apiVersion: v2\nname: top\nversion: 1.0.0\n".utf8)),
            ChartFile(path: "charts/sub/Chart.yaml", data: Array("apiVersion: v2\nname: sub\nversion: 0.1.0\n".utf8)),
            ChartFile(path: "charts/sub/templates/a.yaml", data: Array("a".utf8)),
        ]
        let chart = try ChartLoader.load(files: files, source: "top")
        #expect(chart.dependencies.map(\.metadata.name) == ["sub"])
        #expect(chart.dependencies.first?.templates.map(\.path) == ["templates/a.yaml"])
    }

    @Test(arguments: [
        ("version: 1.0.0\n", "top/Chart.yaml: validation: chart.metadata.name is required"),
        ("apiVersion: v2\nversion: 1.0.0\n", "top/Chart.yaml: validation: chart.metadata.name is required"),
        ("apiVersion: v2\nname: x\n", "top/Chart.yaml: validation: chart.metadata.version is required"),
        ("apiVersion: v2\nname: x\nversion: one\n", "top/Chart.yaml: validation: chart.metadata.version \"one\" is invalid"),
        ("apiVersion: v2\nname: x\nversion: 1.0.0\ntype: plugin\n", "top/Chart.yaml: validation: chart.metadata.type must be application or library"),
    ])
    func brokenChartYamlIsNamed(text: String, message: String) {
        let files = [ChartFile(path: "Chart.yaml", data: Array(text.utf8))]
        let error = #expect(throws: ChartLoadError.self) { _ = try ChartLoader.load(files: files, source: "top") }
        #expect(error?.description == message)
    }

    @Test func valuesThatAreNotAMapAreAnError() {
        let files = [ChartFile(path: "Chart.yaml", data: Array("apiVersion: v2\nname: x\nversion: 1.0.0\n".utf8)),
                     ChartFile(path: "values.yaml", data: Array("- a\n".utf8))]
        let error = #expect(throws: ChartLoadError.self) { _ = try ChartLoader.load(files: files, source: "top") }
        #expect(error?.message.contains("cannot unmarshal array") == true)
    }
}
