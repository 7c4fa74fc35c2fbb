// Reads the article's HTML in document order into headings and content blocks:
// paragraphs, lists whose items keep their paragraphs and nested lists, tables, figures,
// callout boxes and questions with answers. Where a box or list sits is kept exactly.
import ArticleModel
import Diagnostics
import Foundation

/// Reads a page of `file`: texts and places in it.
protocol PageReading {
    var file: String { get }
}

extension PageReading {
    /// English text found at `line` of the page (Bangla is left for translation).
    func english(_ text: String, _ line: Int) -> LocalizedText {
        LocalizedText(en: text, bn: nil, path: "", location: place(line))
    }

    func place(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: max(1, line), column: 1) }
}

/// One thing met while reading the page, in order.
enum PageEvent {
    case heading(level: Int, text: String, line: Int)
    /// A paragraph that is only bold text ending in a colon: a heading on the site.
    case boldHeading(text: String, line: Int)
    case block(ContentBlock, line: Int)
    /// A question with its answer (`<details>`).
    case question(String, answer: [ContentBlock], line: Int)
}

struct BlockReader: PageReading {
    let file: String
    /// The page's address, to make relative links whole.
    let base: URL?
    private(set) var events: [PageEvent] = []
    private(set) var warnings: [Diagnostic] = []
    /// How many lists the reader is inside.
    private var listDepth = 0

    init(file: String, base: URL?) {
        self.file = file
        self.base = base
    }

    static let embedded: Set<String> = ["video", "audio", "iframe", "object", "embed"]

    /// The article format's deepest list nesting.
    static let deepestList = ArticleLoader.deepestList

    mutating func read(_ node: HTMLNode) {
        events += blocks(in: node.children)
    }

    /// The events of a run of sibling nodes: inline runs between blocks become paragraphs.
    mutating func blocks(in nodes: [HTMLNode]) -> [PageEvent] {
        var result: [PageEvent] = []
        var inline: [HTMLNode] = []
        func flush(_ reader: inout BlockReader) {
            let markup = reader.markup(inline)
            if !markup.isEmpty, !SiteVocabulary.isTemplateText(markup) { result.append(.block(.paragraph(reader.english(markup, inline.first?.line ?? 0)), line: inline.first?.line ?? 0)) }
            inline = []
        }
        for node in nodes {
            if let name = node.name, HTMLNode.blockNames.contains(name) || name == "img" || Self.embedded.contains(name) {
                flush(&self)
                result += block(node)
            } else {
                inline.append(node)
            }
        }
        flush(&self)
        return result
    }

    mutating func block(_ node: HTMLNode) -> [PageEvent] {
        let line = node.line
        switch node.name ?? "" {
        case let heading where heading.count == 2 && heading.hasPrefix("h") && heading.last!.isNumber:
            let text = node.text
            return text.isEmpty ? [] : [.heading(level: Int(String(heading.last!))!, text: text, line: line)]
        case "p", "dt", "dd", "figcaption", "summary":
            return paragraph(node)
        case "ul", "ol":
            listDepth += 1
            defer { listDepth -= 1 }
            let items = listItems(node.children, depth: listDepth)
            return items.isEmpty ? [] : [.block(.list(ListBlock(numbered: node.name == "ol", items: items)), line: line)]
        case "table": return table(node)
        case "figure", "img": return figure(node)
        case "details": return question(node)
        case let name where Self.embedded.contains(name):
            warnings.append(.warning("an embedded <\(node.name!)> was not imported", at: place(line),
                                     hint: "add what it says to the article by hand if it matters"))
            return []
        default:
            // A box by its class, or any aside or block whose heading speaks of urgent care.
            let kind = SiteVocabulary.calloutKind(classWords: node.blockClassWords) ?? (MainContent.isUrgentBox(node) ? .urgent : nil)
            if let kind, let callout = callout(node, kind: kind) {
                return callout
            }
            return blocks(in: node.children)
        }
    }

    mutating func paragraph(_ node: HTMLNode) -> [PageEvent] {
        let markup = self.markup(node.children)
        var result: [PageEvent] = []
        let plain = markup.plainText
        if SiteVocabulary.isReviewLine(plain) || SiteVocabulary.isTemplateText(plain) {
            // The page's dates (read as facts) and the site template's furniture.
        } else if markup.hasPrefix("**"), markup.hasSuffix("**"), plain.hasSuffix(":"), plain.split(separator: " ").count <= 8,
                  !markup.dropFirst(2).dropLast(2).contains("**") {
            result.append(.boldHeading(text: plain, line: node.line))
        } else if !markup.isEmpty {
            result.append(.block(.paragraph(english(markup, node.line)), line: node.line))
        }
        // An unclosed inline tag makes the parser nest what follows inside it: read it as blocks.
        for nested in Self.nestedBlocks(node.children) { result += block(nested) }
        return result
    }

    // MARK: Lists

    /// List items with what they hold. `<li><p>text</p></li>` is an item whose text is the
    /// paragraph; further paragraphs and nested lists follow it inside the item. Items a
    /// broken tag swallowed come back as siblings; lists deeper than the format allows
    /// are lifted to the deepest level, with a warning.
    mutating func listItems(_ nodes: [HTMLNode], depth: Int) -> [ListItem] {
        nodes.flatMap { node -> [ListItem] in
            switch node.name {
            case "li": return item(node, depth: depth)
            case "ul", "ol": return listItems(node.children, depth: depth)
            default: return []
            }
        }
    }

    /// One <li>: the item, then the items an unclosed tag swallowed or a too-deep list lifted.
    mutating func item(_ node: HTMLNode, depth: Int) -> [ListItem] {
        let isBlock = { (child: HTMLNode) in child.name.map(HTMLNode.blockNames.contains) ?? false }
        let inline = node.children.filter { !isBlock($0) }
        // Items an unclosed tag swallowed are siblings, not part of this item.
        let swallowed = Self.nestedBlocks(inline)
        var (text, inner, lifted) = itemContent(node.children.filter { isBlock($0) && $0.name != "li" } + swallowed.filter { $0.name != "li" },
                                                text: markup(inline), depth: depth, line: node.line)
        let siblings = lifted + listItems(node.children.filter { $0.name == "li" } + swallowed.filter { $0.name == "li" }, depth: depth)
        // A card-like item ("Step 1", then a heading and its text): the heading is the item.
        if text.plainText.wholeMatch(of: /(?i)(step|stage|part|phase|day)?\s*\d+[.:]?/) != nil,
           case .paragraph(let heading)? = inner.first, heading.en.hasPrefix("**"), heading.en.hasSuffix("**") {
            text = heading.en
            inner.removeFirst()
        }
        // An item that is only a picture or a table: its words are the item.
        if text.isEmpty, case .paragraph(let first)? = inner.first {
            text = first.en
            inner.removeFirst()
        }
        if SiteVocabulary.isTemplateText(text) { return siblings }
        // An item that is only a list: its items stand in its place.
        if text.isEmpty, case .list(let only)? = inner.first, inner.count == 1 { return only.items + siblings }
        return (text.isEmpty ? [] : [ListItem(text: english(text, node.line), blocks: inner)]) + siblings
    }

    /// What an item's blocks hold: its text (the first paragraph or heading when it has no
    /// inline text), its further paragraphs and nested lists, and items of a list nested
    /// deeper than the format allows, lifted to this level with a warning.
    mutating func itemContent(_ nodes: [HTMLNode], text: String, depth: Int, line: Int)
        -> (text: String, inner: [ContentBlock], lifted: [ListItem]) {
        var text = text, inner: [ContentBlock] = [], lifted: [ListItem] = []
        for event in blocks(in: nodes) {
            switch event {
            case .block(.paragraph(let paragraph), _) where text.isEmpty: text = paragraph.en
            case .block(.list(let list), _) where depth >= Self.deepestList:
                warnings.append(.warning("a list nested deeper than \(Self.deepestList) levels was lifted to level \(Self.deepestList)",
                                         at: place(line)))
                lifted += list.items
            case .block(.list(let list), _): inner.append(.list(list))
            case .block(.paragraph(let paragraph), _): inner.append(.paragraph(paragraph))
            case .block(let other, let line):
                // Only paragraphs and lists live inside an item: anything else keeps its words.
                inner.append(.paragraph(english(other.allTexts.map(\.en).joined(separator: " "), line)))
            case .heading(_, let heading, let line), .boldHeading(let heading, let line):
                if text.isEmpty { text = heading } else { inner.append(.paragraph(english("**\(heading)**", line))) }
            case .question(let question, let answer, let line):
                inner.append(.paragraph(english("**\(question)**", line)))
                inner += answer
            }
        }
        return (text, inner, lifted)
    }

    // MARK: Tables, figures, questions, callouts

    mutating func table(_ node: HTMLNode) -> [PageEvent] {
        let rows = node.elements { $0.name == "tr" }
        // A table used to lay out blocks (holding headings or other tables) is read as those blocks.
        let layout = node.children.flatMap { $0.elements { ["h1", "h2", "h3", "table"].contains($0.name ?? "") } }
        if rows.isEmpty || !layout.isEmpty {
            return blocks(in: node.children)
        }
        let cells = rows.map { row in row.children.filter { $0.name == "td" || $0.name == "th" }.map { english(cellText($0), row.line) } }
            .filter { !$0.isEmpty }
        guard var header = cells.first else { return [] }
        let width = cells.map(\.count).max() ?? 0
        func padded(_ row: [LocalizedText]) -> [LocalizedText] {
            row + Array(repeating: english("–", node.line), count: width - row.count)
        }
        header = padded(header).map { $0.en.isEmpty ? english("–", node.line) : $0 }
        let body = cells.dropFirst().map { padded($0).map { $0.en.isEmpty ? english("–", node.line) : $0 } }
        if let caption = node.elements(where: { $0.name == "caption" }).first?.text, !caption.isEmpty {
            return [.block(.paragraph(english("**\(caption)**", node.line)), line: node.line),
                    .block(.table(TextTable(header: header, rows: Array(body))), line: node.line)]
        }
        return [.block(.table(TextTable(header: header, rows: Array(body))), line: node.line)]
    }

    /// A cell's words: its inline text and those of any paragraphs or lists inside it.
    mutating func cellText(_ cell: HTMLNode) -> String {
        let inline = markup(cell.children)
        let blocks = self.blocks(in: cell.children.filter { $0.name.map(HTMLNode.blockNames.contains) ?? false })
            .flatMap { event -> [String] in if case .block(let block, _) = event { block.allTexts.map(\.en) } else { [] } }
        return ([inline] + blocks).filter { !$0.isEmpty }.joined(separator: " ")
    }

    mutating func figure(_ node: HTMLNode) -> [PageEvent] {
        // WordPress wraps tables in <figure>: the table, then its caption.
        if node.name == "figure", node.elements(where: { $0.name == "table" }).count > 0 {
            return blocks(in: node.children)
        }
        let image = node.name == "img" ? node : node.elements { $0.name == "img" }.first
        let alt = image?.attributes["alt"].map(HTMLNode.collapse) ?? ""
        let caption = node.elements { $0.name == "figcaption" }.first.map { markup($0.children) } ?? ""
        // An image with no words is decoration.
        guard !alt.isEmpty || !caption.isEmpty else { return [] }
        warnings.append(.warning("a picture was imported as its words only; its image file is not at hand",
                                 at: place(node.line), hint: "save the picture as PNG beside the article and name it in 'image:'"))
        let figure = Figure(image: nil, alt: english(alt.isEmpty ? caption.plainText : alt, node.line),
                            caption: caption.isEmpty ? nil : english(caption, node.line), location: place(node.line))
        return [.block(.figure(figure), line: node.line)]
    }

    mutating func question(_ node: HTMLNode) -> [PageEvent] {
        let question = node.children.first { $0.name == "summary" }.map(\.text) ?? ""
        let answer = blocks(in: node.children.filter { $0.name != "summary" }).flatMap { event -> [ContentBlock] in
            if case .block(let block, _) = event { return [block] }
            if case .heading(_, let text, let line) = event { return [.paragraph(english("**\(text)**", line))] }
            return []
        }
        guard !question.isEmpty else { return answer.map { .block($0, line: node.line) } }
        return [.question(question, answer: answer, line: node.line)]
    }

    /// A box: its first heading is its title, the rest its blocks. A box whose title names
    /// a part of the page ("Doctor visit helper") is only a wrapper, read as its content.
    mutating func callout(_ node: HTMLNode, kind: Callout.Kind) -> [PageEvent]? {
        // A box holding top-level headings is a wrapper around sections, not a callout.
        if node.elements(where: { $0.name == "h1" || $0.name == "h2" }).count > 1 { return nil }
        var inner = blocks(in: node.children)
        var title: String?
        if let first = inner.first {
            switch first {
            case .heading(_, let text, _), .boldHeading(let text, _): title = text; inner.removeFirst()
            default: break
            }
        }
        if let title, let part = SiteVocabulary.part(of: title, title: "") {
            // The site's tool blocks and furniture are wrappers; a box about a section's subject stays a box.
            if case .section = part {} else if part != .definition { return nil }
        }
        var kind = kind
        let words = title.map(SiteVocabulary.normalised) ?? ""
        if words == "do" { kind = .do } else if words == "don't" || words == "do not" { kind = .dont }
        // A heading about urgent care makes any box urgent, but one the page calls non-urgent.
        if kind != .urgent, !node.blockClassWords.contains("non"), let title, SiteVocabulary.soundsUrgent(title) { kind = .urgent }
        let content = inner.flatMap { event -> [ContentBlock] in
            switch event {
            case .block(let block, _): return [block]
            case .heading(_, let text, let line), .boldHeading(let text, let line): return [.heading(english(text, line))]
            case .question(let question, let answer, let line): return [.heading(english(question, line))] + answer
            }
        }
        guard !content.isEmpty || title != nil else { return [] }
        return [.block(.callout(Callout(kind: kind, title: title.map { english($0, node.line) }, blocks: content)), line: node.line)]
    }

    // MARK: Inline text

    /// Inline content as article text: **bold**, *italic*, [links](https://…), spaces folded.
    func markup(_ nodes: [HTMLNode]) -> String {
        HTMLNode.collapse(nodes.map(markup).joined())
    }

    func markup(_ node: HTMLNode) -> String {
        switch node {
        case .text(let text): return text
        case let .element(name, attributes, children, _):
            if HTMLNode.blockNames.contains(name) || MainContent.chromeTags.contains(name) || name == "img" { return "" }
            let inner = children.map(markup).joined()
            // The marker goes inside the element's own leading and trailing spaces.
            let lead = String(inner.prefix { $0.isWhitespace }), trail = String(inner.reversed().prefix { $0.isWhitespace })
            let trimmed = inner.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return name == "br" ? " " : inner }
            switch name {
            case "strong", "b": return trimmed.contains("**") ? inner : "\(lead)**\(trimmed)**\(trail)"
            case "em", "i": return trimmed.contains("*") ? inner : "\(lead)*\(trimmed)*\(trail)"
            case "a":
                guard let target = link(attributes["href"]), !trimmed.contains("]("), trimmed.plainText != target else { return inner }
                return "\(lead)[\(trimmed)](\(target))\(trail)"
            default: return inner
            }
        }
    }

    /// A link's whole address, or nil for anchors, scripts and mail links.
    func link(_ href: String?) -> String? {
        guard let href, !href.hasPrefix("#"), let url = URL(string: href, relativeTo: base)?.absoluteURL,
              ["http", "https"].contains(url.scheme ?? ""), !url.absoluteString.contains(" "),
              !url.absoluteString.contains(")") else { return nil }
        return url.absoluteString
    }

    /// Block elements inside inline content (where an unclosed tag put them), outermost first.
    static func nestedBlocks(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.flatMap { node -> [HTMLNode] in
            guard let name = node.name else { return [] }
            return HTMLNode.blockNames.contains(name) || name == "img" || embedded.contains(name) ? [node] : nestedBlocks(node.children)
        }
    }
}
