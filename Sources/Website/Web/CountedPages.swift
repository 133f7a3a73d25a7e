import NIOCore
import Synchronization

/// A page view whose counts are the part that changes from one lookup to the next.
protocol CountedView: Hashable, Sendable {
    /// Every count the page shows, in the order its template shows them.
    var counts: [Int64] { get set }
}

/// Pages rendered once per everything they show but their counts: a counted head page changes
/// with every lookup, and rendering its Mustache template was the largest part of the node's own
/// work per lookup at one connection (`perf`, BENCHMARKS.md). The first page of a shape is
/// rendered with a marker in place of each count and kept cut at the markers; every page of that
/// shape is then the kept pieces with its counts written between them.
///
/// A page whose markers cannot be told apart from its text (a neighbour named its node like a
/// marker, say) is rendered whole every time: a page is always exactly what rendering would give.
/// Holds at most `capacity` shapes and starts afresh when full.
final class CountedPages<View: CountedView>: Sendable {
    private let shapes = Mutex<[View: [ByteBuffer]]>([:])
    private let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The page of `view`; `render` renders any view of the same template.
    func html(for view: View, render: (View) -> ByteBuffer) -> ByteBuffer {
        var shape = view
        shape.counts = Array(repeating: 0, count: view.counts.count)
        if let pieces = shapes.withLock({ $0[shape] }) {
            return pieces.isEmpty ? render(view) : Self.assemble(pieces, view.counts)
        }
        var marked = view
        marked.counts = view.counts.indices.map(Self.marker)
        // No pieces: the shape's markers cannot be told apart, so its pages are rendered whole,
        // once each (not a marked rendering first every time).
        let pieces = Self.cut(String(buffer: render(marked)), markers: view.counts.count) ?? []
        shapes.withLock { shapes in
            if shapes.count >= capacity { shapes.removeAll(keepingCapacity: true) }
            shapes[shape] = pieces
        }
        return pieces.isEmpty ? render(view) : Self.assemble(pieces, view.counts)
    }

    /// Shapes kept cut now (for tests); shapes rendered whole are not counted.
    var count: Int { shapes.withLock { $0.values.filter { !$0.isEmpty }.count } }

    /// The value shown in place of count `index`: no count is negative, and every marker has the
    /// same number of digits.
    static func marker(_ index: Int) -> Int64 { Int64.min + Int64(index) }

    /// `html` cut at each marker, in order, when each occurs exactly once; nil otherwise.
    static func cut(_ html: String, markers: Int) -> [ByteBuffer]? {
        var pieces: [ByteBuffer] = []
        var rest = Substring(html)
        for index in 0..<markers {
            let marker = String(marker(index))
            guard html.components(separatedBy: marker).count == 2, let found = rest.range(of: marker) else {
                return nil
            }
            pieces.append(ByteBuffer(substring: rest[..<found.lowerBound]))
            rest = rest[found.upperBound...]
        }
        pieces.append(ByteBuffer(substring: rest))
        return pieces
    }

    private static func assemble(_ pieces: [ByteBuffer], _ counts: [Int64]) -> ByteBuffer {
        var html = ByteBuffer()
        html.reserveCapacity(pieces.reduce(counts.count * 20) { $0 + $1.readableBytes })
        for (index, piece) in pieces.enumerated() {
            if index > 0 { html.writeString(String(counts[index - 1])) }
            html.writeImmutableBuffer(piece)
        }
        return html
    }
}

extension HeadPageView: CountedView {
    var counts: [Int64] {
        get { [total, local] + perNode.map(\.count) }
        set {
            (total, local) = (newValue[0], newValue[1])
            for index in perNode.indices { perNode[index].count = newValue[2 + index] }
        }
    }
}
