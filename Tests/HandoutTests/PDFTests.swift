// The sample handout checked with real PDF consumers, in every language and on both
// papers: qpdf, pdffonts, pdftotext (words back, inside the margins, not overlapping).
import Foundation
import TestSupport
import Testing
import HandoutKit

@Suite struct PDFTests {
    static let combinations = Sample.combinations

    @Test(arguments: combinations)
    func qpdfFindsNoProblems(options: RenderOptions) throws {
        try PDFChecks.qpdfFindsNoProblems(try Sample.output(options).file)
    }

    @Test(arguments: combinations)
    func everyFontIsEmbeddedSubsetAndShipped(options: RenderOptions) throws {
        try PDFChecks.fontsAreEmbeddedSubsetAndShipped(try Sample.output(options).file, bangla: options.mode != .en)
    }

    @Test(arguments: combinations)
    func everyWordOfTheArticleComesBackFromPdftotext(options: RenderOptions) throws {
        let output = try Sample.output(options)
        let text = try Sample.run("pdftotext", ["-enc", "UTF-8", output.file.path, "-"]).stdout
        // poppler sometimes splits a Bangla word where a mark sits over a two-part vowel
        // (খো ঁজা): a word counts as found if it is there once spaces are ignored.
        let found = Set(Words.normalised(text)), flat = Words.flat(text)
        for language in options.mode.languages {
            let expected = Words.article(Sample.article, language)
            #expect(expected.count > (language == .en ? 2000 : 1500))
            let missing = expected.filter { !found.contains($0) && !flat.contains($0) }
            #expect(missing.isEmpty, "\(language): \(missing.count) of \(expected.count) missing: \(Array(Set(missing)).prefix(20))")
        }
    }

    @Test(arguments: combinations)
    func noWordOutsideTheMarginsAndNoWordsOverlap(options: RenderOptions) throws {
        let output = try Sample.output(options)
        let xml = try Sample.run("pdftotext", ["-bbox", output.file.path, "-"]).stdout
        let pages = BoundingBoxes.parse(xml)
        #expect(pages.count == output.rendered.pageCount)
        for (number, page) in pages.enumerated() {
            for word in page.outside() {
                Issue.record("page \(number + 1): '\(word.text)' at \(word.minX),\(word.minY)–\(word.maxX),\(word.maxY)")
            }
            for pair in BoundingBoxes.overlaps(page.words) {
                Issue.record("page \(number + 1): '\(pair.0.text)' overlaps '\(pair.1.text)'")
            }
        }
    }

    @Test(arguments: combinations)
    func pagesHaveThePaperSize(options: RenderOptions) throws {
        let output = try Sample.output(options)
        let info = try Sample.run("pdfinfo", [output.file.path]).stdout
        let expected = options.paper == .a4 ? "595.276 x 841.89 pts (A4)" : "612 x 792 pts (letter)"
        #expect(field(info, "Page size") == expected, "\(info)")
        #expect(field(info, "Pages") == "\(output.rendered.pageCount)")
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        for options in [RenderOptions(mode: .bilingual), RenderOptions(mode: .bn, paper: .letter)] {
            let first = try Sample.withPublisher { try $0.render(Sample.article, options: options) }.pdf
            let second = try Sample.withPublisher { try $0.render(Sample.article, options: options) }.pdf
            #expect(first == second)
            #expect(first.count > 10_000)
        }
    }

    @Test func metadataDateComesFromTheArticleNotTheClock() throws {
        let output = try Sample.output(RenderOptions(mode: .en))
        let info = try Sample.run("pdfinfo", ["-isodates", output.file.path]).stdout
        #expect(field(info, "CreationDate")?.hasPrefix("2026-11-20T00:00:00") == true, "\(info)")
        #expect(field(info, "ModDate")?.hasPrefix("2026-11-20T00:00:00") == true, "\(info)")
        #expect(field(info, "Title") == "Hemifacial spasm · Patient handout")
        #expect(field(info, "Author") == "rxharun.com")
    }

    /// A `Name: value` line of pdfinfo's output.
    func field(_ info: String, _ name: String) -> String? {
        info.split(separator: "\n").first { $0.hasPrefix("\(name):") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }
}

/// Words as a reader would search for them: NFC, no zero-width characters, no edge punctuation.
enum Words {
    static let zeroWidth: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{00AD}", "\u{2060}"]

    static func normalised(_ text: String) -> [String] {
        let clean = String(String.UnicodeScalarView(text.precomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !zeroWidth.contains($0) }))
        return clean.split(whereSeparator: { $0.isWhitespace }).map { word in
            word.trimmingCharacters(in: .punctuationCharacters.union(.symbols)).lowercased()
        }.filter { !$0.isEmpty }
    }

    /// The text with all white space removed, for words an extractor split.
    static func flat(_ text: String) -> String {
        String(String.UnicodeScalarView(text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars
            .filter { !zeroWidth.contains($0) && !$0.properties.isWhitespace }))
    }

    /// Every word of the article's text in `language` (links are checked as links, not words).
    static func article(_ article: Article, _ language: Language) -> [String] {
        article.allTexts.compactMap { $0[language] }.flatMap { normalised($0.plainText) }
    }
}

/// Word boxes from `pdftotext -bbox`.
enum BoundingBoxes {
    struct Word {
        var text: String
        var minX, minY, maxX, maxY: Double
    }

    struct Page {
        var width, height: Double
        var words: [Word]

        /// Words not wholly inside `margin` from every edge (give or take a point of rounding).
        func outside(margin: Double = DocumentLayout.safeMargin) -> [Word] {
            words.filter { $0.minX < margin - 1 || $0.minY < margin - 1 || $0.maxX > width - margin + 1 || $0.maxY > height - margin + 1 }
        }
    }

    static func parse(_ xml: String) -> [Page] {
        var pages: [Page] = []
        for line in xml.split(separator: "\n") {
            if line.contains("<page ") {
                pages.append(Page(width: number(line, "width"), height: number(line, "height"), words: []))
            } else if line.contains("<word "), !pages.isEmpty {
                let text = line.split(separator: ">").dropFirst().first?.split(separator: "<").first.map(String.init) ?? ""
                pages[pages.count - 1].words.append(Word(text: text, minX: number(line, "xMin"), minY: number(line, "yMin"),
                                                         maxX: number(line, "xMax"), maxY: number(line, "yMax")))
            }
        }
        return pages
    }

    private static func number(_ line: Substring, _ name: String) -> Double {
        guard let start = line.range(of: "\(name)=\"") else { return .nan }
        return Double(line[start.upperBound...].prefix { $0 != "\"" }) ?? .nan
    }

    /// Pairs of words whose boxes overlap by more than a third of the smaller height.
    static func overlaps(_ words: [Word]) -> [(Word, Word)] {
        let sorted = words.sorted { $0.minX < $1.minX }
        var pairs: [(Word, Word)] = []
        for (index, a) in sorted.enumerated() {
            for b in sorted[(index + 1)...] {
                if b.minX >= a.maxX - 0.5 { break }
                let dx = min(a.maxX, b.maxX) - max(a.minX, b.minX)
                let dy = min(a.maxY, b.maxY) - max(a.minY, b.minY)
                if dx > 1, dy > 0.33 * min(a.maxY - a.minY, b.maxY - b.minY) { pairs.append((a, b)) }
            }
        }
        return pairs
    }
}
