// A document's look, read from its file in layouts/: margins, type sizes, colours and
// which sections appear in which order. Editors change these without touching Swift.
import Diagnostics
import LayoutEngine

public struct DocumentLayout: Sendable {
    public struct TypeSize: Sendable {
        public var size: Double
        public var lineHeight: Double

        public init(size: Double, lineHeight: Double) {
            self.size = size
            self.lineHeight = lineHeight
        }
    }

    public enum Role: String, CaseIterable, Sendable {
        case body, title, heading, subheading, small
    }

    public enum Swatch: String, CaseIterable, Sendable {
        case text, heading, muted, warning
        case warningFill = "warning_fill", noteFill = "note_fill", rule
    }

    /// Sizes for a grid to fill in by hand (the diaries).
    public struct Grid: Sendable {
        public var rowHeight: Double
        public var labelWidth: Double
    }

    /// Several fixed-size items on a sheet (the wallet card).
    public struct Sheet: Sendable {
        public var item: Size
        public var gutter: Double
    }

    public var margins: Insets
    public var bandGap: Double
    public var landscape: Bool
    /// The article's title at the top of every page; one-page documents leave it out.
    public var runningHeader: Bool
    /// The most pages the document may take; the type may shrink to `smallestBody` to fit.
    public var maxPages: Int?
    public var smallestBody: Double?
    public var grid: Grid?
    public var sheet: Sheet?
    public var columnGap: Double
    /// The English column's share of the width in bilingual output.
    public var englishShare: Double
    public var type: [Role: TypeSize]
    public var colours: [Swatch: Color]
    /// Printed without colour: pictures are drawn in gray too.
    public var grayscale = false
    /// Gaps, indents, paddings and the like, in ems.
    public var metrics = Metrics()
    public var sections: [String]
    /// Warnings about the file that do not stop output (small body text).
    public var warnings: [Diagnostic]

    /// The nearest a printer can reliably print to the paper's edge.
    public static let safeMargin = millimetres(12)
    /// Health-literacy guidance: patient materials set body text at 12 pt or more.
    public static let minimumBodySize = 12.0

    public func size(_ role: Role) -> TypeSize { type[role]! }
    public func colour(_ swatch: Swatch) -> Color { colours[swatch]! }

    /// Reads a layout file. `sections` lists the names this document knows; `required`
    /// the ones a layout may not drop (medical safety text).
    public static func load(path: String, sections known: [String], required: [String]) throws(DiagnosticError) -> DocumentLayout {
        let reader = try YAMLReader(contentsOf: path)
        guard let root = reader.root else {
            throw DiagnosticError(.error("the layout file is empty", at: SourceLocation(file: path, line: 1, column: 1)))
        }
        let layout = root.fields(known: ["page", "columns", "type", "colours", "sections", "grid", "sheet", "metrics"],
                                 required: ["page", "type", "colours"] + (known.isEmpty ? [] : ["sections"]))
            .flatMap { read($0, known: known, required: required) }
        try reader.throwIfErrors()
        guard var layout else { throw DiagnosticError(reader.diagnostics) }
        layout.warnings = reader.diagnostics.warnings
        return layout
    }

    static func read(_ f: YAMLFields, known: [String], required: [String]) -> DocumentLayout? {
        let page = f["page"]?.fields(known: ["margins_mm", "band_gap_mm", "landscape", "max_pages", "smallest_body",
                                                "running_header"],
                                     required: ["margins_mm"])
        let margins = page?["margins_mm"].flatMap(insets(from:))
        let bandGap = page?["band_gap_mm"]?.number(in: 1...30).map(millimetres) ?? millimetres(4)
        let landscape = page?["landscape"]?.flag() ?? false
        let runningHeader = page?["running_header"]?.flag() ?? true
        let maxPages = page?["max_pages"]?.number(in: 1...100).map { Int($0) }
        let smallestBody = page?["smallest_body"]?.number(in: 6...72)
        let grid = f["grid"]?.fields(known: ["row_height_mm", "label_width_mm"], required: ["row_height_mm", "label_width_mm"])
            .flatMap { g -> Grid? in
                guard let row = g["row_height_mm"]?.number(in: 7...40), let label = g["label_width_mm"]?.number(in: 15...150) else { return nil }
                return Grid(rowHeight: millimetres(row), labelWidth: millimetres(label))
            }
        let sheet = f["sheet"]?.fields(known: ["width_mm", "height_mm", "gutter_mm"], required: ["width_mm", "height_mm", "gutter_mm"])
            .flatMap { g -> Sheet? in
                guard let width = g["width_mm"]?.number(in: 20...200), let height = g["height_mm"]?.number(in: 20...200),
                      let gutter = g["gutter_mm"]?.number(in: 2...30) else { return nil }
                return Sheet(item: Size(width: millimetres(width), height: millimetres(height)), gutter: millimetres(gutter))
            }
        let columns = f["columns"]?.fields(known: ["gap_mm", "english_share"])
        let gap = columns?["gap_mm"]?.number(in: 2...40).map(millimetres) ?? millimetres(7)
        let share = columns?["english_share"]?.number(in: 0.3...0.7) ?? 0.5
        // Small type is unavoidable on a wallet card (a sheet), not on pages patients read.
        let type = f["type"].flatMap { typeSizes(from: $0, checkBody: f["sheet"] == nil) }
        let colours = f["colours"].flatMap(colours(from:))
        let sections = f["sections"].map { sectionList(from: $0, known: known, required: required) } ?? []
        let metrics = Metrics.read(f["metrics"])
        guard let margins, let type, let colours, let sections else { return nil }
        var layout = DocumentLayout(margins: margins, bandGap: bandGap, landscape: landscape, runningHeader: runningHeader,
                                    maxPages: maxPages,
                                    smallestBody: smallestBody, grid: grid, sheet: sheet, columnGap: gap, englishShare: share,
                                    type: type, colours: colours, sections: sections, warnings: [])
        layout.metrics = metrics
        return layout
    }

    /// The same layout with every type size multiplied by `factor` (to fit a page limit).
    public func scaled(by factor: Double) -> DocumentLayout {
        var copy = self
        copy.type = type.mapValues { TypeSize(size: $0.size * factor, lineHeight: $0.lineHeight) }
        return copy
    }

    static func insets(from value: YAMLValue) -> Insets? {
        let sides = ["top", "right", "bottom", "left"]
        guard let f = value.fields(known: sides, required: sides) else { return nil }
        let safe = safeMargin * 25.4 / 72
        let mm = sides.map { f[$0]?.number(in: safe.rounded(.up)...80) }
        guard let top = mm[0], let right = mm[1], let bottom = mm[2], let left = mm[3] else { return nil }
        return Insets(top: millimetres(top), right: millimetres(right), bottom: millimetres(bottom), left: millimetres(left))
    }

    static func typeSizes(from value: YAMLValue, checkBody: Bool) -> [Role: TypeSize]? {
        let names = Role.allCases.map(\.rawValue)
        guard let f = value.fields(known: names, required: names) else { return nil }
        var sizes: [Role: TypeSize] = [:]
        for role in Role.allCases {
            guard let entry = f[role.rawValue]?.fields(known: ["size", "line_height"], required: ["size", "line_height"]),
                  let size = entry["size"]?.number(in: 6...72),
                  let lineHeight = entry["line_height"]?.number(in: 1.2...3) else { continue }
            if checkBody, role == .body, size < minimumBodySize {
                entry["size"]?.warning("body text of \(size) pt is below the \(Int(minimumBodySize)) pt that patient materials need",
                                       hint: "use 12 or more", rule: "small-type")
            }
            sizes[role] = TypeSize(size: size, lineHeight: lineHeight)
        }
        return sizes.count == Role.allCases.count ? sizes : nil
    }

    static func colours(from value: YAMLValue) -> [Swatch: Color]? {
        let names = Swatch.allCases.map(\.rawValue)
        guard let f = value.fields(known: names, required: names) else { return nil }
        var colours: [Swatch: Color] = [:]
        for swatch in Swatch.allCases {
            guard let entry = f[swatch.rawValue], let text = entry.text() else { continue }
            guard let colour = Color(hex: text) else {
                entry.error("'\(text)' is not a colour", hint: "write colours as #RRGGBB, for example #0B4F6C")
                continue
            }
            colours[swatch] = colour
        }
        return colours.count == Swatch.allCases.count ? colours : nil
    }

    static func sectionList(from value: YAMLValue, known: [String], required: [String]) -> [String]? {
        guard let items = value.items() else { return nil }
        var names: [String] = []
        for item in items {
            guard let name = item.text() else { continue }
            guard known.contains(name) else {
                item.error("unknown section '\(name)'",
                           hint: closestMatch(to: name, in: known).map { "did you mean '\($0)'?" }
                               ?? "known sections: \(known.joined(separator: ", "))")
                continue
            }
            if names.contains(name) { item.error("section '\(name)' is listed twice", hint: "keep one") }
            names.append(name)
        }
        for name in required where !names.contains(name) {
            value.error("the section '\(name)' cannot be left out: it is medical safety text",
                        hint: "add '- \(name)' to the list")
        }
        return names
    }
}
