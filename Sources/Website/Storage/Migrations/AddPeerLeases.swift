/// One puller per neighbour per node without holding a connection for life: a replica takes a
/// lease on the neighbour's row (holder and expiry), renews it before each request, and checks
/// it in the transaction that merges, so a replica whose lease ran out writes nothing.
struct AddPeerLeases: Migration {
    let statements = [
        "ALTER TABLE peers ADD COLUMN lease_holder text, ADD COLUMN lease_until timestamptz"
    ]
}
