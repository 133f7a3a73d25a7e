import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates in `Resources/templates` into HTML responses.
/// Mustache escapes `{{value}}` (`< > & " '`), so user-controlled text is never markup.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let node: LocalNode
    let stylesheet: ByteBuffer
    /// The same-origin script of the live pages (Resources/static/live.js).
    let liveScript: ByteBuffer

    static func load(node: LocalNode) async throws -> PageRenderer {
        let resources = Bundle.module.bundleURL.appendingPathComponent("Resources")
        guard FileManager.default.fileExists(atPath: resources.path) else {
            throw PageRendererError.missingResources
        }
        let library = try await MustacheLibrary(directory: resources.appendingPathComponent("templates").path)
        let css = try Data(contentsOf: resources.appendingPathComponent("static/site.css"))
        let script = try Data(contentsOf: resources.appendingPathComponent("static/live.js"))
        return PageRenderer(
            library: library, node: node, stylesheet: ByteBuffer(bytes: css), liveScript: ByteBuffer(bytes: script))
    }

    func render(
        _ template: String, title: String, _ values: [String: Any?], status: HTTPResponse.Status = .ok
    ) -> Response {
        Self.response(html(template, title: title, values), status: status)
    }

    /// The page's HTML, for callers that keep it (``RenderedPages``).
    func html(_ template: String, title: String, _ values: [String: Any?]) -> ByteBuffer {
        var context = Self.withoutNils(values)
        context["title"] = title
        context["node"] = ["name": node.name, "id": node.id, "version": SoftwareVersion.current]
        return ByteBuffer(string: library.render(context, withTemplate: template) ?? "template \(template) is missing")
    }

    static func response(_ html: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: html))
    }
}

extension PageRenderer {
    /// Leaves out absent values at every depth, so that `{{#value}}` sections see them as false
    /// (Mustache would otherwise render an Optional's `nil` as text).
    static func withoutNils(_ values: [String: Any?]) -> [String: Any] {
        values.compactMapValues { value in value.flatMap(withoutNils) }
    }

    private static func withoutNils(_ value: Any) -> Any? {
        switch value {
        case let optional as Any?:
            guard let unwrapped = optional else { return nil }
            switch unwrapped {
            case let dictionary as [String: Any?]: return withoutNils(dictionary)
            case let array as [Any?]: return array.compactMap { $0.flatMap(withoutNils) }
            default: return unwrapped
            }
        }
    }
}

enum PageRendererError: Error {
    case missingResources
}
