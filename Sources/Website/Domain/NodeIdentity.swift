import Crypto
import Foundation

/// The node's Ed25519 key pair. The base64url public key is the node id.
public struct NodeIdentity: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey
    public var nodeID: String { Base64URL.encode(privateKey.publicKey.rawRepresentation) }

    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    /// A new random identity, made on a node's first start.
    public static func generate() -> NodeIdentity {
        NodeIdentity(privateKey: Curve25519.Signing.PrivateKey())
    }

    /// Restores an identity from the 32 raw private key bytes kept in the database.
    public init(rawPrivateKey: [UInt8]) throws {
        self.privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: rawPrivateKey)
    }

    public var rawPrivateKey: [UInt8] { Array(privateKey.rawRepresentation) }
}

/// base64url without padding (RFC 4648 §5), the spelling of node ids and signatures.
public enum Base64URL {
    public static func encode(_ bytes: some DataProtocol) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !base64.contains("="), !base64.contains("\n") else { return nil }
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}
