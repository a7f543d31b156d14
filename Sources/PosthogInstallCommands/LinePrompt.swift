#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Effects
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A yes/no question on the terminal, for headless commands run by a person.
enum LinePrompt {
    /// Whether standard input is a terminal someone can answer on.
    static var isAvailable: Bool { isatty(STDIN_FILENO) == 1 }

    /// Prints `question [y/N] ` and reads the answer; anything but y/yes (or end of input) is no.
    @Sendable static func yesNo(_ question: String) -> Bool {
        Console.standard.write("\(question) [y/N] ", to: .output)
        guard let answer = readLine()?.trimmingSpacesAndTabs().lowercased() else { return false }
        return answer == "y" || answer == "yes"
    }
}
