// Walks a parsed page in reading order and sorts what it finds into the article's parts.
import ArticleModel
import Diagnostics
import Foundation

struct PageReader {
    let file: String
    private(set) var warnings: [Diagnostic] = []
    /// The page's main heading, or failing that its <title>.
    var title: String? { heading1 ?? documentTitle }
    private var heading1: String?
    private var documentTitle: String?
    private(set) var canonical: String?

    private var definition: [LocalizedText] = []
    private var conclusion: [LocalizedText] = []
    private var disclaimer: String?
    private var references: [String] = []
    private var sections: [SectionKind: Section] = [:]
    private var others: [Section] = []
    /// Where text goes now.
    private var target: Target = .definition

    enum Target {
        case definition, conclusion, references
        case section(SectionKind)
        case other(Int)
    }

    init(file: String) {
        self.file = file
    }

    /// The site's usual headings and the sections they fill.
    static let headings: [(prefix: String, target: Target)] = [
        ("types of", .section(.types)), ("causes of", .section(.causes)), ("symptoms of", .section(.symptoms)),
        ("diagnostic tests for", .section(.diagnosticTests)), ("diagnosis of", .section(.diagnosticTests)),
        ("treatment options for", .section(.treatments)), ("treatment of", .section(.treatments)),
        ("drugs used for", .section(.drugs)), ("medications for", .section(.drugs)), ("surgery for", .section(.surgery)),
        ("conclusion", .conclusion), ("references", .references), ("sources", .references),
    ]
    static let ignored: Set<String> = ["script", "style", "noscript", "template", "nav", "footer", "form", "button"]
    static let dropped: Set<String> = ["img", "table", "iframe", "video", "audio", "svg", "figure"]

    mutating func read(_ node: HTMLNode) {
        guard case let .element(name, attributes, children, line) = node else {
            if case .text(let text) = node { paragraph(Self.collapse(text), line: 0) }
            return
        }
        switch name {
        case "title": documentTitle = documentTitle ?? Self.plainText(children)
        case "link" where attributes["rel"] == "canonical": canonical = attributes["href"]
        case "meta" where attributes["property"] == "og:url": canonical = canonical ?? attributes["content"]
        case "h1": heading1 = heading1 ?? Self.plainText(children)
        case "h2", "h3", "h4", "h5", "h6": heading(Self.plainText(children), line: line)
        case "p":
            paragraph(Self.markup(children), line: line)
            // An unclosed inline tag makes the parser nest what follows inside it: read it as blocks.
            for block in Self.nestedBlocks(children) { read(block) }
        case "ul", "ol":
            let listItems = items(children)
            list(listItems, ordered: name == "ol", links: Self.links(in: children), line: line)
        case _ where Self.ignored.contains(name): break
        case _ where Self.dropped.contains(name):
            warnings.append(.warning("an element <\(name)> was not imported", at: place(line), hint: "add its content to the article by hand if it matters"))
        default: for child in children { read(child) }
        }
    }

    // MARK: Sorting

    private mutating func heading(_ text: String, line: Int) {
        let bare = text.trimmingCharacters(in: CharacterSet(charactersIn: ": ").union(.whitespacesAndNewlines))
        guard !bare.isEmpty else { return }
        let lower = bare.lowercased()
        if let match = Self.headings.first(where: { lower.hasPrefix($0.prefix) }) {
            target = match.target
            if case .section(let kind) = match.target, sections[kind] == nil {
                sections[kind] = Section(title: english(bare, line), intro: [], items: [], numbered: true)
            }
        } else {
            others.append(Section(title: english(bare, line), intro: [], items: [], numbered: true))
            target = .other(others.count - 1)
            warnings.append(.warning("the heading '\(bare)' fits no usual section; it is kept as a general section",
                                     at: place(line), hint: "move its content to the right section if there is one"))
        }
    }

    private mutating func paragraph(_ markup: String, line: Int) {
        guard !markup.isEmpty else { return }
        // A paragraph that is only bold text ending in a colon is a heading on this site.
        let plain = markup.plainText
        if markup.hasPrefix("**"), markup.hasSuffix("**") || markup.hasSuffix(":**"), plain.hasSuffix(":"),
           plain.split(separator: " ").count <= 8 {
            return heading(plain, line: line)
        }
        if plain.lowercased().hasPrefix("disclaimer") {
            disclaimer = String(plain.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces)
            target = .references   // on the site, the unheaded list of sources follows the disclaimer
            return
        }
        let text = english(markup, line)
        switch target {
        case .definition: definition.append(text)
        case .conclusion: conclusion.append(text)
        case .references: references += Self.urls(in: plain)
        case .section(let kind): sections[kind]?.intro.append(text)
        case .other(let index): others[index].intro.append(text)
        }
    }

    private mutating func list(_ items: [ListItem], ordered: Bool, links: [String], line: Int) {
        guard !items.isEmpty else { return }
        switch target {
        case .references:
            for item in items {
                let found = Self.urls(in: item.text.en)
                if found.isEmpty {
                    warnings.append(.warning("a reference without a web address was not kept: '\(item.text.en.plainText.prefix(60))'",
                                             at: item.text.location, hint: "add its address, or add it to the article by hand"))
                }
                references += found
            }
            references += links.filter { !references.contains($0) }
        case .section(let kind): sections[kind]?.items += items; sections[kind]?.numbered = ordered
        case .other(let index): others[index].items += items; others[index].numbered = ordered
        case .definition, .conclusion:
            // A list with no heading: keep it as a section of its own rather than lose it.
            others.append(Section(title: english("More information", line), intro: [], items: items, numbered: ordered))
            target = .other(others.count - 1)
            warnings.append(.warning("a list outside any section was kept as 'More information'", at: place(line)))
        }
    }

    /// List items, with nested lists as children; an item's own text is its inline content.
    /// Items a broken tag swallowed come back as siblings; lists deeper than the article
    /// format allows are lifted to the deepest level, with a warning.
    private mutating func items(_ children: [HTMLNode], depth: Int = 1) -> [ListItem] {
        var result: [ListItem] = []
        for child in children {
            guard case let .element("li", _, content, line) = child else { continue }
            let inline = content.filter { !Self.isList($0) }
            let blocks = content.filter(Self.isList) + Self.nestedBlocks(inline)
            var nested: [ListItem] = []
            var siblings: [ListItem] = []
            for block in blocks {
                guard case let .element(name, _, grandchildren, _) = block else { continue }
                if name == "li" { siblings += items([block], depth: depth) } else if Self.isList(block) {
                    nested += items(grandchildren, depth: depth + 1)
                }
            }
            var item = ListItem(text: english(Self.markup(inline), line), children: nested)
            if depth >= Self.deepestList, !nested.isEmpty {
                warnings.append(.warning("a list nested deeper than \(Self.deepestList) levels was lifted to level \(Self.deepestList)",
                                         at: place(line)))
                item.children = []
                siblings = nested + siblings
            }
            result.append(item)
            result += siblings
        }
        return result
    }

    /// The article format's deepest list nesting.
    static let deepestList = 3
    static let blockNames: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
                                          "section", "article", "main", "blockquote", "header", "footer", "figure"]

    /// Block elements inside inline content (where an unclosed tag put them), outermost first.
    static func nestedBlocks(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.flatMap { node -> [HTMLNode] in
            guard case let .element(name, _, children, _) = node else { return [] }
            return blockNames.contains(name) ? [node] : nestedBlocks(children)
        }
    }

    func article(title: String, url: String, reviewed: CalendarDate) -> Article {
        let slug = Self.slug(from: url, title: title)
        let empty = LocalizedText(en: "", bn: nil, path: "", location: nil)
        return Article(
            metadata: Metadata(slug: slug, canonicalURL: url, lastReviewed: reviewed, lastReviewedLocation: nil,
                               nextReview: reviewed.adding(months: 12), reviewer: nil, version: "1.0"),
            title: english(title, 1), summary: [], keyTakeaways: [], definition: definition,
            sections: sections, otherSections: others, conclusion: conclusion,
            disclaimer: disclaimer.map { english($0, 1) } ?? empty,
            references: references.map { Reference(url: $0, location: nil) },
            warningSigns: WarningSigns(intro: nil, items: [], short: []),
            roadmap: nil, doctorVisit: nil, medicineSafety: nil, diaryPrompts: [], faq: [], silenced: [])
    }

    // MARK: Text

    private func english(_ text: String, _ line: Int) -> LocalizedText {
        LocalizedText(en: text, bn: nil, path: "", location: place(line))
    }

    private func place(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: max(1, line), column: 1) }

    static func isList(_ node: HTMLNode) -> Bool {
        if case let .element(name, _, _, _) = node { return name == "ul" || name == "ol" }
        return false
    }

    /// Inline content as article text: **bold**, *italic*, spaces folded.
    static func markup(_ nodes: [HTMLNode]) -> String {
        collapse(nodes.map(markup).joined())
    }

    static func markup(_ node: HTMLNode) -> String {
        switch node {
        case .text(let text): return text
        case let .element(name, _, children, _):
            if blockNames.contains(name) || ignored.contains(name) { return "" }
            let inner = children.map(markup).joined()
            // The marker goes inside the element's own leading and trailing spaces.
            let lead = String(inner.prefix { $0.isWhitespace }), trail = String(inner.reversed().prefix { $0.isWhitespace })
            let trimmed = inner.trimmingCharacters(in: .whitespacesAndNewlines)
            switch name {
            case "strong", "b": return trimmed.isEmpty ? inner : "\(lead)**\(trimmed)**\(trail)"
            case "em", "i": return trimmed.isEmpty ? inner : "\(lead)*\(trimmed)*\(trail)"
            case "br": return " "
            default: return inner
            }
        }
    }

    static func plainText(_ nodes: [HTMLNode]) -> String { markup(nodes).plainText }

    /// Text of an HTML fragment (a WordPress title may hold entities and tags).
    static func plainText(of html: String) -> String {
        let (root, _) = HTMLTree.parse(Data("<html><body>\(html)</body></html>".utf8), file: "title")
        return root.map { plainText([$0]) } ?? html
    }

    static func links(in nodes: [HTMLNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            guard case let .element(name, attributes, children, _) = node else { return [] }
            let own = name == "a" ? [attributes["href"]].compactMap { $0 }.filter { $0.hasPrefix("http") } : []
            return own + links(in: children)
        }
    }

    static func urls(in text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The page address's last part, or the title made into one.
    static func slug(from url: String, title: String) -> String {
        let last = url.split(separator: "/").last.map(String.init) ?? ""
        let source = last.contains(".") || last.contains(":") || last.isEmpty ? title : last
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789")
        let words = source.lowercased().map { allowed.contains($0) ? $0 : " " }
        return String(words).split(separator: " ").joined(separator: "-")
    }
}
