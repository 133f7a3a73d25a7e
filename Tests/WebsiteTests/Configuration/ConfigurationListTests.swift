import Configuration
import Foundation
import Testing

@testable import Website

/// The configuration keys are one list (``ConfigurationKey``): the README's table, the flags and
/// the version shown to users must agree with the code.
@Suite struct ConfigurationListTests {
    /// The repository's root, from this file's place in it (Tests/WebsiteTests/Configuration/).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every key named in the first column of the README's configuration table.
    static func readmeKeys() throws -> Set<String> {
        let readme = try text("README.md")
        let section = try #require(readme.components(separatedBy: "## Configuration").dropFirst().first)
        let table = section.components(separatedBy: "\n## ").first ?? section
        var keys = Set<String>()
        for line in table.split(separator: "\n") where line.hasPrefix("| `") {
            let firstCell = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            for part in firstCell.split(separator: "`").enumerated() where part.offset % 2 == 1 {
                keys.insert(String(part.element))
            }
        }
        return keys
    }

    @Test func readmeTableNamesExactlyTheKeysTheCodeReads() throws {
        let documented = try Self.readmeKeys()
        let code = Set(ConfigurationKey.allCases.map(\.rawValue))
        #expect(documented.subtracting(code).sorted() == [], "in the README but not read by the code")
        #expect(code.subtracting(documented).sorted() == [], "read by the code but not in the README")
    }

    @Test(arguments: ConfigurationKey.allCases)
    func everyKeyIsAFlag(_ key: ConfigurationKey) throws {
        try AppConfiguration.checkFlags(["website", key.flag, "x"])
        #expect(AppConfiguration.usage.contains(key.flag + " ") || AppConfiguration.usage.hasSuffix(key.flag))
    }

    /// The four file settings that once were refused as flags are read from flags too.
    @Test(arguments: [
        ConfigurationKey.databasePasswordFile, .tlsCertificateFile, .tlsKeyFile, .syncTLSCAFile,
    ])
    func fileSettingsAreReadFromFlags(_ key: ConfigurationKey) {
        #expect {
            try AppConfiguration(
                reader: .init(
                    provider: CommandLineArgumentsProvider(arguments: ["website", key.flag, "/nonexistent/f"])))
        } throws: { error in
            (error as? ConfigurationError)?.key == key.rawValue
        }
    }

    @Test func theVersionIsTheSameEverywhereUsersSeeIt() throws {
        let version = SoftwareVersion.current
        #expect(version.split(separator: ".").count == 3 && version.split(separator: ".").allSatisfy { Int($0) != nil })
        #expect(try Self.text("Dockerfile").contains("ARG VERSION=\(version)\n"), "the image's label")
        let changelog = try Self.text("CHANGELOG.md")
        let firstRelease = changelog.split(separator: "\n").first {
            $0.hasPrefix("## [") && !$0.hasPrefix("## [Unreleased]")
        }
        #expect(firstRelease?.hasPrefix("## [\(version)]") == true, "CHANGELOG.md's latest release")
    }
}
