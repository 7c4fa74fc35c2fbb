// Several copies of one fixed-size item on a sheet, with cut marks: wallet cards. Each
// side of the item becomes one page; the back page is mirrored so that, printed
// double-sided and flipped on the long edge, every back lands behind its front.
import Diagnostics

public struct SheetTemplate {
    public var size: Size
    /// Nothing, cut marks included, comes nearer the paper's edge than this.
    public var margin: Double
    /// The finished item, between its cut marks (85.6 × 54 mm for a card).
    public var item: Size
    public var padding: Insets
    /// Space between items, where the cut marks go.
    public var gutter: Double
    public var markLength: Double
    public var markColor: Color
    /// A faint outline for cutting with scissors.
    public var outlineColor: Color
    /// What fills each side (paths into the article), to name in a message when a side overflows.
    public var sideSources: [String] = []

    public init(size: Size, margin: Double, item: Size, padding: Insets, gutter: Double, markLength: Double,
                markColor: Color, outlineColor: Color) {
        self.size = size
        self.margin = margin
        self.item = item
        self.padding = padding
        self.gutter = gutter
        self.markLength = markLength
        self.markColor = markColor
        self.outlineColor = outlineColor
    }

    /// How far a cut mark reaches beyond its item: a gap, then the mark.
    public var markReach: Double { markLength * 1.4 }

    /// How many items fit across and down, cut marks included.
    public var grid: (columns: Int, rows: Int) {
        func count(_ space: Double, _ item: Double) -> Int {
            // Marks reach `markReach` beyond the outer items; they too stay inside the margin.
            max(0, Int(((space - 2 * margin - 2 * markReach) + gutter) / (item + gutter)))
        }
        return (count(size.width, item.width), count(size.height, item.height))
    }
}

public enum Imposer {
    /// One page per side, each filled with copies of that side. A side whose content is
    /// taller than the item is an error: cards cannot grow.
    public static func layout(sides: [[Block]], template: SheetTemplate, shaper: any TextShaper) -> LayoutResult {
        let inner = Size(width: template.item.width - template.padding.left - template.padding.right,
                         height: template.item.height - template.padding.top - template.padding.bottom)
        let composer = Composer(shaper: shaper, pageHeight: inner.height)
        var diagnostics: [Diagnostic] = []
        var overfull = false
        let (columns, rows) = template.grid
        if columns * rows == 0 {
            diagnostics.append(.error("an item of \(Int(template.item.width))×\(Int(template.item.height)) pt does not fit on the sheet"))
        }
        let gridWidth = Double(columns) * template.item.width + Double(max(0, columns - 1)) * template.gutter
        let gridHeight = Double(rows) * template.item.height + Double(max(0, rows - 1)) * template.gutter
        let left = (template.size.width - gridWidth) / 2, top = (template.size.height - gridHeight) / 2
        let body = Rect(x: template.margin, y: template.margin, width: template.size.width - 2 * template.margin,
                        height: template.size.height - 2 * template.margin)

        let pages = sides.enumerated().map { side, blocks in
            let content = composer.flow(blocks, width: inner.width)
            if content.height > inner.height + 0.01 {
                overfull = true
                diagnostics.append(.error("side \(side + 1) of the item needs \(Int(content.height.rounded(.up))) pt but has \(Int(inner.height)) pt",
                                          subject: side < template.sideSources.count ? template.sideSources[side] : nil,
                                          hint: "shorten its text or use a smaller type size in the layout"))
            }
            var page = PageFrame(size: template.size, body: body)
            for row in 0..<rows {
                for column in 0..<columns {
                    // Backs are mirrored left to right, to meet their fronts on a long-edge flip.
                    let slot = side % 2 == 1 ? columns - 1 - column : column
                    let origin = Point(x: left + Double(slot) * (template.item.width + template.gutter),
                                       y: top + Double(row) * (template.item.height + template.gutter))
                    let card = Rect(x: origin.x, y: origin.y, width: template.item.width, height: template.item.height)
                    page.items.append(.rect(card, fill: nil, stroke: template.outlineColor, lineWidth: 0.3))
                    page.items += cutMarks(around: card, gap: template.markReach - template.markLength,
                                           length: template.markLength, color: template.markColor)
                    page.anchors.append(Anchor(id: "item", rect: card))
                    content.place(at: origin.offset(dx: template.padding.left, dy: template.padding.top), into: &page)
                }
            }
            return page
        }
        return LayoutResult(pages: pages, diagnostics: composer.diagnostics + diagnostics, overfull: overfull)
    }

    /// Two short lines at each corner, pointing away from the item along its edges,
    /// starting `gap` away from the corner.
    static func cutMarks(around card: Rect, gap: Double, length: Double, color: Color) -> [PlacedItem] {
        var marks: [PlacedItem] = []
        for x in [card.minX, card.maxX] {
            for y in [card.minY, card.maxY] {
                let dx = x == card.minX ? -1.0 : 1.0, dy = y == card.minY ? -1.0 : 1.0
                marks.append(.line(from: Point(x: x + dx * gap, y: y), to: Point(x: x + dx * (gap + length), y: y),
                                   color: color, lineWidth: 0.4))
                marks.append(.line(from: Point(x: x, y: y + dy * gap), to: Point(x: x, y: y + dy * (gap + length)),
                                   color: color, lineWidth: 0.4))
            }
        }
        return marks
    }
}
