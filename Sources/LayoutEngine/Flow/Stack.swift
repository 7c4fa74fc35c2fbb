// Nodes one below the other, with space between them and rules for where a page may break.

public struct Stack: FlowNode {
    public struct Entry {
        public var node: any FlowNode
        /// Space above this entry; dropped when the entry starts a page.
        public var spaceBefore: Double
        /// Whether a page may break just before this entry (apart from keep-with-next).
        public var breakBefore: Bool

        public init(_ node: any FlowNode, spaceBefore: Double = 0, breakBefore: Bool = true) {
            self.node = node
            self.spaceBefore = spaceBefore
            self.breakBefore = breakBefore
        }
    }

    public var entries: [Entry]
    /// Set for a block that must not be split (moved whole instead), unless taller than a page.
    public var keepTogether: Bool
    /// A structure element around the entries (L for a list); each piece of a split stack carries it.
    public var tag: String?

    public init(_ entries: [Entry], keepTogether: Bool = false) {
        self.entries = entries
        self.keepTogether = keepTogether
        if !self.entries.isEmpty { self.entries[0].spaceBefore = 0 }
    }

    public var height: Double { entries.reduce(0) { $0 + $1.spaceBefore + $1.node.height } }
    public var keepWithNext: Bool { entries.last?.node.keepWithNext ?? false }

    /// A break before entry `index` is allowed by the entries' own rules.
    func canBreak(before index: Int) -> Bool {
        index > 0 && index < entries.count && entries[index].breakBefore && !entries[index - 1].node.keepWithNext
    }

    public func split(available: Double) -> FlowSplit? {
        if height <= available + fitTolerance { return FlowSplit(head: self, tail: nil) }
        if keepTogether { return nil }
        // The first entry that does not fit whole, and the height above it.
        var index = 0, used = 0.0
        while index < entries.count, used + entries[index].spaceBefore + entries[index].node.height <= available + fitTolerance {
            used += entries[index].spaceBefore + entries[index].node.height
            index += 1
        }
        // Try to split that entry; failing that, break before it; failing that, step back.
        var first = true
        while index >= 0 && index < entries.count {
            let room = available - used - entries[index].spaceBefore
            let inner = first ? entries[index].node.split(available: room)
                              : entries[index].node.splitLeavingTail(available: room)
            if let inner { return cut(at: index, inner: inner) }
            if canBreak(before: index) { return cut(at: index, inner: nil) }
            first = false
            index -= 1
            if index >= 0 { used -= entries[index].spaceBefore + entries[index].node.height }
        }
        return nil
    }

    /// Head: entries before `index` (plus the head of `inner`); tail: the rest.
    private func cut(at index: Int, inner: FlowSplit?) -> FlowSplit? {
        var head = Array(entries[..<index])
        var tail = Array(entries[index...])
        if let inner {
            head.append(Entry(inner.head, spaceBefore: entries[index].spaceBefore, breakBefore: entries[index].breakBefore))
            tail.removeFirst()
            if let rest = inner.tail { tail.insert(Entry(rest), at: 0) }
        }
        guard !head.isEmpty else { return nil }
        return FlowSplit(head: tagged(Stack(head)), tail: tail.isEmpty ? nil : tagged(Stack(tail, keepTogether: false)))
    }

    public func forcedSplit() -> FlowSplit {
        guard let first = entries.first else { return FlowSplit(head: self, tail: nil) }
        let inner = first.node.forcedSplit()
        var tail = Array(entries.dropFirst())
        if let rest = inner.tail { tail.insert(Entry(rest), at: 0) }
        return FlowSplit(head: tagged(Stack([Entry(inner.head)])), tail: tail.isEmpty ? nil : tagged(Stack(tail)))
    }

    private func tagged(_ stack: Stack) -> Stack {
        var copy = stack
        copy.tag = tag
        return copy
    }

    public func place(at origin: Point, into page: inout PageFrame) {
        if let tag { page.items.append(.beginTag(tag)) }
        defer { if let tag { page.items.append(.endTag(tag)) } }
        var y = origin.y
        for entry in entries {
            y += entry.spaceBefore
            entry.node.place(at: Point(x: origin.x, y: y), into: &page)
            y += entry.node.height
        }
    }
}
