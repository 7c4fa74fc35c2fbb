// A paragraph shaped once by Pango and broken into lines of glyph runs.
//
// PangoLayout (1.50) shapes every item again as it puts it on a line, and the rest of a
// broken item again on the next line: a handout's text went through HarfBuzz 2.3 times.
// Here each item is shaped once and lines are cut from its glyphs by PangoLayout's own
// rules for word wrapping: a line end (\n, \r\n, \r, U+2029) ends a paragraph and belongs
// to no line; Pango's break opportunities (its log attributes, with our attributes applied);
// the last one whose text fits ends the line, a space at a line's end hanging past the width
// and drawing nothing; a word wider than the line stands alone on it. A cut after a space
// keeps the glyphs as they are; a cut inside a word (a syllable break, a link's slash)
// shapes both halves again, as PangoLayout does, and is taken only if the reshaped half
// still fits. As in PangoLayout, only the attributes that choose a font cut the text into
// items; colours cut the runs of each line once it is broken, and a line's runs are drawn
// in visual order (the paragraph's base direction is left to right).
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
        for paragraph in paragraphs() {
            let items = itemize(paragraph, attributes: fonts, context: context)
            findBreaks(in: paragraph, items: items, attributes: breaking)
            var start = paragraph.lowerBound
            for item in items {
                pending.append((shape(item, start: start), start))
                start += Int(item.pointee.num_chars)
            }
            breakLines(paragraph, width: width)
        }
        colour(with: colours)
    }

    /// The paragraphs PangoLayout lays out one by one, in characters: the text between line
    /// ends (\n, \r\n, \r, U+2029), which belong to no line. A text ending in one ends in an
    /// empty paragraph, as in PangoLayout.
    private func paragraphs() -> [Range<Int>] {
        let count = byteOffsets.count - 1
        // Most text has no line end: no byte of one (\n, \r, the first of U+2029's) is in it.
        guard text.contains(where: { $0 == 0x0A || $0 == 0x0D || UInt8(bitPattern: $0) == 0xE2 }) else { return [0..<count] }
        func byte(_ index: Int, _ plus: Int = 0) -> UInt8 { UInt8(bitPattern: text[byteOffsets[index] + plus]) }
        var result: [Range<Int>] = []
        var start = 0, index = 0
        while index < count {
            let length: Int
            switch byte(index) {
            case 0x0A: length = 1
            case 0x0D: length = index + 1 < count && byte(index + 1) == 0x0A ? 2 : 1
            case 0xE2 where byte(index, 1) == 0x80 && byte(index, 2) == 0xA9: length = 1
            default: length = 0
            }
            guard length > 0 else { index += 1; continue }
            result.append(start..<index)
            index += length
            start = index
        }
        result.append(start..<count)
        return result
    }

    /// Attributes that choose a font (or its language) or must hold for a whole item, and
    /// those shaping reads: the ones PangoLayout gives its itemizing and its items.
    private static func choosesFont(_ attribute: PangoAttribute) -> gboolean {
        switch attribute.klass.pointee.type {
        case PANGO_ATTR_LANGUAGE, PANGO_ATTR_FAMILY, PANGO_ATTR_STYLE, PANGO_ATTR_WEIGHT, PANGO_ATTR_VARIANT, PANGO_ATTR_STRETCH,
             PANGO_ATTR_SIZE, PANGO_ATTR_FONT_DESC, PANGO_ATTR_SCALE, PANGO_ATTR_FALLBACK, PANGO_ATTR_ABSOLUTE_SIZE, PANGO_ATTR_GRAVITY,
             PANGO_ATTR_GRAVITY_HINT, PANGO_ATTR_FONT_SCALE, PANGO_ATTR_LETTER_SPACING, PANGO_ATTR_SHAPE, PANGO_ATTR_RISE,
             PANGO_ATTR_BASELINE_SHIFT, PANGO_ATTR_LINE_HEIGHT, PANGO_ATTR_ABSOLUTE_LINE_HEIGHT, PANGO_ATTR_TEXT_TRANSFORM,
             PANGO_ATTR_FONT_FEATURES, PANGO_ATTR_SHOW: 1
        default: 0
        }
    }

    /// Attributes that only move line breaks.
    private static func breaksLines(_ attribute: PangoAttribute) -> gboolean {
        switch attribute.klass.pointee.type {
        case PANGO_ATTR_ALLOW_BREAKS, PANGO_ATTR_INSERT_HYPHENS, PANGO_ATTR_WORD, PANGO_ATTR_SENTENCE: 1
        default: 0
        }
    }

    /// Cuts each line's runs where the other attributes (colours) change, each piece carrying them.
    private func colour(with attributes: OpaquePointer) {
        text.withUnsafeBufferPointer { text in
            for index in lines.indices {
                lines[index].runs = Self.visualOrder(lines[index].runs.flatMap { run -> [UnsafeMutablePointer<PangoGlyphItem>] in
                    let pieces = pango_glyph_item_apply_attrs(run, text.baseAddress, attributes)
                    defer { g_slist_free(pieces) }
                    return Self.contents(of: pieces) { ($0.data, $0.next) }
                })
            }
        }
    }

    /// Runs from left to right: each stretch of right-to-left runs (odd levels) reversed, from
    /// the deepest level out (the bidi algorithm's rule L2).
    private static func visualOrder(_ runs: [UnsafeMutablePointer<PangoGlyphItem>]) -> [UnsafeMutablePointer<PangoGlyphItem>] {
        let levels = runs.map { Int($0.pointee.item!.pointee.analysis.level) }
        guard let deepest = levels.max(), deepest > 0 else { return runs }
        var order = Array(runs.indices)
        for level in stride(from: deepest, through: 1, by: -1) {
            var index = 0
            while index < order.count {
                guard levels[order[index]] >= level else { index += 1; continue }
                var end = index
                while end < order.count, levels[order[end]] >= level { end += 1 }
                order[index..<end].reverse()
                index = end
            }
        }
        return order.map { runs[$0] }
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
                breaks.withUnsafeMutableBufferPointer { breaks in
                    pango_glyph_string_index_to_x_full(run.pointee.glyphs, UnsafeMutablePointer(mutating: text.baseAddress! + Int(item.pointee.offset)),
                                                       item.pointee.length, &item.pointee.analysis, breaks.baseAddress! + first,
                                                       Int32(byteOffsets[character]) - item.pointee.offset, 0, &within)
                }
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

    private func itemize(_ paragraph: Range<Int>, attributes: OpaquePointer?, context: OpaquePointer) -> [UnsafeMutablePointer<PangoItem>] {
        let (start, end) = (byteOffsets[paragraph.lowerBound], byteOffsets[paragraph.upperBound])
        let items = text.withUnsafeBufferPointer { pango_itemize(context, $0.baseAddress, Int32(start), Int32(end - start), attributes, nil) }
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
    private func findBreaks(in paragraph: Range<Int>, items: [UnsafeMutablePointer<PangoItem>], attributes: OpaquePointer?) {
        let (start, end) = (byteOffsets[paragraph.lowerBound], byteOffsets[paragraph.upperBound])
        let count = Int32(paragraph.count + 1)
        text.withUnsafeBufferPointer { text in
            breaks.withUnsafeMutableBufferPointer { breaks in
                let first = breaks.baseAddress! + paragraph.lowerBound
                pango_default_break(text.baseAddress! + start, Int32(end - start), nil, first, count)
                var character = paragraph.lowerBound
                for item in items {
                    let offset = Int(item.pointee.offset)
                    pango_tailor_break(text.baseAddress! + offset, item.pointee.length, &item.pointee.analysis, Int32(offset),
                                       breaks.baseAddress! + character, item.pointee.num_chars + 1)
                    character += Int(item.pointee.num_chars)
                }
                pango_attr_break(text.baseAddress! + start, Int32(end - start), attributes, Int32(start), first, count)
            }
        }
    }

    /// Shapes `item` (which starts at character `start`) into a new glyph run and records
    /// its characters' advances.
    private func shape(_ item: UnsafeMutablePointer<PangoItem>, start: Int) -> UnsafeMutablePointer<PangoGlyphItem> {
        let run = g_slice_alloc0(gsize(MemoryLayout<PangoGlyphItem>.size))!.bindMemory(to: PangoGlyphItem.self, capacity: 1)
        run.pointee.item = item
        reshape(run, start: start)
        return run
    }

    /// Shapes `run`'s item (again) and records its characters' advances.
    private func reshape(_ run: UnsafeMutablePointer<PangoGlyphItem>, start: Int) {
        if let old = run.pointee.glyphs { pango_glyph_string_free(old) }
        run.pointee.glyphs = glyphs(of: run.pointee.item, start: start)
        text.withUnsafeBufferPointer { text in
            advances.withUnsafeMutableBufferPointer { advances in
                pango_glyph_item_get_logical_widths(run, text.baseAddress, advances.baseAddress! + start)
            }
        }
    }

    /// `item`'s glyphs, shaped as PangoLayout shapes them.
    private func glyphs(of item: UnsafeMutablePointer<PangoItem>, start: Int) -> UnsafeMutablePointer<PangoGlyphString> {
        let glyphs = pango_glyph_string_new()!
        text.withUnsafeBufferPointer { text in
            breaks.withUnsafeMutableBufferPointer { breaks in
                pango_shape_item(item, text.baseAddress, length, breaks.baseAddress! + start, glyphs, PANGO_SHAPE_NONE)
            }
        }
        return glyphs
    }

    private func breakLines(_ paragraph: Range<Int>, width: Int32) {
        var start = paragraph.lowerBound
        repeat {
            let end = lineEnd(from: start, in: paragraph, width: width)
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
            if end < paragraph.upperBound, breaks[end - 1].is_white != 0, let last = runs.last { hideFinalSpace(of: last) }
            let width = runs.reduce(Int32(0)) { $0 + pango_glyph_string_get_width($1.pointee.glyphs) }
            lines.append(Line(runs: runs, characters: start..<end, width: width))
            start = end
        } while start < paragraph.upperBound
    }

    /// Where the line starting at character `start` ends: at the last break opportunity
    /// whose text fits in `width`, or at the first one when none fits.
    private func lineEnd(from start: Int, in paragraph: Range<Int>, width limit: Int32) -> Int {
        // Local copies: reading a class's arrays in the loop would check exclusive access each time.
        let advances = advances, breaks = breaks
        let end = paragraph.upperBound
        var width: Int32 = 0
        var fitting: [Int] = []
        fitting.reserveCapacity(32)
        var index = start
        while index < end {
            width += advances[index]
            index += 1
            let mandatory = index < end && breaks[index].is_mandatory_break != 0
            guard index == end || mandatory || breaks[index].is_line_break != 0 else { continue }
            let hanging = breaks[index - 1].is_white != 0 ? advances[index - 1] : 0
            guard width - hanging <= limit else { return lastFitting(fitting, from: start, width: limit) ?? fitting.first ?? index }
            if mandatory { return index }
            fitting.append(index)
        }
        return end
    }

    /// The last of `ends` whose line fits once a word cut at it is shaped again (its glyphs
    /// can widen there: a sign that leaned over the cut no longer does).
    private func lastFitting(_ ends: [Int], from start: Int, width limit: Int32) -> Int? {
        ends.last { end in
            guard breaks[end - 1].is_white == 0, let (run, first) = pending.first(where: { $0.start < end && end < $0.start + Int($0.run.pointee.item!.pointee.num_chars) })
            else { return true }
            let before = advances[start..<first].reduce(Int32(0), +)
            return before + reshapedWidth(of: run, from: first, to: end) <= limit
        }
    }

    /// The width of `run`'s characters from `first` to `end` shaped on their own.
    private func reshapedWidth(of run: UnsafeMutablePointer<PangoGlyphItem>, from first: Int, to end: Int) -> Int32 {
        let copy = pango_item_copy(run.pointee.item)!
        let head = pango_item_split(copy, Int32(byteOffsets[end] - byteOffsets[first]), Int32(end - first))!
        let glyphs = glyphs(of: head, start: first)
        defer { pango_glyph_string_free(glyphs); pango_item_free(head); pango_item_free(copy) }
        return pango_glyph_string_get_width(glyphs)
    }

    /// Splits off the part of `run` (starting at character `first`) before character `end`.
    private func cut(_ run: UnsafeMutablePointer<PangoGlyphItem>, at end: Int, from first: Int) -> UnsafeMutablePointer<PangoGlyphItem> {
        let bytes = Int32(byteOffsets[end] - byteOffsets[first])
        if breaks[end - 1].is_white != 0, startsCluster(run, at: bytes) {
            return text.withUnsafeBufferPointer { pango_glyph_item_split(run, $0.baseAddress, bytes)! }
        }
        let head = pango_item_split(run.pointee.item!, bytes, Int32(end - first))!
        reshape(run, start: end)   // now the tail
        return shape(head, start: first)
    }

    /// Whether a glyph cluster of `run` begins `bytes` into it: only there can its glyphs be
    /// divided as they are.
    private func startsCluster(_ run: UnsafeMutablePointer<PangoGlyphItem>, at bytes: Int32) -> Bool {
        let glyphs = run.pointee.glyphs!.pointee
        return (0..<Int(glyphs.num_glyphs)).contains { glyphs.log_clusters[$0] == bytes }
    }

    /// A line broken after a space ends in that space: it takes no room and draws nothing.
    /// The space is the run's last glyph, or its first in a right-to-left run.
    private func hideFinalSpace(of run: UnsafeMutablePointer<PangoGlyphItem>) {
        let glyphs = run.pointee.glyphs!.pointee
        let count = Int(glyphs.num_glyphs)
        let rightToLeft = run.pointee.item!.pointee.analysis.level % 2 == 1
        let (space, neighbour) = rightToLeft ? (0, 1) : (count - 1, count - 2)
        guard count > 0, count == 1 || glyphs.log_clusters[space] != glyphs.log_clusters[neighbour] else { return }
        glyphs.glyphs[space].geometry.width = 0
        glyphs.glyphs[space].glyph = PANGO_GLYPH_EMPTY
    }
}
