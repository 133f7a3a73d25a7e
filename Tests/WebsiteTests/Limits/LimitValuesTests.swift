import Foundation
import Testing

@testable import Website

/// The per-client and per-service limits as values, without I/O or clocks of their own.
@Suite struct LimitValuesTests {
    let start = ContinuousClock.now

    @Test func expiringMemoryForgetsAtItsTimeAndStaysWithinItsCapacity() {
        var memory = ExpiringMemory<String>(capacity: 3)
        memory.remember("a", until: start + .seconds(10), now: start)
        #expect(memory.remembered("a", at: start + .seconds(9)) != nil)
        #expect(memory.remembered("a", at: start + .seconds(10)) == nil)
        // An earlier end does not shorten a later one.
        memory.remember("a", until: start + .seconds(5), now: start)
        #expect(memory.remembered("a", at: start + .seconds(9)) != nil)
        for (index, key) in ["b", "c", "d", "e"].enumerated() {
            memory.remember(key, until: start + .seconds(20 + index), now: start)
        }
        #expect(memory.count == 3)
        // The entries that end first went.
        #expect(memory.remembered("a", at: start) == nil)
        #expect(memory.remembered("e", at: start) != nil)
    }

    @Test func wokenLongPollsAnswerInRoundsSpacedByHowManyAreHeld() {
        var pacing = LongPollPacing(answersPerSecond: 100)
        // A lone change is answered at once, and every waiter it woke shares its round.
        #expect(pacing.round(generation: 1, waiters: 50, now: start) == start)
        #expect(pacing.round(generation: 1, waiters: 50, now: start + .milliseconds(30)) == start)
        // The next change, soon after: 50 waiters at 100 answers a second are half a second apart.
        #expect(pacing.round(generation: 2, waiters: 50, now: start + .milliseconds(10)) == start + .milliseconds(500))
        // A change during that wait joins a later round, never an earlier one.
        #expect(pacing.round(generation: 3, waiters: 50, now: start + .milliseconds(20)) == start + .seconds(1))
        // Long after, at once again; with two waiters rounds are 20 ms apart.
        #expect(pacing.round(generation: 4, waiters: 2, now: start + .seconds(5)) == start + .seconds(5))
        #expect(
            pacing.round(generation: 5, waiters: 2, now: start + .seconds(5) + .milliseconds(1))
                == start + .seconds(5) + .milliseconds(20))
    }

    @Test func aClientGetsItsBurstThenOneRequestPerRefill() {
        var allowance = ClientAllowance(perMinute: 3)
        for _ in 0..<3 { #expect(allowance.take("client", now: start) == .allowed) }
        guard case .refused(let retryAfter) = allowance.take("client", now: start) else {
            Issue.record("the fourth request was allowed")
            return
        }
        #expect(retryAfter > .seconds(19) && retryAfter <= .seconds(20))
        // Another client is not affected.
        #expect(allowance.take("other", now: start) == .allowed)
        #expect(allowance.take("client", now: start + .seconds(20)) == .allowed)
        #expect(allowance.take("client", now: start + .seconds(21)) != .allowed)
        // A request answered from stored data gives its token back.
        allowance.giveBack("client", now: start + .seconds(21))
        #expect(allowance.take("client", now: start + .seconds(21)) == .allowed)
    }

    @Test func aFullAllowanceTableForgetsClientsThatLoseNothing() {
        var allowance = ClientAllowance(perMinute: 2, capacity: 2)
        _ = allowance.take("a", now: start)
        _ = allowance.take("a", now: start)
        _ = allowance.take("b", now: start)
        _ = allowance.take("c", now: start)  // the table is full: "b" (fullest) goes, "a" stays used up
        #expect(allowance.take("a", now: start) != .allowed)
    }

    @Test func clientsAreAddressesAndIPv6Slash64s() {
        let keys = ClientKey(trustedProxies: [])
        #expect(keys.key(remote: "192.0.2.7", forwardedFor: []) == "192.0.2.7")
        #expect(keys.key(remote: "::ffff:192.0.2.7", forwardedFor: []) == "192.0.2.7")
        #expect(
            keys.key(remote: "2001:db8:1:2:aaaa::1", forwardedFor: [])
                == keys.key(remote: "2001:db8:1:2:bbbb::9", forwardedFor: []))
        #expect(
            keys.key(remote: "2001:db8:1:2::1", forwardedFor: [])
                != keys.key(remote: "2001:db8:1:3::1", forwardedFor: []))
        #expect(keys.key(remote: nil, forwardedFor: []) == "unknown")
    }

    @Test func forwardedForIsBelievedFromTrustedProxiesOnly() throws {
        let proxy = try #require(ClientKey.Network("10.0.0.0/8"))
        let keys = ClientKey(trustedProxies: [proxy, try #require(ClientKey.Network("::1"))])
        // From an untrusted address the header is the visitor's own word: ignored.
        #expect(keys.key(remote: "192.0.2.7", forwardedFor: ["198.51.100.1"]) == "192.0.2.7")
        // From the proxy: the right-most address that is not a trusted proxy.
        #expect(keys.key(remote: "10.1.2.3", forwardedFor: ["203.0.113.9, 198.51.100.1"]) == "198.51.100.1")
        #expect(keys.key(remote: "10.1.2.3", forwardedFor: ["198.51.100.1, 10.9.9.9"]) == "198.51.100.1")
        #expect(keys.key(remote: "::1", forwardedFor: ["198.51.100.1"]) == "198.51.100.1")
        // A malformed hop stops the walk at the last good address.
        #expect(keys.key(remote: "10.1.2.3", forwardedFor: ["nonsense"]) == "10.1.2.3")
        #expect(ClientKey.Network("10.0.0.0/33") == nil)
        #expect(ClientKey.Network("not-an-address") == nil)
    }

    @Test func healthPausesAfterFailuresAndProbesOnceBeforeOpening() {
        var health = UpstreamHealth(firstFailurePause: .seconds(1), longestFailurePause: .seconds(8))
        #expect(health.admit(now: start) == .go)
        health.record(.failed, now: start, random: 1)
        guard case .refused = health.admit(now: start + .milliseconds(500)) else {
            Issue.record("not paused after a failure")
            return
        }
        #expect(health.admit(now: start + .seconds(1)) == .probe)
        // While the probe asks, the others wait.
        guard case .refused = health.admit(now: start + .seconds(1)) else {
            Issue.record("a second request went during the probe")
            return
        }
        // The probe fails: a longer pause (2 s).
        health.record(.failed, now: start + .seconds(1), random: 1)
        guard case .refused = health.admit(now: start + .milliseconds(2900)) else {
            Issue.record("the second pause was not longer")
            return
        }
        #expect(health.admit(now: start + .seconds(3)) == .probe)
        health.record(.answered, now: start + .seconds(3))
        #expect(health.admit(now: start + .seconds(3)) == .go)
    }

    @Test func rateLimitingPausesForRetryAfterInEitherForm() {
        var health = UpstreamHealth()
        health.record(.rateLimited(retryAfter: .seconds(42)), now: start)
        #expect(health.admit(now: start + .seconds(41)) == .refused(retryAfter: .seconds(1)))
        #expect(health.admit(now: start + .seconds(42)) == .probe)
        #expect(UpstreamHealth.retryAfter("120") == .seconds(120))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let later = now.addingTimeInterval(90)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        #expect(UpstreamHealth.retryAfter(formatter.string(from: later), now: now) == .seconds(90))
        #expect(UpstreamHealth.retryAfter("soon") == nil)
        #expect(UpstreamHealth.retryAfter("999999") == .seconds(3600))
    }

    @Test func anAbandonedProbeLetsTheNextRequestProbe() {
        var health = UpstreamHealth()
        health.record(.failed, now: start, random: 1)
        #expect(health.admit(now: start + .seconds(2)) == .probe)
        health.probeAbandoned(now: start + .seconds(2))
        #expect(health.admit(now: start + .seconds(2)) == .probe)
    }

    @Test func slotsAreBoundedPerClientAndInAll() {
        var slots = SlotCounts(perClient: 2, total: 3)
        #expect(slots.open("a") == nil)
        #expect(slots.open("a") == nil)
        #expect(slots.open("a") == .client)
        #expect(slots.open("b") == nil)
        #expect(slots.open("c") == .total)
        slots.close("a")
        #expect(slots.open("c") == nil)
        slots.close("nobody")
        #expect(slots.all == 3)
    }
}
