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
        var lines = 0, mismatches: [String] = []
        for (index, styled) in paragraphs.enumerated() {
            for width in stride(from: 45.0 + Double(index % 11), through: 480, by: 41) {
                let (ours, pango) = Fixture.withShaper { shaper in Self.lines(of: styled, width: width, context: shaper.fonts.context) }
                lines += pango.count
                if ours != pango { mismatches.append("width \(width): \(styled.plainText)\n  ours  \(ours)\n  Pango \(pango)") }
            }
        }
        #expect(lines > 5000)
        #expect(mismatches.isEmpty, "\(mismatches.count) paragraphs differ; first: \(mismatches.first ?? "")")
    }

    @Test func aWordWiderThanTheLineStandsAloneOnIt() {
        let text = StyledText([TextRun("a supercalifragilisticexpialidocious word")], style: ParagraphStyle(size: 12))
        let (ours, pango) = Fixture.withShaper { shaper in Self.lines(of: text, width: 60, context: shaper.fonts.context) }
        #expect(ours.map(\.characters) == [0..<2, 2..<37, 37..<41])
        #expect(ours == pango)
    }

    /// What a patient's details can bring (the article loader folds white space, a form does
    /// not): a line break ends the line, a tab is a space, and neither prints as a box.
    @Test func aLineBreakEndsALineAndATabIsASpace() {
        let shaped = Fixture.shape("Rahim\nUddin\tKhan", width: 400)
        #expect(shaped.diagnostics.isEmpty, "\(shaped.diagnostics)")
        #expect(Fixture.lineTexts(shaped) == ["Rahim\n", "Uddin\tKhan"])
    }

    struct Line: Equatable, CustomStringConvertible {
        var characters: Range<Int>
        var width: Int32
        var description: String { "\(characters.lowerBound)..<\(characters.upperBound) (\(width))" }
    }

    /// The lines of `text` at `width` points from PangoParagraph and from a PangoLayout.
    static func lines(of text: StyledText, width: Double, context: OpaquePointer) -> (ours: [Line], pango: [Line]) {
        let prepared = PreparedText(text)
        let (utf8, byteOffsets) = prepared.utf8()
        let attributes = Attributes(byteOffsets: byteOffsets)
        attributes.describe(prepared, style: text.style)
        let paragraph = PangoParagraph(text: utf8, byteOffsets: byteOffsets, attributes: attributes.list, context: context,
                                       width: PangoUnits.units(width))
        let ours = paragraph.lines.map { Line(characters: $0.characters, width: $0.width) }

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
            return Line(characters: start..<paragraph.character(atByte: Int(line.start_index + line.length)), width: logical.width)
        }
        return (ours, pango)
    }
}
