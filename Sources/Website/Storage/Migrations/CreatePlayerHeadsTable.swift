/// Which stored head this node serves for a UUID when no profile names one (heads fetched by the
/// node itself for another origin's profile, whose signed fields it cannot change).
struct CreatePlayerHeadsTable: Migration {
    let statements = [
        """
        CREATE TABLE player_heads (
            uuid text PRIMARY KEY,
            sha256 text NOT NULL REFERENCES avatars (sha256)
        )
        """
    ]
}
