// Line breaks in Bangla: only between words (or, for a word wider than its line, between
// syllables), never before a vowel sign, after a hasanta, or before a dari.
import Testing
import Diagnostics
import LayoutEngine
@testable import TextShaping

@Suite struct LineBreakTests {
    /// Why a line may not start here, or nil if it may.
    static func badStart(_ scalars: [Unicode.Scalar], at index: Int) -> String? {
        let first = scalars[index]
        if first.value == 0x0964 || first.value == 0x0965 { return "starts with a dari" }
        if first.value == 0x09CE { return "starts with khanda ta" }
        switch first.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return "starts with a mark U+\(String(first.value, radix: 16))"
        default: break
        }
        guard index > 0 else { return nil }
        let previous = scalars[index - 1]
        if previous.value == 0x09CD { return "follows a hasanta" }
        if previous.value == 0x200D || previous.value == 0x200C { return "follows a joiner" }
        return nil
    }

    @Test func banglaLinesStartOnlyAtLegalPlacesAtEveryWidth() throws {
        let sentences = Fixture.banglaSentences
        #expect(sentences.count > 100)
        var linesChecked = 0
        for (index, sentence) in sentences.enumerated() {
            // Each sentence at a spread of widths, from a narrow table cell to a full column.
            for width in stride(from: 70.0 + Double(index % 7), through: 420, by: 23) {
                let shaped = Fixture.shape(sentence, width: width)
                let scalars = Array(sentence.unicodeScalars)
                for line in shaped.lines.dropFirst() {
                    linesChecked += 1
                    let problem = Self.badStart(scalars, at: line.scalars.lowerBound)
                    #expect(problem == nil, "\(problem ?? "") at width \(width): \(sentence)")
                }
            }
        }
        #expect(linesChecked > 1000)
    }

    @Test func linesCoverTheTextExactlyOnceInOrder() {
        for sentence in Fixture.banglaSentences.prefix(80) {
            let shaped = Fixture.shape(sentence, width: 150)
            #expect(Fixture.lineTexts(shaped).joined() == sentence)
            #expect(shaped.lines.first?.scalars.lowerBound == 0)
            #expect(shaped.lines.last?.scalars.upperBound == sentence.unicodeScalars.count)
        }
    }

    @Test func aSpaceBeforeTheDariNeverLetsALineStartWithIt() {
        let text = "রোগী ভালো আছেন । ডাক্তার কাল আসবেন । ওষুধ ঠিক সময়ে খাবেন ॥ আবার দেখা হবে ।"
        for width in stride(from: 40.0, through: 300, by: 3) {
            for line in Fixture.lineTexts(Fixture.shape(text, width: width)) {
                #expect(!line.hasPrefix("।") && !line.hasPrefix("॥"), "width \(width): '\(line)'")
            }
        }
    }

    @Test func wordsAreNeverHyphenatedAutomatically() {
        let text = "Hemifacial spasm makes muscles on one side of the face twitch without warning"
        for width in stride(from: 60.0, through: 300, by: 10) {
            let lines = Fixture.lineTexts(Fixture.shape(text, width: width))
            #expect(lines.joined() == text)
            for line in lines { #expect(!line.hasSuffix("-")) }
        }
    }

    @Test func hyphenatedCompoundsStayOnOneLineButMayStartOne() {
        let text = "It is not a life-threatening condition for most people"
        for width in stride(from: 90.0, through: 320, by: 5) {
            let lines = Fixture.lineTexts(Fixture.shape(text, width: width))
            #expect(lines.contains { $0.contains("life-threatening") }, "width \(width): \(lines)")
        }
    }

    /// A break after "ACE2-" or "EU/" would make extractors join or split the words.
    @Test func compoundsOfLettersAndDigitsAndSlashesStayOnOneLine() {
        let text = "মানব ACE2-তে আবদ্ধ হয়, আর EU/EEA দেশগুলিতে 66,576-তে পৌঁছেছিল"
        for width in stride(from: 80.0, through: 320, by: 5) {
            let lines = Fixture.lineTexts(Fixture.shape(text, width: width))
            for compound in ["ACE2-তে", "EU/EEA", "66,576-তে"] {
                #expect(lines.contains { $0.contains(compound) }, "width \(width): \(lines)")
            }
        }
    }

    /// The space and the stop after a Bangla word are drawn in the word's run (its font), so the
    /// word's text and what closes it come back together before a Latin run.
    @Test func aBanglaWordKeepsTheSpaceAndStopAfterIt() {
        let runs = Fixture.shape("থেকে মার্চ 2020 পর্যন্ত, রোগের (চিত্র.33) ও নাম। COVID-19").glyphRuns(line: 0)
        let bangla = runs.filter { $0.family == FontLibrary.banglaFamily }.map(\.text)
        #expect(bangla.contains("থেকে মার্চ "), "\(runs.map(\.text))")
        #expect(bangla.contains { $0.hasSuffix("ও নাম। ") }, "\(runs.map(\.text))")
        // A stop run on into Latin stays with the Latin.
        #expect(bangla.contains { $0.hasSuffix("(চিত্র") }, "\(runs.map(\.text))")
    }

    @Test func aBanglaWordWiderThanItsLineBreaksBetweenSyllablesWithAWarning() throws {
        let word = String(repeating: "কর্মক্ষেত্রস্বাস্থ্য", count: 12)
        let shaped = Fixture.shape(word, width: 90)
        #expect(shaped.lines.count > 3)
        let scalars = Array(word.unicodeScalars)
        for line in shaped.lines {
            #expect(line.width <= 90.01)
            if line.scalars.lowerBound > 0 { #expect(Self.badStart(scalars, at: line.scalars.lowerBound) == nil) }
        }
        #expect(shaped.diagnostics.contains { $0.severity == .warning && $0.message.contains("wider than its line") })
    }

    @Test func aLongLinkBreaksQuietly() {
        let url = "https://www.fda.gov/files/drugs/published/Acute-Bacterial-Skin-and-Skin-Structure-Infections.pdf"
        let styled = StyledText([TextRun(url, link: url)], style: ParagraphStyle(size: 9))
        let shaped = Fixture.shape(styled, width: 120)
        #expect(shaped.lines.allSatisfy { $0.width <= 120.01 })
        #expect(shaped.diagnostics.isEmpty)
    }
}
