/// The blocklist's purge removed a blocked origin's node records without counting them: `purges`
/// gets the column for them (``RecordKind/purgedColumn``), zero for the purges made before. A
/// replica of the previous version still writes its purges (the column has a default) and reads
/// them (it names its columns).
struct CountPurgedNodeRecords: Migration {
    let statements = ["ALTER TABLE purges ADD COLUMN IF NOT EXISTS nodes_removed bigint NOT NULL DEFAULT 0"]
}
