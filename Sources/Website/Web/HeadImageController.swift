import Hummingbird
import SyncProtocol

/// Serves heads from the node's own avatar cache at `/avatars/UUID.png`; the upstream avatar
/// service is asked only when the node does not have the head yet.
struct HeadImageController<Context: RequestContext> {
    let avatars: HeadImageRepository
    let lookup: HeadLookup

    func addRoutes(to router: Router<Context>) {
        router.get("/avatars/{file}", use: avatar)
    }

    @Sendable func avatar(request: Request, context: Context) async throws -> Response {
        let file = try context.parameters.require("file")
        guard file.hasSuffix(".png"), let uuid = PlayerUUID.normalise(String(file.dropLast(4))) else {
            throw HTTPError(.notFound, message: "Heads are served as /avatars/UUID.png.")
        }
        let served = try await avatars.served(uuid: uuid)
        guard served.known else {
            throw HTTPError(.notFound, message: "This node knows no player with that UUID.")
        }
        let image: HeadImage
        if let stored = served.image {
            image = stored
        } else {
            do {
                image = try await lookup.upstreamHead(uuid: uuid)
            } catch {
                throw HTTPError(.badGateway, message: "The avatar service could not provide this head.")
            }
        }
        return Self.response(image, request: request)
    }

    /// The PNG with long-lived cache headers; the sha256 is a strong ETag.
    static func response(_ image: HeadImage, request: Request) -> Response {
        let etag = "\"\(image.sha256)\""
        var headers: HTTPFields = [
            .contentType: "image/png", .cacheControl: "public, max-age=86400", .eTag: etag,
        ]
        if request.headers[.ifNoneMatch] == etag {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(image.png.count)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: image.png)))
    }
}

/// Where a player's head image is served (``HeadImageController``'s route): pages and the API link it.
enum AvatarPaths {
    static func path(uuid: String) -> String { "/avatars/\(uuid).png" }
}
