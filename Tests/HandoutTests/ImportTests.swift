// `handout import`: a page from the website (HTML, or a WordPress REST API post) becomes
// an article file to translate. The sample article, published as the site would publish
// it (ArticleHTML), must come back section by section; broken pages must import what can
// be read, with warnings that name lines; and nothing that was on the page may be lost.
import Diagnostics
import Foundation
import HandoutKit
import TestSupport
import Testing

@Suite struct ImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")
    static let sampleURL = "https://rxharun.com/hemifacial-spasm/"

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    static func importPage(_ text: String, file: String = "page.html", url: String? = nil) throws(DiagnosticError) -> ImportedPage {
        try PageImporter.importPage(Data(text.utf8), file: file, url: url)
    }

    static func importFixture(_ name: String, url: String? = nil) throws -> ImportedPage {
        let path = fixture(name)
        let data = try #require(FileManager.default.contents(atPath: path), "missing fixture \(name)")
        return try PageImporter.importPage(data, file: path, url: url)
    }

    // MARK: Comparing articles

    /// A list as a tree of English texts, so whole lists (order and nesting) compare at once.
    struct Outline: Equatable, CustomStringConvertible {
        var text: String
        var children: [Outline]

        var description: String { children.isEmpty ? text.debugDescription : "\(text.debugDescription) \(children)" }
    }

    static func outline(_ items: [ListItem]) -> [Outline] {
        items.map { Outline(text: $0.text.en, children: outline($0.children)) }
    }

    static func itemCount(_ items: [ListItem]) -> Int {
        items.reduce(0) { $0 + 1 + itemCount($1.children) }
    }

    /// Every list item of the article, in every section, at every depth.
    static func itemCount(_ article: Article) -> Int {
        (article.sections.values.map(\.items) + article.otherSections.map(\.items)).reduce(0) { $0 + itemCount($1) }
    }

    /// The `<li>` tags in a page's text.
    static func listItemTags(in text: String) -> Int {
        text.lowercased().matches(of: /<li[\s>]/).count
    }

    /// Expects the English text of every part a web page carries (title, definition, listed
    /// sections, other sections, conclusion, disclaimer, references) to be the same.
    /// `titles` gives the expected section titles; by default those of `expected`.
    static func expectSameEnglish(_ actual: Article, _ expected: Article,
                                  titles: ((SectionKind) -> String?)? = nil,
                                  sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(actual.title.en == expected.title.en, "title", sourceLocation: sourceLocation)
        #expect(actual.definition.map(\.en) == expected.definition.map(\.en), "definition", sourceLocation: sourceLocation)
        #expect(Set(actual.sections.keys) == Set(expected.sections.keys), "section kinds", sourceLocation: sourceLocation)
        for kind in SectionKind.allCases {
            guard let want = expected.sections[kind] else { continue }
            guard let got = actual.sections[kind] else {
                Issue.record("no \(kind.rawValue) section", sourceLocation: sourceLocation)
                continue
            }
            let title = titles.map { $0(kind) } ?? want.title?.en
            #expect(got.title?.en == title, "\(kind.rawValue).title", sourceLocation: sourceLocation)
            #expect(got.outline == want.outline, "\(kind.rawValue)", sourceLocation: sourceLocation)
        }
        #expect(actual.otherSections.count == expected.otherSections.count, "other sections", sourceLocation: sourceLocation)
        for (got, want) in zip(actual.otherSections, expected.otherSections) {
            #expect(got.title?.en == want.title?.en, sourceLocation: sourceLocation)
            #expect(got.outline == want.outline, sourceLocation: sourceLocation)
        }
        #expect(actual.conclusion.map(\.en) == expected.conclusion.map(\.en), "conclusion", sourceLocation: sourceLocation)
        #expect(actual.disclaimer.en == expected.disclaimer.en, "disclaimer", sourceLocation: sourceLocation)
        #expect(actual.references.map(\.url) == expected.references.map(\.url), "references", sourceLocation: sourceLocation)
    }

    /// Every text has no Bangla yet, but for the general warning signs Handout fills in
    /// (written by us in both languages) when a page has none.
    static func expectNoBangla(_ article: Article, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let ours = Set(article.warningSigns.items.map(\.en))
        let translated = article.allTexts.filter { $0.bn != nil && !ours.contains($0.en) }
        #expect(translated.isEmpty, "Bangla where none was imported: \(translated.map(\.en))", sourceLocation: sourceLocation)
    }

    /// A page with no urgent box gets general warning signs, said once as a warning and
    /// noted under to_review for an editor; the page's other warnings are returned.
    static func expectGeneralWarningSigns(_ imported: ImportedPage,
                                          sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        let (filled, others) = (imported.warnings.filter { $0.message.contains("no urgent warning signs") },
                                imported.warnings.filter { !$0.message.contains("no urgent warning signs") })
        #expect(filled.count == 1, "\(imported.warnings)", sourceLocation: sourceLocation)
        #expect(imported.article.warningSigns.items.count == 3 && imported.article.warningSigns.items.allSatisfy { $0.bn != nil },
                sourceLocation: sourceLocation)
        #expect(imported.article.toReview.map(\.part) .contains("warning_signs"), sourceLocation: sourceLocation)
        return others
    }

    // MARK: 1. The sample, published as HTML, comes back section by section

    @Test func theSamplesPageImportsSectionBySection() throws {
        let sample = Sample.article
        let html = ArticleHTML.page(sample)
        let imported = try Self.importPage(html, file: "hemifacial-spasm.html")
        let article = imported.article
        let warnings = Self.expectGeneralWarningSigns(imported)
        #expect(warnings.count == 1 && warnings[0].message.contains("no date"), "a clean page needs no other warnings: \(warnings)")

        Self.expectSameEnglish(article, sample, titles: { ArticleHTML.heading(for: $0, in: sample) })
        // Both heading styles were used, and the site's trailing colon is gone.
        #expect(SectionKind.allCases.contains { ArticleHTML.style(for: $0) == .h2 && sample.sections[$0] != nil })
        #expect(SectionKind.allCases.contains { ArticleHTML.style(for: $0) == .boldParagraph && sample.sections[$0] != nil })
        #expect(article.sections.values.allSatisfy { $0.title?.en.hasSuffix(":") == false })
        #expect(article.sections[.types]?.title?.en == sample.sections[.types]?.title?.en,
                "a title already in the site's form comes back as it was")
        // Nested lists keep their shape: the causes are grouped, each group with its items.
        #expect(article.sections[.causes]?.items.allSatisfy { !$0.children.isEmpty } == true)
        #expect(Self.itemCount(article) == Self.itemCount(sample))

        #expect(article.metadata.slug == "hemifacial-spasm")
        #expect(article.metadata.canonicalURL == Self.sampleURL)
        #expect(article.metadata.lastReviewed == nil, "an HTML page with no date gets none, never the day of the import")
        #expect(article.metadata.nextReview == nil)
        // Only what the page carries: no summary, takeaways or forms.
        #expect(article.summary.isEmpty && article.keyTakeaways.isEmpty)
        #expect(article.roadmap == nil && article.doctorVisit == nil && article.medicineSafety == nil)
        #expect(article.faq.isEmpty && article.diaryPrompts.isEmpty)
        Self.expectNoBangla(article)
    }

    @Test func theImportedSampleRoundTripsThroughItsArticleFile() throws {
        let sample = Sample.article
        var article = try Self.importPage(ArticleHTML.page(sample), file: "hemifacial-spasm.html").article
        // What the editors add by hand before the file can load: the urgent warning signs.
        article.warningSigns.items = [LocalizedText(en: "Sudden weakness of one side of the face, with trouble speaking.", bn: nil)]
        let yaml = ArticleWriter.yaml(article, header: ["Imported for a test."])
        #expect(yaml.hasPrefix("# Imported for a test.\nslug: \"hemifacial-spasm\"\n"))
        // Every text is written with an empty Bangla form, waiting for its translation.
        let emptyBangla = yaml.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces) == #"bn: """# }
        #expect(emptyBangla.count == article.allTexts.count)

        let loaded = try ArticleLoader.load(data: Data(yaml.utf8), file: "imported.yaml")
        #expect(loaded.warnings.errors.isEmpty, "\(loaded.warnings)")
        Self.expectSameEnglish(loaded.article, article)
        #expect(loaded.article.warningSigns.items.map(\.en) == article.warningSigns.items.map(\.en))
        #expect(loaded.article.metadata.slug == article.metadata.slug)
        #expect(loaded.article.metadata.canonicalURL == article.metadata.canonicalURL)
        #expect(loaded.article.metadata.lastReviewed == article.metadata.lastReviewed)
        #expect(loaded.article.metadata.nextReview == article.metadata.nextReview)
        Self.expectNoBangla(loaded.article)
        // And so the file still matches the sample's English.
        Self.expectSameEnglish(loaded.article, sample, titles: { ArticleHTML.heading(for: $0, in: sample) })
    }

    @Test func inlineEmphasisBecomesMarkup() throws {
        let html = """
        <html><head><link rel="canonical" href="\(Self.sampleURL)"></head><body><h1>Hemifacial spasm</h1>
        <p>It is <strong>not contagious</strong> and <em>not dangerous</em> in most people.</p>
        <h2>Symptoms of hemifacial spasm:</h2>
        <ol><li><b>Eyelid twitching:</b> it starts at the <i>lower</i> lid.</li></ol>
        </body></html>
        """
        let article = try Self.importPage(html).article
        #expect(article.definition.map(\.en) == ["It is **not contagious** and *not dangerous* in most people."])
        #expect(Self.outline(article.sections[.symptoms]?.items ?? [])
            == [Outline(text: "**Eyelid twitching:** it starts at the *lower* lid.", children: [])])
    }

    /// Emphasis right before punctuation gains a space: `<em>tumour</em>.` → `*tumour* .`
    @Test func emphasisBeforePunctuationGainsNoSpace() throws {
        let html = """
        <html><head><link rel="canonical" href="\(Self.sampleURL)"></head><body><h1>Hemifacial spasm</h1>
        <p>Use <strong>lubricating drops</strong>, and <em>rest</em>.</p>
        </body></html>
        """
        let article = try Self.importPage(html).article
        #expect(article.definition.map(\.en) == ["Use **lubricating drops**, and *rest*."])
        // The words themselves all arrive.
        #expect(article.definition.first?.en.plainText.filter(\.isLetter) == "Uselubricatingdropsandrest")
    }

    // MARK: 2. The same through a WordPress REST API post

    @Test func theSamplesWordPressPostImportsSectionBySection() throws {
        let sample = Sample.article
        let post = ArticleHTML.wordPressPost(sample, title: "Hemifacial Spasm &#8211; Causes, Symptoms &amp; Treatment",
                                             link: Self.sampleURL)
        let imported = try PageImporter.importPage(post, file: "hemifacial-spasm.json")
        let article = imported.article
        #expect(Self.expectGeneralWarningSigns(imported).isEmpty)
        #expect(article.title.en == "Hemifacial Spasm – Causes, Symptoms & Treatment")
        #expect(article.metadata.canonicalURL == Self.sampleURL)
        #expect(article.metadata.slug == "hemifacial-spasm")
        #expect(article.metadata.lastReviewed == CalendarDate(year: 2026, month: 11, day: 20))
        #expect(article.metadata.nextReview == CalendarDate(year: 2027, month: 11, day: 20))
        var expected = sample
        expected.title.en = article.title.en
        Self.expectSameEnglish(article, expected, titles: { ArticleHTML.heading(for: $0, in: sample) })
        Self.expectNoBangla(article)
    }

    @Test func aSavedWordPressPostImports() throws {
        let imported = try Self.importFixture("wordpress-post.json", url: "https://example.org/not-this/")
        let article = imported.article
        #expect(Self.expectGeneralWarningSigns(imported).isEmpty)
        #expect(article.title.en == "Hemifacial Spasm – Causes, Symptoms & Treatment")
        #expect(article.metadata.canonicalURL == Self.sampleURL, "the post's own link wins over --url")
        #expect(article.metadata.lastReviewed == CalendarDate(year: 2026, month: 11, day: 20))
        #expect(article.definition.map(\.en)
            == ["Hemifacial spasm is a medical condition that causes involuntary muscle contractions on one side of the face."])
        #expect(Self.outline(article.sections[.types]?.items ?? []) == [
            Outline(text: "**Primary Hemifacial Spasm:** This type is not linked to any other medical condition.", children: []),
            Outline(text: "**Secondary Hemifacial Spasm:** This type is associated with an underlying medical condition.", children: []),
        ])
        #expect(Self.outline(article.sections[.treatments]?.items ?? []) == [
            Outline(text: "**Medications:**", children: [
                Outline(text: "**Muscle Relaxants:** Medications like Botox injections can temporarily ease spasms.", children: []),
            ]),
        ])
        #expect(article.conclusion.map(\.en) == ["Bell’s palsy is a different condition."])
        Self.expectNoBangla(article)
    }

    @Test func aPostWithoutALinkTakesTheGivenAddress() throws {
        var object = try #require(JSONSerialization.jsonObject(with: ArticleHTML.wordPressPost(Sample.article)) as? [String: Any])
        object["link"] = nil
        object["modified"] = nil
        let post = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: DiagnosticError.self) { try PageImporter.importPage(post, file: "post.json") }
        let article = try PageImporter.importPage(post, file: "post.json", url: "https://rxharun.com/hemifacial-spasm-2/").article
        #expect(article.metadata.canonicalURL == "https://rxharun.com/hemifacial-spasm-2/")
        #expect(article.metadata.slug == "hemifacial-spasm-2")
        #expect(article.metadata.lastReviewed == nil, "no 'modified': no date, never the day of the import")
    }

    /// The importer's contract: `url` is the address "when the page does not state one". A
    /// post's link wins over it, but an HTML page's canonical link does not.
    @Test func thePagesOwnAddressWinsOverTheGivenOne() throws {
        let page = try Self.importPage(ArticleHTML.page(Sample.article), url: "https://example.org/elsewhere/")
        #expect(page.article.metadata.canonicalURL == Self.sampleURL)
    }

    /// A post's warnings should point into the post file; its HTML's own lines are not lines of it.
    @Test func aPostsWarningsNameLinesOfThePostFile() throws {
        let post = Data(#"{"link": "https://rxharun.com/x/", "title": {"rendered": "X"}, "content": {"rendered": "<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>\n<video src=\"https://rxharun.com/v.mp4\"></video>\n"}}"#.utf8)
        let imported = try PageImporter.importPage(post, file: "post.json")
        let table = try #require(imported.warnings.first { $0.message.contains("<video>") }, "\(imported.warnings)")
        #expect(table.location?.file == "post.json")
        withKnownIssue("warnings for a post give lines of content.rendered, not of the JSON file (one line here)") {
            #expect(table.location?.line == 1)
        }
    }

    // MARK: 3. The command

    func handout(_ arguments: [String]) throws -> Sample.Result {
        try Sample.run(CommandLineTests.executable, arguments, directory: Sample.root)
    }

    /// A fresh folder holding `name` with `text`.
    func file(_ name: String, _ text: String) throws -> String {
        let folder = Sample.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static let header = """
    # yaml-language-server: $schema=schema.json
    # Imported from hemifacial-spasm.html by `handout import`.
    # To do: translate every empty 'bn:', check each part under to_review, add the disclaimer
    # if it is empty; `handout validate` lists what is still missing.

    """

    @Test func importWritesTheArticleFile() throws {
        let page = try file("hemifacial-spasm.html", ArticleHTML.page(Sample.article))
        let output = URL(fileURLWithPath: page).deletingLastPathComponent().appendingPathComponent("out.yaml").path
        let result = try handout(["import", page, "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        // The page states no date and has no urgent box: said, never filled in silently.
        let said = result.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(said.count == 2 && said.allSatisfy { $0.contains("no date") || $0.contains("no urgent warning signs") },
                "\(result.stderr)")
        let text = try #require(FileManager.default.contents(atPath: output).map { String(decoding: $0, as: UTF8.self) })
        #expect(text.hasPrefix(Self.header), "\(text.prefix(400))")
        #expect(text.contains("\nslug: \"hemifacial-spasm\"\ncanonical_url: \"\(Self.sampleURL)\"\n"))
        // Apart from the header, the file is what ArticleWriter makes of the imported page.
        let imported = try Self.importPage(ArticleHTML.page(Sample.article), file: page)
        let expected = ArticleWriter.yaml(imported.article)
        #expect(!expected.contains("last_reviewed:"), "the page states no date")
        #expect(String(text.dropFirst(Self.header.count)) == expected)
    }

    @Test func importWithoutOutputPrintsTheArticle() throws {
        let page = try file("hemifacial-spasm.html", ArticleHTML.page(Sample.article))
        let result = try handout(["import", page])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(Self.header))
        #expect(result.stdout.contains("title:\n  en: \"Hemifacial spasm\"\n  bn: \"\"\n"))
        #expect(result.stdout.contains("\ncauses:\n  title:\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: page).deletingLastPathComponent().path)
        #expect(leftovers == ["hemifacial-spasm.html"], "nothing but standard output is written")
    }

    @Test func theImportedFileValidatesWithMissingBanglaListedByPath() throws {
        let page = try file("hemifacial-spasm.html", ArticleHTML.page(Sample.article))
        let output = URL(fileURLWithPath: page).deletingLastPathComponent().appendingPathComponent("hemifacial-spasm.yaml").path
        #expect(try handout(["import", page, "-o", output]).status == 0)
        let result = try handout(["validate", output])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let missing = result.stdout.split(separator: "\n").filter { $0.contains("[missing-bangla]") }
        let article = try ArticleLoader.load(path: output).article
        // Every text but the general warning signs, which Handout writes in both languages.
        #expect(missing.count == article.allTexts.count - article.warningSigns.items.count, "\(result.stdout)")
        #expect(missing.allSatisfy { $0.hasPrefix("\(output):") && $0.contains("warning: missing Bangla translation (") })
        // The editors' part, asked for: the dates and what to review.
        #expect(result.stdout.contains("no last_reviewed date"), "\(result.stdout)")
        #expect(result.stdout.contains("warning_signs was filled from general signs"), "\(result.stdout)")
        let group = try #require(article.sections[.causes]?.items.first)
        #expect(group.text.path == "causes.blocks[1].list.items[0]")
        for path in ["title", "definition[0]", group.text.path, try #require(group.children.first).text.path, "disclaimer"] {
            #expect(missing.contains { $0.contains("(\(path))") }, "no missing-bangla warning for \(path): \(result.stdout)")
        }
    }

    @Test func aPageWithoutAnAddressNeedsURL() throws {
        let page = try file("hemifacial-spasm.html", ArticleHTML.page(Sample.article, canonical: false))
        let result = try handout(["import", page])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(page):1:1: error: the page does not say its address"), "\(result.stderr)")
        #expect(result.stderr.contains("--url"))

        let given = try handout(["import", page, "--url", "https://rxharun.com/hemifacial-spasm/"])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout.contains("slug: \"hemifacial-spasm\"\ncanonical_url: \"https://rxharun.com/hemifacial-spasm/\"\n"))
    }

    @Test func warningsGoToStandardErrorWithTheirLines() throws {
        let path = Self.fixture("unclosed-tags.html")
        let output = Sample.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).yaml").path
        let result = try handout(["import", path, "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(path):32:"), "\(result.stderr)")
        #expect(result.stderr.contains("warning: the page's HTML was repaired: Unexpected end tag : span"))
        #expect(FileManager.default.fileExists(atPath: output))
    }

    @Test func aFailedImportLeavesTheOutputUntouched() throws {
        let page = try file("junk.html", "{\"title\":")
        let existing = URL(fileURLWithPath: page).deletingLastPathComponent().appendingPathComponent("article.yaml").path
        try Data("slug: keep-me\n".utf8).write(to: URL(fileURLWithPath: existing))
        let result = try handout(["import", page, "-o", existing])
        #expect(result.status != 0)
        #expect(FileManager.default.contents(atPath: existing) == Data("slug: keep-me\n".utf8))
    }

    // MARK: 4. Broken HTML: what can be read is read, with warnings that name lines

    @Test func unclosedTagsAreRepaired() throws {
        let imported = try Self.importFixture("unclosed-tags.html")
        let article = imported.article
        #expect(article.title.en == "Hemifacial Spasm")
        #expect(article.definition.map(\.en)
            == ["Hemifacial spasm makes the muscles on one side of the face twitch.", "It is more common in adults over 40."])
        #expect(Self.outline(article.sections[.types]?.items ?? []).map(\.text) == [
            "**Primary:** no other disease is found.", "**Secondary:** it follows another problem, such as a tumour.",
        ])
        #expect(article.sections[.causes]?.intro.map(\.en) == ["Here are the causes."])
        #expect(article.sections[.causes]?.outline.last == "p: A stray end tag follows.", "text after the list stays after it")
        #expect(Self.outline(article.sections[.causes]?.items ?? []) == [
            Outline(text: "Blood vessel pressing on the nerve", children: []),
            Outline(text: "Less common causes", children: [
                Outline(text: "Tumours", children: []), Outline(text: "Brainstem problems", children: []),
                Outline(text: "Facial nerve damage", children: []),
            ]),
            Outline(text: "Things that make spasms worse", children: [
                Outline(text: "Stress", children: []), Outline(text: "Tiredness", children: []),
            ]),
        ])
        #expect(article.sections[.causes]?.numbered == true)
        // The list left open at the end of the file is all there.
        #expect(Self.outline(article.sections[.symptoms]?.items ?? []) == [
            Outline(text: "Eyelid twitching", children: []), Outline(text: "Eye closing on its own", children: []),
            Outline(text: "Spread to the lower face", children: [
                Outline(text: "Cheek", children: []), Outline(text: "Mouth corner", children: []),
            ]),
        ])
        #expect(article.sections[.symptoms]?.numbered == false)
        #expect(article.otherSections.isEmpty)
        let repaired = imported.warnings.filter { $0.message.hasPrefix("the page's HTML was repaired") }
        #expect(repaired.map { $0.location?.line } == [32], "\(imported.warnings)")
        #expect(repaired.allSatisfy { $0.location?.file == Self.fixture("unclosed-tags.html") && $0.severity == .warning })
    }

    @Test func strayEntitiesAreKeptAsText() throws {
        let imported = try Self.importFixture("entities.html")
        let article = imported.article
        #expect(article.title.en == "Hemifacial Spasm & Twitching")
        #expect(article.definition.map(\.en) == [
            "Bell’s palsy is different — the face becomes weak.",
            "Doctors & nurses can help.",
            "An unknown entity: &bogus; stays as written.",
        ])
        #expect(Self.outline(article.sections[.drugs]?.items ?? []).map(\.text)
            == ["Carbamazepine <200 mg>", "Gabapentin & pregabalin", "Baclofen tablets"])
        // Each lone '&' is a repair, at its own line.
        let lines = imported.warnings.filter { $0.message.contains("was repaired") }.map { $0.location?.line }
        #expect(lines == [5, 10], "\(imported.warnings)")
    }

    @Test func droppedElementsAreNamedWithTheirLines() throws {
        let imported = try Self.importFixture("dropped-elements.html")
        let article = imported.article
        // The opening holds a table and a picture, so it is kept whole, in order, as a section.
        #expect(article.definition.isEmpty)
        #expect(article.otherSections.first?.title?.en == "About Hemifacial Spasm")
        #expect(article.otherSections.first?.outline == [
            "p: The face twitches on one side.", "table: Age | Risk", "  Over 40 | Higher", "figure: A face with spasm / ",
        ])
        #expect(article.sections[.symptoms]?.outline == ["figure: Eyelid twitching / ", "- Eyelid twitching", "- Eye closing"])
        // A picture keeps its words; that its image is not at hand is said at its line,
        // whether it stands alone or sits in a paragraph (WordPress' usual).
        let pictures = imported.warnings.filter { $0.message.contains("picture was imported as its words") }
        #expect(pictures.compactMap(\.location?.line) == [10, 12], "\(imported.warnings)")
    }

    /// An unclosed <strong> in a paragraph: libxml2 nests the rest of the page inside it, and
    /// the reader flattens it all into one paragraph (headings and lists included).
    @Test func anUnclosedStrongInAParagraphSwallowsNothing() throws {
        let imported = try Self.importFixture("unclosed-strong-paragraph.html")
        let article = imported.article
        #expect(article.definition.first?.en.plainText.hasPrefix("It is not contagious, and it does not damage the brain.") == true)
        #expect(article.definition.count == 1)
        #expect(article.definition.first?.en.plainText == "It is not contagious, and it does not damage the brain.")
        #expect(Self.outline(article.sections[.causes]?.items ?? []).map(\.text.plainText)
            == ["Blood vessel pressing on the nerve", "Tumours near the nerve"])
        #expect(Self.outline(article.sections[.symptoms]?.items ?? []).map(\.text.plainText) == ["Eyelid twitching", "Eye closing"])
    }

    /// An unclosed <strong> in a list item: the following items end up inside it.
    @Test func anUnclosedStrongInAnItemSwallowsNoItems() throws {
        let imported = try Self.importFixture("unclosed-strong-item.html")
        let article = imported.article
        #expect(Self.outline(article.sections[.symptoms]?.items ?? []).map(\.text) == ["Eyelid twitching", "Eye closing"])
        #expect(imported.warnings.contains { $0.message.contains("was repaired") }, "\(imported.warnings)")
        #expect(Self.outline(article.sections[.causes]?.items ?? []).map { $0.text.plainText } == [
            "Blood vessel: presses on the nerve.", "Tumours: growths near the nerve.", "Brainstem problems", "Facial nerve damage",
        ])
        #expect(article.sections[.causes]?.items.dropFirst(2).first?.children.map(\.text.en) == ["Multiple sclerosis", "Stroke"])
    }

    struct PageFixture: Sendable, CustomTestStringConvertible {
        var name: String
        /// Why this page loses items today, when it does.
        var knownIssue: String?
        var testDescription: String { name }
    }

    static let pageFixtures = [
        PageFixture(name: "unclosed-tags.html"),
        PageFixture(name: "entities.html"),
        PageFixture(name: "dropped-elements.html"),
        PageFixture(name: "other-sections.html"),
        PageFixture(name: "wordpress-post.json"),
        PageFixture(name: "unclosed-strong-paragraph.html"),
        PageFixture(name: "unclosed-strong-item.html"),
        PageFixture(name: "references.html", knownIssue: "a reference without a web address is warned about but not kept: the article format holds addresses only"),
    ]

    /// Every `<li>` of the page is somewhere in the article: a list item or a reference.
    @Test(arguments: pageFixtures)
    func noListItemIsLost(fixture: PageFixture) throws {
        let text = try String(contentsOfFile: Self.fixture(fixture.name), encoding: .utf8)
        let article = try Self.importFixture(fixture.name).article
        let tags = Self.listItemTags(in: text)
        #expect(tags > 0)
        withKnownIssue(Comment(rawValue: fixture.knownIssue ?? "")) {
            #expect(Self.itemCount(article) + article.references.count == tags)
        } when: {
            fixture.knownIssue != nil
        }
    }

    @Test func theSamplesPageLosesNoListItem() throws {
        let html = ArticleHTML.page(Sample.article)
        let article = try Self.importPage(html).article
        #expect(Self.itemCount(article) + article.references.count == Self.listItemTags(in: html))
    }

    @Test func aReferenceWithoutALinkIsNotDroppedSilently() throws {
        let imported = try Self.importFixture("references.html")
        #expect(imported.article.references.map(\.url)
            == ["https://www.ninds.nih.gov/health-information", "https://rarediseases.info.nih.gov/diseases"])
        #expect(imported.article.disclaimer.en == "This guide is for education only.")
        let kept = imported.article.allTexts.contains { $0.en.contains("Hemifacial spasm in adults") }
        let warned = imported.warnings.contains { $0.location?.line == 11 }
        #expect(kept || warned, "\(imported.warnings)")
    }

    /// On the site, the list of references follows the disclaimer with no heading of its own.
    @Test func theSitesUnheadedReferenceListIsReferences() throws {
        let sample = Sample.article
        let imported = try Self.importPage(ArticleHTML.page(sample, referencesHeading: false))
        // Nothing is lost: the links are kept, one way or the other.
        let kept = imported.article.references.map(\.url)
            + imported.article.otherSections.flatMap(\.items).map(\.text.en)
        #expect(kept == sample.references.map(\.url))
        #expect(imported.article.references.map(\.url) == sample.references.map(\.url))
        #expect(imported.article.otherSections.isEmpty)
    }

    /// WordPress themes use HTML5 elements libxml2 2.9 does not know; nothing is repaired there.
    @Test func html5ElementsAreNotReportedAsRepairs() throws {
        let sample = Sample.article
        let html = ArticleHTML.page(sample)
            .replacingOccurrences(of: "<div class=\"entry-content\">", with: "<main><article class=\"post\"><section>")
            .replacingOccurrences(of: "</div>\n</body>", with: "</section></article></main>\n</body>")
        let imported = try Self.importPage(html)
        Self.expectSameEnglish(imported.article, sample, titles: { ArticleHTML.heading(for: $0, in: sample) })
        #expect(!Self.expectGeneralWarningSigns(imported).contains { $0.message.contains("repaired") }, "\(imported.warnings)")
    }

    // MARK: 5. Headings that fit no section are kept

    @Test func anUnknownHeadingIsKeptAsAGeneralSection() throws {
        let imported = try Self.importFixture("other-sections.html")
        let article = imported.article
        #expect(Self.outline(article.sections[.symptoms]?.items ?? []).map(\.text) == ["Eyelid twitching"])
        #expect(article.otherSections.map { $0.title?.en } == ["Support for families", "Doctor visit helper"])
        let ask = try #require(article.otherSections.first)
        #expect(ask.intro.map(\.en) == ["Write your symptom story.", "A health professional reviews it before any answer."])
        #expect(Self.outline(ask.items) == [
            Outline(text: "When it started", children: []),
            Outline(text: "What makes it worse", children: [Outline(text: "Stress", children: []), Outline(text: "Tiredness", children: [])]),
        ])
        #expect(ask.numbered == false)
        let helper = try #require(article.otherSections.last)
        #expect(helper.intro.map(\.en) == ["Prepare before seeing a doctor."])
        #expect(Self.outline(helper.items).map(\.text) == ["Bring old prescriptions", "Bring a family member"])
        #expect(helper.numbered == true)
        // A recognised heading after them still ends them.
        #expect(article.conclusion.map(\.en) == ["See a qualified doctor."])
        let kept = imported.warnings.filter { $0.message.contains("it is kept as a general section") }
        #expect(kept.map { $0.location?.line } == [9, 21], "\(imported.warnings)")
        #expect(kept.first?.message.contains("'Support for families'") == true)
        // The site's helper gave none of its parts anything, so there is nothing of it to review.
        #expect(article.doctorVisit == nil && !article.toReview.contains { $0.part == "doctor_visit" })

        // The article file keeps them too.
        var complete = article
        complete.warningSigns.items = [LocalizedText(en: "Sudden weakness of the face.", bn: nil)]
        complete.disclaimer = LocalizedText(en: "For education only.", bn: nil)
        let loaded = try ArticleLoader.load(data: Data(ArticleWriter.yaml(complete).utf8), file: "other.yaml").article
        Self.expectSameEnglish(loaded, complete)
    }

    /// HTML5 pages put a section's heading in its own <header> and an urgent box in an
    /// <aside>: those are the article's; the site's banner header and sidebar are not.
    @Test func sectionHeadersAndUrgentAsidesAreTheArticles() throws {
        let html = """
        <html><head><link rel="canonical" href="\(Self.sampleURL)"></head><body>
        <header role="banner"><h2>The Health Site tagline</h2><nav><a href="/">Home</a></nav></header>
        <main><article><h1>Hemifacial spasm</h1>
        <section><header><h2>Symptoms</h2></header><p>One side of the face twitches.</p>
        <aside class="callout callout--urgent"><h3>Go to hospital now if:</h3><ul><li>your face droops suddenly</li></ul></aside>
        <p>It usually starts near the eye.</p></section>
        </article></main>
        <aside class="sidebar"><h2>Popular articles</h2><ul><li><a href="/a">Acne</a></li></ul></aside>
        </body></html>
        """
        let article = try Self.importPage(html).article
        #expect(article.sections[.symptoms]?.outline == [
            "p: One side of the face twitches.", "box urgent: Go to hospital now if:", "  - your face droops suddenly",
            "p: It usually starts near the eye.",
        ])
        #expect(article.warningSigns.items.map(\.en) == ["your face droops suddenly"])
        #expect(!article.allTexts.contains { $0.en.contains("tagline") || $0.en.contains("Acne") || $0.en.contains("Popular") })
    }

    /// Recovery and diet headings get sections of their own (the recovery and nutrition
    /// guides are made from them); living with it stays its own; in English and Bangla.
    @Test func recoveryDietAndLivingWithHeadingsGetTheirOwnSections() throws {
        let html = Self.page("""
        <main><article><h1>Hemifacial spasm</h1>
        <h2>Recovery after surgery</h2><p>Most people go home within a week.</p>
        <h2>Diet and nutrition</h2><p>No special diet is known to help.</p>
        <h2>Living with hemifacial spasm</h2><p>Rest when you are tired.</p>
        </article></main>
        """)
        let article = try Self.importPage(html).article
        #expect(article.sections[.recovery]?.outline == ["p: Most people go home within a week."])
        #expect(article.sections[.diet]?.outline == ["p: No special diet is known to help."])
        #expect(article.sections[.livingWith]?.outline == ["p: Rest when you are tired."])
        #expect(article.otherSections.isEmpty, "\(article.otherSections.map { $0.title?.en ?? "" })")

        let bangla = try Self.importPage(Self.page("""
        <main><article><h1>হেমিফেসিয়াল স্প্যাজম</h1>
        <h2>সেরে ওঠা</h2><p>বেশিরভাগ মানুষ এক সপ্তাহের মধ্যে বাড়ি যান।</p>
        <h2>খাদ্য ও পুষ্টি</h2><p>বিশেষ কোনো খাবার জানা নেই।</p>
        </article></main>
        """)).article
        #expect(bangla.sections[.recovery] != nil && bangla.sections[.diet] != nil,
                "\(bangla.otherSections.map { $0.title?.en ?? "" })")
    }

    // MARK: 6. Pages a review found losing text

    static func page(_ body: String, head: String = "") -> String {
        "<html><head><link rel=\"canonical\" href=\"\(sampleURL)\">\(head)</head><body>\(body)</body></html>"
    }

    /// The article's own heading protects what holds it from chrome rules (a "with-sidebar"
    /// wrapper); the logo's <h1> and the site's name in the title tag do not become the title.
    @Test func theArticleInsideASidebarLayoutKeepsItsTextAndTitle() throws {
        let html = Self.page("""
            <header class="site-header"><h1>MyHealth</h1><nav><a href="/">Home</a></nav></header>
            <div class="wrapper with-sidebar"><div class="primary"><h1>Dengue fever</h1>
            <p>Dengue is spread by mosquitoes.</p><h2>Symptoms</h2><p>High fever and body pain.</p></div>
            <aside class="sidebar"><h3>Popular</h3><p>Other things to read.</p></aside></div>
            """, head: "<title>MyHealth - Dengue fever</title>")
        let article = try Self.importPage(html).article
        #expect(article.title.en == "Dengue fever")
        #expect(article.definition.map(\.en) == ["Dengue is spread by mosquitoes."])
        #expect(article.sections[.symptoms]?.outline == ["p: High fever and body pain."])
        #expect(!article.allTexts.contains { $0.en.contains("Other things") || $0.en.contains("MyHealth") })
    }

    /// A standfirst in the article's <header>, and an introduction in a <div> beside the body.
    @Test func anIntroductionBesideTheBodyIsKept() throws {
        let body = (1...10).map { "<p>Body paragraph \($0) about the rash and the fever.</p>" }.joined()
        let html = Self.page("""
            <main><article><header><h1>Measles</h1><p class="standfirst">Measles spreads very easily.</p></header>
            <div class="intro"><p>Most children recover in ten days.</p></div><div class="body"><h2>Symptoms</h2>\(body)</div>
            </article></main>
            """)
        let article = try Self.importPage(html).article
        #expect(article.definition.map(\.en) == ["Measles spreads very easily.", "Most children recover in ten days."])
        #expect(article.sections[.symptoms]?.blocks.count == 10)
    }

    /// Cells whose text is in paragraphs, a dose before its timing, a picture as a list item,
    /// an urgent box that is a plain <aside>, and a Bangla warning box.
    @Test func cellsDosesPicturesAndUrgentBoxesKeepTheirWords() throws {
        let html = Self.page("""
            <h1>Asthma</h1><h2>Treatment</h2>
            <table><tr><th>Inhaler</th><th>When</th></tr><tr><td><p>Blue reliever</p></td><td><p>When you have symptoms.</p></td></tr></table>
            <ul><li>500 mg<p><strong>every 4 to 6 hours</strong></p></li>
            <li><figure><img alt="A blue inhaler"><figcaption>Keep it with you.</figcaption></figure></li></ul>
            <aside><h3>Call 999 if your child:</h3><ul><li>is struggling to breathe</li></ul></aside>
            <div class="warning-box"><h3>এখনই হাসপাতালে যান যদি:</h3><ul><li>ঠোঁট নীল হয়ে যায়</li></ul></div>
            """)
        let article = try Self.importPage(html).article
        #expect(article.sections[.treatments]?.outline == [
            "table: Inhaler | When", "  Blue reliever | When you have symptoms.",
            "- 500 mg", "  p: **every 4 to 6 hours**", "- A blue inhaler Keep it with you.",
            "box urgent: Call 999 if your child:", "  - is struggling to breathe",
            "box urgent: এখনই হাসপাতালে যান যদি:", "  - ঠোঁট নীল হয়ে যায়",
        ])
        #expect(article.warningSigns.items.map(\.en) == ["is struggling to breathe"])
    }

    /// NHS's current care cards: a heading container and a content block inside the card
    /// are parts of one box, not boxes themselves.
    @Test func aCareCardWithItsPartsIsOneBox() throws {
        let html = Self.page("""
            <h1>Chickenpox</h1><h2>Symptoms</h2><p>Spots appear.</p>
            <div class="nhsuk-card nhsuk-card--care nhsuk-card--care--emergency"><div class="nhsuk-card--care__heading-container">
            <h3 class="nhsuk-card--care__heading">Call 999 if:</h3></div><div class="nhsuk-card__content">
            <ul><li>your child has a fit</li></ul></div></div>
            """)
        let article = try Self.importPage(html).article
        #expect(article.sections[.symptoms]?.outline == ["p: Spots appear.", "box urgent: Call 999 if:", "  - your child has a fit"])
        #expect(article.warningSigns.items.map(\.en) == ["your child has a fit"])
    }

    /// A disclaimer at the top does not make what follows it references.
    @Test func aDisclaimerAtTheTopSwallowsNothing() throws {
        let html = Self.page("""
            <h1>Scabies</h1><p><em>Disclaimer: general information only.</em></p>
            <p>Scabies is an itchy rash.</p><h2>Symptoms</h2><ul><li>itching at night</li></ul>
            """)
        let imported = try Self.importPage(html)
        #expect(imported.article.disclaimer.en == "general information only.")
        #expect(imported.article.definition.map(\.en) == ["Scabies is an itchy rash."])
        #expect(imported.article.references.isEmpty)
        #expect(!imported.warnings.contains { $0.message.contains("reference") })
    }

    /// An urgent box after an FAQ stays a box; a later question-like section heading of
    /// another level ends the FAQ.
    @Test func anUrgentBoxAfterAnFAQStaysABox() throws {
        let html = Self.page("""
            <h1>Fever</h1><h2>Symptoms</h2><p>A high temperature.</p>
            <h2>Frequently asked questions</h2><details><summary>Is it serious?</summary><p>Usually not.</p></details>
            <div class="callout callout--urgent"><h3>Call 999 if:</h3><ul><li>they have a fit</li></ul></div>
            <h2>When should I see a doctor?</h2><p>If it lasts more than 5 days.</p>
            """)
        let article = try Self.importPage(html).article
        #expect(article.faq.map(\.question.en) == ["Is it serious?"])
        #expect(article.faq.map(\.answer.en) == ["Usually not."])
        #expect(article.warningSigns.items.map(\.en) == ["they have a fit"])
        #expect(article.sections[.whenToGetHelp]?.outline == ["p: If it lasts more than 5 days."])
    }

    /// An FAQ whose questions are headings of its own level is one FAQ, not a section a question.
    @Test func faqQuestionsAsHeadingsStayInTheFAQ() throws {
        let questions = ["What causes it?", "Is it serious?", "How is it treated?"]
        let html = """
        <html><head><link rel="canonical" href="\(Self.sampleURL)"></head><body><h1>Hemifacial spasm</h1>
        <h2>Symptoms</h2><p>One side of the face twitches.</p>
        <h2>Frequently asked questions</h2>
        \(questions.map { "<h2>\($0)</h2><p>Answer to: \($0)</p><p>More on it.</p>" }.joined(separator: "\n"))
        <h2>Conclusion</h2><p>See a doctor.</p>
        </body></html>
        """
        let article = try Self.importPage(html).article
        #expect(article.faq.map(\.question.en) == questions)
        #expect(article.faq.map(\.answer.en) == questions.map { "Answer to: \($0) More on it." })
        #expect(article.otherSections.isEmpty && article.sections[.causes] == nil && article.sections[.treatments] == nil)
        #expect(article.conclusion.map(\.en) == ["See a doctor."])
    }

    @Test func aListBeforeAnyHeadingIsKept() throws {
        let html = """
        <html><head><link rel="canonical" href="\(Self.sampleURL)"></head><body><h1>Hemifacial spasm</h1>
        <p>It makes one side of the face twitch.</p>
        <ul><li>It is not contagious.</li><li>It is not dangerous.</li></ul>
        </body></html>
        """
        let imported = try Self.importPage(html)
        // The paragraph introduces the list: both stay together, in order.
        #expect(imported.article.definition.isEmpty)
        #expect(imported.article.otherSections.map { $0.title?.en } == ["About Hemifacial spasm"])
        #expect(imported.article.otherSections.first?.outline
            == ["p: It makes one side of the face twitch.", "- It is not contagious.", "- It is not dangerous."])
        #expect(imported.warnings.contains { $0.message.contains("'About Hemifacial spasm'") && $0.location?.line == 2 })
    }

    /// Article files nest lists at most three levels deep; a page may nest them deeper.
    @Test func aDeeplyNestedListImportsIntoAFileThatLoads() throws {
        let html = """
        <html><head><link rel="canonical" href="\(Self.sampleURL)"></head><body><h1>Hemifacial spasm</h1>
        <h2>Treatment Options for Hemifacial Spasm:</h2>
        <ol><li>Medicines<ul><li>Tablets<ul><li>Anti-seizure medicines<ul><li>Carbamazepine</li></ul></li></ul></li></ul></li></ol>
        </body></html>
        """
        var article = try Self.importPage(html).article
        #expect(Self.itemCount(article) == 4, "every item of the page is kept")
        article.warningSigns.items = [LocalizedText(en: "Sudden weakness of the face.", bn: nil)]
        article.disclaimer = LocalizedText(en: "For education only.", bn: nil)
        let yaml = ArticleWriter.yaml(article)
        let loaded = try ArticleLoader.load(data: Data(yaml.utf8), file: "deep.yaml")
        #expect(Self.itemCount(loaded.article) == 4)
    }

    // MARK: 6. Not a page at all

    /// Bytes from a fixed-seed generator: control characters, NULs, invalid UTF-8.
    static func junk(count: Int, seed: UInt64) -> Data {
        var state = seed
        return Data((0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        })
    }

    static let notPages: [(name: String, data: Data)] = [
        ("junk.bin", junk(count: 4096, seed: 1)),
        ("junk.html", junk(count: 300, seed: 7)),
        ("empty.html", Data()),
        ("nul.html", Data([0, 0, 0, 0])),
        ("broken.json", Data(#"{"title":"#.utf8)),
        ("no-content.json", Data(#"{"title": {"rendered": "Hemifacial spasm"}, "link": "https://rxharun.com/x/"}"#.utf8)),
    ]

    @Test(arguments: notPages.indices)
    func notAPageIsAClearError(index: Int) throws {
        let (name, data) = Self.notPages[index]
        do throws(DiagnosticError) {
            let imported = try PageImporter.importPage(data, file: name, url: "https://rxharun.com/x/")
            Issue.record("\(name) imported as '\(imported.article.title.en)'")
        } catch {
            #expect(error.diagnostics.count == 1)
            #expect(error.diagnostics.allSatisfy { $0.severity == .error && $0.location?.file == name }, "\(error)")
        }
        let path = try file(name, "")
        try data.write(to: URL(fileURLWithPath: path))
        let result = try handout(["import", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("\(path):1:1: error: "), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
    }

    @Test func brokenJSONSaysSo() throws {
        let error = #expect(throws: DiagnosticError.self) {
            try PageImporter.importPage(Data(#"{"title":"#.utf8), file: "post.json")
        }
        #expect(error?.description
            == "post.json:1:1: error: the JSON could not be read\n  hint: save the post from /wp-json/wp/v2/posts/ID as it comes")
    }

    @Test func aMissingPageIsNamed() throws {
        let result = try handout(["import", "pages/no-such-page.html"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no such file 'pages/no-such-page.html'"), "\(result.stderr)")
    }
}
