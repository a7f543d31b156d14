import Foundation
import Testing

/// The real program: `install --simulate --values values.yaml` without `--cloud` rehearses the
/// cloud that values.yaml was written for (its StorageClass shows in the preflight).
@Suite(.serialized) struct SimulatedInstallCloudTests {
    @Test(arguments: [("aws", "gp2"), ("gcp", "standard-rwo"), ("do", "do-block-storage")])
    func theSimulatedClusterFollowsTheCloudInValuesYaml(_ cloud: String, _ storageClass: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: BadInputTableTests.binary), "build first: swift build --build-tests")
        let scratch = try KillLoopTests.Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.dir) }
        let email = cloud == "gcp" ? [] : ["--email", "ops@example.com"]
        #expect(try scratch.run(["values", "--cloud", cloud, "--hostname", "posthog.example.com", "--tier", "small"] + email) == 0)
        let (_, stdout, stderr) = try BadInputTableTests.run(
            ["install", "--simulate", "--values", "values.yaml", "--yes", "--dry-run"], in: scratch.work, environment: scratch.environment)
        #expect(stdout.contains("Default storage class \"\(storageClass)\""), "\(cloud):\n\(stdout)\n\(stderr)")
    }
}
