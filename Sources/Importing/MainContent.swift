// The article inside a full web page: site chrome (menus, headers, footers, sidebars,
// forms, comments, share and cookie boxes, adverts) is removed, then the tightest block
// holding most of the remaining running text is taken, as Readability does: text that
// sits in links counts for nothing, so menus and link lists never win.
import Foundation

enum MainContent {
    /// The article's content in `body`. A block holding the article's own main heading
    /// (one that agrees with `title`) is never chrome, whatever its class says.
    static func of(_ body: HTMLNode, title: String) -> HTMLNode {
        let cleaned = body.removing { isChrome($0, title: [title]) }
        return tightest(cleaned)
    }

    /// The page's main headings, those outside the site's frame (its banner, menus,
    /// footer) first: a logo's <h1> is the site's name, not the article's.
    static func mainHeadings(in body: HTMLNode) -> [String] {
        var inside: [String] = [], outside: [String] = []
        func walk(_ node: HTMLNode, framed: Bool) {
            guard let name = node.name else { return }
            let framed = framed || isSiteFrame(node)
            if name == "h1", !node.text.isEmpty {
                if framed { outside.append(node.text) } else { inside.append(node.text) }
            }
            for child in node.children { walk(child, framed: framed) }
        }
        walk(body, framed: false)
        return inside + outside
    }

    static func isSiteFrame(_ node: HTMLNode) -> Bool {
        let words = node.classWords
        return ["header", "nav", "footer", "aside"].contains(node.name ?? "")
            || ["banner", "navigation", "contentinfo"].contains(node.attributes["role"]?.lowercased() ?? "")
            || !words.isDisjoint(with: ["masthead", "logo", "brand", "branding"]) || words.isSuperset(of: ["site", "header"])
    }

    static let chromeTags: Set<String> = [
        "nav", "header", "footer", "aside", "form", "button", "select", "input", "textarea", "label", "svg",
        "script", "style", "noscript", "template", "dialog", "menu",
    ]
    static let chromeRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog"]
    /// Words in a class or id that mark furniture ("site-header", "cookie-notice", "sharedaddy").
    static let chromeWords: Set<String> = [
        "nav", "navigation", "navbar", "menu", "breadcrumb", "breadcrumbs", "cookie", "cookies", "consent", "gdpr",
        "share", "sharing", "sharedaddy", "social", "comment", "comments", "respond", "sidebar", "widget", "widgets",
        "ad", "ads", "advert", "adverts", "advertisement", "sponsor", "sponsored", "promo", "newsletter", "subscribe",
        "signup", "related", "relatedposts", "skip", "masthead", "footer", "header", "popup", "modal", "feedback",
        "rating", "author", "byline", "meta", "tags", "categories", "pagination", "toc", "likes", "reactions", "search",
        "login", "banner", "print", "disqus",
    ]

    static func isChrome(_ node: HTMLNode, title: [String]) -> Bool {
        guard let name = node.name else { return false }
        let attributes = node.attributes
        if let role = attributes["role"]?.lowercased(), chromeRoles.contains(role) { return true }
        if attributes["hidden"] != nil || attributes["aria-hidden"] == "true" { return true }
        if attributes["style"]?.replacingOccurrences(of: " ", with: "").contains("display:none") == true { return true }
        // What holds the article's own heading is the article (a "wrapper with-sidebar", an
        // article's <header> with its standfirst); a box about urgent care is the article's.
        if holdsTitle(node, title) || isUrgentBox(node) { return false }
        // A section's own <header> holds its heading.
        if name == "header" { return node.elements(where: { ["h2", "h3", "h4", "h5", "h6"].contains($0.name ?? "") }).isEmpty }
        if chromeTags.contains(name) { return true }
        let words = node.classWords
        if words.contains("care") || words.contains("callout") || words.isDisjoint(with: chromeWords) { return false }
        // "site-content has-sidebar" holds the article; "entry-meta" holds only a byline.
        return words.isDisjoint(with: contentWords) || score(node) < 400
    }

    /// Whether the node holds an <h1> that agrees with one of the page's names for itself.
    static func holdsTitle(_ node: HTMLNode, _ title: [String]) -> Bool {
        node.elements { $0.name == "h1" }.contains { h1 in title.contains { PageFacts.agree(h1.text, $0) } }
    }

    /// An <aside> or box whose heading speaks of urgent care ("Call 999 if:") and that holds
    /// more than that heading; or an <aside> styled as a warning.
    static func isUrgentBox(_ node: HTMLNode) -> Bool {
        guard ["aside", "div", "section"].contains(node.name ?? "") else { return false }
        if node.name == "aside", SiteVocabulary.calloutKind(classWords: node.blockClassWords) != nil { return true }
        let heading = node.elements { ["h2", "h3", "h4", "h5", "h6", "strong", "b"].contains($0.name ?? "") }.first
        let content = node.elements { ["ul", "ol", "p"].contains($0.name ?? "") }
        return heading.map { SiteVocabulary.soundsUrgent($0.text) && $0.text.count < 120 } == true
            && content.contains { !$0.text.isEmpty && $0.text != heading?.text }
    }

    static let containers: Set<String> = ["div", "section", "article", "main", "body"]
    static let contentWords: Set<String> = ["content", "article", "main", "post", "entry", "body", "story", "hentry", "page"]

    /// Running text that is not inside a link: what an article is made of.
    static func score(_ node: HTMLNode) -> Double {
        let text = Double(node.text.count)
        return text * (1 - node.linkDensity)
    }

    /// The deepest container whose siblings hold next to no running text: once the chrome
    /// is gone, text beside the article's body (an introduction in its own <div>) is the
    /// article's too, so a container is entered only if it holds 95% of what is left. Only
    /// containers count: a paragraph an unclosed tag stretched over the page is not one.
    static func tightest(_ node: HTMLNode) -> HTMLNode {
        let total = score(node)
        for child in node.children where containers.contains(child.name ?? "") && score(child) >= 0.95 * total {
            return tightest(child)
        }
        return node
    }
}
