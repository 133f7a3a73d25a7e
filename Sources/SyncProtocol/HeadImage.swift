import Crypto
import Foundation

/// A head picture: PNG bytes, checked for type and size, named by their sha256.
public struct HeadImage: Sendable, Equatable {
    /// The largest head the node stores or serves (Mojang heads are a few KiB).
    public static let maximumSize = 256 * 1024
    public static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    public let png: [UInt8]
    /// Lower-case hex sha256 of `png`.
    public let sha256: String

    public init(validating bytes: [UInt8]) throws(HeadImageError) {
        guard bytes.count <= Self.maximumSize else { throw .tooLarge(bytes.count) }
        guard bytes.count > Self.pngSignature.count, bytes.starts(with: Self.pngSignature) else { throw .notPNG }
        self.png = bytes
        self.sha256 = Self.hash(bytes)
    }

    /// Hex sha256 of some bytes.
    public static func hash(_ bytes: some Sequence<UInt8>) -> String {
        Hex.encode(SHA256.hash(data: Array(bytes)))
    }

    /// Whether `text` has the shape of a hex sha256.
    public static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && Hex.isLowercase(text)
    }
}

public enum HeadImageError: Error, Equatable, CustomStringConvertible {
    case tooLarge(Int)
    case notPNG

    public var description: String {
        switch self {
        case .tooLarge(let size): return "head image of \(size) bytes is larger than \(HeadImage.maximumSize)"
        case .notPNG: return "head image is not a PNG"
        }
    }
}
