import Foundation

/// Whether the profile (or avatar) service may be asked now: open while it answers; paused after
/// it asks us to slow down (429, for its `Retry-After`) or fails (5xx, timeouts, refused
/// connections: exponential backoff); after a pause, one request probes it, and only its success
/// lets the others through again. A value without I/O: ``UpstreamGate`` holds it.
struct UpstreamHealth: Sendable {
    enum State: Sendable, Equatable {
        case open
        case paused(until: ContinuousClock.Instant)
        /// One request is asking; the others wait for its outcome.
        case probing
    }

    /// What an answer says about the service's health.
    enum Outcome: Sendable, Equatable {
        /// It answered (a profile, "no such player", a head).
        case answered
        case rateLimited(retryAfter: Duration?)
        /// 5xx, a timeout, no connection, an answer that is not what it should be.
        case failed
    }

    enum Admission: Sendable, Equatable {
        case go
        /// The first request after a pause: its outcome opens or pauses the service again.
        case probe
        case refused(retryAfter: Duration)
    }

    static let defaultRateLimitPause: Duration = .seconds(30)
    static let longestPause: Duration = .seconds(3600)

    private(set) var state = State.open
    private var failures: Backoff

    init(firstFailurePause: Duration = .seconds(1), longestFailurePause: Duration = .seconds(120)) {
        failures = Backoff(base: firstFailurePause, cap: longestFailurePause)
    }

    mutating func admit(now: ContinuousClock.Instant) -> Admission {
        switch state {
        case .open:
            return .go
        case .paused(let until) where now < until:
            return .refused(retryAfter: until - now)
        case .paused:
            state = .probing
            return .probe
        case .probing:
            return .refused(retryAfter: .seconds(1))
        }
    }

    /// Records an answer (of a probe or of any request let through).
    mutating func record(_ outcome: Outcome, now: ContinuousClock.Instant, random: Double = .random(in: 0.5...1)) {
        switch outcome {
        case .answered:
            failures.succeeded()
            state = .open
        case .rateLimited(let retryAfter):
            let pause = min(retryAfter ?? Self.defaultRateLimitPause, Self.longestPause)
            extendPause(to: now + pause)
        case .failed:
            extendPause(to: now + failures.failed(random: random))
        }
    }

    /// A probe that ended without an outcome (its caller went away): the next request probes.
    mutating func probeAbandoned(now: ContinuousClock.Instant) {
        if state == .probing { state = .paused(until: now) }
    }

    private mutating func extendPause(to end: ContinuousClock.Instant) {
        if case .paused(let until) = state, until >= end { return }
        state = .paused(until: end)
    }

    /// `Retry-After` in either of its forms: delay-seconds or an HTTP-date (RFC 9110 §10.2.3),
    /// at most ``longestPause``; nil when it is neither.
    static func retryAfter(_ text: String?, now: Date = Date()) -> Duration? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Int(text) { return .seconds(max(0, min(Int64(seconds), 3600))) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                let seconds = max(0, min(date.timeIntervalSince(now), 3600))
                return .milliseconds(Int64(seconds * 1000))
            }
        }
        return nil
    }
}
