// Content moved right, with an optional marker (a bullet or number) beside its first
// line. When the content splits, only the head keeps the marker.

public struct Indented: FlowNode {
    public var content: any FlowNode
    public var indent: Double
    /// Drawn at the node's top-left, level with the content's first line.
    public var marker: LineBox?
    /// Keep with what follows even if the content alone would not (an item with sub-items).
    public var keepsWithNext: Bool

    public init(content: any FlowNode, indent: Double, marker: LineBox? = nil, keepWithNext: Bool = false) {
        self.content = content
        self.indent = indent
        self.marker = marker
        self.keepsWithNext = keepWithNext
    }

    public var height: Double { max(content.height, marker?.height ?? 0) }
    public var keepWithNext: Bool { keepsWithNext || content.keepWithNext }

    public func split(available: Double) -> FlowSplit? {
        if height <= available + fitTolerance { return FlowSplit(head: self, tail: nil) }
        if let marker, marker.height > available + fitTolerance { return nil }
        return content.split(available: available).map(wrap)
    }

    public func forcedSplit() -> FlowSplit { wrap(content.forcedSplit()) }

    private func wrap(_ inner: FlowSplit) -> FlowSplit {
        FlowSplit(head: Indented(content: inner.head, indent: indent, marker: marker),
                  tail: inner.tail.map { Indented(content: $0, indent: indent, keepWithNext: keepsWithNext) })
    }

    /// A list item: its marker as the label, its content as the body.
    public func place(at origin: Point, into page: inout PageFrame) {
        page.items.append(.beginTag("LI"))
        if let marker {
            page.items.append(.beginTag("Lbl"))
            marker.place(at: origin, into: &page)
            page.items.append(.endTag("Lbl"))
        }
        page.items.append(.beginTag("LBody"))
        content.place(at: origin.offset(dx: indent), into: &page)
        page.items += [.endTag("LBody"), .endTag("LI")]
    }
}
