// Property test: wild generated articles (long and over-wide words, Bangla inside English
// and English inside Bangla, lists three deep, long web addresses, empty optional parts,
// missing translations) rendered as the handout in every language and on both papers, and
// as the other documents. Whatever the article, a render either stops with a clear error
// (a place and a fix) or gives a PDF that qpdf accepts, whose every word comes back from
// pdftotext, with nothing outside the margins, no words on top of each other, and a page
// count in proportion to the text.
//
// Reproducing a failure: every message names the seed, the article's index and a copy of
// its YAML (`ArticleGenerator(seed:wild: true).article(index:)` makes it again).
// HANDOUT_PROPERTY_SEED sets the first seed, HANDOUT_PROPERTY_RUNS the number of articles
// (default 24, besides the 6 fixed cases of bugs found: 30 articles, 90 renders).
import Diagnostics
import Documents
import Foundation
import HandoutKit
import LayoutEngine
import TestSupport
import Testing

@Suite struct PropertyTests {
    static let environment = ProcessInfo.processInfo.environment
    static let firstSeed = environment["HANDOUT_PROPERTY_SEED"].flatMap { UInt64($0) } ?? 20_261_125
    static let runs = environment["HANDOUT_PROPERTY_RUNS"].flatMap { Int($0) } ?? 24

    /// Articles that once found a bug, kept as fixed cases.
    static let regressions = [
        // A hyphenated compound that fits its line ("glucose-6-phosphate-…", 72 letters) was
        // broken at a line end without a warning, in a paragraph with two over-wide words:
        // PreparedText compared original offsets with prepared ones.
        Case(seed: 20_261_149, index: 24),
        // A long bilingual title: the checklist's running header took three lines and
        // reached into the paper's unprintable edge (only a warning); now the body gives way.
        Case(seed: 20_261_142, index: 17),
        // A wallet card too full for its front: the error named no place; now the article's
        // parts that fill that side.
        Case(seed: 20_261_135, index: 10),
        // Warning signs too long for page 1 of a bilingual handout: the error named no place;
        // now warning_signs.
        Case(seed: 9, index: 8),
        // One warning sign without Bangla: the compact bilingual warning box (summary,
        // roadmap) showed every sign in English in the Bangla column; now only that one.
        Case(seed: 5059, index: 59),
        // A section with a title but neither introduction nor items: printed as nothing.
        Case(seed: 20_261_140, index: 15),
    ]

    static let handouts = LanguageMode.allCases.flatMap { mode in
        Paper.allCases.map { RenderOptions(document: .handout, mode: mode, paper: $0) }
    }
    static let others: [DocumentKind] = [.summary, .checklist, .card, .roadmap]

    /// One generated article and the renders made of it: two handouts (all six in turn
    /// over three articles) and one other document, in turn.
    struct Case: Sendable, CustomTestStringConvertible {
        var seed: UInt64
        var index: Int
        var testDescription: String { "seed \(seed), article \(index)" }

        var renders: [RenderOptions] {
            let first = (2 * index) % 6
            let other = PropertyTests.others[index % PropertyTests.others.count]
            let mode = LanguageMode.allCases[(index / 2) % 3], paper = Paper.allCases[(index / 3) % 2]
            return [PropertyTests.handouts[first], PropertyTests.handouts[first + 1],
                    RenderOptions(document: other, mode: mode, paper: paper)]
        }

        var article: GeneratedArticle {
            var generator = ArticleGenerator(seed: seed, wild: true)
            return generator.article(index: index)
        }
    }

    static let cases: [Case] = regressions + (0..<runs).map { Case(seed: firstSeed &+ UInt64($0), index: $0) }

    @Test(arguments: cases)
    func everyRenderIsAClearErrorOrASoundPDF(_ test: Case) throws {
        let generated = test.article
        let file = Sample.temporaryDirectory.appendingPathComponent("property-seed-\(test.seed)-\(test.index).yaml")
        try Data(generated.yaml.utf8).write(to: file)
        let place = "seed \(test.seed), article \(test.index), YAML in \(file.path)"
        print("property: \(place)")

        let article: Article
        do {
            article = try ArticleLoader.load(path: file.path).article
        } catch {
            // The generator writes only what the format allows: a refusal is a loader bug.
            Issue.record("\(place): the article does not load:\n\(error)")
            return
        }
        for options in test.renders {
            let label = "\(place), \(options.document.rawValue) \(options.mode.rawValue) \(options.paper.rawValue)"
            let rendered: Rendered
            do {
                rendered = try Sample.withPublisher { try $0.render(article, options: options) }
            } catch let error as DiagnosticError {
                Self.checkClear(error, label)
                print("property: \(label): a clear error: \(error.diagnostics.errors.first?.message ?? "")")
                continue
            }
            let pdf = Sample.temporaryDirectory.appendingPathComponent(
                "property-seed-\(test.seed)-\(test.index)-\(options.document.rawValue)-\(options.mode.rawValue)-\(options.paper.rawValue).pdf")
            try rendered.pdf.write(to: pdf)
            try Self.checkPDF(pdf, rendered: rendered, article: article, options: options, label)
        }
    }

    // MARK: Checks

    /// An error names a place (file:line:column or a path into the document) and a fix.
    static func checkClear(_ error: DiagnosticError, _ label: String) {
        #expect(!error.diagnostics.errors.isEmpty, "\(label): an error without an error diagnostic: \(error)")
        for diagnostic in error.diagnostics.errors {
            #expect(!diagnostic.message.isEmpty, "\(label): an empty message")
            #expect(diagnostic.location != nil || diagnostic.subject?.isEmpty == false,
                    "\(label): the error names no place: \(diagnostic)")
            #expect(diagnostic.hint?.isEmpty == false, "\(label): the error gives no fix: \(diagnostic)")
        }
    }

    static func checkPDF(_ pdf: URL, rendered: Rendered, article: Article, options: RenderOptions, _ label: String) throws {
        let check = try Sample.run("qpdf", ["--check", pdf.path])
        #expect(check.status == 0 && check.stdout.contains("No syntax or stream encoding errors"),
                "\(label): qpdf: \(check.stdout)\(check.stderr)")

        // The words pdftotext finds, with their boxes; the page bodies' lines, read down each
        // column (one, or two side by side when bilingual) and on through the pages.
        let layout = try DocumentLayout.load(
            path: Sample.resources.layouts.appendingPathComponent(options.document.layoutFile).path,
            sections: options.document.definition.sections, required: options.document.definition.requiredSections)
        let pages = BoundingBoxes.parse(try Sample.run("pdftotext", ["-bbox", pdf.path, "-"]).stdout)
        let columns = Self.columns(pages, layout: layout, bilingual: options.mode == .bilingual)
        let whole = Set(pages.flatMap(\.words).flatMap { Words.normalised(Self.unescaped($0.text)) })
        let lines = columns.flatMap { $0.map(Words.flat) }
        // A word split at a line end, or by the extractor, is found once white space is
        // ignored: in pdftotext's order, or down the columns (across a page, and not
        // interleaved with the other language's column).
        let flats = [Words.flat(pages.flatMap(\.words).map { Self.unescaped($0.text) }.joined(separator: " "))]
            + columns.map { Words.flat($0.joined(separator: " ")) }
        let broken = brokenWords(rendered.warnings)
        for language in options.mode.languages {
            // Every word comes back.
            let expected = expectedWords(article, document: options.document, language)
            let missing = expected.filter { word in !whole.contains(word) && !flats.contains { $0.contains(word) } }
            #expect(missing.isEmpty, "\(label): \(language): \(missing.count) of \(expected.count) words missing: \(Array(Set(missing)).prefix(10))")
            // Only a word the engine reported as wider than its line is broken between
            // lines: every other word is whole on one line (as one word box, or as boxes
            // side by side where the extractor split it).
            let split = Set(expected).subtracting(missing).filter { word in
                !whole.contains(word) && !broken.contains { isPiece($0, of: word) } && !lines.contains { $0.contains(word) }
            }
            #expect(split.isEmpty, "\(label): \(language): words broken across lines without a warning: \(Array(split).prefix(10))")
        }
        if options.document == .handout {
            for url in [article.metadata.canonicalURL] + article.references.map(\.url) {
                let wanted = Words.flat(url)
                #expect(flats.contains { $0.contains(wanted) }, "\(label): the address \(url) is missing")
            }
        }

        // Inside the margins, no overlaps, and as many pages as the layout says.
        #expect(pages.count == rendered.sheets.count, "\(label): pdftotext sees \(pages.count) pages, the layout \(rendered.sheets.count)")
        for (number, page) in pages.enumerated() {
            for word in page.outside() {
                Issue.record("\(label): page \(number + 1): '\(word.text)' at \(word.minX),\(word.minY)–\(word.maxX),\(word.maxY) is outside the margins")
            }
            for pair in BoundingBoxes.overlaps(page.words) {
                Issue.record("\(label): page \(number + 1): '\(pair.0.text)' overlaps '\(pair.1.text)'")
            }
        }

        // Pages: at least one, at most the layout's limit, and at most a bound from the text.
        #expect(rendered.pageCount >= 1, "\(label): no pages")
        if let most = layout.maxPages { #expect(rendered.pageCount <= most, "\(label): \(rendered.pageCount) pages, the layout allows \(most)") }
        let bound = pageBound(article, options: options)
        print("property: \(label): \(rendered.pageCount) pages (bound \(bound), \(Int(amount(article, options: options))) characters)")
        #expect(rendered.pageCount <= bound, "\(label): \(rendered.pageCount) pages for text that needs at most \(bound)")
    }

    /// The words the engine says it broke between syllables, as excerpts: normalised like
    /// the words, an excerpt cut short (…) kept as a prefix.
    static func brokenWords(_ warnings: [Diagnostic]) -> [(text: String, cut: Bool)] {
        let lead = "a word is wider than its line and was broken between syllables: "
        return warnings.filter { $0.message.hasPrefix(lead) }.flatMap { warning in
            warning.message.dropFirst(lead.count).dropFirst().dropLast().components(separatedBy: "', '").map { excerpt in
                let cut = excerpt.hasSuffix("…")
                let text = Words.normalised(cut ? String(excerpt.dropLast()) : excerpt).joined()
                return (text, cut)
            }
        }
    }

    /// Whether a reported excerpt is `word`, or the start of it.
    static func isPiece(_ excerpt: (text: String, cut: Bool), of word: String) -> Bool {
        excerpt.cut ? word.unicodeScalars.starts(with: excerpt.text.unicodeScalars) : excerpt.text == word
    }

    /// The lines of each column of the page bodies (one column, or two side by side when
    /// bilingual), down each page and on through the pages, without the running header
    /// and footer; a sheet of cards is one column of whole lines.
    static func columns(_ pages: [BoundingBoxes.Page], layout: DocumentLayout, bilingual: Bool) -> [[String]] {
        var columns = [[String]](repeating: [], count: bilingual ? 2 : 1)
        for page in pages {
            let left = layout.margins.left, width = page.width - layout.margins.left - layout.margins.right
            let split = left + layout.englishShare * (width - layout.columnGap) + layout.columnGap / 2
            let body = layout.sheet != nil ? page.words : page.words.filter { word in
                let middle = (word.minY + word.maxY) / 2
                return middle > layout.margins.top && middle < page.height - layout.margins.bottom
            }
            let parts = bilingual && layout.sheet == nil ? [body.filter { $0.minX < split }, body.filter { $0.minX >= split }] : [body]
            for (index, words) in parts.enumerated() {
                // A line: words whose middles lie within 4 pt of each other, read left to right.
                var lines: [[BoundingBoxes.Word]] = []
                for word in words.sorted(by: { $0.minY + $0.maxY < $1.minY + $1.maxY }) {
                    if let last = lines.last?.last, abs((last.minY + last.maxY) - (word.minY + word.maxY)) / 2 < 4 {
                        lines[lines.count - 1].append(word)
                    } else {
                        lines.append([word])
                    }
                }
                columns[index] += lines.map { $0.sorted { $0.minX < $1.minX }.map { unescaped($0.text) }.joined(separator: " ") }
            }
        }
        return columns
    }

    /// pdftotext -bbox escapes &, < and > (and quotes) in the word text.
    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The words a document prints: the whole article for the handout, the parts the
    /// document tests name for the others. A missing translation is printed in English.
    /// A section with neither an introduction nor items prints nothing, its heading
    /// included (a heading is never left alone): its title is not expected.
    static func expectedWords(_ article: Article, document: DocumentKind, _ language: Language) -> [String] {
        if document == .handout {
            let empty = Set((Array(article.sections.values) + article.otherSections)
                .filter { $0.intro.isEmpty && $0.items.isEmpty }.compactMap(\.title))
            return article.allTexts.filter { !empty.contains($0) }.compactMap { $0[language] }
                .flatMap { Words.normalised($0.plainText) }
        }
        return DocumentTests.Printed.content(document, article: article).flatMap { _, text in
            Words.normalised((text[language] ?? text.en).plainText)
        }
    }

    /// The most pages the text could need: a page holds at least `perPage` of the
    /// `amount`, and the cover matter and boxes take a few pages more.
    static func pageBound(_ article: Article, options: RenderOptions) -> Int {
        // Full pages of the sample and of generated articles hold about 2,000.
        let perPage = 1000.0, fixed = 3.0
        return Int(fixed + (amount(article, options: options) / perPage).rounded(.up))
    }

    /// The characters of the languages shown (a missing translation is shown in English),
    /// and `perText` more for every paragraph, item or address: each starts a line and
    /// has space around it.
    static func amount(_ article: Article, options: RenderOptions) -> Double {
        let perText = 60.0
        var texts = article.allTexts
        if options.document != .handout {
            texts = DocumentTests.Printed.content(options.document, article: article).map(\.1)
        }
        let languages = Double(options.mode.languages.count)
        let characters = texts.reduce(0.0) { sum, text in
            sum + options.mode.languages.reduce(0.0) { $0 + Double((text[$1] ?? text.en).count) + perText }
        }
        let addresses = options.document == .handout
            ? article.references.reduce(0.0) { $0 + (Double($1.url.count) + perText) * languages } : 0
        return characters + addresses
    }
}
