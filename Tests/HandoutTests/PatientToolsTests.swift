// The seed page's other patient tools on paper (treatment planner, health record, family
// and caregiver sheet, prevention / recovery / nutrition guides), beyond what DocumentTests
// checks of every document on the sample: on two real pages imported from the corpora they
// render cleanly in every language and paper; their rows are the article's (change the
// article and the sheet changes); a guide is never made from an article silent on its
// subject; page limits hold or the error names what to shorten.
import Diagnostics
import Foundation
import HandoutKit
import TestSupport
import Testing

@Suite struct PatientToolsTests {
    static let newDocuments: [DocumentKind] = [.treatmentPlanner, .healthRecord, .caregiver, .prevention, .recovery, .nutrition]

    // MARK: Real pages, imported

    /// Two real pages: an NHS condition (tests, treatments) and an NIH one (prevention).
    static let realPages = ["nhs-html/conditions-achalasia.html", "medquad/niddk-what-i-need-to-know-about-diarrhea.html"]

    struct Case: CustomTestStringConvertible, Sendable {
        var page: String
        var options: RenderOptions
        var testDescription: String { "\(page) \(options.document.rawValue) \(options.mode.rawValue) \(options.paper.rawValue)" }
    }

    static let cases = realPages.flatMap { page in
        newDocuments.flatMap { document in
            LanguageMode.allCases.flatMap { mode in Paper.allCases.map { Case(page: page, options: RenderOptions(document: document, mode: mode, paper: $0)) } }
        }
    }

    /// The page imported, with a disclaimer added as an editor would.
    static func imported(_ page: String) throws -> Article {
        let path = CorpusImportTests.corpus.appendingPathComponent(page).path
        var article = try PageImporter.importPage(try #require(FileManager.default.contents(atPath: path)), file: path).article
        article.disclaimer.en = "This is general information, not a substitute for a doctor."
        return article
    }

    /// The NHS page names each treatment in a sub-heading with paragraphs under it: those are the options.
    @Test func anNHSPagesTreatmentHeadingsAreThePlannersOptions() throws {
        let options = ArticleEntries.treatmentOptions(try Self.imported(Self.realPages[0]))
        #expect(options.map(\.name.en) == ["Medicine", "Stretching the muscle (balloon dilation)", "Botox injection", "Surgery"])
        #expect(options.first { $0.name.en == "Botox injection" }?.description?.en
            == "Using an endoscope, botox is injected into the ring of muscle that lets food into your stomach, causing it to relax.")
    }

    /// The NHS writes tests as "**manometry** – a small plastic tube …", a link around the bold
    /// for some ("[**endoscopy**](…) – …"): the record's rows are the names alone.
    @Test func anNHSPagesTestsAreTheRecordsRows() throws {
        let tests = ArticleEntries.tests(try Self.imported(Self.realPages[0]))
        #expect(tests.map(\.name.en) == ["manometry", "barium swallow", "endoscopy"])
        #expect(tests.first?.description?.en.hasPrefix("a small plastic tube") == true)
    }

    @Test func theImportedPagesMakeTheGuidesTheirContentAllows() throws {
        let achalasia = DocumentKind.made(from: try Self.imported(Self.realPages[0]))
        #expect(achalasia.contains(.treatmentPlanner) && achalasia.contains(.healthRecord) && achalasia.contains(.caregiver))
        #expect(!achalasia.contains(.prevention) && !achalasia.contains(.recovery) && !achalasia.contains(.nutrition),
                "the NHS achalasia page says nothing on prevention, recovery or diet: \(achalasia)")
        let diarrhea = DocumentKind.made(from: try Self.imported(Self.realPages[1]))
        #expect(diarrhea.contains(.prevention), "the NIH page has a prevention section: \(diarrhea)")
        #expect(!diarrhea.contains(.nutrition))
    }

    /// Each document the page makes: a clean PDF (qpdf, fonts), within its page limit, every
    /// word inside the margins, and its rows and sections' words in the text.
    @Test(arguments: cases)
    func anImportedPageRendersCleanly(_ test: Case) throws {
        let article = try Self.imported(test.page)
        guard test.options.document.missing(in: article) == nil else {
            #expect(throws: DiagnosticError.self) { try Sample.withPublisher { try $0.render(article, options: test.options) } }
            return
        }
        let rendered = try Sample.withPublisher { try $0.render(article, options: test.options) }
        let file = Sample.temporaryDirectory.appendingPathComponent("tools-\(UUID().uuidString).pdf")
        try rendered.pdf.write(to: file)
        try PDFChecks.qpdfFindsNoProblems(file)
        try PDFChecks.fontsAreEmbeddedSubsetAndShipped(file, bangla: test.options.mode != .en)
        let limits: [DocumentKind: Int] = [.treatmentPlanner: 2, .healthRecord: 2, .caregiver: 2]
        if let limit = limits[test.options.document] { #expect(rendered.pageCount <= limit) }
        let boxes = BoundingBoxes.parse(try Sample.run("pdftotext", ["-bbox", file.path, "-"]).stdout)
        for (number, page) in boxes.enumerated() {
            for word in page.outside() { Issue.record("page \(number + 1): '\(word.text)' outside the margins") }
        }
        // Each text's words in each language of the mode (where the page has no Bangla yet,
        // its English), and in English in the article's order; a paragraph may cross a page.
        let printed = try Sample.run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).stdout
        let found = Set(Words.normalised(printed)), flat = Words.flat(printed)
        var rest = Words.normalised(printed)[...]
        let expected = DocumentTests.Printed.content(test.options.document, article: article)
        #expect(!expected.isEmpty)
        for (source, localized) in expected {
            for language in test.options.mode.languages {
                let words = Words.normalised((localized[language] ?? localized.en).plainText)
                let missing = words.filter { !found.contains($0) && !flat.contains($0) }
                #expect(missing.isEmpty, "\(source) \(language): missing \(missing)")
            }
            if test.options.mode == .en {
                for word in Words.normalised(localized.en.plainText) {
                    guard let next = rest.firstIndex(of: word) else { Issue.record("\(source): '\(word)' out of order"); break }
                    rest = rest[(next + 1)...]
                }
            }
        }
    }

    /// Tagged with languages as the others are: in a bilingual sheet each passage in Bangla
    /// letters only is marked Bangla, each in Latin letters only is left to the document's English.
    @Test(arguments: newDocuments)
    func theBanglaPassagesAreMarked(document: DocumentKind) throws {
        let rendered = try Sample.withPublisher { try $0.render(Sample.article, options: RenderOptions(document: document, mode: .bilingual)) }
        let file = Sample.temporaryDirectory.appendingPathComponent("lang-\(UUID().uuidString).pdf")
        try rendered.pdf.write(to: file)
        let elements = try #require(try QPDFJSON(file).structureElements())
        let drawn = TaggedParagraph.all(in: rendered.sheets)
        try #require(elements.count == drawn.count)
        var marked = 0
        for (element, paragraph) in zip(elements, drawn) {
            if paragraph.hasBanglaLetters && !paragraph.hasLatinLetters {
                #expect(element["language"] as? String == "u:bn", "Bangla text not marked: \(paragraph.text.prefix(60))")
                marked += 1
            } else if paragraph.hasLatinLetters && LanguageOfText.bengaliScalars(paragraph.text) == 0 {
                #expect(element["language"] == nil, "English text marked: \(paragraph.text.prefix(60))")
            }
        }
        #expect(marked >= 5, "only \(marked) Bangla passages")
    }

    // MARK: The article's rows

    /// The sample's options: each option named once, groups and descriptive items not options.
    @Test func thePlannersOptionsAreTheArticlesTreatments() {
        let names = ArticleEntries.treatmentOptions(Sample.article).map(\.name.en)
        for name in ["Botulinum toxin (Botox) injections", "Microvascular decompression (MVD) surgery", "Carbamazepine",
                     "Baclofen", "Facial reanimation surgery"] {
            #expect(names.contains(name), "\(name) missing from \(names)")
        }
        for notOption in ["Main treatments", "Rarely used treatments", "How it works", "Benefit", "Risks",
                          "Microvascular decompression (MVD)", "Botulinum toxin (Botox)"] {
            #expect(!names.contains(notOption), "'\(notOption)' is not an option of its own")
        }
        #expect(names.filter { $0 == "Nerve grafting" }.count == 1, "named in treatments and surgery, listed once")
        #expect(!names.contains { $0.hasPrefix("If ") }, "'If a tumour … is found' is a condition, not an option")
        let carbamazepine = ArticleEntries.treatmentOptions(Sample.article).first { $0.name.en == "Carbamazepine" }
        #expect(carbamazepine?.description?.en == "calms overactive nerve signals.")
        #expect(carbamazepine?.description?.bn == "অতি-সক্রিয় স্নায়ুর সংকেত শান্ত করে।")
    }

    /// A section of one list item, as an article file writes it.
    static func section(_ key: String, en: String, bn: String) -> String {
        "\(key):\n  items:\n    - en: \"\(en)\"\n      bn: \"\(bn)\""
    }

    /// Text of the sample as `document` after replacing one top-level part of it.
    static func printed(_ document: DocumentKind, replacing key: String, with block: String?, mode: LanguageMode = .en) throws -> String {
        let article = try DocumentTests.Articles.load(DocumentTests.Articles.text(replacing: key, with: block), name: "\(key).yaml")
        let rendered = try Sample.withPublisher { try $0.render(article, options: RenderOptions(document: document, mode: mode)) }
        let file = Sample.temporaryDirectory.appendingPathComponent("changed-\(UUID().uuidString).pdf")
        try rendered.pdf.write(to: file)
        return try Sample.run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).stdout
    }

    @Test func thePlannersRowsChangeWithTheArticle() throws {
        let drugs = Self.section("drugs", en: "**Examplomab:** a medicine invented for this test. It does not exist.",
                                 bn: "**এক্সাম্পলোম্যাব:** এই পরীক্ষার জন্য বানানো ওষুধ। এর কোনো অস্তিত্ব নেই।")
        let english = try Self.printed(.treatmentPlanner, replacing: "drugs", with: drugs)
        #expect(Words.flat(english).contains(Words.flat("Examplomab: a medicine invented for this test.")))
        #expect(!english.contains("It does not exist"), "only the first sentence describes an option")
        #expect(!english.contains("Carbamazepine"), "the old drugs section's options are gone")
        let bangla = try Self.printed(.treatmentPlanner, replacing: "drugs", with: drugs, mode: .bn)
        #expect(Words.flat(bangla).contains(Words.flat("এক্সাম্পলোম্যাব")))
    }

    @Test func theRecordsTestRowsChangeWithTheArticle() throws {
        let tests = Self.section("diagnostic_tests", en: "**Stool sample check:** invented for this test.",
                                 bn: "**মল নমুনা পরীক্ষা:** এই পরীক্ষার জন্য বানানো।")
        let text = try Self.printed(.healthRecord, replacing: "diagnostic_tests", with: tests)
        #expect(text.contains("Stool sample check"))
        #expect(!text.contains("MRI scan of the brain"), "the old tests are gone")
        #expect(try Self.printed(.healthRecord, replacing: "diagnostic_tests", with: nil).contains("Test results"),
                "without tests the record still has blank rows to fill")
    }

    // MARK: Guides only from what the article says

    @Test(arguments: [("diet", DocumentKind.nutrition), ("prevention", .prevention)])
    func anArticleSilentOnTheSubjectMakesNoGuide(key: String, document: DocumentKind) throws {
        let article = try DocumentTests.Articles.load(DocumentTests.Articles.text(replacing: key, with: nil), name: "no-\(key).yaml")
        #expect(!DocumentKind.made(from: article).contains(document))
        do {
            _ = try Sample.withPublisher { try $0.render(article, options: RenderOptions(document: document, mode: .bilingual)) }
            Issue.record("a \(document.rawValue) guide was made without a '\(key)' section")
        } catch let error as DiagnosticError {
            let message = error.diagnostics.map(\.description).joined()
            #expect(message.contains("'\(key)'") && message.contains("hint:"), "\(message)")
        }
    }

    @Test func theRecoveryGuideStandsOnLivingWithAlone() throws {
        let article = try DocumentTests.Articles.load(DocumentTests.Articles.text(replacing: "recovery", with: nil), name: "no-recovery.yaml")
        #expect(!DocumentKind.made(from: article).contains(.recovery), "the sample has no living_with section either")
    }

    @Test func validateAndPackListOnlyWhatAnArticleMakes() throws {
        let folder = Sample.temporaryDirectory.appendingPathComponent("no-diet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("no-diet.yaml")
        try Data(DocumentTests.Articles.text(replacing: "diet", with: nil).utf8).write(to: file)
        let validate = try Sample.run(CommandLineTests.executable, ["validate", "--documents", file.path], directory: Sample.root)
        #expect(validate.stdout.contains("makes handout, checklist"), "\(validate.stdout)")
        #expect(validate.stdout.contains("not nutrition"), "\(validate.stdout)")
        let pack = folder.appendingPathComponent("pack")
        let run = try Sample.run(CommandLineTests.executable,
                                 ["pack", file.path, "--docs", "prevention,nutrition", "--lang", "en", "--paper", "a4", "-o", pack.path],
                                 directory: Sample.root)
        #expect(run.status == 0, "\(run.stderr)")
        let made = try FileManager.default.subpathsOfDirectory(atPath: pack.path)
        #expect(made.contains { $0.hasSuffix("prevention-en-a4.pdf") }, "\(made)")
        #expect(!made.contains { $0.contains("nutrition") }, "\(made)")
    }

    // MARK: Page limits

    @Test func aPlannerTooLongForTwoPagesNamesWhatToShorten() throws {
        let items = (1...45).map { "    - en: \"**Medicine \($0):** one of many.\"\n      bn: \"**ওষুধ \($0):** অনেকের একটি।\"" }
        let article = try DocumentTests.Articles.load(DocumentTests.Articles.text(replacing: "drugs", with: "drugs:\n  items:\n" + items.joined(separator: "\n")),
                                                      name: "many-drugs.yaml")
        do {
            _ = try Sample.withPublisher { try $0.render(article, options: RenderOptions(document: .treatmentPlanner, mode: .bilingual)) }
            Issue.record("45 medicines fitted two pages")
        } catch let error as DiagnosticError {
            let message = error.diagnostics.map(\.description).joined()
            #expect(message.contains("treatment-planner") && message.contains("shorten treatments or drugs or surgery"), "\(message)")
            #expect(message.contains("many-drugs.yaml:"), "the error is placed in the file: \(message)")
        }
    }
}
