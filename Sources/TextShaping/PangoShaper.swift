// The TextShaper the documents use: Pango with the shipped fonts, word wrapping only.
internal import CPangoCairo
import Diagnostics
import LayoutEngine

public final class PangoShaper: TextShaper {
    public let fonts: FontLibrary

    /// Short texts set again and again (list markers: "•", "১.", "3.") are shaped once:
    /// a shaped text is only read once made, so one can be placed in many places.
    private var short: [ShortText: PangoText] = [:]
    private struct ShortText: Hashable {
        var text: StyledText
        var width: Double
    }

    public init(fonts: FontLibrary) {
        self.fonts = fonts
    }

    public func shape(_ text: StyledText, width: Double) -> any ShapedText {
        guard text.runs.count == 1, text.runs[0].text.unicodeScalars.dropFirst(3).isEmpty else { return shapeOnce(text, width: width) }
        let key = ShortText(text: text, width: width)
        if let shaped = short[key] { return shaped }
        if short.count >= 256 { short.removeAll() }   // a long-lived shaper keeps only the latest
        let shaped = shapeOnce(text, width: width)
        short[key] = shaped
        return shaped
    }

    private func shapeOnce(_ text: StyledText, width: Double) -> PangoText {
        var shaped = make(text, width: width, prepared: PreparedText(text))
        let overfull = overfullWords(in: shaped, width: width)
        if !overfull.isEmpty {
            let breakable = Set(overfull.flatMap { Script.syllableBreaks(in: $0.word, startingAt: $0.start) })
            shaped = make(text, width: width, prepared: PreparedText(text, breakable: breakable))
            let words = overfull.filter { !$0.isLink }.map { "'\(Self.excerpt($0.word))'" }
            if !words.isEmpty {
                shaped.diagnostics.append(.warning(
                    "a word is wider than its line and was broken between syllables: \(words.joined(separator: ", "))",
                    at: text.location, subject: text.source, hint: "shorten the word or give it more room"))
            }
        }
        shaped.diagnostics += missingGlyphs(in: shaped)
        return shaped
    }

    private func make(_ text: StyledText, width: Double, prepared: PreparedText) -> PangoText {
        let (utf8, byteOffsets) = prepared.utf8()
        let attributes = Attributes(byteOffsets: byteOffsets)
        attributes.describe(prepared, style: text.style)
        let paragraph = PangoParagraph(text: utf8, byteOffsets: byteOffsets, attributes: attributes.list, context: fonts.context,
                                       width: PangoUnits.units(width))
        return PangoText(text: text, prepared: prepared, paragraph: paragraph)
    }

    /// The start of a long word for a message, cut by scalars: one character can hold thousands of marks.
    static func excerpt(_ word: Substring) -> String {
        let scalars = word.unicodeScalars
        guard scalars.count > 40 else { return String(word) }
        return String(String.UnicodeScalarView(scalars.prefix(40))) + "…"
    }

    /// Words that stick out of their line: Pango puts such a word alone on a line.
    private func overfullWords(in shaped: PangoText, width: Double) -> [(word: Substring, start: Int, isLink: Bool)] {
        guard shaped.lines.contains(where: { $0.width > width + 0.01 }) else { return [] }
        let plain = shaped.text.plainText
        let scalars = Array(plain.unicodeScalars)
        var result: [(Substring, Int, Bool)] = []
        for line in shaped.lines where line.width > width + 0.01 {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[line.scalars])
            let text = String(view)
            var offset = line.scalars.lowerBound
            for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
                if piece.unicodeScalars.count > 1 { result.append((piece, offset, isLink(at: offset, in: shaped.text))) }
                offset += piece.unicodeScalars.count + 1
            }
        }
        return result
    }

    private func isLink(at offset: Int, in text: StyledText) -> Bool {
        var start = 0
        for run in text.runs {
            let count = run.text.unicodeScalars.count
            if offset < start + count { return run.link != nil }
            start += count
        }
        return false
    }

    /// Characters no shipped font has: named, with where they occur, never a silent box.
    private func missingGlyphs(in shaped: PangoText) -> [Diagnostic] {
        let missing = shaped.paragraph.missingCharacters
        guard !missing.isEmpty else { return [] }
        let named = missing.map { "\($0.described) ('\($0)')" }.joined(separator: ", ")
        let what = missing.count == 1 ? "the character" : "the characters"
        let verb = missing.count == 1 ? "it prints as a box" : "they print as boxes"
        return [.warning("no shipped font has \(what) \(named); \(verb)", at: shaped.text.location, subject: shaped.text.source,
                         hint: "replace \(missing.count == 1 ? "it" : "them"), or add a font that covers \(missing.count == 1 ? "it" : "them") to fonts/")]
    }
}

/// Builds a Pango attribute list from prepared text, converting scalar offsets to bytes.
final class Attributes {
    let list = pango_attr_list_new()!
    let byteOffsets: [Int]

    init(byteOffsets: [Int]) {
        self.byteOffsets = byteOffsets
    }

    deinit { pango_attr_list_unref(list) }

    func describe(_ prepared: PreparedText, style: ParagraphStyle) {
        let all = 0..<prepared.scalars.count
        let font = Self.font(style)
        add(pango_attr_font_desc_new(font), all)
        pango_font_description_free(font)
        add(pango_attr_insert_hyphens_new(0), all)
        add(foreground(style.color), all)
        for span in prepared.runs {
            guard let run = span.run else { continue }
            if run.bold { add(pango_attr_weight_new(PANGO_WEIGHT_BOLD), span.range) }
            if run.italic { add(pango_attr_style_new(PANGO_STYLE_ITALIC), span.range) }
            if let color = run.color { add(foreground(color), span.range) }
        }
        for word in prepared.compounds { add(pango_attr_allow_breaks_new(0), word) }
        // Bangla script gets its own font and no italic (not a Bangla convention); Bangla
        // text, as its run declares, gets its language.
        for span in prepared.banglaSpans {
            add(pango_attr_family_new("\(FontLibrary.banglaFamily), \(FontLibrary.latinFamily)"), span)
            change(pango_attr_style_new(PANGO_STYLE_NORMAL), span)
        }
        for span in prepared.banglaLanguageSpans {
            add(pango_attr_language_new(pango_language_from_string("bn")), span)
        }
    }

    /// The paragraph's font; the attributes added after it (Bangla, bold, italic) take precedence.
    private static func font(_ style: ParagraphStyle) -> OpaquePointer {
        let font = pango_font_description_new()!
        pango_font_description_set_family(font, FontLibrary.latinFamily)
        pango_font_description_set_absolute_size(font, Double(PangoUnits.units(style.size)))
        if style.bold { pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD) }
        return font
    }

    private func foreground(_ color: Color) -> UnsafeMutablePointer<PangoAttribute> {
        func channel(_ value: Double) -> UInt16 { UInt16((value * 65535).rounded()) }
        return pango_attr_foreground_new(channel(color.red), channel(color.green), channel(color.blue))
    }

    private func place(_ attribute: UnsafeMutablePointer<PangoAttribute>, _ range: Range<Int>) {
        attribute.pointee.start_index = UInt32(byteOffsets[range.lowerBound])
        attribute.pointee.end_index = UInt32(byteOffsets[range.upperBound])
    }

    private func add(_ attribute: UnsafeMutablePointer<PangoAttribute>, _ range: Range<Int>) {
        place(attribute, range)
        pango_attr_list_insert(list, attribute)
    }

    /// Inserts, replacing overlapping attributes of the same kind.
    private func change(_ attribute: UnsafeMutablePointer<PangoAttribute>, _ range: Range<Int>) {
        place(attribute, range)
        pango_attr_list_change(list, attribute)
    }
}
