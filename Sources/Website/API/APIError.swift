import Foundation
import Hummingbird

/// The JSON error body of the API: `{"error": "message"}`.
struct APIError: Error, Encodable {
    var status: HTTPResponse.Status
    var message: String
    var headers: HTTPFields = [:]

    enum CodingKeys: String, CodingKey {
        case message = "error"
    }

    func response() throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json"
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(self)))
        )
    }
}
