// A section's content blocks (paragraphs, lists, sub-headings, callouts, tables, figures)
// as layout blocks, in the article's order; in two languages each starts level with its
// translation.
import ArticleModel
import Diagnostics
import Foundation
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
        case .figure(let figure): return self.figure(figure)
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
                                 rowHeight: em(metrics.tableRow), padding: em(metrics.tablePadding),
                                 lineColor: layout.colour(.rule), lineWidth: 0.5, headerFill: layout.colour(.noteFill),
                                 spacing: Spacing(before: em(metrics.paragraphGap), after: bodySize)))
    }

    /// A picture and its caption. Without its PNG file, its words stand in for it (what it
    /// shows, then the caption), said so by a warning, so nothing it said is lost.
    func figure(_ figure: Figure) -> [Block] {
        let muted = style(.body, colour: .muted, after: em(metrics.paragraphGap))
        let caption = figure.caption.map { paragraphs([$0], style: muted) } ?? []
        guard let file = figure.image.map({ imagePath($0, beside: figure.location) }), let size = Self.pngSize(file) else {
            if let image = figure.image {
                warn(.warning("the image '\(image)' is not a PNG file beside the article; its description is printed instead",
                                            at: figure.location, subject: figure.alt.path,
                                            hint: "save the picture as PNG beside the article").rule("missing-picture"))
            }
            return paragraphs([localisedPicture(figure.alt)], style: muted) + caption
        }
        // As wide as the column allows, and no taller than a third of the page.
        let scale = min(1, bodyWidth / size.width, pageSize.height / 3 / size.height)
        let placed = Size(width: size.width * scale, height: size.height * scale)
        let alts = mode.languages.compactMap { language in figure.alt[language].map { (language, $0) } }
        return [.drawing(DrawingBlock(size: placed, items: [.image(Rect(x: 0, y: 0, width: placed.width, height: placed.height), file: file, gray: layout.grayscale)],
                                      spacing: Spacing(before: em(metrics.paragraphGap), after: em(metrics.blockGap)),
                                      alt: alts.map(\.1).joined(separator: " / "), altLanguage: alts.count == 1 ? alts[0].0.rawValue : nil))] + caption
    }

    /// A picture's file, named relative to the article file it is written in.
    private func imagePath(_ image: String, beside location: SourceLocation?) -> String {
        guard !image.hasPrefix("/"), let article = location?.file else { return image }
        return URL(fileURLWithPath: article).deletingLastPathComponent().appendingPathComponent(image).path
    }

    /// A PNG file's size in points at 72 dpi (its pixels), read from its header; nil for
    /// anything that is not a PNG.
    static func pngSize(_ file: String) -> Size? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 24), header.count == 24,
              header.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        let number = { (offset: Int) in header[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        let (width, height) = (number(16), number(20))
        return width > 0 && height > 0 ? Size(width: Double(width), height: Double(height)) : nil
    }

    /// "Picture: …" in each language the text has.
    private func localisedPicture(_ alt: LocalizedText) -> LocalizedText {
        var result = alt
        for (language, text) in alt.texts { result[language] = "\(labels.text(.picture, language)): \(text)" }
        return result
    }
}
