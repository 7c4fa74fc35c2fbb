// A paragraph shaped by Pango: its lines, and how each is drawn on a canvas.
internal import CPangoCairo
import Diagnostics
import LayoutEngine

/// A paragraph shaped and broken into lines by Pango (`PangoParagraph`).
public final class PangoText: ShapedText {
    public let text: StyledText
    public private(set) var lines: [ShapedLine] = []
    public internal(set) var diagnostics: [Diagnostic] = []
    let paragraph: PangoParagraph
    let prepared: PreparedText

    init(text: StyledText, prepared: PreparedText, paragraph: PangoParagraph) {
        self.text = text
        self.prepared = prepared
        self.paragraph = paragraph
        lines = paragraph.lines.map { line in
            ShapedLine(width: PangoUnits.points(line.width),
                       scalars: prepared.originalOffset(line.characters.lowerBound) ..< prepared.originalOffset(line.characters.upperBound))
        }
    }

    /// Draws line `index` with its baseline's left end at (x, y) on a cairo context, run by
    /// run, the glyphs exactly as Pango shaped them and the text with them, so the PDF keeps
    /// a searchable, copyable text layer (issue 17). A Bangla run maps each word to all of
    /// its glyphs (one cluster per word): cairo then writes one /ActualText per word, and
    /// extractors no longer see a gap inside a word after a vowel sign or a reph. Other runs
    /// keep Pango's own clusters.
    public func drawLine(_ index: Int, x: Double, y: Double, on canvas: Canvas) {
        let cairo = canvas.cairo
        paragraph.text.withUnsafeBufferPointer { buffer in
            let text = buffer.baseAddress!
            var pen = x
            for run in paragraph.lines[index].runs {
                setColour(of: run.pointee, cairo)
                cairo_move_to(cairo, pen, y)
                if !drawWords(run.pointee, text: text, x: pen, y: y, cairo) {
                    pango_cairo_show_glyph_item(cairo, text, run)
                }
                pen += PangoUnits.points(pango_glyph_string_get_width(run.pointee.glyphs))
            }
        }
    }

    /// The run's colour (its foreground attribute; black without one).
    private func setColour(of run: PangoGlyphItem, _ cairo: OpaquePointer) {
        var attributes = run.item.pointee.analysis.extra_attrs
        var colour = PangoColor(red: 0, green: 0, blue: 0)
        while let node = attributes {
            let attribute = node.pointee.data.assumingMemoryBound(to: PangoAttribute.self)
            if attribute.pointee.klass.pointee.type == PANGO_ATTR_FOREGROUND {
                colour = UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: PangoAttrColor.self).pointee.color
            }
            attributes = node.pointee.next
        }
        cairo_set_source_rgb(cairo, Double(colour.red) / 65535, Double(colour.green) / 65535, Double(colour.blue) / 65535)
    }

    /// Draws a Bangla run with one cluster per word (its trailing spaces included); false,
    /// drawing nothing, for a run in another script or with a glyph the font lacks.
    private func drawWords(_ run: PangoGlyphItem, text: UnsafePointer<CChar>, x: Double, y: Double, _ cairo: OpaquePointer) -> Bool {
        let item = run.item.pointee
        let glyphs = run.glyphs.pointee
        let count = Int(glyphs.num_glyphs)
        guard item.analysis.script == UInt8(truncatingIfNeeded: PANGO_SCRIPT_BENGALI.rawValue), item.analysis.level % 2 == 0, count > 0,
              let font = item.analysis.font,
              !(0..<count).contains(where: { glyphs.glyphs[$0].glyph & PANGO_GLYPH_UNKNOWN_FLAG != 0 })
        else { return false }
        let start = Int(item.offset), length = Int(item.length)
        let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(text) + start, count: length)
        let words = Self.wordStarts(bytes)
        // A cluster per word, spanning its bytes up to the next word's.
        var clusters = words.indices.map { index in
            cairo_text_cluster_t(num_bytes: Int32((index + 1 < words.count ? words[index + 1] : length) - words[index]), num_glyphs: 0)
        }
        var drawn: [cairo_glyph_t] = []
        drawn.reserveCapacity(count)
        var word = 0
        var advance: Int32 = 0
        for index in 0..<count {
            let glyph = glyphs.glyphs[index]
            // Left to right, a glyph's cluster never starts before the one before it.
            while word + 1 < words.count, words[word + 1] <= Int(glyphs.log_clusters[index]) { word += 1 }
            if glyph.glyph != PANGO_GLYPH_EMPTY {
                drawn.append(cairo_glyph_t(index: UInt(glyph.glyph), x: x + PangoUnits.points(advance + glyph.geometry.x_offset),
                                           y: y + PangoUnits.points(glyph.geometry.y_offset)))
                clusters[word].num_glyphs += 1
            }
            advance += glyph.geometry.width
        }
        cairo_set_scaled_font(cairo, pango_cairo_font_get_scaled_font(OpaquePointer(font)))
        cairo_show_text_glyphs(cairo, text + start, Int32(length), drawn, Int32(drawn.count), clusters, Int32(clusters.count),
                               cairo_text_cluster_flags_t(0))
        return true
    }

    /// Byte offsets where each word of a run begins: after a space, or the run's start. A
    /// word's cluster takes the spaces after it: with the spaces apart, PDFium runs words
    /// together ("একটুএখনো").
    static func wordStarts(_ bytes: UnsafeRawBufferPointer) -> [Int] {
        var starts = [0]
        for index in bytes.indices.dropFirst() where bytes[index - 1] == 0x20 && bytes[index] != 0x20 { starts.append(index) }
        return starts
    }

    /// The stretches of line `index` that link somewhere: their left and right x (from the
    /// line's start, in points) and the address.
    public func links(line index: Int) -> [(from: Double, to: Double, url: String)] {
        guard text.runs.contains(where: { $0.link != nil }) else { return [] }
        let line = paragraph.lines[index]
        var result: [(Double, Double, String)] = []
        var offset = 0
        for run in text.runs {
            let count = run.text.unicodeScalars.count
            defer { offset += count }
            guard let url = run.link else { continue }
            let start = max(line.characters.lowerBound, preparedOffset(of: offset))
            let end = min(line.characters.upperBound, preparedOffset(of: offset + count))
            guard start < end else { continue }
            let x0 = paragraph.x(ofCharacter: start, line: index), x1 = paragraph.x(ofCharacter: end, line: index)
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
        paragraph.lines[index].runs.map { glyphRun($0.pointee) }
    }

    private func glyphRun(_ item: PangoGlyphItem) -> GlyphRun {
        let analysis = item.item.pointee.analysis
        let description = pango_font_describe(analysis.font)
        let family = String(cString: pango_font_description_get_family(description))
        pango_font_description_free(description)
        let glyphString = item.glyphs.pointee
        let glyphs = (0..<Int(glyphString.num_glyphs)).map { UInt32(glyphString.glyphs[$0].glyph) }
        let start = paragraph.character(atByte: Int(item.item.pointee.offset))
        let end = start + Int(item.item.pointee.num_chars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: prepared.scalars[start..<end])
        return GlyphRun(family: family, text: String(view), glyphs: glyphs)
    }
}
