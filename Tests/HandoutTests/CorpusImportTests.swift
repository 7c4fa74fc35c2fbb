// `handout import` on real pages written by others (../shared/corpora/articles: NHS pages
// as HTML and as a WordPress post, an NIH page) and on full pages with a site's chrome
// (Fixtures/import/pages): each imports, validates with no error once a disclaimer is
// added, and renders; every section's words come back from pdftotext in the source's
// order (the longest in-order match, against the NHS content API's JSON and the NIH XML
// as the truth of what each page says); no chrome comes in; urgent boxes are callouts.
import Foundation
import HandoutKit
import TestSupport
import Testing

@Suite struct CorpusImportTests {
    static let corpus = Sample.root.deletingLastPathComponent().appendingPathComponent("shared/corpora/articles")
    static let pages = Sample.root.appendingPathComponent("Tests/HandoutTests/Fixtures/import/pages")

    /// A real page and where its true text is.
    struct RealPage: CustomTestStringConvertible, Sendable {
        var page: String
        var truth: String
        var testDescription: String { page }
    }

    static let realPages = [
        RealPage(page: "nhs-html/conditions-achalasia.html", truth: "nhs-json/conditions-achalasia.json"),
        RealPage(page: "nhs-html/conditions-acne.html", truth: "nhs-json/conditions-acne.json"),
        RealPage(page: "nhs-html/contraception-condoms.html", truth: "nhs-json/contraception-condoms.json"),
        RealPage(page: "nhs-html/medicines-aciclovir.html", truth: "nhs-json/medicines-aciclovir.json"),
        RealPage(page: "wordpress-rest/conditions-achalasia.json", truth: "nhs-json/conditions-achalasia.json"),
        RealPage(page: "medquad/niddk-what-i-need-to-know-about-diarrhea.html",
                 truth: "medquad/niddk-what-i-need-to-know-about-diarrhea.xml"),
    ]

    static let chromePages = ["rx-seed-structure", "health-portal-migraine", "wordpress-blog-dengue", "nhs-style-news-chrome"]

    // MARK: Importing, validating, rendering

    struct Imported {
        var imported: ImportedPage
        var article: Article
        /// What pdftotext reads from the English handout, as words.
        var printed: [String]
    }

    /// Imports the page, adds a disclaimer as an editor would, writes the article file,
    /// validates it with the command, loads it back and renders the English handout.
    static func importAndRender(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Imported {
        let data = try #require(FileManager.default.contents(atPath: path), "missing \(path)", sourceLocation: sourceLocation)
        let imported = try PageImporter.importPage(data, file: path)
        var article = imported.article
        #expect(article.disclaimer.en.isEmpty || path.contains("rx-seed"), "only the site's pages carry a disclaimer",
                sourceLocation: sourceLocation)
        if article.disclaimer.en.isEmpty { article.disclaimer.en = "This is general information, not a substitute for a doctor." }
        let folder = Sample.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(article.metadata.slug).yaml")
        try Data(ArticleWriter.yaml(article).utf8).write(to: file)
        let validate = try Sample.run(CommandLineTests.executable, ["validate", file.path], directory: Sample.root)
        #expect(validate.status == 0 && !validate.stdout.contains(": error: "), "\(validate.stdout)\(validate.stderr)",
                sourceLocation: sourceLocation)
        let loaded = try ArticleLoader.load(path: file.path).article
        let rendered = try Sample.withPublisher {
            try $0.render(loaded, options: RenderOptions(document: .handout, mode: .en, paper: .a4))
        }
        let pdf = folder.appendingPathComponent("handout.pdf")
        try rendered.pdf.write(to: pdf)
        let text = try Sample.run("pdftotext", ["-enc", "UTF-8", pdf.path, "-"]).stdout
        return Imported(imported: imported, article: loaded, printed: Self.words(text))
    }

    // MARK: Words in order

    /// Lowercase runs of letters, marks and digits: what both sides agree a word is. Bangla
    /// is compared character by character (scalars): where pdftotext puts a space inside
    /// a Bangla word is issue 17's business, not the importer's.
    static func words(_ text: String) -> [String] {
        let isWordPart = { (c: Character) in c.isLetter || c.isNumber || c.unicodeScalars.contains { $0.properties.generalCategory == .spacingMark || $0.properties.generalCategory == .nonspacingMark } }
        return text.precomposedStringWithCanonicalMapping.lowercased().split { !isWordPart($0) }.flatMap { word -> [String] in
            word.unicodeScalars.contains { (0x0980...0x09FF).contains($0.value) } ? word.unicodeScalars.map(String.init) : [String(word)]
        }
    }

    /// How many of `source`'s words appear in `printed` in the same order (the longest
    /// common subsequence), as a share of `source`.
    static func inOrder(_ source: [String], in printed: [String]) -> Double {
        guard !source.isEmpty else { return 1 }
        var previous = [Int](repeating: 0, count: printed.count + 1)
        for word in source {
            var current = [Int](repeating: 0, count: printed.count + 1)
            for (index, other) in printed.enumerated() {
                current[index + 1] = word == other ? previous[index] + 1 : max(previous[index + 1], current[index])
            }
            previous = current
        }
        return Double(previous[printed.count]) / Double(source.count)
    }

    /// The visible text of an HTML fragment.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&nbsp;", " "), ("&#x27;", "'"), ("&#39;", "'"), ("&quot;", "\""),
                                    ("&lt;", "<"), ("&gt;", ">"), ("&#8217;", "’"), ("&#8211;", "–")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// Each section of the page as its source states it: the NHS content API's parts
    /// (heading, then each element's heading and text), or the NIH question-answer pairs.
    static func truthSections(_ path: String) throws -> [(name: String, words: [String])] {
        let data = try #require(FileManager.default.contents(atPath: path))
        if path.hasSuffix(".xml") {
            let xml = String(decoding: data, as: UTF8.self)
            return xml.matches(of: /<QAPair[^>]*>([\s\S]*?)<\/QAPair>/).map { pair in
                let question = pair.output.1.firstMatch(of: /<Question[^>]*>([\s\S]*?)<\/Question>/)?.output.1 ?? ""
                let answer = pair.output.1.firstMatch(of: /<Answer>([\s\S]*?)<\/Answer>/)?.output.1 ?? ""
                return (String(question), words(visibleText(String(question) + " " + String(answer))))
            }
        }
        // The API gives a page's sections as `mainEntityOfPage` ("section heading" parts) or,
        // for medicines, as `hasPart`; the other `mainEntityOfPage` parts are link menus.
        let page = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let main = ((page["mainEntityOfPage"] as? [[String: Any]]) ?? [])
            .filter { ["section heading", "lead paragraph"].contains($0["name"] as? String ?? "") }
        let parts = main.isEmpty ? (page["hasPart"] as? [[String: Any]]) ?? [] : main
        return parts.map { part in
            let headline = part["headline"] as? String ?? ""
            let elements = (part["hasPart"] as? [[String: Any]]) ?? (part["mainEntityOfPage"] as? [[String: Any]]) ?? []
            let text = elements.map { ($0["headline"] as? String ?? "") + " " + ($0["text"] as? String ?? "") }.joined(separator: " ")
            let own = part["text"] as? String ?? ""   // a lead paragraph is a part with text of its own
            return (headline.isEmpty ? "(opening)" : headline, words(visibleText(headline + " " + own + " " + text)))
        }.filter { !$0.words.isEmpty }
    }

    // MARK: Real pages

    @Test(arguments: realPages)
    func everySectionComesBackInTheSourcesOrder(page: RealPage) throws {
        let result = try Self.importAndRender(Self.corpus.appendingPathComponent(page.page).path)
        let sections = try Self.truthSections(Self.corpus.appendingPathComponent(page.truth).path)
        #expect(sections.count >= 3)
        for section in sections {
            let share = Self.inOrder(section.words, in: result.printed)
            #expect(share >= 0.99, "\(page.page), section '\(section.name)': \(Int(share * 1000) / 10)% of \(section.words.count) words in order")
        }
        // No list item is empty (the loader would refuse one) and nothing is left blank.
        #expect(result.article.allTexts.allSatisfy { !$0.en.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    @Test(arguments: realPages)
    func theDateIsThePagesOwn(page: RealPage) throws {
        let path = Self.corpus.appendingPathComponent(page.page).path
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let stated = source.firstMatch(of: /article:modified_time" content="(\d{4}-\d{2}-\d{2})/)?.output.1
            ?? source.firstMatch(of: /"modified": "(\d{4}-\d{2}-\d{2})/)?.output.1
        let imported = try PageImporter.importPage(Data(source.utf8), file: path)
        #expect(imported.article.metadata.lastReviewed.map { "\($0)" } == stated.map(String.init),
                "a page with no date gets none, never the day of the import")
    }

    /// Every NHS care card that says to get help urgently is an urgent callout, and the
    /// first one's list is proposed as the warning signs, for an editor to confirm.
    @Test(arguments: realPages.filter { $0.page.hasPrefix("nhs-html") })
    func urgentBoxesAreCallouts(page: RealPage) throws {
        let path = Self.corpus.appendingPathComponent(page.page).path
        let source = try String(contentsOfFile: path, encoding: .utf8)
        let cards = source.matches(of: /care-card--(urgent|immediate)"/).count
        let article = try PageImporter.importPage(Data(source.utf8), file: path).article
        let urgent = article.allSections.flatMap(\.blocks).filter { if case .callout(let box) = $0 { box.kind == .urgent } else { false } }
        #expect(urgent.count == cards)
        let review = article.toReview.first { $0.part == "warning_signs" }
        if cards > 0 {
            #expect(review?.source.contains("urgent box") == true, "\(article.toReview)")
        } else {
            #expect(review?.source.contains("general signs") == true, "\(article.toReview)")
        }
    }

    // MARK: Full pages with chrome

    /// What a correct import of a test page holds (its `.expected.json`).
    struct Expected: Decodable {
        struct Urgent: Decodable { var title: String?; var items: [String] }
        struct FAQ: Decodable { var question: String; var answer: String }
        var title: String
        var last_reviewed: String?
        var canonical_url: String
        var article_text: [String]
        var chrome: [String]
        var urgent_callouts: [Urgent]
        var faq: [FAQ]
    }

    /// The site's headings of parts the documents title with their own labels.
    static let ownWords: Set = ["Article Summary", "Key Takeaways", "Definition", "Conclusion:", "Medicine safety and first-aid guide",
                                "OTC medicine safety", "Rural patient practical tips", "Frequently Asked Questions", "Frequently asked questions"]

    static func expected(_ name: String) throws -> Expected {
        let data = try #require(FileManager.default.contents(atPath: pages.appendingPathComponent("\(name).expected.json").path))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    @Test(arguments: chromePages)
    func aFullPageImportsTheArticleAndOnlyIt(name: String) throws {
        let expected = try Self.expected(name)
        let result = try Self.importAndRender(Self.pages.appendingPathComponent("\(name).html").path)
        let article = result.article
        #expect(article.title.en == expected.title)
        #expect(article.metadata.canonicalURL == expected.canonical_url)
        #expect(article.metadata.lastReviewed.map { "\($0)" } == expected.last_reviewed)
        // Every piece of the article's text is printed, its words in order; headings of the
        // parts a handout titles in its own words ("In short", "To sum up") are not expected.
        for text in expected.article_text where !Self.ownWords.contains(text) {
            let text = text.hasPrefix("Disclaimer: ") ? String(text.dropFirst(12)) : text
            let share = Self.inOrder(Self.words(text), in: result.printed)
            #expect(share >= 0.99, "\(name): '\(text.prefix(60))' \(Int(share * 100))% in order")
        }
        // None of the chrome came in.
        let imported = article.allTexts.map { $0.en.plainText.lowercased() }.joined(separator: "\n")
        let chrome = expected.chrome.filter { imported.contains($0.lowercased()) }
        #expect(chrome.isEmpty, "\(name): chrome was imported: \(chrome)")
        // Each urgent box is an urgent callout with its items.
        let urgent = article.allSections.flatMap(\.blocks).compactMap { block -> Callout? in
            if case .callout(let box) = block, box.kind == .urgent { return box }
            return nil
        }
        // Each expected urgent box is one callout, titled as on the page, holding its list
        // directly (not boxes inside boxes); the first one's list is proposed as the signs.
        for box in expected.urgent_callouts where !name.hasPrefix("rx-") {
            let match = urgent.first { callout in
                callout.blocks.contains { if case .list(let list) = $0 { list.items.map(\.text.en.plainText) == box.items } else { false } }
            }
            #expect(match != nil, "\(name): urgent box '\(box.title ?? "")' is not a callout holding its list")
            if let title = box.title { #expect(match?.title?.en.plainText == title, "\(name): \(String(describing: match?.title))") }
        }
        if let first = expected.urgent_callouts.first, !name.hasPrefix("rx-") {
            #expect(article.warningSigns.items.map(\.en.plainText) == first.items, "\(name): the first urgent box is the warning signs")
            #expect(article.toReview.contains { $0.part == "warning_signs" && $0.source.contains("urgent box") })
        }
        #expect(article.faq.map(\.question.en.plainText) == expected.faq.map(\.question))
        #expect(article.faq.map(\.answer.en.plainText) == expected.faq.map(\.answer))
    }

    /// A page of the site in its WordPress markup: each patient-tool block fills its own
    /// part of the article (marked for review), so the checklist, roadmap and card print them.
    @Test func theSitesToolBlocksFillTheirParts() throws {
        struct Parts: Decodable {
            struct Signs: Decodable { var intro: String; var items: [String] }
            struct Visit: Decodable { var which_doctor: String; var tell_doctor, questions, tests, mistakes: [String] }
            struct Safety: Decodable { var intro: String; var first_steps, medicines, mistakes, urgent_help: [String]; var note: String }
            struct Step: Decodable { var title: String; var text: String }
            struct Roadmap: Decodable { var steps: [Step]; var tips: [String] }
            var summary: [String]
            var key_takeaways: [String]
            var warning_signs: Signs
            var doctor_visit: Visit
            var medicine_safety: Safety
            var roadmap: Roadmap
        }
        struct File: Decodable { var parts: Parts }
        let data = try #require(FileManager.default.contents(atPath: Self.pages.appendingPathComponent("rx-seed-structure.expected.json").path))
        let parts = try JSONDecoder().decode(File.self, from: data).parts
        let path = Self.pages.appendingPathComponent("rx-seed-structure.html").path
        let article = try PageImporter.importPage(try #require(FileManager.default.contents(atPath: path)), file: path).article
        let plain = { (texts: [LocalizedText]) in texts.map(\.en.plainText) }
        #expect(plain(article.summary) == parts.summary)
        #expect(plain(article.keyTakeaways) == parts.key_takeaways)
        #expect(article.warningSigns.intro?.en.plainText == parts.warning_signs.intro)
        #expect(plain(article.warningSigns.items) == parts.warning_signs.items)
        let visit = try #require(article.doctorVisit)
        #expect(visit.whichDoctor?.en.plainText == parts.doctor_visit.which_doctor)
        #expect(plain(visit.tellDoctor) == parts.doctor_visit.tell_doctor)
        #expect(plain(visit.questions) == parts.doctor_visit.questions)
        #expect(plain(visit.tests) == parts.doctor_visit.tests)
        #expect(plain(visit.mistakes) == parts.doctor_visit.mistakes)
        let safety = try #require(article.medicineSafety)
        #expect(safety.intro?.en.plainText == parts.medicine_safety.intro)
        #expect(plain(safety.firstSteps) == parts.medicine_safety.first_steps)
        #expect(plain(safety.medicines) == parts.medicine_safety.medicines)
        #expect(plain(safety.mistakes) == parts.medicine_safety.mistakes)
        #expect(plain(safety.urgentHelp) == parts.medicine_safety.urgent_help)
        #expect(safety.note?.en.plainText == parts.medicine_safety.note)
        let roadmap = try #require(article.roadmap)
        #expect(plain(roadmap.steps.map(\.title)) == parts.roadmap.steps.map(\.title))
        #expect(plain(roadmap.steps.map(\.text)) == parts.roadmap.steps.map(\.text))
        #expect(plain(roadmap.tips) == parts.roadmap.tips)
        #expect(Set(article.toReview.map(\.part))
            == ["summary", "key_takeaways", "warning_signs", "doctor_visit", "medicine_safety", "roadmap"])
        #expect(article.toReview.allSatisfy { $0.source.contains("rx-seed-structure.html, line ") })

        // The documents print them: the checklist its questions, the roadmap its five steps,
        // the card its warning signs.
        for (document, texts) in [(DocumentKind.checklist, parts.doctor_visit.questions),
                                  (.roadmap, parts.roadmap.steps.map(\.title)), (.card, parts.warning_signs.items)] {
            var complete = article
            complete.disclaimer.en = "For education only."
            let rendered = try Sample.withPublisher { try $0.render(complete, options: RenderOptions(document: document, mode: .en, paper: .a4)) }
            let file = Sample.temporaryDirectory.appendingPathComponent("rx-\(document.rawValue).pdf")
            try rendered.pdf.write(to: file)
            let printed = Self.words(try Sample.run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).stdout)
            for text in texts {
                #expect(Self.inOrder(Self.words(text), in: printed) == 1, "\(document.rawValue) lacks '\(text)'")
            }
        }
    }

    /// The metric itself: it finds words in order, and misses words out of order.
    @Test func theInOrderMeasureCountsOnlyWordsInOrder() {
        #expect(Self.inOrder(["a", "b", "c"], in: ["x", "a", "y", "b", "c"]) == 1)
        #expect(Self.inOrder(["a", "b", "c", "d"], in: ["c", "d", "a", "b"]) == 0.5)
        #expect(Self.inOrder(["a", "b"], in: []) == 0)
    }
}
