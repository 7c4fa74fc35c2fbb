// The unbreakable unit of flow: one line of text, a rule, or any fixed drawing.

public struct LineBox: FlowNode {
    public var height: Double
    public var keepWithNext: Bool
    /// Items with coordinates relative to the box's top-left corner.
    public var items: [PlacedItem]

    public init(height: Double, keepWithNext: Bool = false, items: [PlacedItem]) {
        self.height = height
        self.keepWithNext = keepWithNext
        self.items = items
    }

    public func split(available: Double) -> FlowSplit? {
        height <= available + fitTolerance ? FlowSplit(head: self, tail: nil) : nil
    }

    public func forcedSplit() -> FlowSplit { FlowSplit(head: self, tail: nil) }

    public func place(at origin: Point, into page: inout PageFrame) {
        page.items += items.map { $0.moved(by: origin) }
    }
}

extension PlacedItem {
    public func moved(by d: Point) -> PlacedItem {
        func move(_ p: Point) -> Point { p.offset(dx: d.x, dy: d.y) }
        func move(_ r: Rect) -> Rect { Rect(x: r.minX + d.x, y: r.minY + d.y, width: r.width, height: r.height) }
        switch self {
        case let .text(shaped, line, origin): return .text(shaped, line: line, origin: move(origin))
        case let .rect(r, fill, stroke, width): return .rect(move(r), fill: fill, stroke: stroke, lineWidth: width)
        case let .line(from, to, color, width): return .line(from: move(from), to: move(to), color: color, lineWidth: width)
        case let .link(r, url): return .link(move(r), url: url)
        case let .field(r, form): return .field(move(r), form)
        case let .image(r, file, gray): return .image(move(r), file: file, gray: gray)
        case .beginTag, .endTag, .beginFigure: return self
        case let .ellipse(r, fill, stroke, width): return .ellipse(move(r), fill: fill, stroke: stroke, lineWidth: width)
        case let .curve(from, c1, c2, to, color, width):
            return .curve(from: move(from), control1: move(c1), control2: move(c2), to: move(to), color: color, lineWidth: width)
        }
    }
}
