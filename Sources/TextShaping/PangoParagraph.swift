// A paragraph shaped once by Pango and broken into lines of glyph runs.
//
// PangoLayout (1.50) shapes every item again as it puts it on a line, and the rest of a
// broken item again on the next line: a handout's text went through HarfBuzz 2.3 times.
// Here each item is shaped once and lines are cut from its glyphs by PangoLayout's own
// rules for word wrapping: Pango's break opportunities (its log attributes, with our
// attributes applied), the last one whose text fits ending the line, a space at a line's
// end hanging past the width and drawing nothing, a word wider than the line alone on it.
// A cut after a space keeps the glyphs as they are; a cut inside a word (a syllable break,
// a link's slash) shapes both halves again, as PangoLayout does, since glyphs can change
// at such a cut. As in PangoLayout, only the attributes that choose a font cut the text into
// items; colours cut the runs of each line once it is broken.
internal import CPangoCairo

final class PangoParagraph {
    struct Line {
        /// Glyph runs, left to right, each owned by the paragraph.
        var runs: [UnsafeMutablePointer<PangoGlyphItem>]
        /// The line's characters (Unicode scalars) in the paragraph.
        var characters: Range<Int>
        /// Its advance in Pango units, a hanging space excluded.
        var width: Int32
    }

    /// UTF-8, NUL-terminated: what the glyph runs' offsets point into.
    let text: [CChar]
    private(set) var lines: [Line] = []

    private let byteOffsets: [Int]
    private var breaks: [PangoLogAttr]
    /// Each character's advance as last shaped, in Pango units.
    private var advances: [Int32]
    /// Shaped runs not yet placed on a line, in order, with their first character.
    private var pending: [(run: UnsafeMutablePointer<PangoGlyphItem>, start: Int)] = []

    /// `byteOffsets`: where each character of `text` starts, and the end. `width` in Pango units.
    init(text: [CChar], byteOffsets: [Int], attributes: OpaquePointer, context: OpaquePointer, width: Int32) {
        self.text = text
        self.byteOffsets = byteOffsets
        let count = byteOffsets.count - 1
        breaks = Array(repeating: PangoLogAttr(), count: count + 1)
        advances = Array(repeating: 0, count: count)
        // Split as PangoLayout splits them: font choice, line breaking, and the rest (colours).
        let colours = pango_attr_list_copy(attributes)!
        defer { pango_attr_list_unref(colours) }
        let fonts = pango_attr_list_filter(colours, { attribute, _ in PangoParagraph.choosesFont(attribute!.pointee) }, nil)
        let breaking = pango_attr_list_filter(colours, { attribute, _ in PangoParagraph.breaksLines(attribute!.pointee) }, nil)
        defer { [fonts, breaking].compactMap { $0 }.forEach { pango_attr_list_unref($0) } }
        let items = itemize(attributes: fonts, context: context)
        findBreaks(items: items, attributes: breaking)
        var start = 0
        for item in items {
            pending.append((shape(item, start: start), start))
            start += Int(item.pointee.num_chars)
        }
        breakLines(width: width)
        colour(with: colours)
    }

    /// Attributes that choose a font (or its language), which only PangoLayout's itemizing sees.
    private static func choosesFont(_ attribute: PangoAttribute) -> gboolean {
        switch attribute.klass.pointee.type {
        case PANGO_ATTR_FONT_DESC, PANGO_ATTR_FAMILY, PANGO_ATTR_STYLE, PANGO_ATTR_WEIGHT, PANGO_ATTR_VARIANT, PANGO_ATTR_STRETCH,
             PANGO_ATTR_SIZE, PANGO_ATTR_ABSOLUTE_SIZE, PANGO_ATTR_LANGUAGE: 1
        default: 0
        }
    }

    /// Attributes that only move line breaks.
    private static func breaksLines(_ attribute: PangoAttribute) -> gboolean {
        switch attribute.klass.pointee.type {
        case PANGO_ATTR_ALLOW_BREAKS, PANGO_ATTR_INSERT_HYPHENS: 1
        default: 0
        }
    }

    /// Cuts each line's runs where the other attributes (colours) change, each piece carrying them.
    private func colour(with attributes: OpaquePointer) {
        text.withUnsafeBufferPointer { text in
            for index in lines.indices {
                lines[index].runs = lines[index].runs.flatMap { run -> [UnsafeMutablePointer<PangoGlyphItem>] in
                    let pieces = pango_glyph_item_apply_attrs(run, text.baseAddress, attributes)
                    defer { g_slist_free(pieces) }
                    return Self.contents(of: pieces) { ($0.data, $0.next) }
                }
            }
        }
    }

    deinit {
        for line in lines { line.runs.forEach { pango_glyph_item_free($0) } }
    }

    /// The character that starts at UTF-8 offset `byte`.
    func character(atByte byte: Int) -> Int {
        var low = 0, high = byteOffsets.count - 1
        while low < high {
            let mid = (low + high) / 2
            if byteOffsets[mid] < byte { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Where character `character` starts on line `index`, from the line's start, in Pango
    /// units; the line's end for the character after it.
    func x(ofCharacter character: Int, line index: Int) -> Int32 {
        var x: Int32 = 0
        for run in lines[index].runs {
            let item = run.pointee.item!
            let first = self.character(atByte: Int(item.pointee.offset))
            guard (first..<first + Int(item.pointee.num_chars)).contains(character) else {
                x += pango_glyph_string_get_width(run.pointee.glyphs)
                continue
            }
            var within: Int32 = 0
            text.withUnsafeBufferPointer { text in
                pango_glyph_string_index_to_x(run.pointee.glyphs, UnsafeMutablePointer(mutating: text.baseAddress! + Int(item.pointee.offset)),
                                              item.pointee.length, &item.pointee.analysis,
                                              Int32(byteOffsets[character]) - item.pointee.offset, 0, &within)
            }
            return x + within
        }
        return x
    }

    /// The characters no font had a glyph for, each once, in order of appearance.
    var missingCharacters: [Unicode.Scalar] {
        let unknown = UInt32(PANGO_GLYPH_UNKNOWN_FLAG)
        var missing: [Unicode.Scalar] = []
        for run in lines.flatMap(\.runs) {
            let glyphs = run.pointee.glyphs!.pointee
            for index in 0..<Int(glyphs.num_glyphs) where glyphs.glyphs[index].glyph & unknown != 0 {
                if let scalar = Unicode.Scalar(glyphs.glyphs[index].glyph & ~unknown), !missing.contains(scalar) { missing.append(scalar) }
            }
        }
        return missing
    }

    private var length: Int32 { Int32(text.count - 1) }

    private func itemize(attributes: OpaquePointer?, context: OpaquePointer) -> [UnsafeMutablePointer<PangoItem>] {
        let items = text.withUnsafeBufferPointer { pango_itemize(context, $0.baseAddress, 0, length, attributes, nil) }
        defer { g_list_free(items) }
        return Self.contents(of: items) { ($0.data, $0.next) }
    }

    /// What a glib list (a GList or a GSList, whose nodes `link` reads) points to, in order.
    private static func contents<Node, Element>(of first: UnsafeMutablePointer<Node>?,
                                               _ link: (Node) -> (data: UnsafeMutableRawPointer?, next: UnsafeMutablePointer<Node>?))
        -> [UnsafeMutablePointer<Element>] {
        var result: [UnsafeMutablePointer<Element>] = []
        var node = first
        while let current = node {
            let (data, next) = link(current.pointee)
            result.append(data!.assumingMemoryBound(to: Element.self))
            node = next
        }
        return result
    }

    /// Break opportunities as PangoLayout finds them: the default rules, each item's
    /// script and language, then the attributes (a compound's allow-breaks off).
    private func findBreaks(items: [UnsafeMutablePointer<PangoItem>], attributes: OpaquePointer?) {
        let count = Int32(breaks.count)
        text.withUnsafeBufferPointer { text in
            breaks.withUnsafeMutableBufferPointer { breaks in
                pango_default_break(text.baseAddress, length, nil, breaks.baseAddress, count)
                var start = 0
                for item in items {
                    let offset = Int(item.pointee.offset)
                    pango_tailor_break(text.baseAddress! + offset, item.pointee.length, &item.pointee.analysis, Int32(offset),
                                       breaks.baseAddress! + start, item.pointee.num_chars + 1)
                    start += Int(item.pointee.num_chars)
                }
                pango_attr_break(text.baseAddress, length, attributes, 0, breaks.baseAddress, count)
            }
        }
    }

    /// Shapes `item` (which starts at character `start`) into a new glyph run and records
    /// its characters' advances.
    private func shape(_ item: UnsafeMutablePointer<PangoItem>, start: Int) -> UnsafeMutablePointer<PangoGlyphItem> {
        let glyphs = pango_glyph_string_new()!
        let run = g_slice_alloc0(gsize(MemoryLayout<PangoGlyphItem>.size))!.bindMemory(to: PangoGlyphItem.self, capacity: 1)
        run.pointee.item = item
        run.pointee.glyphs = glyphs
        text.withUnsafeBufferPointer { text in
            breaks.withUnsafeMutableBufferPointer { breaks in
                pango_shape_item(item, text.baseAddress, length, breaks.baseAddress! + start, glyphs, PANGO_SHAPE_NONE)
            }
            advances.withUnsafeMutableBufferPointer { advances in
                pango_glyph_item_get_logical_widths(run, text.baseAddress, advances.baseAddress! + start)
            }
        }
        return run
    }

    private func breakLines(width: Int32) {
        let count = advances.count
        var start = 0
        repeat {
            let end = lineEnd(from: start, width: width)
            var runs: [UnsafeMutablePointer<PangoGlyphItem>] = []
            while let (run, first) = pending.first.map({ ($0.run, $0.start) }), first < end {
                if first + Int(run.pointee.item!.pointee.num_chars) <= end {
                    runs.append(run)
                    pending.removeFirst()
                } else {
                    runs.append(cut(run, at: end, from: first))
                    pending[0].start = end
                }
            }
            if end < count, breaks[end - 1].is_white != 0, let last = runs.last { hideFinalSpace(of: last) }
            let width = runs.reduce(Int32(0)) { $0 + pango_glyph_string_get_width($1.pointee.glyphs) }
            lines.append(Line(runs: runs, characters: start..<end, width: width))
            start = end
        } while start < count
    }

    /// Where the line starting at character `start` ends: at the last break opportunity
    /// whose text fits in `width`, or at the first one when none fits.
    private func lineEnd(from start: Int, width limit: Int32) -> Int {
        // Local copies: reading a class's arrays in the loop would check exclusive access each time.
        let advances = advances, breaks = breaks
        let count = advances.count
        var width: Int32 = 0
        var fitting: Int?
        var index = start
        while index < count {
            width += advances[index]
            index += 1
            let mandatory = index < count && breaks[index].is_mandatory_break != 0
            guard index == count || mandatory || breaks[index].is_line_break != 0 else { continue }
            let hanging = breaks[index - 1].is_white != 0 ? advances[index - 1] : 0
            guard width - hanging <= limit else { return fitting ?? index }
            if mandatory { return index }
            fitting = index
        }
        return fitting ?? count
    }

    /// Splits off the part of `run` (starting at character `first`) before character `end`.
    private func cut(_ run: UnsafeMutablePointer<PangoGlyphItem>, at end: Int, from first: Int) -> UnsafeMutablePointer<PangoGlyphItem> {
        let bytes = Int32(byteOffsets[end] - byteOffsets[first])
        if breaks[end - 1].is_white != 0 {
            return text.withUnsafeBufferPointer { pango_glyph_item_split(run, $0.baseAddress, bytes)! }
        }
        let head = pango_item_split(run.pointee.item!, bytes, Int32(end - first))!
        pango_glyph_string_free(run.pointee.glyphs)
        let tail = shape(run.pointee.item!, start: end)
        run.pointee.glyphs = tail.pointee.glyphs
        g_slice_free1(gsize(MemoryLayout<PangoGlyphItem>.size), tail)
        return shape(head, start: first)
    }

    /// A line broken after a space ends in that space: it takes no room and draws nothing.
    private func hideFinalSpace(of run: UnsafeMutablePointer<PangoGlyphItem>) {
        let glyphs = run.pointee.glyphs!.pointee
        let last = Int(glyphs.num_glyphs) - 1
        guard last >= 0, last == 0 || glyphs.log_clusters[last] != glyphs.log_clusters[last - 1] else { return }
        glyphs.glyphs[last].geometry.width = 0
        glyphs.glyphs[last].glyph = PANGO_GLYPH_EMPTY
    }
}
