import PostgresNIO
import Testing

@testable import Website

/// Parameters named by an enum's cases reach the statement in the cases' order, whatever the
/// order they were set in.
@Suite struct NamedBindingsTests {
    enum Sample: StatementParameter {
        case name, count, note

        var sqlType: String {
            switch self {
            case .name, .note: "text"
            case .count: "int8"
            }
        }
    }

    @Test func placeholdersFollowTheCases() {
        #expect("\(Sample.name) \(Sample.count) \(Sample.note)" == "$1::text $2::int8 $3::text")
    }

    @Test func valuesSetInAnyOrderAreBoundInTheCasesOrder() async throws {
        var named = NamedBindings<Sample>()
        named.set(.note, String?.none)
        named.set(.count, Int64(42))
        named.set(.name, "alice")
        let bindings = try named.bindings()
        let query = PostgresQuery(
            unsafeSQL: "SELECT \(Sample.name), \(Sample.count), \(Sample.note) IS NULL", binds: bindings)
        try await TestDatabase.withMigrated { client, _ in
            let rows = try await client.query(query, logger: TestDatabase.logger)
            var seen = 0
            for try await (name, count, noteIsNull) in rows.decode((String, Int64, Bool).self) {
                #expect(name == "alice" && count == 42 && noteIsNull)
                seen += 1
            }
            #expect(seen == 1)
        }
    }

    @Test func aParameterLeftOutIsAnError() {
        var named = NamedBindings<Sample>()
        named.set(.name, "alice")
        named.set(.note, "x")
        #expect(throws: NamedBindings<Sample>.Missing.self) { try named.bindings() }
    }

    /// Every `$n` of the merge statement is one of its named parameters, and each is used.
    @Test func theMergeStatementUsesEachParameter() {
        let sql = MergeRepository.MergeStatement.sql
        for parameter in MergeRepository.MergeStatement.P.allCases {
            #expect(sql.contains("\(parameter)"), "\(parameter) unused")
        }
        let used = Set(sql.matches(of: /\$([0-9]+)/).map { Int($0.1)! })
        #expect(used == Set(1...MergeRepository.MergeStatement.P.allCases.count))
    }
}
