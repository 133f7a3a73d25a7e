import Crypto
import SyncProtocol

/// The fake upstream's rules, deterministic so that tests and classrooms see the same players.
///
/// - Every valid username exists except those starting with `unknown` (any case), which are 404.
/// - A player's UUID is the first 16 bytes of sha256("fake-player:" + lower-cased name).
/// - The display name is the name with its first letter upper-cased and the rest lower-cased.
/// - A head is an 8×8 face scaled to 64×64, its colours taken from sha256 of the UUID.
public enum FakePlayers {
    public static func isKnown(_ name: String) -> Bool {
        !name.lowercased().hasPrefix("unknown")
    }

    public static func uuid(for name: String) -> String {
        Hex.encode(SHA256.hash(data: Array("fake-player:\(name.lowercased())".utf8)).prefix(16))
    }

    public static func displayName(for name: String) -> String {
        name.prefix(1).uppercased() + name.dropFirst().lowercased()
    }

    public static func headPNG(uuid: String) -> [UInt8] {
        let seed = Array(SHA256.hash(data: Array(uuid.utf8)))
        let hair = Array(seed[0..<3])
        let skin = [UInt8(170 + seed[3] % 70), UInt8(120 + seed[4] % 70), UInt8(90 + seed[5] % 60)]
        let eye = Array(seed[6..<9])
        let mouth = skin.map { $0 / 2 }
        let white: [UInt8] = [240, 240, 240]
        let face: [[[UInt8]]] = (0..<8).map { row in
            (0..<8).map { column in
                switch (row, column) {
                case (0...1, _), (2, 0), (2, 7): return hair
                case (4, 1), (4, 6): return white
                case (4, 2), (4, 5): return eye
                case (6, 3...4): return mouth
                default: return skin
                }
            }
        }
        let scale = 8
        var pixels: [UInt8] = []
        for row in 0..<(8 * scale) {
            for column in 0..<(8 * scale) { pixels += face[row / scale][column / scale] }
        }
        return PNGEncoder.encode(width: 8 * scale, height: 8 * scale, rgb: pixels)
    }
}
