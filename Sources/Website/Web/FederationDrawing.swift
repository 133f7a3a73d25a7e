import SyncProtocol

/// The federation page's picture, drawn by the server as inline SVG (no JavaScript): this node at
/// the top, one row per neighbour with the state of its link and its lag, and the origins this
/// node learnt through that neighbour behind it. It has a title and a text description for screen
/// readers and scales to the width of a phone.
struct FederationDrawing {
    struct Neighbour {
        var id: String
        var name: String
        var state: NeighbourState
        var lag: Int64
        /// Names (and ids) of the origins first or also delivered by this neighbour.
        var behind: [(id: String, name: String)]
    }

    var selfName: String
    var neighbours: [Neighbour]

    static let width = 640
    static let rowHeight = 70
    static let shownBehind = 3

    var svg: String {
        let height = 70 + max(1, neighbours.count) * Self.rowHeight
        var parts: [String] = []
        parts.append(
            """
            <svg class="federation-map" role="img" aria-labelledby="federation-map-title federation-map-desc" \
            viewBox="0 0 \(Self.width) \(height)" xmlns="http://www.w3.org/2000/svg">
            <title id="federation-map-title">The federation seen from \(Self.escape(selfName))</title>
            <desc id="federation-map-desc">\(Self.escape(description))</desc>
            <g class="map-self"><rect x="220" y="10" width="200" height="40" rx="8"/>\
            <text x="320" y="35" text-anchor="middle">\(Self.escape(Self.short(selfName, 20)))</text></g>
            """)
        if neighbours.isEmpty {
            parts.append(
                "<text class=\"map-empty\" x=\"320\" y=\"100\" text-anchor=\"middle\">No neighbours yet</text>")
        }
        for (index, neighbour) in neighbours.enumerated() {
            let top = 80 + index * Self.rowHeight
            let middle = top + 20
            let state = neighbour.state.rawValue
            // Whose records travel along this link (the live page lights it when one arrives).
            let origins = ([neighbour.id] + neighbour.behind.map(\.id)).joined(separator: " ")
            parts.append(
                """
                <g class="map-link state-\(state)" data-origins="\(Self.escape(origins))">\
                <line x1="320" y1="50" x2="130" y2="\(top)"/>\
                <text class="map-link-label" x="\(index.isMultiple(of: 2) ? 250 : 236)" y="\(top - 6)">\
                \(state) · lag \(neighbour.lag)</text></g>
                <g class="map-neighbour state-\(state)" data-node-id="\(Self.escape(neighbour.id))">\
                <title>\(Self.escape(neighbour.name)) (\(state), lag \(neighbour.lag))</title>\
                <rect x="30" y="\(top)" width="200" height="40" rx="8"/>\
                <text x="130" y="\(top + 25)" text-anchor="middle">\(Self.escape(Self.short(neighbour.name, 20)))</text></g>
                """)
            for (slot, origin) in neighbour.behind.prefix(Self.shownBehind).enumerated() {
                let left = 280 + slot * 115
                parts.append(
                    """
                    <g class="map-origin" data-behind="\(Self.escape(neighbour.id))" data-node-id="\(Self.escape(origin.id))">\
                    <title>\(Self.escape(origin.name)), known through \(Self.escape(neighbour.name))</title>\
                    <line x1="\(slot == 0 ? 230 : left - 15)" y1="\(middle)" x2="\(left)" y2="\(middle)"/>\
                    <rect x="\(left)" y="\(top + 5)" width="100" height="30" rx="6"/>\
                    <text x="\(left + 50)" y="\(top + 25)" text-anchor="middle">\(Self.escape(Self.short(origin.name, 12)))</text></g>
                    """)
            }
            if neighbour.behind.count > Self.shownBehind {
                parts.append(
                    "<text class=\"map-more\" x=\"\(280 + Self.shownBehind * 115 - 10)\" y=\"\(top + 60)\" text-anchor=\"end\">"
                        + "+\(neighbour.behind.count - Self.shownBehind) more</text>")
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The picture in words: who this node pulls from, in which state, and what it learns through each.
    var description: String {
        guard !neighbours.isEmpty else { return "\(selfName) has no neighbours yet." }
        let rows = neighbours.map { neighbour in
            var text = "\(neighbour.name) (\(neighbour.state.rawValue), lag \(neighbour.lag))"
            if !neighbour.behind.isEmpty {
                text += ", through which it knows " + neighbour.behind.map(\.name).joined(separator: ", ")
            }
            return text
        }
        return "\(selfName) pulls from \(neighbours.count) neighbour\(neighbours.count == 1 ? "" : "s"): "
            + rows.joined(separator: "; ") + "."
    }

    static func short(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    /// XML text and attribute escaping.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
