// The front of a combined pack: a cover page and a table of contents with page numbers.
import ArticleModel
import LayoutEngine

public enum PackCover {
    /// One line of the table of contents.
    public struct Entry: Sendable {
        public var title: String
        public var detail: String
        public var page: Int

        public init(title: String, detail: String, page: Int) {
            self.title = title
            self.detail = detail
            self.page = page
        }
    }

    /// The cover (title, date, what is inside) and the contents, as pages of the paper.
    public static func plan(entries: [Entry], date: CalendarDate, paper: Paper, layout: DocumentLayout,
                            labels: Labels) -> DocumentPlan {
        let title = ParagraphStyle(size: layout.size(.title).size * layout.metrics.coverTitle, lineHeight: 1.3, color: layout.colour(.heading),
                                   bold: true, spaceAfter: 12)
        let body = ParagraphStyle(size: layout.size(.body).size, lineHeight: layout.size(.body).lineHeight,
                                  color: layout.colour(.text), spaceAfter: 4)
        let small = ParagraphStyle(size: layout.size(.small).size, lineHeight: 1.4, color: layout.colour(.muted))
        var blocks: [Block] = [
            .text(StyledText("Handout pack", style: title, role: .heading(level: 1))),
            .text(StyledText("\(entries.count) documents · \(labels.date(date, in: .en))", style: body)),
            .text(StyledText("Print double-sided: every document starts on a right-hand page.", style: body)),
            .text(StyledText("Contents", style: ParagraphStyle(size: layout.size(.heading).size, lineHeight: 1.4,
                                                               color: layout.colour(.heading), bold: true,
                                                               spaceBefore: 24, spaceAfter: 6), role: .heading(level: 2))),
        ]
        let rule = layout.colour(.rule)
        blocks += entries.map { entry in
            .table(TableBlock(widths: [.flexible(5), .flexible(4), .fixed(40)],
                              header: nil,
                              rows: [[[.text(StyledText(entry.title, style: body))],
                                      [.text(StyledText(entry.detail, style: small))],
                                      [.text(StyledText(String(entry.page), style: body))]]],
                              rowHeight: 0, padding: 2, lineColor: rule, lineWidth: 0))
        }
        var size = paper.size
        if layout.landscape { size = Size(width: size.height, height: size.width) }
        let template = PageTemplate(size: size, margins: layout.margins, bandGap: layout.bandGap,
                                    safeMargin: DocumentLayout.safeMargin, header: { _, _ in [] }, footer: { _, _ in [] })
        return DocumentPlan(pagination: .pages(blocks, template), title: "Handout pack", subject: "Handout pack",
                            diagnostics: [])
    }
}
