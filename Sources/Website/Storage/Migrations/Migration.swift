import PostgresNIO

/// One step of the schema, applied once per database in the order of ``Migrations/all``.
protocol Migration: Sendable {
    /// The statements, run in one transaction together with the record of the migration.
    var statements: [String] { get }
}

extension Migration {
    /// The name recorded in `schema_migrations`: the type's name, which says what the step does.
    var name: String { String(describing: type(of: self)) }
}

/// The schema's history. Append only: a migration that has landed is never edited.
enum Migrations {
    static let all: [any Migration] = [
        CreateNodeIdentityTable(),
        CreateProfilesTable(),
        CreateLookupCountsTable(),
        CreateAvatarsTable(),
        AddChangeFeed(),
        CreatePeersTable(),
        CreatePlayerHeadsTable(),
        AddTrustRules(),
        AddPeerLeases(),
        AddFeedEpoch(),
        CreateNodeRecordsTable(),
        AddNameTotals(),
        DropCounterTimeIndex(),
        AddDigestBuckets(),
        RefineDigestBuckets(),
        SkipUnchangedBucketsAndTotals(),
        CountPurgedNodeRecords(),
    ]
}
