import Testing
@testable import Kube

struct QuantityTests {
    static let milli: [(String, Int64)] = [
        ("1", 1000), ("250m", 250), ("0.5", 500), ("1.5", 1500), ("100m", 100), ("0.1", 100),
        ("2", 2000), ("1900m", 1900), ("1e3", 1_000_000), ("1E-3", 1), ("1u", 1), ("500n", 1),
        ("0", 0), ("-1", -1000), ("+2", 2000), (".5", 500), ("1k", 1_000_000), ("0.0001", 1),
        ("3.3333", 3334),
    ]
    @Test(arguments: milli) func milliValue(text: String, expected: Int64) throws {
        #expect(try Quantity(text).milliValue == expected)
    }

    static let bytes: [(String, Int64)] = [
        ("1Ki", 1024), ("1Mi", 1_048_576), ("1Gi", 1_073_741_824), ("1.5Gi", 1_610_612_736),
        ("1Ti", 1_099_511_627_776), ("1Pi", 1_125_899_906_842_624), ("1Ei", 1_152_921_504_606_846_976),
        ("2981Mi", 3_125_805_056), ("4015484Ki", 4_111_855_616), ("128974848", 128_974_848),
        ("129e6", 129_000_000), ("129M", 129_000_000), ("1G", 1_000_000_000), ("1T", 1_000_000_000_000),
        ("1P", 1_000_000_000_000_000), ("1E", 1_000_000_000_000_000_000), ("1k", 1000), ("0.5Ki", 512),
        ("1m", 1), ("100Mi", 104_857_600), ("0.3Gi", 322_122_548), ("1e0", 1), ("5E+2", 500),
    ]
    @Test(arguments: bytes) func byteValue(text: String, expected: Int64) throws {
        #expect(try Quantity(text).value == expected)
    }

    static let invalid = ["", "abc", "1Xi", "1.2.3", "Mi", "1 Gi x", "1e", "1eX", "--1", "1KiB", "1gi"]
    @Test(arguments: invalid) func rejects(text: String) {
        #expect(throws: KubeError.self) { try Quantity(text) }
    }

    @Test func errorNamesTheText() {
        #expect(throws: KubeError.invalidQuantity(text: "1Xi", reason: "unknown suffix \"Xi\" (use m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent like e3)")) {
            try Quantity("1Xi")
        }
    }

    @Test func equalityIsByAmount() throws {
        #expect(try Quantity("1Gi") == Quantity("1073741824"))
        #expect(try Quantity("1000m") == Quantity("1"))
        #expect(try Quantity("1G") != Quantity("1Gi"))
    }

    @Test func saturatesInsteadOfCrashing() throws {
        #expect(try Quantity("100Ei").value == Int64.max)
        #expect(try Quantity("99999999999999999999999999999999999999999999").value == Int64.max)
    }

    static let formatted: [(Int64, String)] = [
        (1_610_612_736, "1.5 GiB"), (536_870_912, "512 MiB"), (900, "900 B"), (1_073_741_824, "1 GiB"),
        (3_125_805_056, "2.9 GiB"), (0, "0 B"), (141_557_760, "135 MiB"),
    ]
    @Test(arguments: formatted) func formatsBytes(bytes: Int64, text: String) {
        #expect(ResourceFormat.bytes(bytes) == text)
    }

    static let cpu: [(Int64, String)] = [(250, "250m CPU"), (1900, "1.9 vCPU"), (4000, "4 vCPU"), (1000, "1 vCPU"), (0, "0m CPU")]
    @Test(arguments: cpu) func formatsCPU(milli: Int64, text: String) {
        #expect(ResourceFormat.cpu(millicores: milli) == text)
    }
}
