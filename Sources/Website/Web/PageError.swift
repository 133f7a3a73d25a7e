import Hummingbird
import SyncProtocol

/// An error a page shows to the visitor: the status, a heading and a message, rendered by
/// ``ErrorPageMiddleware`` with the error template.
struct PageError: Error {
    var status: HTTPResponse.Status
    var heading: String
    var message: String
    var headers: HTTPFields = [:]
    /// What the visitor typed, put back into the lookup form (escaped like every value).
    var username: String?

    static func badUsername(_ error: UsernameError, input: String? = nil) -> PageError {
        PageError(
            status: .badRequest, heading: "That is not a Minecraft username", message: error.description,
            username: input)
    }

    init(
        status: HTTPResponse.Status, heading: String, message: String, headers: HTTPFields = [:],
        username: String? = nil
    ) {
        self.status = status
        self.heading = heading
        self.message = message
        self.headers = headers
        self.username = username
    }

    init(_ error: LookupError) {
        switch error {
        case .unknownPlayer(let name):
            self.init(
                status: .notFound, heading: "No such player", message: "There is no Minecraft player called \(name).")
        case .upstreamUnavailable(let reason):
            self.init(
                status: .badGateway, heading: "The profile service is unavailable",
                message: "We could not look this player up: \(reason). Please try again in a moment.")
        case .upstreamBusy(let retryAfter):
            self.init(
                status: .serviceUnavailable, heading: "Too many lookups right now",
                message: "The profile service cannot take more lookups of new names just now. Names this node "
                    + "already knows are still shown. Please try again in \(Self.seconds(retryAfter)) seconds.",
                headers: [.retryAfter: "\(Self.seconds(retryAfter))"])
        case .overAllowance(let retryAfter):
            self.init(
                status: .tooManyRequests, heading: "You have looked up many new names",
                message: "Each visitor may look up a limited number of names this node has not seen yet each "
                    + "minute, so that the profile service keeps answering everyone. Names this node already "
                    + "knows are still shown. Please try again in \(Self.seconds(retryAfter)) seconds.",
                headers: [.retryAfter: "\(Self.seconds(retryAfter))"])
        }
    }

    /// Whole seconds for `Retry-After`, at least 1.
    static func seconds(_ duration: Duration) -> Int64 {
        max(1, duration.components.seconds + (duration.components.attoseconds > 0 ? 1 : 0))
    }
}
