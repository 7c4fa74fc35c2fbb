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
            return Stack.Entry(
                LineBox(height: text.style.pitch, keepWithNext: isHeading,
                        items: [.text(shaped, line: index, origin: Point(x: x, y: baseline))]),
                breakBefore: !isHeading && index >= 2 && count - index >= 2
            )
        }
        return Stack(boxes)
    }

    func listItem(_ item: ListItemBlock, width: Double) -> Indented {
        let marker = paragraph(item.marker, width: item.indent)
        let content = flow(item.content, width: width - item.inset - item.indent)
        let markerBox = LineBox(height: marker.height, items: marker.placedItems(at: Point(x: item.inset, y: 0)))
        return Indented(content: content, indent: item.inset + item.indent, marker: markerBox,
                        keepWithNext: item.keepWithNext)
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
