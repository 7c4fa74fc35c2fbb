// Turns blocks into flow nodes at a given width, shaping text through the TextShaper.
import Diagnostics

public final class Composer {
    let shaper: any TextShaper
    /// The tallest a node can be and still fit on a page; keep-together is dropped above it.
    let pageHeight: Double
    public private(set) var diagnostics: [Diagnostic] = []

    public init(shaper: any TextShaper, pageHeight: Double) {
        self.shaper = shaper
        self.pageHeight = pageHeight
    }

    /// The blocks one below the other, with the larger of adjacent gaps between them.
    public func flow(_ blocks: [Block], width: Double) -> Stack {
        var entries: [Stack.Entry] = []
        var previousAfter = 0.0
        for block in blocks {
            let spacing = block.spacing
            entries.append(Stack.Entry(node(block, width: width), spaceBefore: max(previousAfter, spacing.before)))
            previousAfter = spacing.after
        }
        return Stack(entries)
    }

    func node(_ block: Block, width: Double) -> any FlowNode {
        switch block {
        case .text(let text): return paragraph(text, width: width)
        case .item(let item): return listItem(item, width: width)
        case .box(let box): return boxed(box, width: width)
        case .rule(let rule): return LineBox(height: rule.thickness, items: [
            .line(from: Point(x: 0, y: rule.thickness / 2), to: Point(x: width, y: rule.thickness / 2),
                  color: rule.color, lineWidth: rule.thickness),
        ])
        case .row(let row): return self.row(row, width: width)
        case .group(let blocks, let keepTogether):
            var stack = flow(blocks, width: width)
            stack.keepTogether = keepTogether && fitsOnPage(stack, what: "a group of blocks")
            return stack
        case .list(let blocks):
            var stack = flow(blocks, width: width)
            stack.tag = "L"
            return stack
        case .table(let table): return self.table(table, width: width)
        case .field(let field): return self.field(field, width: width)
        case .writeIn(let lines): return writeIn(lines, width: width)
        case .drawing(let drawing):
            let items = drawing.alt.map { [.beginFigure(alt: $0, language: drawing.altLanguage)] + drawing.items + [.endTag("Figure")] } ?? drawing.items
            return LineBox(height: drawing.size.height, items: items)
        }
    }

    /// Lines at a fixed pitch. Body text keeps at least two lines together at each end of
    /// a page (no orphans or widows); headings never split and stay with what follows.
    func paragraph(_ text: StyledText, width: Double) -> Stack {
        let shaped = shaper.shape(text, width: width)
        diagnostics += shaped.diagnostics
        let isHeading = if case .heading = text.role { true } else { false }
        let count = shaped.lines.count
        let baseline = Baseline.offset(text.style)
        let boxes = shaped.lines.enumerated().map { index, line in
            let x = text.style.centered ? max(0, (width - line.width) / 2) : 0
            // A web address is clickable over its stretch of the line, the line's full height.
            let links = shaped.links(line: index).map { link in
                PlacedItem.link(Rect(x: x + link.from, y: 0, width: link.to - link.from, height: text.style.pitch), url: link.url)
            }
            return Stack.Entry(
                LineBox(height: text.style.pitch, keepWithNext: isHeading,
                        items: [.text(shaped, line: index, origin: Point(x: x, y: baseline))] + links),
                breakBefore: !isHeading && index >= 2 && count - index >= 2
            )
        }
        return Stack(boxes)
    }

    func listItem(_ item: ListItemBlock, width: Double) -> Indented {
        let content = flow(item.content, width: width - item.inset - item.indent)
        let markerBox: LineBox
        switch item.marker {
        case .text(let text):
            let marker = paragraph(text, width: item.indent)
            markerBox = LineBox(height: marker.height, items: marker.placedItems(at: Point(x: item.inset, y: 0)))
        case let .tickBox(size, color, lineWidth, form):
            // Level with the first line's text: centred on its x-height.
            let firstLine = item.content.first.flatMap { if case .text(let t) = $0 { t.style } else { nil } }
            let top = firstLine.map { Baseline.offset($0) - $0.size * 0.35 - size / 2 } ?? 0
            let box = Rect(x: item.inset, y: top, width: size, height: size)
            markerBox = LineBox(height: top + size, items: [.rect(box, fill: nil, stroke: color, lineWidth: lineWidth)]
                + (form.map { [.field(box, $0)] } ?? []))
        }
        return Indented(content: content, indent: item.inset + item.indent, marker: markerBox,
                        keepWithNext: item.keepWithNext)
    }

    /// Columns sized (fixed ones first, flexible ones share the rest), cells composed inside
    /// their padding, every row as tall as its tallest cell and at least the row height.
    func table(_ table: TableBlock, width: Double) -> Table {
        let fixed = table.widths.reduce(0.0) { if case .fixed(let w) = $1 { $0 + w } else { $0 } }
        let shares = table.widths.reduce(0.0) { if case .flexible(let s) = $1 { $0 + s } else { $0 } }
        let spare = max(0, width - fixed)
        if fixed > width + 0.01 {
            diagnostics.append(.warning("a table's fixed columns (\(Int(fixed)) pt) are wider than the space (\(Int(width)) pt)"))
        }
        var x = 0.0
        let columns: [(x: Double, width: Double)] = table.widths.map { column in
            let w: Double
            switch column {
            case .fixed(let value): w = value
            case .flexible(let share): w = shares > 0 ? spare * share / shares : 0
            }
            defer { x += w }
            return (x, w)
        }
        func row(_ cells: [[Block]], fill: Color?, forms: [FormField?] = []) -> GridRow {
            let composed = zip(columns, cells).enumerated().map { index, pair in
                GridRow.Cell(x: pair.0.x, width: pair.0.width,
                             content: flow(pair.1, width: max(1, pair.0.width - 2 * table.padding)),
                             form: index < forms.count ? forms[index] : nil)
            }
            let tallest = composed.map { $0.content.height + 2 * table.padding }.max() ?? 0
            return GridRow(cells: composed, height: max(table.rowHeight, tallest), padding: table.padding,
                           lineColor: table.lineColor, lineWidth: table.lineWidth, fill: fill)
        }
        var header = table.header.map { row($0, fill: table.headerFill) }
        header?.cellTag = "TH"
        return Table(header: header,
                     rows: table.rows.enumerated().map { index, cells in
                         row(cells, fill: nil, forms: index < table.forms.count ? table.forms[index] : [])
                     }, anchor: table.anchor)
    }

    /// The label, then a line to write on from its end to the right edge (or, when too
    /// little room is left, a full-width line below it).
    func field(_ field: FieldBlock, width: Double) -> Stack {
        var stack = paragraph(field.label, width: width)
        let style = field.label.style
        let lastWidth = (stack.entries.last?.node as? LineBox).flatMap { box -> Double? in
            guard case let .text(shaped, line, _)? = box.items.first else { return nil }
            return shaped.lines[line].width
        } ?? 0
        let baseline = Baseline.offset(style) + style.size * 0.25
        let gap = style.size * 0.4
        // The line, and the form field standing on it: the height of a line of its text.
        func rule(from start: Double) -> [PlacedItem] {
            [.line(from: Point(x: start, y: baseline), to: Point(x: width, y: baseline), color: field.lineColor, lineWidth: 0.6)]
                + (field.form.map { [.field(Rect(x: start, y: baseline - style.size * 1.15, width: width - start, height: style.size * 1.15), $0)] } ?? [])
        }
        if width - lastWidth - gap >= field.minimumLine, var last = stack.entries.last?.node as? LineBox {
            last.items += rule(from: lastWidth + gap)
            stack.entries[stack.entries.count - 1].node = last
        } else {
            stack.entries.append(Stack.Entry(LineBox(height: style.pitch, items: rule(from: 0)), breakBefore: false))
        }
        stack.entries = stack.entries.map { Stack.Entry($0.node, spaceBefore: $0.spaceBefore, breakBefore: false) }
        return stack
    }

    /// Ruled lines, each with its form field above it when the block names one.
    func writeIn(_ lines: WriteInBlock, width: Double) -> Stack {
        Stack((0..<lines.lines).map { index in
            let rule = PlacedItem.line(from: Point(x: 0, y: lines.pitch - 0.5), to: Point(x: width, y: lines.pitch - 0.5),
                                       color: lines.lineColor, lineWidth: 0.6)
            let field = index < lines.forms.count ? [PlacedItem.field(Rect(x: 0, y: lines.pitch * 0.2, width: width, height: lines.pitch * 0.8 - 0.5),
                                                                      lines.forms[index])] : []
            return Stack.Entry(LineBox(height: lines.pitch, items: [rule] + field))
        })
    }

    func boxed(_ box: BoxBlock, width: Double) -> Boxed {
        let inner = width - box.style.padding.left - box.style.padding.right
        var node = Boxed(content: flow(box.content, width: inner), width: width, style: box.style, anchor: box.anchor)
        node.style.keepTogether = box.style.keepTogether && fitsOnPage(node, what: "a box")
        return node
    }

    func row(_ row: RowBlock, width: Double) -> Row {
        let total = row.weights.reduce(0, +)
        let usable = width - row.gap * Double(row.columns.count - 1)
        var x = 0.0
        var columns: [Row.Column] = []
        for (blocks, weight) in zip(row.columns, row.weights) {
            let columnWidth = usable * weight / total
            columns.append(Row.Column(x: x, node: blocks.isEmpty ? nil : flow(blocks, width: columnWidth)))
            x += columnWidth + row.gap
        }
        return Row(columns)
    }

    private func fitsOnPage(_ node: any FlowNode, what: String) -> Bool {
        if node.height <= pageHeight { return true }
        diagnostics.append(.warning("\(what) is taller than a page (\(Int(node.height)) pt), so it is split across pages"))
        return false
    }
}

extension FlowNode {
    /// The node's items placed at `origin`, to reuse as a fixed drawing.
    func placedItems(at origin: Point) -> [PlacedItem] {
        var scratch = PageFrame(size: Size(width: 0, height: 0), body: Rect(x: 0, y: 0, width: 0, height: 0))
        place(at: origin, into: &scratch)
        return scratch.items
    }
}
