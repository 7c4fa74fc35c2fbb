// A grid: fixed-height rows of cells with ruled borders. Rows never split; when the
// table runs onto another page its header row is drawn again at the top.

/// One row of cells, drawn as bordered rectangles.
public struct GridRow: FlowNode {
    public struct Cell {
        public var x: Double
        public var width: Double
        public var content: any FlowNode
        /// The cell as a form field: its whole area, inside its borders.
        public var form: FormField?
    }

    public var cells: [Cell]
    public var height: Double
    public var padding: Double
    public var lineColor: Color
    public var lineWidth: Double
    public var fill: Color?
    /// TH for a header row, TD otherwise.
    public var cellTag = "TD"
    public var keepWithNext: Bool { false }

    public func split(available: Double) -> FlowSplit? {
        height <= available + fitTolerance ? FlowSplit(head: self, tail: nil) : nil
    }

    public func forcedSplit() -> FlowSplit { FlowSplit(head: self, tail: nil) }

    public func place(at origin: Point, into page: inout PageFrame) {
        page.items.append(.beginTag("TR"))
        for cell in cells {
            let frame = Rect(x: origin.x + cell.x, y: origin.y, width: cell.width, height: height)
            page.items += [.beginTag(cellTag), .rect(frame, fill: fill, stroke: lineColor, lineWidth: lineWidth)]
            if let form = cell.form {
                let inset = lineWidth
                page.items.append(.field(Rect(x: frame.minX + inset, y: frame.minY + inset, width: frame.width - 2 * inset,
                                              height: frame.height - 2 * inset), form))
            }
            cell.content.place(at: Point(x: frame.minX + padding, y: frame.minY + padding), into: &page)
            page.items.append(.endTag(cellTag))
        }
        page.items.append(.endTag("TR"))
    }
}

public struct Table: FlowNode {
    public var header: GridRow?
    public var rows: [GridRow]
    public var anchor: String?

    public var height: Double { (header?.height ?? 0) + rows.reduce(0) { $0 + $1.height } }
    public var keepWithNext: Bool { false }

    /// As many rows as fit below the header; the rest continue under a repeated header.
    public func split(available: Double) -> FlowSplit? {
        if height <= available + fitTolerance { return FlowSplit(head: self, tail: nil) }
        var used = header?.height ?? 0, count = 0
        while count < rows.count, used + rows[count].height <= available + fitTolerance {
            used += rows[count].height
            count += 1
        }
        guard count > 0 else { return nil }
        return FlowSplit(head: with(Array(rows[..<count])), tail: with(Array(rows[count...])))
    }

    public func forcedSplit() -> FlowSplit {
        FlowSplit(head: with(Array(rows.prefix(1))), tail: rows.count > 1 ? with(Array(rows.dropFirst())) : nil)
    }

    private func with(_ rows: [GridRow]) -> Table { Table(header: header, rows: rows, anchor: anchor) }

    public func place(at origin: Point, into page: inout PageFrame) {
        page.items.append(.beginTag("Table"))
        defer { page.items.append(.endTag("Table")) }
        var y = origin.y
        if let header {
            header.place(at: Point(x: origin.x, y: y), into: &page)
            if let anchor {
                page.anchors += header.cells.map {
                    Anchor(id: "\(anchor).header", rect: Rect(x: origin.x + $0.x, y: y, width: $0.width, height: header.height))
                }
            }
            y += header.height
        }
        for row in rows {
            row.place(at: Point(x: origin.x, y: y), into: &page)
            y += row.height
        }
        let width = (header ?? rows.first).map { $0.cells.last.map { $0.x + $0.width } ?? 0 } ?? 0
        if let anchor { page.anchors.append(Anchor(id: anchor, rect: Rect(x: origin.x, y: origin.y, width: width, height: y - origin.y))) }
    }
}
