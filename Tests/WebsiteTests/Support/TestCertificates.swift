import Foundation

/// A local certificate authority (openssl) and server certificates it issued, for TLS tests.
struct TestCertificates {
    var directory: String
    /// The authority's certificate (PEM).
    var authority: String { "\(directory)/ca.pem" }

    func certificate(_ name: String) -> String { "\(directory)/\(name).pem" }
    func key(_ name: String) -> String { "\(directory)/\(name).key" }

    /// A new authority in a temporary directory and one certificate per host name (its SAN).
    static func make(names: [String]) throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let made = TestCertificates(directory: directory)
        try openssl(
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=test authority", "-keyout", "\(directory)/ca.key", "-out", made.authority, in: directory)
        for name in names {
            try openssl(
                "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=\(name)",
                "-keyout", made.key(name), "-out", "\(directory)/\(name).csr", in: directory)
            try "subjectAltName=DNS:\(name)\n".write(
                toFile: "\(directory)/\(name).ext", atomically: true, encoding: .utf8)
            try openssl(
                "x509", "-req", "-in", "\(directory)/\(name).csr", "-CA", made.authority, "-CAkey",
                "\(directory)/ca.key",
                "-CAcreateserial", "-days", "2", "-extfile", "\(directory)/\(name).ext", "-out", made.certificate(name),
                in: directory)
        }
        return made
    }

    private static func openssl(_ arguments: String..., in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments) failed"])
        }
    }
}
