import Testing

@testable import Website

@Suite struct DiscoveryRulesTests {
    @Test func peerEntries() {
        #expect(NeighbourAddress(parsing: "website-b") == NeighbourAddress(host: "website-b", port: 8080))
        #expect(NeighbourAddress(parsing: "website-b:9000") == NeighbourAddress(host: "website-b", port: 9000))
        #expect(NeighbourAddress(parsing: "http://10.0.0.5:8081/") == NeighbourAddress(host: "10.0.0.5", port: 8081))
        #expect(NeighbourAddress(parsing: "[::1]:8081") == NeighbourAddress(host: "::1", port: 8081))
        #expect(
            NeighbourAddress(parsing: "https://heads.example.org")
                == NeighbourAddress(host: "heads.example.org", port: 443, usesTLS: true))
        #expect(
            NeighbourAddress(parsing: "HTTPS://heads.example.org:8443/")
                == NeighbourAddress(host: "heads.example.org", port: 8443, usesTLS: true))
        #expect(
            NeighbourBase(parsing: "https://heads.example.org:8443 via 192.0.2.7")
                == NeighbourBase(url: "https://heads.example.org:8443", connectAddress: "192.0.2.7"))
        #expect(
            NeighbourBase(parsing: "http://10.0.0.5:8080")
                == NeighbourBase(url: "http://10.0.0.5:8080", connectAddress: nil))
        #expect(NeighbourBase(url: "https://h:1", connectAddress: "::1").description == "https://h:1 via ::1")
        for bad in ["", "ftp://x", "a b", "x:0", "x:70000", "x:y", "http://x/path", "user@x"] {
            #expect(NeighbourAddress(parsing: bad) == nil, "\(bad)")
        }
        let (peers, invalid) = NeighbourAddress.parseList(
            "# federation\nwebsite-a\nwebsite-b:8080  # same as below\nwebsite-b\n\nbad entry\n,website-c:9000")
        #expect(peers.map(\.description) == ["website-a:8080", "website-b:8080", "website-c:9000"])
        #expect(invalid == ["bad entry"])
        // A comment may hold commas; they do not make entries.
        let commented = NeighbourAddress.parseList(
            "# nodes, one per line: name, name:port\nwebsite-a, website-b # a, b\n")
        #expect(commented.addresses.map(\.description) == ["website-a:8080", "website-b:8080"])
        #expect(commented.invalid.isEmpty)
    }

    /// A list checked out on Windows (CRLF), saved by an old Mac editor (CR) or by Notepad (a
    /// byte-order mark) gives the same entries as the LF original.
    @Test func listsWithWindowsLineEndingsAndAByteOrderMark() {
        let lf = "# neighbours\nwebsite-a\nwebsite-b:8080 # b\n\twebsite-c \n"
        let expected = ["website-a:8080", "website-b:8080", "website-c:8080"]
        for text in [
            lf, lf.replacingOccurrences(of: "\n", with: "\r\n"), lf.replacingOccurrences(of: "\n", with: "\r"),
            "\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n"),
        ] {
            let (peers, invalid) = NeighbourAddress.parseList(text)
            #expect(peers.map(\.description) == expected, "\(text.debugDescription)")
            #expect(invalid.isEmpty, "\(text.debugDescription)")
        }
        #expect(ListEntries.parse("\u{FEFF}website-a\r\n") == ["website-a"])
    }

    /// An entry that is not a neighbour's address is named, with its invisible characters
    /// written out, never dropped silently; a list whose entries are all addresses has nothing to say.
    @Test func aListNamesTheEntriesThatAreNotAddresses() {
        let text =
            "\u{FEFF}# neighbours\r\nwebsite-a\r\nwebsite\tb\r\nhttp://website-c:8080/heads\r\nwebsite-d \r\n\"website-e\"\r\n"
        let report = PeersListReport(source: "peers/list", text: text)
        #expect(report.entries == 5)
        #expect(report.invalid == ["website\tb", "http://website-c:8080/heads", "\"website-e\""])
        #expect(
            report.problem
                == "peers/list: 5 entries, 3 not a neighbour's address (name, name:port, http://host:port or "
                + "https://host[:port]): “website\\u{9}b”, “http://website-c:8080/heads”, “\"website-e\"”")
        #expect(PeersListReport(source: "PEERS", text: "website-a, website-b:9000").problem == nil)
        #expect(PeersListReport(source: "PEERS", text: "").problem == nil)
        for bad in ["web\u{200B}site", "website-ä", "[::1x]:8080", "héads.example.org"] {
            #expect(NeighbourAddress(parsing: bad) == nil, "\(bad.debugDescription)")
        }
        #expect(NeighbourAddress(parsing: "my_node.local:9000") == NeighbourAddress(host: "my_node.local", port: 9000))
    }

    @Test func backoffGrowsWithJitterAndResets() {
        var backoff = Backoff(base: .milliseconds(100), cap: .seconds(5))
        #expect(backoff.failed(random: 1) == .milliseconds(100))
        #expect(backoff.failed(random: 1) == .milliseconds(200))
        #expect(backoff.failed(random: 0.5) == .milliseconds(200))
        for _ in 0..<30 { _ = backoff.failed(random: 1) }
        #expect(backoff.failed(random: 1) == .seconds(5))
        #expect(backoff.failed(random: 0) == .zero)
        backoff.succeeded()
        #expect(backoff.failed(random: 1) == .milliseconds(100))
    }
}
