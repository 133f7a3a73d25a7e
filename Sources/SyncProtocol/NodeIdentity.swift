import Crypto
import Foundation

/// The node's Ed25519 key pair. The base64url public key is the node id.
public struct NodeIdentity: Sendable {
    public let privateKey: Curve25519.Signing.PrivateKey
    /// Kept, not derived on each use: pages and the counting path read it on every request.
    public let nodeID: String

    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
        self.nodeID = Base64URL.encode(privateKey.publicKey.rawRepresentation)
    }

    /// A new random identity, made on a node's first start.
    public static func generate() -> NodeIdentity {
        NodeIdentity(privateKey: Curve25519.Signing.PrivateKey())
    }

    /// Restores an identity from the 32 raw private key bytes kept in the database.
    public init(rawPrivateKey: [UInt8]) throws {
        self.init(privateKey: try Curve25519.Signing.PrivateKey(rawRepresentation: rawPrivateKey))
    }

    public var rawPrivateKey: [UInt8] { Array(privateKey.rawRepresentation) }
}

/// base64url without padding (RFC 4648 §5), the spelling of node ids and signatures. Works on
/// bytes directly: it runs for every record a node signs or verifies.
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
        return table
    }()

    public static func encode(_ bytes: some DataProtocol) -> String {
        let input = Array(bytes)
        var output = [UInt8]()
        output.reserveCapacity((input.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= input.count {
            let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            for shift in [18, 12, 6, 0] { output.append(alphabet[Int((chunk >> UInt32(shift)) & 63)]) }
            index += 3
        }
        let rest = input.count - index
        if rest > 0 {
            let chunk = UInt32(input[index]) << 16 | (rest == 2 ? UInt32(input[index + 1]) << 8 : 0)
            output.append(alphabet[Int((chunk >> 18) & 63)])
            output.append(alphabet[Int((chunk >> 12) & 63)])
            if rest == 2 { output.append(alphabet[Int((chunk >> 6) & 63)]) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes, or nil for anything that is not unpadded base64url.
    public static func decode(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 4 != 1 else { return nil }
        var output = [UInt8]()
        output.reserveCapacity(input.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for character in input {
            let value = values[Int(character)]
            guard value != 0xFF else { return nil }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        // Leftover bits must be zero, so that every byte string has exactly one spelling.
        guard buffer & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return output
    }
}
