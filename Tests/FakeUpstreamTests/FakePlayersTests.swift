import SyncProtocol
import Testing

@testable import FakeUpstream

@Suite struct FakePlayersTests {
    @Test func rulesAreDeterministic() {
        #expect(FakePlayers.uuid(for: "Alice") == FakePlayers.uuid(for: "alice"))
        #expect(FakePlayers.uuid(for: "alice") != FakePlayers.uuid(for: "bob"))
        #expect(PlayerUUID.normalise(FakePlayers.uuid(for: "alice")) != nil)
        #expect(FakePlayers.displayName(for: "aLICE") == "Alice")
        #expect(FakePlayers.isKnown("alice"))
        #expect(!FakePlayers.isKnown("UnknownPlayer"))
    }

    @Test func headsAreValidPNGs() {
        let png = FakePlayers.headPNG(uuid: FakePlayers.uuid(for: "alice"))
        #expect(png.starts(with: HeadImage.pngSignature))
        #expect(png == FakePlayers.headPNG(uuid: FakePlayers.uuid(for: "alice")))
        #expect(png != FakePlayers.headPNG(uuid: FakePlayers.uuid(for: "bob")))
        // IHDR: 64×64, 8-bit RGB, and its CRC matches.
        let ihdr = Array(png[12..<29])
        #expect(Array(ihdr[0..<4]) == Array("IHDR".utf8))
        #expect(Array(ihdr[4..<12]) == [0, 0, 0, 64, 0, 0, 0, 64])
        let crc = png[29..<33].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
        #expect(crc == PNGEncoder.crc32(ihdr))
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
    }

    @Test func checksumsMatchKnownValues() {
        #expect(PNGEncoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGEncoder.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }
}
