// The second article format: a section's content as ordered blocks (paragraphs, lists
// whose items hold paragraphs and lists, sub-headings, callouts, tables, figures), read
// in order with every problem at its place; and ArticleWriter writing every part of the
// model so that the loader reads back the same article.
import Diagnostics
import Foundation
import Testing
@testable import ArticleModel

@Suite("Article format: blocks")
struct BlocksFormatTests {
    /// A symptoms section in the blocks format: text after a list, a box, a table, a picture.
    static let section = """
        symptoms:
          title: {en: Symptoms, bn: লক্ষণ}
          blocks:
            - paragraph: {en: "Most people have:", bn: "বেশিরভাগ মানুষের হয়:"}
            - list:
                numbered: false
                items:
                  - en: a twitching eyelid
                    bn: চোখের পাতা কাঁপা
                    blocks:
                      - paragraph: {en: It often starts here., bn: প্রায়ই এখান থেকে শুরু হয়।}
                      - list:
                          items:
                            - {en: lower lid, bn: নিচের পাতা}
                  - {en: a pulled mouth corner, bn: মুখের কোণ টেনে ধরা}
            - paragraph: {en: "If you have symptoms, you should:", bn: "লক্ষণ থাকলে:"}
            - heading: {en: In children, bn: শিশুদের ক্ষেত্রে}
            - callout:
                kind: urgent
                title: {en: "Call 999 if:", bn: "৯৯৯-এ ফোন করুন যদি:"}
                blocks:
                  - list:
                      numbered: false
                      items:
                        - {en: the face droops suddenly, bn: মুখ হঠাৎ ঝুলে পড়ে}
            - table:
                header: [{en: Sign, bn: লক্ষণ}, {en: What to do, bn: কী করবেন}]
                rows:
                  - [{en: Twitching, bn: কাঁপা}, {en: See a doctor, bn: ডাক্তার দেখান}]
            - figure:
                alt: {en: A face with a twitching eye, bn: চোখ কাঁপা একটি মুখ}
                caption: {en: It starts near the eye., bn: চোখের কাছে শুরু হয়।}

        """

    static func withSection(_ text: String = section) -> String { Fixture.minimal + text }

    @Test func blocksLoadInTheirOrder() throws {
        let article = try ArticleLoader.load(data: Data(Self.withSection().utf8), file: Fixture.file).article
        let blocks = try #require(article.sections[.symptoms]?.blocks)
        let kinds = blocks.map { block -> String in
            switch block {
            case .paragraph: "paragraph"
            case .list: "list"
            case .heading: "heading"
            case .callout: "callout"
            case .table: "table"
            case .figure: "figure"
            }
        }
        #expect(kinds == ["paragraph", "list", "paragraph", "heading", "callout", "table", "figure"])
        guard case .list(let list) = blocks[1], case .paragraph(let after) = blocks[2],
              case .callout(let box) = blocks[4], case .table(let table) = blocks[5] else {
            Issue.record("blocks of the wrong kinds")
            return
        }
        #expect(!list.numbered)
        #expect(list.items[0].blocks.count == 2, "the item's paragraph and its sub-list")
        #expect(list.items[0].children.map(\.text.en) == ["lower lid"])
        #expect(after.en == "If you have symptoms, you should:", "text after a list stays after it")
        #expect(after.path == "symptoms.blocks[2].paragraph")
        #expect(box.kind == .urgent && box.title?.bn == "৯৯৯-এ ফোন করুন যদি:")
        #expect(table.rows[0].map(\.en) == ["Twitching", "See a doctor"])
        #expect(article.allTexts.contains { $0.en == "It starts near the eye." })
    }

    // MARK: Errors, each at its place

    /// A broken section: what is changed in it, where the error must point, and what it must say.
    struct BrokenBlocks: Sendable, CustomTestStringConvertible {
        var old: String, new: String, at: String, message: String
        var hint: String? = nil, subject: String?? = .none
        var testDescription: String { message }
    }

    static let brokenBlocks: [BrokenBlocks] = [
        .init(old: "    - heading: {en: In children, bn: শিশুদের ক্ষেত্রে}", new: "    - heading: {en: In children}\n      paragraph: {en: Both}",
              at: "heading: {en: In children}", message: "a block has 2 kinds",
              hint: "one of paragraph, list, heading", subject: "symptoms.blocks[3]"),
        .init(old: "  blocks:\n    - paragraph: {en: \"Most", new: "  intro: {en: Old intro}\n  blocks:\n    - paragraph: {en: \"Most",
              at: "{en: Old intro}", message: "either blocks or intro"),
        .init(old: "- [{en: Twitching, bn: কাঁপা}, {en: See a doctor, bn: ডাক্তার দেখান}]", new: "- [{en: Twitching, bn: কাঁপা}]",
              at: "[{en: Twitching", message: "1 cells but the header has 2"),
        .init(old: "- paragraph: {en: It often starts here., bn: প্রায়ই এখান থেকে শুরু হয়।}", new: "- heading: {en: Not here}",
              at: "heading: {en: Not here}", message: "a list item holds only paragraphs and lists"),
    ]

    @Test("A broken block is one error at its place", arguments: brokenBlocks)
    func brokenBlock(_ broken: BrokenBlocks) throws {
        let text = Self.withSection(try Fixture.edit(Self.section, replacing: broken.old, with: broken.new))
        let place = try Fixture.place(of: broken.at, in: text)
        expectOneError(Fixture.failures(text), line: place.line, column: place.column, message: [broken.message],
                       hint: broken.hint, subject: broken.subject)
    }

    @Test func aMisspeltBlockIsNamedWithASuggestion() throws {
        let text = Self.withSection(try Fixture.edit(Self.section, replacing: "    - heading: {en: In children",
                                                     with: "    - haeding: {en: In children"))
        let place = try Fixture.place(of: "haeding", in: text)
        let error = expectOneError(Fixture.failures(text), line: place.line, column: place.column, message: ["haeding"])
        #expect(error?.hint?.contains("heading") == true)
    }

    @Test func anUnknownCalloutKindIsNamed() throws {
        let text = Self.withSection(try Fixture.edit(Self.section, replacing: "kind: urgent", with: "kind: urgnet"))
        let place = try Fixture.place(of: "urgnet", in: text)
        let error = expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                                   message: ["unknown callout kind 'urgnet'"])
        #expect(error?.hint == "did you mean 'urgent'?")
    }

    @Test func aReviewNoteNamesAPartOfTheArticle() throws {
        let text = Fixture.minimal + "to_review:\n  - part: docter_visit\n    source: the page's block\n"
        let place = try Fixture.place(of: "docter_visit", in: text)
        let error = expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                                   message: ["'docter_visit' is not a part"])
        #expect(error?.hint == "did you mean 'doctor_visit'?")
    }

    // MARK: Checks

    @Test func reviewNotesAndEmptyPartsAreWarned() throws {
        let text = Fixture.minimal + """
            causes:
              blocks:
                - heading: {en: Rare causes, bn: বিরল কারণ}
            other_sections:
              - title: {en: Nothing here, bn: এখানে কিছু নেই}
                blocks: []
            to_review:
              - part: warning_signs
                source: the page's urgent box 'Call 999 if' (page.html, line 40)

            """
        let article = try ArticleLoader.load(data: Data(text.utf8), file: Fixture.file).article
        let warnings = ArticleChecks.warnings(article, today: CalendarDate(year: 2025, month: 6, day: 1)!)
        let empty = warnings.filter { $0.rule == "empty-part" }
        #expect(empty.count == 2, "\(warnings)")
        #expect(empty.contains { $0.message.contains("'Rare causes' has nothing under it") })
        #expect(empty.contains { $0.message.contains("'Nothing here' prints nothing") })
        let review = try #require(warnings.first { $0.subject == "warning_signs" && $0.message.contains("urgent box") })
        #expect(review.hint?.contains("remove this entry from to_review") == true)
        #expect(review.location?.line == (try Fixture.place(of: "- part: warning_signs", in: text)).line)
    }

    @Test func aTranslationUnderTheWrongKeyIsWarned() throws {
        let text = try Fixture.minimal(replacing: "  en: Not medical advice.\n  bn: চিকিৎসা পরামর্শ নয়।",
                                       with: "  en: চিকিৎসা পরামর্শ নয়।\n  bn: Not medical advice.")
        let article = try ArticleLoader.load(data: Data(text.utf8), file: Fixture.file).article
        let found = ArticleChecks.warnings(article, today: CalendarDate(year: 2025, month: 6, day: 1)!).filter { $0.rule == "wrong-script" }
        #expect(found.map(\.message) == ["the English text is written in Bangla"], "one text, said once: \(found)")
        #expect(found.first?.subject == "disclaimer")
        // A Bangla sentence with an English term in it is fine.
        let mixed = try Fixture.minimal(replacing: "  bn: চিকিৎসা পরামর্শ নয়।", with: "  bn: এমআরআই (MRI) পরীক্ষা")
        let fine = try ArticleLoader.load(data: Data(mixed.utf8), file: Fixture.file).article
        #expect(ArticleChecks.warnings(fine, today: CalendarDate(year: 2025, month: 6, day: 1)!).allSatisfy { $0.rule != "wrong-script" })
    }

    @Test func aMissingReviewDateIsAskedFor() throws {
        let text = try Fixture.minimal(replacing: "last_reviewed: 2025-04-14\n", with: "")
        let article = try ArticleLoader.load(data: Data(text.utf8), file: Fixture.file).article
        #expect(article.metadata.lastReviewed == nil && article.metadata.nextReview == nil)
        let warning = ArticleChecks.warnings(article, today: CalendarDate(year: 2025, month: 6, day: 1)!)
            .first { $0.rule == "review-date" }
        #expect(warning?.message == "the article has no last_reviewed date")
        #expect(warning?.location?.line == 1)
    }

    // MARK: Writing every part back

    /// The article as data a test can compare: every text with its path, and each section's shape.
    static func contents(_ article: Article) -> [String] {
        article.allTexts.map { "\($0.path)=\($0.en)|\($0.bn ?? "")" }
            + article.allSections.map { "\($0.path): \($0.blocks.count) blocks" }
            + article.toReview.map { "\($0.part): \($0.source)" } + article.silenced.map { "\($0.rule): \($0.reason)" }
            + article.diaryPrompts.map(\.kind.rawValue) + ["\(String(describing: article.metadata.lastReviewed))"]
    }

    @Test(arguments: ["sample", "blocks"])
    func whatTheWriterWritesLoadsBackTheSame(which: String) throws {
        let original: Article
        if which == "sample" {
            original = try ArticleLoader.load(path: LoaderContentTests.samplePath).article
        } else {
            var article = try ArticleLoader.load(data: Data(Self.withSection().utf8), file: Fixture.file).article
            article.toReview = [ReviewNote(part: "roadmap", source: "the page's 'Care roadmap' block")]
            original = article
        }
        let yaml = ArticleWriter.yaml(original)
        let (reloaded, warnings) = try ArticleLoader.load(data: Data(yaml.utf8), file: "written.yaml")
        #expect(warnings.isEmpty, "\(warnings)")
        // The first format is written as blocks, so paths change; the texts, in order, do not.
        #expect(Self.contents(reloaded).map { $0.split(separator: "=").dropFirst().joined(separator: "=") }
            == Self.contents(original).map { $0.split(separator: "=").dropFirst().joined(separator: "=") })
        #expect(reloaded.roadmap?.steps.count == original.roadmap?.steps.count)
        #expect(reloaded.doctorVisit?.questions.map(\.en) == original.doctorVisit?.questions.map(\.en))
        #expect(reloaded.medicineSafety?.urgentHelp.map(\.en) == original.medicineSafety?.urgentHelp.map(\.en))
        #expect(reloaded.faq.map(\.answer.bn) == original.faq.map(\.answer.bn))
        #expect(reloaded.silenced.map(\.reason) == original.silenced.map(\.reason))
        // Written again, it is the same text: nothing drifts.
        #expect(ArticleWriter.yaml(reloaded) == yaml)
    }
}
