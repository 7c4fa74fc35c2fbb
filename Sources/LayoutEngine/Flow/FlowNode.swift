// Content laid out at a fixed width, waiting to be cut into pages. Each node knows its
// height, whether it must stay with what follows, how to split itself to fit a height,
// and how to place itself on a page. Splitting returns plain data (head and tail), so
// pagination always knows where to resume.

public protocol FlowNode {
    var height: Double { get }
    /// A break right after this node is not allowed (a heading stays with its text).
    var keepWithNext: Bool { get }
    /// The largest head that fits in `available` points, and the rest; nil if no head fits.
    /// A node that fits whole returns itself with no tail.
    func split(available: Double) -> FlowSplit?
    /// The smallest head this node can have, for a page where nothing fits.
    func forcedSplit() -> FlowSplit
    /// Emits the node's items with its top-left corner at `origin`.
    func place(at origin: Point, into page: inout PageFrame)
}

/// How much a node may exceed the space it is given and still count as fitting: sums of
/// line heights pick up rounding error.
let fitTolerance = 0.001

public struct FlowSplit {
    public var head: any FlowNode
    public var tail: (any FlowNode)?

    public init(head: any FlowNode, tail: (any FlowNode)?) {
        self.head = head
        self.tail = tail
    }
}

extension FlowNode {
    /// Splits so that something is left over, even if the whole node would fit: used
    /// when a break just after this node is forbidden.
    func splitLeavingTail(available: Double) -> FlowSplit? {
        guard let split = split(available: min(available, height - 10 * fitTolerance)), split.tail != nil else { return nil }
        return split
    }
}
