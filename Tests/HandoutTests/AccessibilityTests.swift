// What a screen reader, a PDF viewer's sidebar and a phone camera get from the PDFs: a
// structure tree in reading order, the language of every passage, the document's
// description, bookmarks, clickable addresses, a QR code that scans, and files that both
// poppler and MuPDF draw without complaint.
import Diagnostics
import Foundation
import HandoutKit
import LayoutEngine
import TestSupport
import Testing

@Suite struct AccessibilityTests {
    static let modes = LanguageMode.allCases
    static let canonicalURL = "https://rxharun.com/hemifacial-spasm/"

    func handout(_ mode: LanguageMode) throws -> RenderedSample {
        try RenderedSample.output(RenderOptions(document: .handout, mode: mode))
    }

    // MARK: 1. Structure tree

    @Test(arguments: modes)
    func structureTreeHasHeadingsAndParagraphsInReadingOrder(mode: LanguageMode) throws {
        let sample = try handout(mode)
        let pdf = try QPDFJSON(sample.file)
        let elements = try #require(pdf.structureElements())
        let tags = elements.map { $0["/S"] as? String ?? "?" }
        #expect(tags.first == "/H1", "the first element should be the title: \(tags.prefix(5))")
        for tag in ["/H1", "/H2", "/P"] { #expect(tags.contains(tag), "no \(tag) element") }
        #expect(tags.filter { $0 == "/H1" }.count == sample.options.mode.languages.count, "one H1 per language (the title)")
        #expect(tags.filter { $0 == "/H2" }.count >= 15, "section headings: \(tags.filter { $0 == "/H2" }.count)")

        // The tree follows the drawing order of the paragraphs, page by page.
        let drawn = TaggedParagraph.all(in: sample.rendered.sheets)
        #expect(tags == drawn.map(\.tag), "structure elements differ from the paragraphs drawn")
        try #require(tags.count == drawn.count)

        // The urgent warning signs come before the summary ("In short") and its paragraphs.
        let article = Sample.article
        for language in mode.languages {
            let warning = drawn.firstIndex { $0.tag.hasPrefix("/H") && $0.text == Self.label("warning_signs", language) }
            let summaryHeading = drawn.firstIndex { $0.tag == "/H2" && $0.text == Self.label("summary", language) }
            let firstSummary = try #require(article.summary.first?[language]?.plainText)
            let summary = drawn.firstIndex { $0.tag == "/P" && $0.text == firstSummary }
            let (w, h, s) = (try #require(warning), try #require(summaryHeading), try #require(summary))
            #expect(w < h && h < s, "\(language): warning heading \(w), summary heading \(h), first summary paragraph \(s)")
        }
    }

    // MARK: 2. Languages

    @Test(arguments: modes)
    func catalogNamesTheLanguageAndTheFileIsMarkedTagged(mode: LanguageMode) throws {
        let sample = try handout(mode)
        let pdf = try QPDFJSON(sample.file)
        let catalog = try #require(pdf.catalog)
        #expect(catalog["/Lang"] as? String == (mode == .bn ? "u:bn" : "u:en"))
        let markInfo = try #require(pdf.resolve(catalog["/MarkInfo"]) as? [String: Any])
        #expect(QPDFJSON.isTrue(markInfo["/Marked"]), "/MarkInfo \(markInfo)")
        let info = try PDFInfo(sample.file)
        #expect(info["Tagged"] == "yes", "\(info.fields)")
    }

    /// Lists are L with LI, Lbl and LBody; the diary's grids are Table with TR, TH and TD;
    /// drawings are Figures with alternative text.
    @Test func listsAndTablesHaveTheirStructure() throws {
        let handout = try handout(.en)
        let handoutTags = try Set(QPDFJSON(handout.file).structureTree().map { $0.compactMap { $0["/S"] as? String } } ?? [])
        #expect(handoutTags.isSuperset(of: ["/L", "/LI", "/Lbl", "/LBody"]), "\(handoutTags)")
        let diary = try RenderedSample.output(RenderOptions(document: .diaryWeek, mode: .en))
        let diaryTags = try QPDFJSON(diary.file).structureTree()?.compactMap { $0["/S"] as? String } ?? []
        #expect(Set(diaryTags).isSuperset(of: ["/Table", "/TR", "/TH", "/TD"]), "\(Set(diaryTags))")
        #expect(diaryTags.firstIndex(of: "/TH").map { th in diaryTags[..<th].contains("/Table") } == true)
        // Drawings are figures that say what they show: the QR code, the scale's faces.
        let figures = try QPDFJSON(handout.file).structureTree()?.filter { $0["/S"] as? String == "/Figure" } ?? []
        #expect(figures.count == 1)
        #expect(figures.first?["/Alt"] as? String == "u:QR code for https://rxharun.com/hemifacial-spasm/")
        let faces = try QPDFJSON(diary.file).structureTree()?.filter { $0["/S"] as? String == "/Figure" } ?? []
        #expect(faces.compactMap { $0["/Alt"] as? String } == [0, 2, 4, 6, 8, 10].map { "u:A face for \($0) of 10" })
    }

    /// A drawing's description is read in the language it is written in: the QR code's and
    /// the faces' are English, in a Bangla document too.
    @Test func figuresAreReadInTheLanguageOfTheirDescription() throws {
        let handout = try QPDFJSON(handout(.bn).file).structureTree() ?? []
        let diary = try QPDFJSON(RenderedSample.output(RenderOptions(document: .diaryWeek, mode: .bn)).file).structureTree() ?? []
        let figures = (handout + diary).filter { $0["/S"] as? String == "/Figure" }
        #expect(figures.count == 7)
        #expect(figures.allSatisfy { $0["language"] as? String == "u:en" }, "\(figures.map { $0["language"] ?? "none" })")
    }

    @Test func bilingualHandoutMarksTheBanglaPassages() throws {
        let sample = try handout(.bilingual)
        let elements = try #require(try QPDFJSON(sample.file).structureElements())
        let drawn = TaggedParagraph.all(in: sample.rendered.sheets)
        try #require(elements.count == drawn.count)
        let bangla = elements.filter { $0["language"] as? String == "u:bn" }
        #expect(bangla.count > 100, "only \(bangla.count) elements are marked /Lang bn")
        #expect(!elements.contains { ($0["language"] as? String).map { $0 != "u:bn" } ?? false },
                "only Bangla is marked in an English document")
        // Passages in one script: Bangla marked, English left to the catalog's "en".
        for (element, paragraph) in zip(elements, drawn) {
            if paragraph.hasBanglaLetters && !paragraph.hasLatinLetters {
                #expect(element["language"] as? String == "u:bn", "Bangla text not marked: \(paragraph.text.prefix(60))")
            } else if paragraph.hasLatinLetters && LanguageOfText.bengaliScalars(paragraph.text) == 0 {
                #expect(element["language"] == nil, "English text marked \(element["language"]!): \(paragraph.text.prefix(60))")
            }
        }
        // A mark only where the language changes, so a Bangla list item is marked once, not
        // on its label, its number and its paragraph.
        let tree = try #require(try QPDFJSON(sample.file).structureTree())
        let repeated = tree.filter { element in element["/Lang"].map { $0 as? String == element["inherited"] as? String ?? "u:en" } ?? false }
        #expect(repeated.isEmpty, "\(repeated.count) elements repeat the language around them")
        #expect(tree.contains { $0["/S"] as? String == "/LI" && $0["/Lang"] as? String == "u:bn" }, "no Bangla list item is marked as one")
        let marks = tree.filter { $0["/Lang"] != nil }.count
        #expect(marks < bangla.count, "\(marks) marks for \(bangla.count) Bangla passages")
    }

    /// /Lang comes from the language the text is written under, not from its letters: Bangla
    /// words under `en:` are tagged (and shaped) as that field says, and validate warns about
    /// them; under `bn:` they are Bangla.
    @Test func theLanguageIsTheFieldsNotGuessedFromTheLetters() throws {
        var article = Sample.article
        let bangla = "জ্বর হলে প্রচুর পানি পান করুন"
        article.summary = [LocalizedText(en: bangla, bn: bangla, path: "summary[0]")]
        #expect(ArticleChecks.warnings(article, today: CalendarDate(year: 2026, month: 11, day: 25)!)
            .contains { $0.rule == "wrong-script" && $0.subject == "summary[0]" })
        // In English the document's language is en, and nothing marks an element in it otherwise.
        for (mode, wanted) in [(LanguageMode.en, nil), (.bilingual, "u:bn")] as [(LanguageMode, String?)] {
            let sample = try RenderedSample.output(RenderOptions(document: .handout, mode: mode), article: article)
            let elements = try #require(try QPDFJSON(sample.file).structureElements())
            let drawn = TaggedParagraph.all(in: sample.rendered.sheets)
            try #require(elements.count == drawn.count)
            let index = try #require(drawn.lastIndex { $0.text == bangla })
            #expect(elements[index]["language"] as? String == wanted, "\(mode): \(elements[index])")
        }
    }

    /// In a Bangla handout, the English printed where a translation is missing is English,
    /// behind its note in both languages.
    @Test func aMissingTranslationIsTaggedAsTheEnglishItShows() throws {
        var article = Sample.article
        let english = "Rest your eyes and see your doctor."
        article.summary = [LocalizedText(en: english, bn: nil, path: "summary[0]")]
        let sample = try RenderedSample.output(RenderOptions(document: .handout, mode: .bn), article: article)
        let elements = try #require(try QPDFJSON(sample.file).structureElements())
        let drawn = TaggedParagraph.all(in: sample.rendered.sheets)
        try #require(elements.count == drawn.count)
        let index = try #require(drawn.firstIndex { $0.text.hasSuffix(english) })
        #expect(elements[index]["language"] as? String == "u:en", "\(elements[index])")
    }

    @Test func banglaHandoutMarksTheEnglishReferences() throws {
        let sample = try handout(.bn)
        let elements = try #require(try QPDFJSON(sample.file).structureElements())
        let drawn = TaggedParagraph.all(in: sample.rendered.sheets)
        try #require(elements.count == drawn.count)
        let urls = Sample.article.references.map(\.url) + [Self.canonicalURL]
        for url in urls {
            let indices = drawn.indices.filter { drawn[$0].text == url }
            #expect(!indices.isEmpty, "\(url) is not a paragraph of its own")
            for index in indices { #expect(elements[index]["language"] as? String == "u:en", "\(url): \(elements[index])") }
        }
        // Bangla passages are read in the catalog's language: nothing marks them otherwise.
        for (element, paragraph) in zip(elements, drawn) where paragraph.hasBanglaLetters && !paragraph.hasLatinLetters {
            #expect(element["language"] == nil, "Bangla text marked \(element["language"]!): \(paragraph.text.prefix(60))")
        }
    }

    /// Bengali digits ("১.", "২.": list numbers, page numbers) are read with the Bangla
    /// voice; bullets and other text without letters take the language around them and
    /// are never switched to the other language.
    @Test(arguments: [LanguageMode.bn, .bilingual])
    func numeralsAndBulletsAreNotReadInTheWrongLanguage(mode: LanguageMode) throws {
        let sample = try handout(mode)
        let pdf = try QPDFJSON(sample.file)
        let elements = try #require(pdf.structureElements())
        let document = try #require(pdf.catalog?["/Lang"] as? String)
        let drawn = TaggedParagraph.all(in: sample.rendered.sheets)
        try #require(elements.count == drawn.count)
        let pairs = Array(zip(elements, drawn))
        let numerals = pairs.filter { !$0.1.hasBanglaLetters && $0.1.hasBengaliDigits && !$0.1.hasLatinLetters }
        let neutral = pairs.filter { LanguageOfText.guess($0.1.text) == .neither }
        #expect(!numerals.isEmpty && !neutral.isEmpty)
        // "'১.' read as u:en" for each element read in the wrong language.
        let misreadNumerals = numerals.compactMap { element, paragraph -> String? in
            let language = element["language"] as? String ?? document
            return language == "u:bn" ? nil : "'\(paragraph.text)' read as \(language)"
        }
        let switchedNeutral = neutral.compactMap { element, paragraph -> String? in
            (element["/Lang"] as? String).map { "'\(paragraph.text)' marked \($0)" }
        }
        #expect(misreadNumerals.isEmpty, "\(misreadNumerals.count) Bengali numerals, e.g. \(misreadNumerals.prefix(3))")
        #expect(switchedNeutral.isEmpty, "\(switchedNeutral.count) elements without letters, e.g. \(switchedNeutral.prefix(3))")
    }

    // MARK: 3. Metadata

    @Test(arguments: modes)
    func documentInformationDescribesTheHandout(mode: LanguageMode) throws {
        let sample = try handout(mode)
        let info = try PDFInfo(sample.file)
        let title = try #require(info["Title"])
        for language in mode.languages {
            #expect(title.contains(Sample.article.title[language]!.plainText), "\(title)")
            #expect(title.contains(Self.label("handout", language)), "\(title)")
        }
        if mode == .en { #expect(title == "Hemifacial spasm · Patient handout") }
        #expect(info["Author"] == "rxharun.com")
        #expect(info["Subject"] == "Patient handout")
        let keywords = try #require(info["Keywords"])
        #expect(keywords.contains("hemifacial-spasm"), "\(keywords)")
        #expect(keywords.contains(mode.rawValue), "\(keywords)")
        #expect(info["Creator"] == "Handout")
        #expect(info["CreationDate"]?.hasPrefix("2026-11-20") == true, "\(info.fields)")
    }

    // MARK: 4. Bookmarks

    @Test func englishBookmarksAreTheSectionHeadingsInOrder() throws {
        let sample = try handout(.en)
        let outline = try Outline.read(sample.file)
        let headings = Self.headingLines(sample.rendered.layout)
        #expect(headings.count > 20)
        #expect(outline.map(\.title) == headings.map(\.text))
        #expect(outline.map(\.page) == headings.map(\.page), "each bookmark opens the page of its heading")
        // Nested as the headings are: the title at the top, sections under it.
        #expect(outline.first?.depth == 0 && outline.dropFirst().allSatisfy { $0.depth > 0 })
        #expect(outline.contains { $0.depth == 2 }, "sub-headings nest under their section")
    }

    @Test func bilingualBookmarksJoinEachHeadingWithItsTranslation() throws {
        let sample = try handout(.bilingual)
        let outline = try Outline.read(sample.file)
        let english = Self.headingLines(try handout(.en).rendered.layout)
        #expect(outline.count == english.count, "one bookmark per pair of headings")
        for (bookmark, heading) in zip(outline, english) {
            #expect(bookmark.title.contains(" / "), "\(bookmark.title)")
            #expect(bookmark.title.hasPrefix(heading.text + " / "), "\(bookmark.title) vs \(heading.text)")
            #expect(bookmark.title.unicodeScalars.contains { (0x0980...0x09FF).contains($0.value) }, "\(bookmark.title)")
        }
    }

    /// Line 0 of every heading, in page order, with its page number.
    static func headingLines(_ layout: LayoutResult) -> [(text: String, page: Int)] {
        layout.pages.enumerated().flatMap { number, page in
            page.items.compactMap { item -> (String, Int)? in
                guard case let .text(shaped, 0, _) = item, case .heading = shaped.text.role else { return nil }
                return (shaped.text.plainText, number + 1)
            }
        }
    }

    // MARK: 5. Links

    @Test(arguments: modes)
    func everyWebAddressIsALink(mode: LanguageMode) throws {
        let sample = try handout(mode)
        let pdf = try QPDFJSON(sample.file)
        let links = pdf.objects.values.compactMap { $0 as? [String: Any] }.filter { $0["/Subtype"] as? String == "/Link" }
        let uris = links.compactMap { (pdf.resolve($0["/A"]) as? [String: Any])?["/URI"] as? String }
        #expect(uris.count == links.count, "every link opens a web address")
        let expected = Set(Sample.article.references.map(\.url) + [Self.canonicalURL])
        #expect(expected.count == 7)
        for url in expected { #expect(uris.contains("u:" + url), "no link to \(url)") }
        #expect(Set(uris).subtracting(expected.map { "u:" + $0 }).isEmpty, "unexpected links: \(Set(uris))")
        // Each link's area is a real rectangle on the page.
        let (width, height) = (595.276, 841.89)
        for link in links {
            let rect = (link["/Rect"] as? [Any])?.compactMap(QPDFJSON.number) ?? []
            try #require(rect.count == 4, "\(link)")
            #expect(rect[2] > rect[0] + 5 && rect[3] > rect[1] + 5, "\(rect)")
            #expect(rect[0] >= 0 && rect[1] >= 0 && rect[2] <= width && rect[3] <= height, "\(rect)")
        }
    }

    // MARK: 6. QR code

    @Test(arguments: [DocumentKind.handout, .summary], modes)
    func qrCodeScansToTheArticleAddress(document: DocumentKind, mode: LanguageMode) throws {
        let sample = try RenderedSample.output(RenderOptions(document: document, mode: mode))
        let folder = try RenderedSample.folder()
        let render = try Sample.run("pdftoppm", ["-png", "-r", "150", sample.file.path, folder.appendingPathComponent("page").path])
        #expect(render.status == 0, "\(render.stderr)")
        let images = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }.sorted()
        #expect(images.count == sample.rendered.pageCount)
        let scan = try Sample.run("zbarimg", ["-q"] + images.map { folder.appendingPathComponent($0).path })
        let codes = scan.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(codes == ["QR-Code:" + Self.canonicalURL], "zbarimg found \(codes) (exit \(scan.status))")
    }

    // MARK: 7. Viewers

    @Test(arguments: DocumentKind.allCases)
    func popplerAndMuPDFDrawEveryDocumentSilently(document: DocumentKind) throws {
        let sample = try RenderedSample.output(RenderOptions(document: document, mode: .bilingual, paper: .a4))
        let folder = try RenderedSample.folder()
        let poppler = try Sample.run("pdftoppm", ["-png", "-r", "40", sample.file.path, folder.appendingPathComponent("p").path])
        #expect(poppler.status == 0)
        #expect(Self.meaningful(poppler.stderr).isEmpty, "pdftoppm: \(poppler.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }
        #expect(pages.count == sample.rendered.sheets.count)
        // -q: without it mutool reports its progress ("page FILE 1") on standard error.
        let mupdf = try Sample.run("mutool", ["draw", "-q", "-o", "/dev/null", "-r", "40", sample.file.path])
        #expect(mupdf.status == 0)
        let noise = try Self.muPDFNoise()
        let complaints = Self.meaningful(mupdf.stderr).filter { !noise.contains($0) }
        #expect(complaints.isEmpty, "mutool: \(complaints)")
    }

    static func meaningful(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// What this build of mutool prints for any file at all (e.g. "warning: ICC support is
    /// not available"): a property of the tool, not of our PDFs. Measured on a blank page.
    static func muPDFNoise() throws -> Set<String> {
        let blank = try RenderedSample.folder().appendingPathComponent("blank.pdf")
        let made = try Sample.run("mutool", ["create", "-o", blank.path, "/dev/null"])
        try #require(made.status == 0, "\(made.stderr)")
        let drawn = try Sample.run("mutool", ["draw", "-q", "-o", "/dev/null", "-r", "40", blank.path])
        try #require(drawn.status == 0, "\(drawn.stderr)")
        let noise = Set(meaningful(drawn.stderr))
        #expect(noise.allSatisfy { $0.hasPrefix("warning:") }, "mutool fails on a blank page: \(noise)")
        return noise
    }

    // MARK: Helpers

    /// A label from layouts/labels.yaml, e.g. "Urgent warning signs".
    static func label(_ key: String, _ language: Language) -> String {
        labels[key]?[language] ?? "<no label \(key)>"
    }

    static let labels: [String: [Language: String]] = {
        let path = Sample.root.appendingPathComponent("layouts/labels.yaml").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let line = #/^([a-z0-9_]+):\s*\{en:\s*"(.*)",\s*bn:\s*"(.*)"\}\s*(#.*)?$/#
        var labels: [String: [Language: String]] = [:]
        for row in text.split(separator: "\n") {
            if let match = try? line.wholeMatch(in: row) {
                labels[String(match.1)] = [.en: String(match.2), .bn: String(match.3)]
            }
        }
        return labels
    }()
}

// MARK: - Shared helpers (also used by PrintOptionsTests)

/// The sample rendered with any options, once per run, and written to its own file.
struct RenderedSample {
    let options: RenderOptions
    let rendered: Rendered
    let file: URL

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [RenderOptions: RenderedSample] = [:]

    static func output(_ options: RenderOptions, article: Article? = nil) throws -> RenderedSample {
        if article == nil, let cached = lock.withLock({ cache[options] }) { return cached }
        let source = article ?? Sample.article
        let rendered = try Sample.withPublisher { try $0.render(source, options: options) }
        let file = try folder().appendingPathComponent("\(options.document.rawValue).pdf")
        try rendered.pdf.write(to: file)
        let sample = RenderedSample(options: options, rendered: rendered, file: file)
        if article == nil { lock.withLock { cache[options] = sample } }
        return sample
    }

    /// A new empty folder in the tests' temporary directory.
    static func folder() throws -> URL {
        let url = Sample.temporaryDirectory.appendingPathComponent("a11y-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// One structure element as the renderer makes it: a paragraph's lines drawn one after
/// another on a page (a paragraph continued on the next page is a second element).
struct TaggedParagraph {
    var tag: String
    var text: String
    var page: Int

    static func all(in pages: [PageFrame]) -> [TaggedParagraph] {
        var result: [TaggedParagraph] = []
        for (number, page) in pages.enumerated() {
            var current: ObjectIdentifier?
            for case let .text(shaped, line, _) in page.items {
                let id = ObjectIdentifier(shaped)
                if id == current, line > 0 { continue }   // a marker placed again starts at line 0
                current = id
                result.append(TaggedParagraph(tag: tag(for: shaped.text.role), text: shaped.text.plainText, page: number + 1))
            }
        }
        return result
    }

    static func tag(for role: TextRole) -> String {
        switch role {
        case .heading(let level): return "/H\(min(max(level, 1), 6))"
        case .paragraph: return "/P"
        case .label: return "/Span"
        }
    }

    var hasBanglaLetters: Bool {
        text.unicodeScalars.contains { (0x0980...0x09FF).contains($0.value) && $0.properties.isAlphabetic }
    }
    var hasBengaliDigits: Bool { text.unicodeScalars.contains { (0x09E6...0x09EF).contains($0.value) } }
    var hasLatinLetters: Bool { text.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic } }
}

/// Which language a passage is in, by its script: Bengali letters and digits, or Latin letters.
enum LanguageOfText: Equatable {
    case english, bangla, neither

    static func bengaliScalars(_ text: String) -> Int {
        text.unicodeScalars.filter { (0x0980...0x09FF).contains($0.value) }.count
    }

    static func guess(_ text: String) -> LanguageOfText {
        let bangla = bengaliScalars(text)
        let latin = text.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic }.count
        if bangla == 0 && latin == 0 { return .neither }
        return bangla > latin ? .bangla : .english
    }
}

/// The objects of a PDF, as `qpdf --json` shows them ("obj:N 0 R" → value).
struct QPDFJSON {
    let objects: [String: Any]
    let trailer: [String: Any]

    init(_ file: URL) throws {
        let result = try Sample.run("qpdf", ["--json", file.path])
        try #require(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let qpdf = try #require(json["qpdf"] as? [Any])
        let objects = try #require(qpdf.count > 1 ? qpdf[1] as? [String: Any] : nil)
        trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:]
        self.objects = objects.compactMapValues { ($0 as? [String: Any])?["value"] }
    }

    /// The object a reference ("5 0 R") points to; anything else as it is.
    func resolve(_ value: Any?) -> Any? {
        if let reference = value as? String, reference.hasSuffix(" R") { return objects["obj:" + reference] }
        return value
    }

    var catalog: [String: Any]? { resolve(trailer["/Root"]) as? [String: Any] }

    /// The paragraph-level elements (P, H1–H6, Span), depth first in reading order, looking
    /// into the containers around them (Document, L, LI, Lbl, LBody, Table, TR, TH, TD).
    func structureElements() -> [[String: Any]]? {
        structureTree().map { $0.filter { Self.paragraphTags.contains($0["/S"] as? String ?? "") } }
    }

    static let paragraphTags: Set<String> = ["/P", "/Span", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6"]

    /// Every element of the structure tree but cairo's Link elements, depth first. Each
    /// also has, under `language`, the /Lang a reader uses for it: its own, or the nearest
    /// one around it (PDF 32000-1, 14.9.2), under `inherited`; nil: the catalog's.
    func structureTree() -> [[String: Any]]? {
        guard let root = resolve(catalog?["/StructTreeRoot"]) as? [String: Any] else { return nil }
        func elements(_ kids: Any?, inherited: String?) -> [[String: Any]] {
            let list = (resolve(kids) as? [Any]) ?? [kids as Any]
            return list.compactMap { resolve($0) as? [String: Any] }.filter { $0["/S"] != nil && $0["/S"] as? String != "/Link" }
                .flatMap { element -> [[String: Any]] in
                    var element = element
                    element["inherited"] = inherited
                    element["language"] = element["/Lang"] as? String ?? inherited
                    return [element] + elements(element["/K"], inherited: element["language"] as? String)
                }
        }
        return elements(root["/K"], inherited: nil)
    }

    static func number(_ value: Any?) -> Double? {
        if let int = value as? Int { return Double(int) }
        if let double = value as? Double { return double }
        return (value as? NSNumber)?.doubleValue
    }

    static func isTrue(_ value: Any?) -> Bool {
        if let flag = value as? Bool { return flag }
        return (value as? NSNumber)?.boolValue ?? false
    }
}

/// `pdfinfo -isodates` as fields.
struct PDFInfo {
    let fields: [String: String]

    init(_ file: URL) throws {
        let result = try Sample.run("pdfinfo", ["-isodates", "-enc", "UTF-8", file.path])
        try #require(result.status == 0, "\(result.stderr)")
        var fields: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.fields = fields
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// "595.276 x 841.89 pts (A4)" as numbers.
    var pageSize: (width: Double, height: Double)? {
        let parts = fields["Page size"]?.split(separator: " ") ?? []
        guard parts.count >= 3, let width = Double(parts[0]), let height = Double(parts[2]) else { return nil }
        return (width, height)
    }
}

/// The bookmarks of a PDF (`qpdf --json-key=outlines`), depth first.
struct Outline {
    var title: String
    var page: Int
    var depth: Int

    static func read(_ file: URL) throws -> [Outline] {
        let result = try Sample.run("qpdf", ["--json", "--json-key=outlines", file.path])
        try #require(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var outline: [Outline] = []
        func walk(_ items: Any?, depth: Int) {
            for case let item as [String: Any] in (items as? [Any]) ?? [] {
                outline.append(Outline(title: item["title"] as? String ?? "", page: QPDFJSON.number(item["destpageposfrom1"]).map { Int($0) } ?? 0,
                                       depth: depth))
                walk(item["kids"], depth: depth + 1)
            }
        }
        walk(json["outlines"], depth: 0)
        return outline
    }
}
