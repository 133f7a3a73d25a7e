import Foundation
import Testing

@testable import SyncProtocol

@Suite struct ProtocolDomainTests {
    @Test func uuidNormalisation() {
        #expect(PlayerUUID.normalise("069A79F4-44E9-4726-A5BE-FCA90E38AAF5") == "069a79f444e94726a5befca90e38aaf5")
        #expect(PlayerUUID.normalise("069a79f444e94726a5befca90e38aaf5") == "069a79f444e94726a5befca90e38aaf5")
        #expect(PlayerUUID.normalise("069a79f444e94726a5befca90e38aaf") == nil)
        #expect(PlayerUUID.normalise("069a79f4-44e94726a5be-fca90e38aaf5") == nil)
        #expect(PlayerUUID.normalise("zzza79f444e94726a5befca90e38aaf5") == nil)
        #expect(PlayerUUID.dashed("069a79f444e94726a5befca90e38aaf5") == "069a79f4-44e9-4726-a5be-fca90e38aaf5")
    }

    @Test func headImageChecksTypeAndSize() throws {
        let png = HeadImage.pngSignature + Array("a tiny test image".utf8)
        let image = try HeadImage(validating: png)
        #expect(image.sha256.count == 64)
        #expect(HeadImage.isSHA256(image.sha256))
        #expect(throws: HeadImageError.notPNG) { try HeadImage(validating: Array("GIF89a not a png".utf8)) }
        #expect(throws: HeadImageError.tooLarge(HeadImage.maximumSize + 1)) {
            try HeadImage(validating: HeadImage.pngSignature + [UInt8](repeating: 0, count: HeadImage.maximumSize - 7))
        }
    }

    @Test func nodeIdentityRoundTripsThroughItsStoredKey() throws {
        let identity = NodeIdentity.generate()
        let restored = try NodeIdentity(rawPrivateKey: identity.rawPrivateKey)
        #expect(restored.nodeID == identity.nodeID)
        #expect(Base64URL.decode(identity.nodeID)?.count == 32)
        #expect(!identity.nodeID.contains("=") && !identity.nodeID.contains("+") && !identity.nodeID.contains("/"))
        #expect(NodeIdentity.generate().nodeID != identity.nodeID)
    }
}

@Suite struct Base64URLTests {
    @Test func matchesFoundationsBase64WithTheURLAlphabet() {
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255) }
            let expected = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == expected)
            #expect(Base64URL.decode(expected) == bytes)
        }
        for bad in ["a", "ab=c", "a+bc", "a/bc", "abc!", "AB"] where bad != "AB" {
            #expect(Base64URL.decode(bad) == nil, "\(bad)")
        }
        #expect(Base64URL.decode("AB") == nil)  // leftover bits set: not a canonical spelling
        #expect(Base64URL.decode("AA") == [0])
    }
}

/// Compatibility (docs/protocol.md): a record of a kind this version does not know is left out
/// quietly, whatever fields it has; an unreadable record of a known kind is counted; the rest of
/// the batch is read either way.
@Suite struct UnknownKindTests {
    @Test func unknownKindsAreSkippedQuietlyAndTheRestIsRead() throws {
        let json = """
            {"nodeId":"n","since":"0","next":"1.3","more":false,"latestSequence":3,"records":[
              {"kind":"vote","origin":"o","name":"alice","signature":"s","weight":3},
              {"kind":"badge","origin":"o"},
              {"kind":"count","origin":"o","name":"alice"},
              {"kind":"count","origin":"o","name":"bob","signature":"s","count":2,"lastLookupAt":1}
            ]}
            """
        let document = try JSONDecoder().decode(ChangesDocument.self, from: Data(json.utf8))
        #expect(document.records.map(\.name) == ["bob"], "the unknown kinds left out, bob's count read")
        #expect(document.unreadable == 1, "alice's count has no signature: malformed, counted")
        let broken = """
            {"nodeId":"n","since":"0","next":"0","more":false,"latestSequence":0,"records":[
              {"kind":"count","origin":"o"}, {"origin":"o"}, {"kind":"vote"}
            ]}
            """
        let second = try JSONDecoder().decode(ChangesDocument.self, from: Data(broken.utf8))
        #expect(second.records.isEmpty)
        #expect(second.unreadable == 2, "a count without a name and a record without a kind")
    }
}
