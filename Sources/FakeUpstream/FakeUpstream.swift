import Foundation
import Hummingbird
import Logging
import SyncProtocol

/// A local stand-in for Mojang's profile API and the avatar service, on one port:
/// `GET /users/profiles/minecraft/NAME` and `GET /avatar/UUID` (rules in ``FakePlayers``),
/// `GET /control` for the counters and `POST /control?mode=…&latency_ms=…` to change behaviour.
public enum FakeUpstream {
    public static func buildApplication(
        host: String, port: Int, state: FakeUpstreamState, logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("/users/profiles/minecraft/{name}") { _, context -> Response in
            let name = try context.parameters.require("name")
            let (mode, latency) = state.countProfileRequest()
            try await Task.sleep(for: latency)
            switch mode {
            case .down: return Response(status: .internalServerError)
            case .ratelimit:
                return Response(status: .tooManyRequests, headers: [.retryAfter: "30"])
            case .garbage: return json(["unexpected": true])
            case .normal: break
            }
            guard (try? Username(validating: name)) != nil else {
                return json(["errorMessage": "Invalid username"], status: .badRequest)
            }
            guard FakePlayers.isKnown(name) else {
                return json(["errorMessage": "Couldn't find any profile with name \(name)"], status: .notFound)
            }
            return json(["id": FakePlayers.uuid(for: name), "name": FakePlayers.displayName(for: name)])
        }
        router.get("/avatar/{uuid}") { _, context -> Response in
            let (mode, latency) = state.countAvatarRequest()
            try await Task.sleep(for: latency)
            if mode == .down { return Response(status: .internalServerError) }
            guard let uuid = PlayerUUID.normalise(try context.parameters.require("uuid")) else {
                return Response(status: .notFound)
            }
            return Response(
                status: .ok, headers: [.contentType: "image/png"],
                body: .init(byteBuffer: ByteBuffer(bytes: FakePlayers.headPNG(uuid: uuid))))
        }
        router.get("/control") { _, _ -> Response in
            try jsonResponse(state.snapshot)
        }
        router.post("/control") { request, _ -> Response in
            if let text = request.uri.queryParameters.get("mode") {
                guard let mode = FakeUpstreamState.Mode(rawValue: text) else {
                    throw HTTPError(.badRequest, message: "mode is one of normal, down, ratelimit, garbage")
                }
                state.mode = mode
            }
            if let text = request.uri.queryParameters.get("latency_ms") {
                guard let milliseconds = Int(text), milliseconds >= 0 else {
                    throw HTTPError(.badRequest, message: "latency_ms is a whole number of milliseconds")
                }
                state.latency = .milliseconds(milliseconds)
            }
            return try jsonResponse(state.snapshot)
        }
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "fake-upstream"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    private static func json(_ object: [String: any Sendable], status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func jsonResponse(_ value: some Encodable) throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(value))))
    }
}
