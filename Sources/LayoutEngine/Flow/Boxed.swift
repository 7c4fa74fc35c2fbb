// Content inside a padded, bordered box (a callout). A box split across pages is drawn
// closed on each page; a box marked keep-together moves whole to the next page.

public struct BoxStyle: Sendable, Hashable {
    public var padding: Insets
    public var fill: Color?
    public var stroke: Color?
    public var lineWidth: Double
    /// A thicker bar down the left edge, which keeps a box distinct in grayscale.
    public var accentBar: Double
    public var keepTogether: Bool

    public init(padding: Insets, fill: Color? = nil, stroke: Color? = nil, lineWidth: Double = 1,
                accentBar: Double = 0, keepTogether: Bool = false) {
        self.padding = padding
        self.fill = fill
        self.stroke = stroke
        self.lineWidth = lineWidth
        self.accentBar = accentBar
        self.keepTogether = keepTogether
    }
}

public struct Boxed: FlowNode {
    public var content: any FlowNode
    public var width: Double
    public var style: BoxStyle
    /// Recorded on the page where the box is placed.
    public var anchor: String?

    public init(content: any FlowNode, width: Double, style: BoxStyle, anchor: String? = nil) {
        self.content = content
        self.width = width
        self.style = style
        self.anchor = anchor
    }

    public var height: Double { content.height + style.padding.top + style.padding.bottom }
    public var keepWithNext: Bool { content.keepWithNext }

    public func split(available: Double) -> FlowSplit? {
        if height <= available + fitTolerance { return FlowSplit(head: self, tail: nil) }
        if style.keepTogether { return nil }
        guard let inner = content.split(available: available - style.padding.top - style.padding.bottom) else {
            return nil
        }
        return FlowSplit(head: with(inner.head), tail: inner.tail.map(with))
    }

    public func forcedSplit() -> FlowSplit {
        let inner = content.forcedSplit()
        return FlowSplit(head: with(inner.head), tail: inner.tail.map(with))
    }

    private func with(_ content: any FlowNode) -> Boxed {
        Boxed(content: content, width: width, style: style, anchor: anchor)
    }

    public func place(at origin: Point, into page: inout PageFrame) {
        let frame = Rect(x: origin.x, y: origin.y, width: width, height: height)
        page.items.append(.rect(frame, fill: style.fill, stroke: style.stroke, lineWidth: style.lineWidth))
        if style.accentBar > 0, let color = style.stroke {
            let bar = Rect(x: origin.x, y: origin.y, width: style.accentBar, height: height)
            page.items.append(.rect(bar, fill: color, stroke: nil, lineWidth: 0))
        }
        if let anchor { page.anchors.append(Anchor(id: anchor, rect: frame)) }
        content.place(at: origin.offset(dx: style.padding.left, dy: style.padding.top), into: &page)
    }
}
