import Installer

/// Checks a typed answer against its question's kind: the cleaned value or what is wrong.
/// The wizard's single entry to `Installer.AnswerValidation`, the rules the headless
/// commands use too.
public enum AnswerCheck {
    /// The value to store for `text`, or the problem to show under the field.
    public static func check(_ text: String, question: Question) -> Result<String, AnswerProblem> {
        AnswerValidation.check(text, question: question)
    }
}

extension String {
    /// The text without spaces, tabs and line breaks at either end.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
