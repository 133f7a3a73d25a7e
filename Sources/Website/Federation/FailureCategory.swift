import AsyncHTTPClient
import NIOCore
import NIOPosix
import SyncProtocol

/// What the public pages (`/federation`, `/api/v1/peers`) say of a failure: a category such as
/// "refused", "timed out" or "answered 5xx", never the error's text, which can name internal
/// addresses (a neighbour that redirects, or whose name resolves inward, could otherwise use the
/// node to probe what only it can reach). The full text goes to the log.
enum FailureCategory {
    static func of(_ error: any Error) -> String {
        switch error {
        case let error as NeighbourError:
            switch error {
            case .status(let code) where code >= 500: return "answered 5xx"
            case .status(let code) where code == 429: return "asked us to slow down (429)"
            case .status(let code): return "answered \(code)"
            case .redirected: return "redirected (not followed)"
            case .tooLarge: return "answer too large"
            case .malformed: return "answer malformed"
            case .hashMismatch: return "head did not match its hash"
            case .wrongNode: return "address now serves another node"
            case .badPosition, .badDigests: return "answer broke the protocol"
            }
        case let error as HTTPClientError:
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout,
                .getConnectionFromPoolTimeout:
                return "timed out"
            case .remoteConnectionClosed, .uncleanShutdown: return "connection closed"
            default: return "request failed"
            }
        case is NIOConnectionError, is ChannelError, is IOError:
            return "refused or unreachable"
        case is DatabaseTimeout, is DatabaseUnavailable:
            return "this node's database did not answer"
        case is RecordVerifier.Rejection:
            return "sent records that failed verification"
        default:
            return "failed"
        }
    }
}
