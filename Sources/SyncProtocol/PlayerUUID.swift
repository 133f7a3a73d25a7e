/// Normalises a player UUID to Mojang's form: 32 lower-case hex digits, no dashes.
public enum PlayerUUID {
    /// Returns the normalised UUID, or nil when `text` is not a UUID (with or without dashes).
    public static func normalise(_ text: String) -> String? {
        let hex = text.lowercased().filter { $0 != "-" }
        guard hex.utf8.count == 32, hex.utf8.allSatisfy(isHexDigit) else { return nil }
        if text.contains("-") {
            // Dashes are only accepted in the canonical 8-4-4-4-12 places.
            let groups = text.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
            guard groups == [8, 4, 4, 4, 12] else { return nil }
        }
        return hex
    }

    /// The 8-4-4-4-12 dashed spelling of a normalised UUID.
    public static func dashed(_ hex: String) -> String {
        let characters = Array(hex)
        guard characters.count == 32 else { return hex }
        let cuts = [0, 8, 12, 16, 20, 32]
        return (0..<5).map { String(characters[cuts[$0]..<cuts[$0 + 1]]) }.joined(separator: "-")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
