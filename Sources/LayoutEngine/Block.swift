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
    /// List items (and their rows), marked as one list for screen readers.
    case list([Block])
    /// A grid with fixed-height rows; its header row repeats on every page it spans.
    case table(TableBlock)
    /// A label with a line beside it to write on ("Name ________").
    case field(FieldBlock)
    /// Ruled lines to write on.
    case writeIn(WriteInBlock)
    /// A fixed-size vector drawing (a face on a pain scale).
    case drawing(DrawingBlock)
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

/// What stands beside a list item: a number or bullet, or an empty box to tick.
public enum Marker {
    case text(StyledText)
    case tickBox(size: Double, color: Color, lineWidth: Double, form: FormField? = nil)
}

public struct ListItemBlock {
    public var marker: Marker
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
        self.init(marker: .text(marker), indent: indent, inset: inset, content: content, spacing: spacing,
                  keepWithNext: keepWithNext)
    }

    public init(marker: Marker, indent: Double, inset: Double = 0, content: [Block], spacing: Spacing = Spacing(),
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

public struct TableBlock {
    public enum Width {
        case fixed(Double)
        /// A share of what the fixed columns leave.
        case flexible(Double)
    }

    public var widths: [Width]
    /// One cell per column, repeated at the top of every page the table spans.
    public var header: [[Block]]?
    /// Rows of cells; each row is at least `rowHeight` tall and never split.
    public var rows: [[[Block]]]
    public var rowHeight: Double
    public var padding: Double
    public var lineColor: Color
    public var lineWidth: Double
    public var headerFill: Color?
    public var spacing: Spacing
    /// Recorded for each piece of the table, and for its header cells as "ANCHOR.header".
    public var anchor: String?
    /// Form fields for the rows' cells (a row, or a cell, without one is not filled in).
    public var forms: [[FormField?]] = []

    public init(widths: [Width], header: [[Block]]?, rows: [[[Block]]], rowHeight: Double, padding: Double,
                lineColor: Color, lineWidth: Double, headerFill: Color? = nil, spacing: Spacing = Spacing(),
                anchor: String? = nil) {
        self.widths = widths
        self.header = header
        self.rows = rows
        self.rowHeight = rowHeight
        self.padding = padding
        self.lineColor = lineColor
        self.lineWidth = lineWidth
        self.headerFill = headerFill
        self.spacing = spacing
        self.anchor = anchor
    }
}

public struct FieldBlock {
    public var label: StyledText
    /// The shortest line worth writing on; a shorter remainder moves the line below the label.
    public var minimumLine: Double
    public var lineColor: Color
    public var spacing: Spacing
    /// The line as a form field.
    public var form: FormField?

    public init(label: StyledText, minimumLine: Double, lineColor: Color, spacing: Spacing = Spacing(), form: FormField? = nil) {
        self.label = label
        self.minimumLine = minimumLine
        self.lineColor = lineColor
        self.spacing = spacing
        self.form = form
    }
}

public struct WriteInBlock {
    public var lines: Int
    /// Distance between the ruled lines: room for handwriting.
    public var pitch: Double
    public var lineColor: Color
    public var spacing: Spacing
    /// A form field for each line, from the top (fewer, or none: the rest are not fields).
    public var forms: [FormField]

    public init(lines: Int, pitch: Double, lineColor: Color, spacing: Spacing = Spacing(), forms: [FormField] = []) {
        self.lines = lines
        self.pitch = pitch
        self.lineColor = lineColor
        self.spacing = spacing
        self.forms = forms
    }
}

public struct DrawingBlock {
    public var size: Size
    /// Items relative to the drawing's top-left corner.
    public var items: [PlacedItem]
    public var spacing: Spacing
    /// What the drawing shows, for readers who cannot see it.
    public var alt: String?
    /// The language `alt` is written in; nil when it is in several ("English / বাংলা").
    public var altLanguage: String?

    public init(size: Size, items: [PlacedItem], spacing: Spacing = Spacing(), alt: String? = nil, altLanguage: String? = nil) {
        self.size = size
        self.items = items
        self.spacing = spacing
        self.alt = alt
        self.altLanguage = altLanguage
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
        case .group(let blocks, _), .list(let blocks):
            return Spacing(before: blocks.first?.spacing.before ?? 0, after: blocks.last?.spacing.after ?? 0)
        case .table(let table): return table.spacing
        case .field(let field): return field.spacing
        case .writeIn(let lines): return lines.spacing
        case .drawing(let drawing): return drawing.spacing
        }
    }
}
