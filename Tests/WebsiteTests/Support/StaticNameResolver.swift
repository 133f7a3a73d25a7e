import Website

/// A fixed table, for tests: a name maps to the listed addresses, anything else to itself.
struct StaticNameResolver: NameResolver {
    var table: [String: [String]]

    init(table: [String: [String]]) {
        self.table = table
    }

    func addresses(of host: String) async throws -> [String] { table[host] ?? [host] }
}
