// What documents hand to the engine: semantic blocks, not yet measured. The composer
// turns them into flow nodes at a width; the paginator cuts those into pages.

public indirect enum Block {
    /// A paragraph, heading or label: its role and style travel with the text.
    case text(StyledText)
    /// A list item: a marker beside content set `indent` points in.
    case item(ListItemBlock)
    /// A callout box around blocks.
    case box(BoxBlock)
    /// A horizontal line across the column.
    case rule(RuleBlock)
    /// Columns side by side that start level (English beside Bangla).
    case row(RowBlock)
    /// Blocks that belong together; with `keepTogether`, never split unless taller than a page.
    case group([Block], keepTogether: Bool)
}

/// Vertical space around a block; between two blocks the larger of the two gaps applies.
public struct Spacing: Sendable, Hashable {
    public var before: Double
    public var after: Double

    public init(before: Double = 0, after: Double = 0) {
        self.before = before
        self.after = after
    }
}

public struct ListItemBlock {
    public var marker: StyledText
    /// Width of the marker's column: the content starts this far right of the marker.
    public var indent: Double
    /// Space left of the marker, for nested items.
    public var inset: Double
    public var content: [Block]
    public var spacing: Spacing
    /// Set on an item that introduces sub-items, so it never ends a page without them.
    public var keepWithNext: Bool

    public init(marker: StyledText, indent: Double, inset: Double = 0, content: [Block], spacing: Spacing = Spacing(),
                keepWithNext: Bool = false) {
        self.marker = marker
        self.indent = indent
        self.inset = inset
        self.content = content
        self.spacing = spacing
        self.keepWithNext = keepWithNext
    }
}

public struct BoxBlock {
    public var content: [Block]
    public var style: BoxStyle
    public var spacing: Spacing
    public var anchor: String?

    public init(content: [Block], style: BoxStyle, spacing: Spacing = Spacing(), anchor: String? = nil) {
        self.content = content
        self.style = style
        self.spacing = spacing
        self.anchor = anchor
    }
}

public struct RuleBlock {
    public var color: Color
    public var thickness: Double
    public var spacing: Spacing

    public init(color: Color, thickness: Double, spacing: Spacing = Spacing()) {
        self.color = color
        self.thickness = thickness
        self.spacing = spacing
    }
}

public struct RowBlock {
    public var columns: [[Block]]
    /// Relative widths of the columns.
    public var weights: [Double]
    public var gap: Double
    public var spacing: Spacing

    public init(columns: [[Block]], weights: [Double]? = nil, gap: Double, spacing: Spacing = Spacing()) {
        self.columns = columns
        self.weights = weights ?? Array(repeating: 1, count: columns.count)
        self.gap = gap
        self.spacing = spacing
    }
}

extension Block {
    /// Space around the block; a group or row takes it from its first and last blocks.
    public var spacing: Spacing {
        switch self {
        case .text(let text): return Spacing(before: text.style.spaceBefore, after: text.style.spaceAfter)
        case .item(let item): return item.spacing
        case .box(let box): return box.spacing
        case .rule(let rule): return rule.spacing
        case .row(let row): return row.spacing
        case .group(let blocks, _):
            return Spacing(before: blocks.first?.spacing.before ?? 0, after: blocks.last?.spacing.after ?? 0)
        }
    }
}
