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
        _ template: String, title: String, _ view: some MustacheParent & Sendable, status: HTTPResponse.Status = .ok
    ) -> Response {
        Self.response(html(template, title: title, view), status: status)
    }

    /// The page's HTML, for callers that keep it (``CountedPages``). `view` is the template's
    /// type in PageViews.swift.
    func html(_ template: String, title: String, _ view: some MustacheParent & Sendable) -> ByteBuffer {
        let page = Page(
            title: title, node: .init(name: node.name, id: node.id, version: SoftwareVersion.current), page: view)
        return ByteBuffer(string: library.render(page, withTemplate: template) ?? "template \(template) is missing")
    }

    static func response(_ html: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: html))
    }
}

extension PageRenderer.Page: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "node": node
        case "page": page
        default: nil
        }
    }
}

extension PageRenderer.Page.Node: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "id": id
        case "version": version
        default: nil
        }
    }
}

extension PageRenderer {
    /// What a template is given: the title and this node, which the header and footer show, and
    /// the page's own view, whose fields the template reads inside `{{#page}}`.
    struct Page<View: Sendable>: Sendable {
        struct Node: Sendable {
            var name: String
            var id: String
            var version: String
        }

        var title: String
        var node: Node
        var page: View
    }
}

enum PageRendererError: Error {
    case missingResources
}
