import Configuration
import Foundation
import Logging

/// Reads settings by their environment-variable name (`HTTP_PORT` is also the flag `--http-port`).
struct SettingsReader {
    let reader: ConfigReader

    /// A file that must exist and be readable when the key is set.
    func readableFile(_ key: ConfigurationKey) throws(ConfigurationError) -> String? {
        guard let path = raw(key) else { return nil }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ConfigurationError(key: key, problem: "cannot read '\(path)'")
        }
        return path
    }

    func raw(_ key: ConfigurationKey) -> String? {
        let value = reader.string(forKey: ConfigKey(key.rawValue.lowercased().replacingOccurrences(of: "_", with: ".")))
        return value?.isEmpty == true ? nil : value
    }

    func string(_ key: ConfigurationKey, default fallback: String) -> String {
        raw(key) ?? fallback
    }

    func integer(
        _ key: ConfigurationKey, default fallback: Int, in range: ClosedRange<Int>
    ) throws(ConfigurationError) -> Int {
        guard let text = raw(key) else { return fallback }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw ConfigurationError(
                key: key, problem: "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// Comma-separated addresses and networks (`10.0.0.0/8`, `::1`).
    func networks(_ key: ConfigurationKey) throws(ConfigurationError) -> [ClientKey.Network] {
        var networks: [ClientKey.Network] = []
        for entry in ListEntries.parse(raw(key) ?? "") {
            guard let network = ClientKey.Network(entry) else {
                throw ConfigurationError(key: key, problem: "'\(entry)' is not an IP address or network (ADDRESS/BITS)")
            }
            networks.append(network)
        }
        return networks
    }

    func port(_ key: ConfigurationKey, default fallback: Int) throws(ConfigurationError) -> Int {
        try integer(key, default: fallback, in: 0...65535)
    }

    func seconds(_ key: ConfigurationKey, default fallback: Double) throws(ConfigurationError) -> Duration {
        guard let text = raw(key) else { return .milliseconds(Int64(fallback * 1000)) }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value > 0, value <= 86400 * 365 else {
            throw ConfigurationError(key: key, problem: "'\(text)' is not a positive number of seconds")
        }
        return .milliseconds(Int64(value * 1000))
    }

    func httpURL(_ key: ConfigurationKey, default fallback: String) throws(ConfigurationError) -> String {
        let text = raw(key) ?? fallback
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ConfigurationError(key: key, problem: "'\(text)' is not an http(s) URL")
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    func logLevel(_ key: ConfigurationKey, default fallback: Logger.Level) throws(ConfigurationError) -> Logger.Level {
        guard let text = raw(key) else { return fallback }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError(key: key, problem: "'\(text)' is not one of \(levels)")
        }
        return level
    }
}
