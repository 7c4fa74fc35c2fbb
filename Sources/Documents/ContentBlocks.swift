// A section's content blocks (paragraphs, lists, sub-headings, callouts, tables, figures)
// as layout blocks, in the article's order; in two languages each starts level with its
// translation.
import ArticleModel
import LayoutEngine

extension Writer {
    func content(_ blocks: [ContentBlock]) -> [Block] {
        blocks.flatMap(content)
    }

    func content(_ block: ContentBlock) -> [Block] {
        switch block {
        case .paragraph(let text): return paragraphs([text])
        case .heading(let text): return heading(text, level: 2)
        case .list(let list): return self.list(list.items, numbered: list.numbered)
        case .callout(let callout): return [self.callout(callout)]
        case .table(let table): return [self.table(table)]
        case .figure(let figure): return figureNote(figure)
        }
    }

    /// A box in the colours of its kind: urgent and see-a-doctor boxes stand out in the
    /// warning colour; the others are quiet notes. A long box splits across pages.
    func callout(_ callout: Callout) -> Block {
        let urgent = callout.kind == .urgent || callout.kind == .seeDoctor
        let defaultTitle: Label? = callout.kind == .do ? .calloutDo : callout.kind == .dont ? .calloutDont : nil
        let title = callout.title ?? defaultTitle.map { label($0) }
        let heading = title.map { self.heading($0, level: 2, colour: urgent ? .warning : .heading) } ?? []
        return box(heading + content(callout.blocks), fill: callout.kind == .urgent ? .warningFill : .noteFill,
                   stroke: urgent ? .warning : .rule, accent: urgent, keepTogether: false)
    }

    /// A table whose cells hold the text in each of the document's languages, one under the other.
    func table(_ table: TextTable) -> Block {
        let cellStyle = style(.body, after: 2)
        let headStyle = style(.body, bold: true, after: 2)
        func cell(_ text: LocalizedText, _ style: ParagraphStyle) -> [Block] {
            mode.languages.map { .text(styled(text, $0, style: style, role: .label)) }
        }
        return .table(TableBlock(widths: table.header.map { _ in .flexible(1) },
                                 header: table.header.map { cell($0, headStyle) },
                                 rows: table.rows.map { $0.map { cell($0, cellStyle) } },
                                 rowHeight: bodySize * 1.6, padding: bodySize * 0.35,
                                 lineColor: layout.colour(.rule), lineWidth: 0.5, headerFill: layout.colour(.noteFill),
                                 spacing: Spacing(before: bodySize * 0.5, after: bodySize)))
    }

    /// A picture's words: what it shows, then its caption, so nothing it said is lost.
    func figureNote(_ figure: Figure) -> [Block] {
        let muted = style(.body, colour: .muted, after: bodySize * 0.5)
        var texts = [localisedPicture(figure.alt)]
        if let caption = figure.caption { texts.append(caption) }
        return paragraphs(texts, style: muted)
    }

    /// "Picture: …" in each language the text has.
    private func localisedPicture(_ alt: LocalizedText) -> LocalizedText {
        var result = alt
        for (language, text) in alt.texts { result[language] = "\(labels.text(.picture, language)): \(text)" }
        return result
    }
}
