// The distances and sizes documents derive from their type: gaps, indents, box padding,
// tick boxes, lines to write on. In ems of the body text unless said otherwise, with the
// values Handout was designed with; a layout file may change any under `metrics:`.
import Diagnostics

public struct Metrics: Sendable {
    /// The column a list's bullet or number, or a tick box, stands in.
    public var markerColumn = 1.9
    /// A further digit of a long list's numbers ("100." needs more than "99.").
    public var digit = 0.65
    public var paragraphGap = 0.5
    public var itemGap = 0.25
    /// Before and after a heading, in ems of the heading's own size.
    public var headingBefore = 1.0
    public var headingAfter = 0.3
    /// Before and after a form's heading, in ems of the heading size.
    public var formHeadingBefore = 0.9
    public var formHeadingAfter = 0.35
    public var boxPadding = 0.8
    /// The bar down an urgent box's left edge.
    public var accentBar = 0.4
    /// After a bold label, before a small note.
    public var labelGap = 0.3
    /// After a field's line, before a tick box, after a sign in the warning box.
    public var fieldGap = 0.2
    public var tickGap = 0.1
    /// After rows of fields, lines to write on and pictures.
    public var blockGap = 0.4
    /// After a form's title, before a diary grid, between roadmap steps.
    public var sectionGap = 0.6
    public var tickBox = 0.95
    /// The shortest line worth writing on: after a label, in a row of fields, on a card.
    public var fieldLine = 8.0
    public var shortFieldLine = 3.0
    public var cardFieldLine = 6.0
    public var fieldsGap = 1.2
    public var tableRow = 1.6
    public var tablePadding = 0.35
    /// A face on the 0–10 scale.
    public var face = 2.4
    /// Between the diary's notes and its questions for the next visit.
    public var columnsGap = 2.0
    /// The numbers' column of the sources, in ems of the small type.
    public var referenceColumn = 2.2
    /// A pack's cover title, in ems of the title size.
    public var coverTitle = 1.4

    public init() {}

    /// The names a layout file uses, with the value each sets.
    static var fields: [(name: String, value: WritableKeyPath<Metrics, Double>)] {
        [("marker_column", \.markerColumn), ("digit", \.digit), ("paragraph_gap", \.paragraphGap), ("item_gap", \.itemGap),
         ("heading_before", \.headingBefore), ("heading_after", \.headingAfter), ("form_heading_before", \.formHeadingBefore),
         ("form_heading_after", \.formHeadingAfter), ("box_padding", \.boxPadding), ("accent_bar", \.accentBar),
         ("label_gap", \.labelGap), ("field_gap", \.fieldGap), ("tick_gap", \.tickGap), ("block_gap", \.blockGap),
         ("section_gap", \.sectionGap), ("tick_box", \.tickBox), ("field_line", \.fieldLine), ("short_field_line", \.shortFieldLine),
         ("card_field_line", \.cardFieldLine), ("fields_gap", \.fieldsGap), ("table_row", \.tableRow),
         ("table_padding", \.tablePadding), ("face", \.face), ("columns_gap", \.columnsGap), ("reference_column", \.referenceColumn),
         ("cover_title", \.coverTitle)]
    }

    /// The metrics a layout file's `metrics:` sets, the designed values for the rest.
    static func read(_ value: YAMLValue?) -> Metrics {
        var metrics = Metrics()
        guard let value, let f = value.fields(known: fields.map(\.name)) else { return metrics }
        for (name, path) in fields {
            if let number = f[name]?.number(in: 0...40) { metrics[keyPath: path] = number }
        }
        return metrics
    }
}
