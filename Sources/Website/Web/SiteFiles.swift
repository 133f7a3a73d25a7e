/// Small files served at the site's root.
enum SiteFiles {
    /// A head-shaped icon: the brand mark of the header.
    static let favicon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8" shape-rendering="crispEdges">\
        <rect width="8" height="8" fill="#5b3a1e"/><rect y="3" width="8" height="5" fill="#c8956b"/>\
        <rect x="1" y="4" width="2" height="1" fill="#fff"/><rect x="5" y="4" width="2" height="1" fill="#fff"/>\
        <rect x="2" y="4" width="1" height="1" fill="#2d4fa3"/><rect x="5" y="4" width="1" height="1" fill="#2d4fa3"/>\
        <rect x="3" y="6" width="2" height="1" fill="#7a4b2a"/></svg>
        """

    /// Crawlers stay off the pages that count a lookup, and off the API.
    static let robots = """
        User-agent: *
        Disallow: /heads/
        Disallow: /display_skin
        Disallow: /api/
        Disallow: /avatars/

        """
}
