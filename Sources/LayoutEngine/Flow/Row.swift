// Columns side by side that start level and split together, so paired translations
// never drift apart: the row is as tall as its tallest column.

public struct Row: FlowNode {
    public struct Column {
        public var x: Double
        /// nil once this column's content has ended on an earlier page.
        public var node: (any FlowNode)?

        public init(x: Double, node: (any FlowNode)?) {
            self.x = x
            self.node = node
        }
    }

    public var columns: [Column]

    public init(_ columns: [Column]) {
        self.columns = columns
    }

    public var height: Double { columns.map { $0.node?.height ?? 0 }.max() ?? 0 }
    public var keepWithNext: Bool { columns.contains { $0.node?.keepWithNext ?? false } }

    public func split(available: Double) -> FlowSplit? {
        if height <= available + fitTolerance { return FlowSplit(head: self, tail: nil) }
        var heads: [Column] = [], tails: [Column] = []
        for column in columns {
            guard let node = column.node else {
                heads.append(column); tails.append(column); continue
            }
            guard let split = node.split(available: available) else { return nil }
            heads.append(Column(x: column.x, node: split.head))
            tails.append(Column(x: column.x, node: split.tail))
        }
        return FlowSplit(head: Row(heads), tail: Row(tails))
    }

    public func forcedSplit() -> FlowSplit {
        let splits = columns.map { $0.node?.forcedSplit() }
        let heads = zip(columns, splits).map { Column(x: $0.x, node: $1?.head) }
        let tails = zip(columns, splits).map { Column(x: $0.x, node: $1?.tail) }
        let rest = Row(tails)
        return FlowSplit(head: Row(heads), tail: rest.columns.contains { $0.node != nil } ? rest : nil)
    }

    public func place(at origin: Point, into page: inout PageFrame) {
        for column in columns {
            column.node?.place(at: origin.offset(dx: column.x), into: &page)
        }
    }
}
