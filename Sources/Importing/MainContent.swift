// The article inside a full web page: site chrome (menus, headers, footers, sidebars,
// forms, comments, share and cookie boxes, adverts) is removed, then the tightest block
// holding most of the remaining running text is taken, as Readability does: text that
// sits in links counts for nothing, so menus and link lists never win.
import Foundation

enum MainContent {
    static func of(_ body: HTMLNode) -> HTMLNode {
        let cleaned = body.removing(isChrome)
        return tightest(cleaned, holding: 0.8 * score(cleaned))
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
        "login", "banner", "hidden", "print", "disqus",
    ]

    static func isChrome(_ node: HTMLNode) -> Bool {
        guard let name = node.name else { return false }
        let attributes = node.attributes
        if let role = attributes["role"]?.lowercased(), chromeRoles.contains(role) { return true }
        // A section's own <header> holds its heading; an <aside> styled as a warning box is
        // the article's (an urgent box); the site's are furniture.
        let ownHeader = name == "header" && node.elements(where: { ["h2", "h3", "h4", "h5", "h6"].contains($0.name ?? "") }).count > 0
        let articleBox = name == "aside" && SiteVocabulary.calloutKind(classWords: node.classWords) != nil
        if chromeTags.contains(name) && !ownHeader && !articleBox { return true }
        if attributes["hidden"] != nil || attributes["aria-hidden"] == "true" { return true }
        if attributes["style"]?.replacingOccurrences(of: " ", with: "").contains("display:none") == true { return true }
        // Words of the page's own boxes never count: "care-card__header" is the card's heading.
        let words = node.classWords
        if words.contains("care") || words.contains("callout") || words.isDisjoint(with: chromeWords) { return false }
        // "site-content has-sidebar" holds the article; "entry-meta" holds only a byline.
        return words.isDisjoint(with: contentWords) || score(node) < 400
    }

    static let containers: Set<String> = ["div", "section", "article", "main", "body"]
    static let contentWords: Set<String> = ["content", "article", "main", "post", "entry", "body", "story", "hentry", "page"]

    /// Running text that is not inside a link: what an article is made of.
    static func score(_ node: HTMLNode) -> Double {
        let text = Double(node.text.count)
        return text * (1 - node.linkDensity)
    }

    /// The deepest container that still holds `share` of the page's running text. Only
    /// containers count: a paragraph an unclosed tag stretched over the page is not one.
    static func tightest(_ node: HTMLNode, holding share: Double) -> HTMLNode {
        for child in node.children where containers.contains(child.name ?? "") && score(child) >= share {
            return tightest(child, holding: share)
        }
        return node
    }
}
