// Bangla shaping and fonts: the glyphs Pango draws are HarfBuzz's own, every Bangla run
// uses the Bengali font, sizes are points (not 96-dpi pixels), and gaps in font
// coverage are reported.
import Foundation
import Testing
import Diagnostics
import LayoutEngine
@testable import TextShaping

@Suite struct ShapingTests {
    /// Conjuncts, reph, ya-phala, ra-phala, pre-base and two-part vowels, khanda ta.
    static let hardWords = [
        "ক্ষতি", "জ্ঞান", "মন্ত্রী", "স্ত্রী", "কর্ম", "ধর্ম", "ব্যথা", "সত্য", "প্রশ্ন", "কি", "কে", "কৈ",
        "কো", "কৌ", "চিকিৎসা", "উৎস", "শ্রদ্ধা", "র্কি", "স্বাস্থ্য", "বিজ্ঞান", "পরামর্শ", "হ্যাঁ", "ডাক্তার", "ঔষধ",
    ]

    static func harfbuzzGlyphs(_ word: String, font: String) throws -> [UInt32] {
        let output = try Fixture.run("hb-shape", [
            "--no-positions", "--no-clusters", "--no-glyph-names", "--language=bn",
            "--font-file=\(Fixture.root.appendingPathComponent("fonts/\(font)").path)", "--text=\(word)",
        ])
        return output.trimmingCharacters(in: CharacterSet(charactersIn: "[]\n")).split(separator: "|").compactMap { UInt32($0) }
    }

    @Test(arguments: hardWords)
    func pangoGlyphsEqualHarfBuzzGlyphs(word: String) throws {
        for (bold, font) in [(false, "NotoSansBengali-Regular.ttf"), (true, "NotoSansBengali-Bold.ttf")] {
            let runs = Fixture.shape(word, bold: bold).glyphRuns(line: 0)
            #expect(runs.count == 1)
            let expected = try Self.harfbuzzGlyphs(word, font: font)
            #expect(!expected.isEmpty)
            #expect(runs.first?.glyphs == expected, "\(word) bold=\(bold)")
        }
    }

    @Test func everyBanglaRunUsesTheBengaliFontDariIncluded() {
        let text = "রোগী (patient) ভালো আছেন। Botox ইনজেকশন ৩–৪ মাস পরপর দিতে হয়॥ 12 pt, OK?"
        let shaped = Fixture.shape(text)
        let runs = shaped.glyphRuns(line: 0)
        for run in runs {
            let isBangla = run.text.unicodeScalars.contains { (0x0980...0x09FF).contains($0.value) }
            #expect(run.family == (isBangla ? FontLibrary.banglaFamily : FontLibrary.latinFamily), "\(run.text)")
        }
        let dariRuns = runs.filter { $0.text.contains("।") || $0.text.contains("॥") }
        #expect(dariRuns.count == 2)
        #expect(dariRuns.allSatisfy { $0.family == FontLibrary.banglaFamily })
    }

    @Test func onlyShippedFontsAreUsed() {
        let shaped = Fixture.shape("Hemifacial spasm হেমিফেসিয়াল স্প্যাজম **bold** ১২৩ 123", width: 120)
        let families = Set(shaped.lines.indices.flatMap { shaped.glyphRuns(line: $0).map(\.family) })
        #expect(families.isSubset(of: [FontLibrary.latinFamily, FontLibrary.banglaFamily]))
    }

    /// A Pango context left at 96 dpi makes 12 pt text a third too wide.
    @Test func sizesArePointsNotPixels() throws {
        let output = try Fixture.run("hb-shape", [
            "--font-file=\(Fixture.root.appendingPathComponent("fonts/NotoSans-Regular.ttf").path)", "--text=Hemifacial",
        ])
        let advances = output.split(separator: "|").compactMap { $0.split(separator: "+").last.flatMap { Double($0.filter(\.isNumber)) } }
        let expected = advances.reduce(0, +) / 1000 * 12   // Noto Sans has 1000 units per em
        let width = try #require(Fixture.shape("Hemifacial").lines.first).width
        #expect(abs(width - expected) < 0.05, "Pango \(width) pt, HarfBuzz \(expected) pt")
    }

    @Test func aCharacterNoFontHasIsNamedInAWarning() {
        let styled = StyledText([TextRun("Call now ☎ or 😀 ก")], style: ParagraphStyle(size: 12), source: "faq[2].en")
        let shaped = Fixture.shape(styled, width: 300)
        let messages = shaped.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("U+1F600") && $0.contains("faq[2].en") })
        #expect(messages.contains { $0.contains("U+0E01") }, "\(messages)")
        #expect(!messages.contains { $0.contains("U+0020") })
    }

    @Test func theSampleHasNoUncoveredCharacters() throws {
        for sentence in Fixture.banglaSentences.prefix(200) {
            #expect(Fixture.shape(sentence, width: 300).diagnostics.isEmpty, "\(sentence)")
        }
    }

    @Test func shapingIsDeterministic() {
        let text = Fixture.banglaSentences.prefix(20).joined(separator: " ")
        let a = Fixture.shape(text, width: 200), b = Fixture.shape(text, width: 200)
        #expect(a.lines == b.lines)
    }
}
