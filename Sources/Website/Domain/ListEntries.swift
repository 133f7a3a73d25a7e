import Foundation

/// The entries of an operator's list (`peers`, `blocklist`) or of a comma-separated setting: one
/// entry per line or comma-separated item, `#` starts a comment (which may hold commas), blank
/// entries skipped, in order.
enum ListEntries {
    static func parse(_ text: String) -> [String] {
        text.split(separator: "\n").flatMap { line in
            line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(separator: ",")
        }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
