// PangoParagraph shapes each item once and breaks lines itself; PangoLayout, with the same
// text and attributes, is the reference it must match: the same lines, the same widths.
internal import CPangoCairo
import Foundation
import LayoutEngine
import Testing
@testable import TextShaping

@Suite struct ParagraphTests {
    /// Real sentences in the shapes documents give them: English, Bangla, both in one
    /// paragraph (the Bangla font by fallback), a bold lead-in, compounds kept whole.
    static var paragraphs: [StyledText] {
        let style = ParagraphStyle(size: 11)
        let pairs = Fixture.sentencePairs.enumerated().filter { $0.offset % 9 == 0 }.map(\.element).prefix(120)
        return pairs.flatMap { pair in
            [StyledText([TextRun(pair.en)], style: style),
             StyledText([TextRun(pair.bn, language: "bn")], style: style),
             StyledText([TextRun("Note:", bold: true), TextRun(" \(pair.en) — "), TextRun(pair.bn, language: "bn")], style: style)]
        } + Fixture.banglaSentences.prefix(40).map { StyledText([TextRun($0, language: "bn")], style: ParagraphStyle(size: 12, bold: true)) }
    }

    @Test func linesMatchPangoLayoutsOnRealSentencesAtManyWidths() throws {
        let paragraphs = Self.paragraphs
        try #require(paragraphs.count > 300, "the TICO-19 corpus in ../shared/corpora")
        let (lines, mismatches) = Self.compare(paragraphs.enumerated().flatMap { index, styled in
            stride(from: 45.0 + Double(index % 11), through: 480, by: 41).map { Case(text: styled, width: $0) }
        })
        #expect(lines > 5000)
        #expect(mismatches.isEmpty, "\(mismatches.count) paragraphs differ; first: \(mismatches.first ?? "")")
    }

    @Test func aWordWiderThanTheLineStandsAloneOnIt() {
        let text = StyledText([TextRun("a supercalifragilisticexpialidocious word")], style: ParagraphStyle(size: 12))
        let (ours, pango) = Fixture.withShaper { shaper in Self.lines(of: text, width: 60, context: shaper.fonts.context) }
        #expect(ours.map(\.characters) == [0..<2, 2..<37, 37..<41])
        #expect(ours == pango)
    }

    /// What a patient's details can bring (the article loader folds white space, a form
    /// does not; a browser sends a text box's line ends as \r\n): a line end ends a line and
    /// belongs to none, a tab is a space, and none of them prints as a box.
    @Test func aLineBreakEndsALineAndATabIsASpace() {
        let shaped = Fixture.shape("Rahim\nUddin\tKhan", width: 400)
        #expect(shaped.diagnostics.isEmpty, "\(shaped.diagnostics)")
        #expect(Fixture.lineTexts(shaped) == ["Rahim", "Uddin\tKhan"])
    }

    @Test(arguments: ["Take one tablet\r\nCome back on Monday", "Rahim Uddin\n", "\n", "", "Line one\n\nLine three",
                      "Before\rafter", "One\u{2029}two", "One\u{2028}two", "ওষুধ খাবার পরে\r\nসোমবার আবার আসুন"])
    func lineEndsAreWherePangoLayoutPutsThem(text: String) {
        let styled = StyledText([TextRun(text)], style: ParagraphStyle(size: 11))
        let (lines, mismatches) = Self.compare(stride(from: 30.0, through: 300, by: 9).map { Case(text: styled, width: $0) })
        #expect(lines >= 31)
        #expect(mismatches.isEmpty, "\(mismatches.first ?? "")")
        #expect(Fixture.shape(styled, width: 300).diagnostics.isEmpty)
    }

    /// A word too wide for its line is broken between syllables (zero-width spaces there): a
    /// cut inside a word is shaped again, and taken only if the line still fits, as in PangoLayout.
    @Test func syllableBreaksAreWherePangoLayoutPutsThem() throws {
        let sentences = Fixture.sentencePairs.enumerated().filter { $0.offset % 23 == 0 }.map(\.element.bn).prefix(60)
        try #require(sentences.count > 50, "the TICO-19 corpus in ../shared/corpora")
        let (lines, mismatches) = Self.compare(sentences.flatMap { sentence in
            var breakable = Set<Int>()
            var offset = 0
            for word in sentence.split(separator: " ", omittingEmptySubsequences: false) {
                breakable.formUnion(Script.syllableBreaks(in: word, startingAt: offset))
                offset += word.unicodeScalars.count + 1
            }
            let styled = StyledText([TextRun(sentence, language: "bn")], style: ParagraphStyle(size: 11))
            return stride(from: 24.0, through: 120, by: 7).map { Case(text: styled, width: $0, breakable: breakable) }
        })
        #expect(lines > 3000)
        #expect(mismatches.isEmpty, "\(mismatches.count) differ; first: \(mismatches.first ?? "")")
    }

    /// Right-to-left words in a left-to-right line (no shipped font has Hebrew: boxes, but
    /// boxes with widths): runs in PangoLayout's visual order, the hanging space its own.
    @Test func rightToLeftRunsAreInPangoLayoutsOrder() {
        let styled = StyledText([TextRun("hello שלום 2024 עולם מה again and שלום again")], style: ParagraphStyle(size: 11))
        let (lines, mismatches) = Self.compare(stride(from: 40.0, through: 260, by: 11).map { Case(text: styled, width: $0) })
        #expect(lines > 40)
        #expect(mismatches.isEmpty, "\(mismatches.first ?? "")")
    }

    /// A text to lay out at a width, with the places a word may be broken.
    struct Case {
        var text: StyledText
        var width: Double
        var breakable: Set<Int> = []
    }

    /// Lays out each case both ways: PangoLayout's line count, and each case where they differ.
    static func compare(_ cases: [Case]) -> (lines: Int, mismatches: [String]) {
        var lines = 0, mismatches: [String] = []
        for item in cases {
            let (ours, pango) = Fixture.withShaper { shaper in
                Self.lines(of: item.text, width: item.width, context: shaper.fonts.context, breakable: item.breakable)
            }
            lines += pango.count
            if ours != pango { mismatches.append("width \(item.width): \(item.text.plainText)\n  ours  \(ours)\n  Pango \(pango)") }
        }
        return (lines, mismatches)
    }

    struct Line: Equatable, CustomStringConvertible {
        var characters: Range<Int>
        var width: Int32
        /// Where each run starts in the text (bytes), left to right.
        var runs: [Int32]
        var description: String { "\(characters.lowerBound)..<\(characters.upperBound) (\(width)) \(runs)" }
    }

    /// The lines of `text` at `width` points from PangoParagraph and from a PangoLayout.
    static func lines(of text: StyledText, width: Double, context: OpaquePointer, breakable: Set<Int> = [])
        -> (ours: [Line], pango: [Line]) {
        let prepared = PreparedText(text, breakable: breakable)
        let (utf8, byteOffsets) = prepared.utf8()
        let attributes = Attributes(byteOffsets: byteOffsets)
        attributes.describe(prepared, style: text.style)
        let paragraph = PangoParagraph(text: utf8, byteOffsets: byteOffsets, attributes: attributes.list, context: context,
                                       width: PangoUnits.units(width))
        let ours = paragraph.lines.map { line in
            Line(characters: line.characters, width: line.width, runs: line.runs.map { $0.pointee.item!.pointee.offset })
        }

        let layout = pango_layout_new(context)!
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        pango_layout_set_text(layout, utf8, Int32(utf8.count - 1))
        pango_layout_set_width(layout, PangoUnits.units(width))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
        pango_layout_set_attributes(layout, attributes.list)
        let pango = (0..<pango_layout_get_line_count(layout)).map { index in
            let line = pango_layout_get_line_readonly(layout, index)!.pointee
            var logical = PangoRectangle()
            pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, index), nil, &logical)
            let start = paragraph.character(atByte: Int(line.start_index))
            var runs: [Int32] = []
            var node = line.runs
            while let current = node {
                runs.append(current.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self).pointee.item.pointee.offset)
                node = current.pointee.next
            }
            return Line(characters: start..<paragraph.character(atByte: Int(line.start_index + line.length)), width: logical.width,
                        runs: runs)
        }
        return (ours, pango)
    }
}
