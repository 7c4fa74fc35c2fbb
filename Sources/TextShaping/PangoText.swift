// A paragraph shaped by Pango: the layout (drawn by the renderer) and its lines.
internal import CPangoCairo
import Diagnostics
import LayoutEngine

/// A paragraph laid out by Pango. Owns its PangoLayout.
public final class PangoText: ShapedText {
    public let text: StyledText
    public private(set) var lines: [ShapedLine] = []
    public internal(set) var diagnostics: [Diagnostic] = []
    let layout: OpaquePointer
    let prepared: PreparedText
    /// UTF-8 offset of each prepared scalar (and of the end).
    let byteOffsets: [Int]

    init(text: StyledText, prepared: PreparedText, layout: OpaquePointer, byteOffsets: [Int], width: Double) {
        self.text = text
        self.prepared = prepared
        self.layout = layout
        self.byteOffsets = byteOffsets
        let originalCount = text.plainText.unicodeScalars.count
        lines = (0..<Int(pango_layout_get_line_count(layout))).map { index in
            let line = pango_layout_get_line_readonly(layout, Int32(index))!
            var logical = PangoRectangle()
            pango_layout_line_get_extents(line, nil, &logical)
            let start = scalarOffset(ofByte: Int(line.pointee.start_index))
            let end = scalarOffset(ofByte: Int(line.pointee.start_index + line.pointee.length))
            return ShapedLine(width: PangoUnits.points(logical.width),
                              scalars: prepared.originalOffset(start, originalCount: originalCount)
                                  ..< prepared.originalOffset(end, originalCount: originalCount))
        }
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    func layoutLine(_ index: Int) -> UnsafeMutablePointer<PangoLayoutLine> {
        pango_layout_get_line_readonly(layout, Int32(index))
    }

    /// Draws line `index` with its baseline's left end at (x, y) on a cairo context.
    /// pango_cairo_show_layout_line passes the text with the glyphs, so the PDF keeps
    /// a searchable, copyable text layer (show_glyph_string would not).
    /// The one place a C handle crosses modules: Rendering owns the cairo context, this
    /// module the Pango line. `package`, so nothing above Rendering can see it.
    package func drawLine(_ index: Int, x: Double, y: Double, cairo: OpaquePointer) {
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout_line(cairo, layoutLine(index))
    }

    func scalarOffset(ofByte byte: Int) -> Int {
        var low = 0, high = byteOffsets.count - 1
        while low < high {
            let mid = (low + high) / 2
            if byteOffsets[mid] < byte { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The stretches of line `index` that link somewhere: their left and right x (from the
    /// line's start, in points) and the address.
    public func links(line index: Int) -> [(from: Double, to: Double, url: String)] {
        let line = layoutLine(index)
        let lineStart = Int(line.pointee.start_index), lineEnd = lineStart + Int(line.pointee.length)
        var result: [(Double, Double, String)] = []
        var offset = 0
        for run in text.runs {
            let count = run.text.unicodeScalars.count
            defer { offset += count }
            guard let url = run.link else { continue }
            let start = max(lineStart, byteOffsets[preparedOffset(of: offset)])
            let end = min(lineEnd, byteOffsets[preparedOffset(of: offset + count)])
            guard start < end else { continue }
            var x0: Int32 = 0, x1: Int32 = 0
            pango_layout_line_index_to_x(line, Int32(start), 0, &x0)
            pango_layout_line_index_to_x(line, Int32(end), 0, &x1)
            result.append((PangoUnits.points(min(x0, x1)), PangoUnits.points(max(x0, x1)), url))
        }
        return result
    }

    /// The prepared offset where original offset `original` begins.
    private func preparedOffset(of original: Int) -> Int {
        prepared.origin.firstIndex { $0 >= original } ?? prepared.scalars.count
    }

    /// One run of glyphs in one font, as Pango shaped it.
    public struct GlyphRun: Sendable, Hashable {
        public var family: String
        public var text: String
        public var glyphs: [UInt32]
    }

    /// The runs of line `index`: which font each stretch used and which glyphs it drew.
    public func glyphRuns(line index: Int) -> [GlyphRun] {
        var runs: [GlyphRun] = []
        var node = layoutLine(index).pointee.runs
        while let current = node {
            let item = current.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self).pointee
            runs.append(glyphRun(item))
            node = current.pointee.next
        }
        return runs
    }

    private func glyphRun(_ item: PangoGlyphItem) -> GlyphRun {
        let analysis = item.item.pointee.analysis
        let description = pango_font_describe(analysis.font)
        let family = String(cString: pango_font_description_get_family(description))
        pango_font_description_free(description)
        let glyphString = item.glyphs.pointee
        let glyphs = (0..<Int(glyphString.num_glyphs)).map { UInt32(glyphString.glyphs[$0].glyph) }
        let start = scalarOffset(ofByte: Int(item.item.pointee.offset))
        let end = scalarOffset(ofByte: Int(item.item.pointee.offset + item.item.pointee.length))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: prepared.scalars[start..<end])
        return GlyphRun(family: family, text: String(view), glyphs: glyphs)
    }
}
