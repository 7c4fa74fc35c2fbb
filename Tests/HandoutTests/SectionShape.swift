// Sections read in the first article format's terms (paragraphs, then one list), for
// tests of articles written that way. `outline` compares whole sections, order included.
import HandoutKit

extension Section {
    /// The paragraphs before anything else.
    var intro: [LocalizedText] {
        blocks.prefix { if case .paragraph = $0 { true } else { false } }
            .compactMap { if case .paragraph(let text) = $0 { text } else { nil } }
    }

    var firstList: ListBlock? {
        blocks.lazy.compactMap { if case .list(let list) = $0 { list } else { nil } }.first
    }

    /// The items of the first list.
    var items: [ListItem] { firstList?.items ?? [] }
    var numbered: Bool { firstList?.numbered ?? true }

    /// Every block as a line of its kind and English text, list items indented by depth.
    var outline: [String] { blocks.flatMap { Self.outline($0, depth: 0) } }

    static func outline(_ block: ContentBlock, depth: Int) -> [String] {
        let pad = String(repeating: "  ", count: depth)
        switch block {
        case .paragraph(let text): return ["\(pad)p: \(text.en)"]
        case .heading(let text): return ["\(pad)h: \(text.en)"]
        case .list(let list):
            return list.items.flatMap { item in
                ["\(pad)\(list.numbered ? "1." : "-") \(item.text.en)"] + item.blocks.flatMap { outline($0, depth: depth + 1) }
            }
        case .callout(let callout):
            return ["\(pad)box \(callout.kind.rawValue): \(callout.title?.en ?? "")"] + callout.blocks.flatMap { outline($0, depth: depth + 1) }
        case .table(let table): return ["\(pad)table: " + table.header.map(\.en).joined(separator: " | ")]
            + table.rows.map { "\(pad)  " + $0.map(\.en).joined(separator: " | ") }
        case .figure(let figure): return ["\(pad)figure: \(figure.alt.en) / \(figure.caption?.en ?? "")"]
        }
    }
}
