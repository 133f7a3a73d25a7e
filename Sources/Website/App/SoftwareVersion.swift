/// The software's semantic version: the one place it is written. `website --version` prints it,
/// `/api/v1/node` and the node record publish it, the page footer shows it; a test checks that
/// CHANGELOG.md's latest release and the Dockerfile's image label name the same.
public enum SoftwareVersion {
    public static let current = "0.4.0"

    /// The sync protocol's version, served in `/api/v1/node` (docs/protocol.md, "Compatibility").
    public static let protocolVersion = 1

    /// Features of the sync API this node serves, advertised in `/api/v1/node` for operators and
    /// tools. Nodes of this version learn a neighbour's features from its answers instead
    /// (docs/protocol.md, "Capabilities"), so the list and the answers cannot disagree.
    public static let capabilities = [
        "changes", "epochs", "avatars", "node-records", "digests", "digest-kinds", "digest-batches",
    ]
}
