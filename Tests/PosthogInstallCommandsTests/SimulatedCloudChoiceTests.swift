import Testing

@testable import PosthogInstallCommands

/// A simulated install without --cloud imitates the cloud its answers or values already name.
@Suite struct SimulatedCloudChoiceTests {
    @Test func theFlagWinsThenTheAnswersThenTheValues() {
        let answers = "profile: chart-30\nanswers:\n  cloud: aws\n"
        let values = "cloud: gcp\ningress:\n  hostname: a.example.com\n"
        #expect(SimulatedCloudChoice.cloud(flag: "do", answersText: answers, valuesText: values) == "do")
        #expect(SimulatedCloudChoice.cloud(flag: nil, answersText: answers, valuesText: values) == "aws")
        #expect(SimulatedCloudChoice.cloud(flag: nil, answersText: nil, valuesText: values) == "gcp")
        #expect(SimulatedCloudChoice.cloud(flag: nil, answersText: "answers: [", valuesText: values) == "gcp")
        #expect(SimulatedCloudChoice.cloud(flag: nil, answersText: nil, valuesText: "- not\n- a map\n") == nil)
        #expect(SimulatedCloudChoice.cloud(flag: nil, answersText: nil, valuesText: nil) == nil)
    }
}
