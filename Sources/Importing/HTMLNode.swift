// A parsed page as a small Swift tree, and the questions the importer asks of it.
import Foundation

/// An element or a run of text, with the line it starts on.
indirect enum HTMLNode {
    case element(name: String, attributes: [String: String], children: [HTMLNode], line: Int)
    case text(String)

    var name: String? {
        if case let .element(name, _, _, _) = self { return name }
        return nil
    }

    var attributes: [String: String] {
        if case let .element(_, attributes, _, _) = self { return attributes }
        return [:]
    }

    var children: [HTMLNode] {
        if case let .element(_, _, children, _) = self { return children }
        return []
    }

    var line: Int {
        if case let .element(_, _, _, line) = self { return line }
        return 0
    }

    /// The words of its class and id ("care-card care-card--urgent" → care, card, urgent),
    /// lowercased, for recognising what a box is.
    var classWords: Set<String> {
        let names = (attributes["class"] ?? "") + " " + (attributes["id"] ?? "") + " " + (attributes["role"] ?? "")
        return Set(names.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    /// The words of its class names that name a block, not a part of one: BEM elements
    /// ("care-card__content") are parts of the box around them, not boxes themselves.
    var blockClassWords: Set<String> {
        let names = (attributes["class"] ?? "").lowercased().split(separator: " ").filter { !$0.contains("__") }
        return Set(names.flatMap { $0.split { !$0.isLetter && !$0.isNumber } }.map(String.init))
    }

    /// Every element below it, depth first, itself first.
    func elements(where matches: (HTMLNode) -> Bool) -> [HTMLNode] {
        guard name != nil else { return [] }
        return (matches(self) ? [self] : []) + children.flatMap { $0.elements(where: matches) }
    }

    /// All its text, with runs of white space folded to one space.
    var text: String { HTMLNode.collapse(rawText) }

    private var rawText: String {
        switch self {
        case .text(let text): return text
        case let .element(name, _, children, _):
            if ["script", "style", "noscript", "template"].contains(name) { return "" }
            let inner = children.map(\.rawText).joined()
            return name == "br" || HTMLNode.blockNames.contains(name) ? " \(inner) " : inner
        }
    }

    /// How much of its text sits inside links, from 0 to 1 (menus and link lists are near 1).
    var linkDensity: Double {
        let all = text.count
        guard all > 0 else { return 0 }
        let linked = elements { $0.name == "a" }.map(\.text.count).reduce(0, +)
        return Double(linked) / Double(all)
    }

    /// The same tree without the elements `drop` chooses.
    func removing(_ drop: (HTMLNode) -> Bool) -> HTMLNode {
        guard case let .element(name, attributes, children, line) = self else { return self }
        return .element(name: name, attributes: attributes,
                        children: children.filter { !drop($0) }.map { $0.removing(drop) }, line: line)
    }

    static let blockNames: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr", "td", "th", "thead", "tbody",
        "section", "article", "main", "blockquote", "header", "footer", "figure", "figcaption", "details", "summary",
        "dl", "dt", "dd", "aside", "nav", "form",
    ]

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
