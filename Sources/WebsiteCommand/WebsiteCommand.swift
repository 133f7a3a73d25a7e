import Configuration
import FakeUpstream
import Foundation
import Hummingbird
import Logging
import Website

/// `website` runs a node; `website fake-upstream --port N` runs the offline upstream stand-in;
/// `website --version` prints the version.
@main
struct WebsiteCommand {
    static func main() async {
        let arguments = CommandLine.arguments
        do {
            if arguments.count > 1, arguments[1] == "fake-upstream" {
                try await runFakeUpstream(arguments: [arguments[0]] + arguments.dropFirst(2))
            } else if arguments.contains("--version") {
                print("website \(SoftwareVersion.current)")
            } else if arguments.contains("--help") || arguments.contains("-h") {
                print(AppConfiguration.usage)
            } else {
                try AppConfiguration.checkFlags(arguments)
                let configuration = try AppConfiguration.fromProcess()
                let app = try await buildApplication(configuration)
                try await app.runService()
            }
        } catch let stopped as StartupStopped {
            // A stop asked for while the database was not there yet: done as asked.
            FileHandle.standardError.write(Data("website: \(stopped)\n".utf8))
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("website: \(error)\n".utf8))
            exit(2)
        } catch {
            FileHandle.standardError.write(Data("website: \(String(reflecting: error))\n".utf8))
            exit(1)
        }
    }

    static func runFakeUpstream(arguments: [String]) async throws {
        let reader = ConfigReader(provider: CommandLineArgumentsProvider(arguments: arguments))
        let settings = (
            host: reader.string(forKey: "host", default: "0.0.0.0"),
            port: reader.string(forKey: "port", default: "8090"),
            mode: reader.string(forKey: "mode", default: "normal"),
            latency: reader.string(forKey: "latency.ms", default: "0")
        )
        guard let port = Int(settings.port), (0...65535).contains(port) else {
            throw ConfigurationError(key: "--port", problem: "'\(settings.port)' is not a port number")
        }
        guard let mode = FakeUpstreamState.Mode(rawValue: settings.mode) else {
            throw ConfigurationError(
                key: "--mode", problem: "'\(settings.mode)' is not normal, down, ratelimit or garbage")
        }
        guard let latency = Int(settings.latency), latency >= 0 else {
            throw ConfigurationError(
                key: "--latency-ms", problem: "'\(settings.latency)' is not a number of milliseconds")
        }
        let app = FakeUpstream.buildApplication(
            host: settings.host, port: port, state: FakeUpstreamState(mode: mode, latency: .milliseconds(latency)),
            logger: Logger(label: "fake-upstream"))
        try await app.runService()
    }
}
