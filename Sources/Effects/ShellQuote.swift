/// Shell-style quoting for displaying argv in logs and messages; the result is never executed.
public enum ShellQuote {
    /// Quotes one argument only when it holds characters a POSIX shell would treat specially.
    public static func quote(_ argument: String) -> String {
        if argument.isEmpty { return "''" }
        let safe = argument.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "-_./:=,@%+".utf8.contains(byte)
            }
        }
        if safe { return argument }
        return "'" + argument.replacing("'", with: "'\\''") + "'"
    }

    /// Joins an argv with spaces, quoting each argument as needed.
    public static func join(_ argv: [String]) -> String {
        argv.map(quote).joined(separator: " ")
    }
}
