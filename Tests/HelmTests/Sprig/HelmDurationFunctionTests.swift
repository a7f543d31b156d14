import Foundation
import GoTemplate
import Testing
@testable import Helm

/// Helm's duration helpers against what Helm v4.3 printed for the same snippets.
@Suite struct HelmDurationFunctionTests {
    @Test func matchHelm() throws {
        let cases = try JSONDecoder().decode([[String]].self, from: Data(try HelmFixtures.golden("helm-duration-functions.json").utf8))
        #expect(cases.count > 20)
        let values = ValueMap(["secs": .float(90), "fsecs": .float(1.5)])
        for pair in cases {
            let set = TemplateSet(functions: SprigLibrary.functions.merging(HelmFunctions.functions) { _, helm in helm })
            try set.parse(name: "t", source: pair[0])
            #expect(try set.execute("t", data: .map(ValueMap(["Values": .map(values)]))) == pair[1], "\(pair[0])")
        }
    }

    @Test func mustToDurationExplainsWhatItCannotRead() throws {
        let set = TemplateSet(functions: HelmFunctions.functions)
        try set.parse(name: "t", source: #"{{ mustToDuration "soon" }}"#)
        let error = #expect(throws: ExecError.self) { _ = try set.execute("t", data: .null) }
        #expect(error?.message == #"error calling mustToDuration: could not parse duration "soon""#)
    }
}
