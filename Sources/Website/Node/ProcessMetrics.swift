import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The process figures Prometheus' client libraries export by convention, read from `/proc`
/// (Linux) at scrape time: CPU seconds, resident memory, open file descriptors, start time.
enum ProcessMetrics {
    /// Seconds since 1970 when this process started (taken when the type is first used, at start-up).
    static let startTime = Date().timeIntervalSince1970

    /// The figures in Prometheus' text format; empty where `/proc` is not there.
    static func text() -> String {
        var lines: [String] = []
        func gauge(_ name: String, _ type: String, _ help: String, _ value: Double) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
            lines.append("\(name) \(value)")
        }
        if let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        {
            // Fields after the command name: state is field 3, utime 14, stime 15 (1-based).
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) {
                let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
                gauge(
                    "process_cpu_seconds_total", "counter", "Total user and system CPU time spent in seconds.",
                    (user + system) / ticks)
            }
        }
        if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) {
            let fields = statm.split(separator: " ")
            if fields.count > 1, let pages = Double(fields[1]) {
                gauge(
                    "process_resident_memory_bytes", "gauge", "Resident memory size in bytes.",
                    pages * Double(sysconf(Int32(_SC_PAGESIZE))))
            }
        }
        if let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            gauge("process_open_fds", "gauge", "Number of open file descriptors.", Double(descriptors.count))
        }
        gauge(
            "process_start_time_seconds", "gauge", "Start time of the process since unix epoch in seconds.",
            startTime.rounded())
        return lines.joined(separator: "\n") + "\n"
    }
}
