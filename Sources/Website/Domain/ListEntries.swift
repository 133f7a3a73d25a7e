import Foundation

/// The entries of an operator's list (`peers`, `blocklist`) or of a comma-separated setting: one
/// entry per line or comma-separated item, `#` starts a comment (which may hold commas), blank
/// entries skipped, in order. Lines may end in LF, CRLF (a Windows checkout or editor) or a lone
/// CR, and a byte-order mark (Notepad) at the start is dropped: in Swift `"\r\n"` is one
/// Character, so splitting on `"\n"` alone would read a CRLF list as one line.
enum ListEntries {
    static func parse(_ text: String) -> [String] {
        let text = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
        return text.split(whereSeparator: \.isNewline).flatMap { line in
            line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(separator: ",")
        }.map { $0.trimmingCharacters(in: .whitespaces.union(["\u{FEFF}"])) }.filter { !$0.isEmpty }
    }
}
