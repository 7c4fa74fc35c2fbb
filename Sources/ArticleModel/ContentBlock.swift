// What a section holds, in the page's order: paragraphs, lists (whose items may hold
// paragraphs and lists of their own), sub-headings, callout boxes, tables and figures.
// Order is meaning here: "If you have symptoms, you should:" belongs right above its list.
import Diagnostics

public indirect enum ContentBlock: Sendable {
    case paragraph(LocalizedText)
    case list(ListBlock)
    /// A heading inside a section, one level below the section's own.
    case heading(LocalizedText)
    case callout(Callout)
    case table(TextTable)
    case figure(Figure)

    /// Every text in the block, in reading order.
    public var allTexts: [LocalizedText] {
        switch self {
        case .paragraph(let text), .heading(let text): return [text]
        case .list(let list): return list.items.flatMap(\.allTexts)
        case .callout(let callout): return (callout.title.map { [$0] } ?? []) + callout.blocks.flatMap(\.allTexts)
        case .table(let table): return table.header + table.rows.flatMap { $0 }
        case .figure(let figure): return [figure.alt] + (figure.caption.map { [$0] } ?? [])
        }
    }

    /// Running paragraphs, at any depth (for paragraph-length checks).
    public var paragraphs: [LocalizedText] {
        switch self {
        case .paragraph(let text): return [text]
        case .list(let list): return list.items.flatMap { $0.blocks.flatMap(\.paragraphs) }
        case .callout(let callout): return callout.blocks.flatMap(\.paragraphs)
        case .heading, .table, .figure: return []
        }
    }

    /// Figures, at any depth.
    public var figures: [Figure] {
        switch self {
        case .figure(let figure): return [figure]
        case .callout(let callout): return callout.blocks.flatMap(\.figures)
        case .paragraph, .heading, .list, .table: return []
        }
    }

    /// Every list, nested lists each on their own (for list-length checks).
    public var lists: [[LocalizedText]] {
        switch self {
        case .list(let list): return [list.items.map(\.text)] + list.items.flatMap { $0.blocks.flatMap(\.lists) }
        case .callout(let callout): return callout.blocks.flatMap(\.lists)
        case .paragraph, .heading, .table, .figure: return []
        }
    }
}

public struct ListBlock: Sendable {
    public var numbered: Bool
    public var items: [ListItem]

    public init(numbered: Bool, items: [ListItem]) {
        self.numbered = numbered
        self.items = items
    }
}

/// A list item: its text, then what else it holds (further paragraphs, a nested list).
public struct ListItem: Sendable {
    public var text: LocalizedText
    public var blocks: [ContentBlock]

    public init(text: LocalizedText, blocks: [ContentBlock]) {
        self.text = text
        self.blocks = blocks
    }

    /// An item with a bulleted sub-list (the shape of the first article format).
    public init(text: LocalizedText, children: [ListItem] = []) {
        self.init(text: text, blocks: children.isEmpty ? [] : [.list(ListBlock(numbered: false, items: children))])
    }

    /// The items of its nested lists.
    public var children: [ListItem] {
        blocks.flatMap { block -> [ListItem] in
            if case .list(let list) = block { return list.items }
            return []
        }
    }

    var allTexts: [LocalizedText] { [text] + blocks.flatMap(\.allTexts) }
}

/// A box that stands out from the running text: urgent care, a see-a-doctor note, a do or don't list.
public struct Callout: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case urgent
        case seeDoctor = "see-a-doctor"
        case information
        case `do`
        case dont = "don't"
    }

    public var kind: Kind
    public var title: LocalizedText?
    public var blocks: [ContentBlock]

    public init(kind: Kind, title: LocalizedText?, blocks: [ContentBlock]) {
        self.kind = kind
        self.title = title
        self.blocks = blocks
    }
}

/// A table of inline text: a header row and rows of cells.
public struct TextTable: Sendable {
    public var header: [LocalizedText]
    public var rows: [[LocalizedText]]

    public init(header: [LocalizedText], rows: [[LocalizedText]]) {
        self.header = header
        self.rows = rows
    }
}

/// A picture: an image file beside the article, what it shows, and its caption. An
/// imported picture without a local file keeps its words, so nothing it said is lost.
public struct Figure: Sendable {
    /// A PNG file, relative to the article file; nil when the picture is not at hand.
    public var image: String?
    public var alt: LocalizedText
    public var caption: LocalizedText?
    public var location: SourceLocation?

    public init(image: String?, alt: LocalizedText, caption: LocalizedText?, location: SourceLocation?) {
        self.image = image
        self.alt = alt
        self.caption = caption
        self.location = location
    }
}
