import Testing

@testable import SyncProtocol

@Suite struct UsernameTests {
    @Test(arguments: ["a", "Notch", "jeb_", "___", "A1b2C3d4E5f6G7h8", "x_9"])
    func acceptsMojangNames(_ text: String) throws {
        let name = try Username(validating: text)
        #expect(name.raw == text)
        #expect(name.key == text.lowercased())
    }

    @Test(arguments: [
        ("", UsernameError.empty),
        ("ABCDEFGHIJKLMNOPQ", .tooLong(17)),
        ("two words", .invalidCharacters),
        ("<script>", .invalidCharacters),
        ("Ünïcödé", .invalidCharacters),
        ("x'; DROP TABLE", .invalidCharacters),
        ("a-b", .invalidCharacters),
        ("name\n", .invalidCharacters),
    ])
    func rejectsOthers(_ text: String, _ expected: UsernameError) {
        #expect(throws: expected) { try Username(validating: text) }
    }

    @Test func multiByteCharactersCountAsBytes() {
        // 16 characters but more than 16 bytes: rejected as too long before the character check.
        #expect(throws: UsernameError.self) { try Username(validating: String(repeating: "é", count: 16)) }
    }
}
