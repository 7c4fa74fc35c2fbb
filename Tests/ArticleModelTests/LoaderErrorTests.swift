// Each bad article input gets one clear error: the exact place (file, line, column),
// a message that says what was expected, and a hint on how to fix it.
import Diagnostics
import Foundation
import Testing
@testable import ArticleModel

@Suite("Article loader errors")
struct LoaderErrorTests {
    @Test func minimalFixtureLoadsCleanly() throws {
        let article = try Fixture.article(Fixture.minimal)
        #expect(article.metadata.slug == "hemifacial-spasm")
        #expect(article.title.en == "Hemifacial spasm")
        #expect(article.warningSigns.items.count == 1)
    }

    // MARK: 1. Malformed YAML

    @Test func tabInIndentationIsMalformedYAMLAtTheTab() throws {
        let text = try Fixture.minimal(replacing: "  en: Hemifacial spasm", with: "\ten: Hemifacial spasm")
        expectOneError(Fixture.failures(text), line: 6, column: 1, message: ["a tab in the indentation"], hint: "spaces")
    }

    /// libyaml finds this one while still reading the line above, and named that line.
    @Test func aTabAfterAValueIsNamedAtTheTabNotTheLineBefore() throws {
        let text = try Fixture.minimal(replacing: "  bn: হেমিফেসিয়াল", with: "\tbn: হেমিফেসিয়াল")
        expectOneError(Fixture.failures(text), line: 7, column: 1, message: ["a tab in the indentation"], hint: "spaces")
    }

    @Test func badIndentationIsMalformedYAMLOnItsLine() throws {
        // `bn` is indented one space deeper than its sibling `en`.
        let text = try Fixture.minimal(replacing: "  bn: হেমিফেসিয়াল", with: "   bn: হেমিফেসিয়াল")
        let colon = try Fixture.place(of: ":", in: "   bn: হেমিফেসিয়াল")
        #expect(colon.column == 6)
        expectOneError(Fixture.failures(text), line: 7, column: colon.column, message: ["malformed YAML"])
    }

    @Test func unclosedQuoteIsMalformedYAML() throws {
        let text = try Fixture.minimal(replacing: "  en: Hemifacial spasm", with: "  en: \"Hemifacial spasm")
        let errors = Fixture.failures(text)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.severity == .error)
        #expect(error.message.contains("malformed YAML"))
        #expect(error.message.contains("quoted scalar"))
        #expect(error.hint != nil)
        #expect(error.location?.file == Fixture.file)
        // The quote opens on line 6, column 7. The scanner only notices at the end of the file,
        // but the error is reported where the quote opened.
        let quote = try Fixture.place(of: "\"Hemifacial", in: text)
        #expect(quote == (6, 7))
        #expect(error.location?.line == quote.line)
        #expect(error.location?.column == quote.column)
    }

    @Test func duplicateKeyIsNamed() throws {
        let text = Fixture.minimal + "slug: another-slug\n"
        let errors = Fixture.failures(text)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.severity == .error)
        #expect(error.message.contains("'slug'"))
        #expect(error.message.contains("twice"))
        #expect(error.hint != nil)
        withKnownIssue("a duplicated key is reported at the start of its mapping (1:1), not at the second key") {
            #expect(error.location == SourceLocation(file: Fixture.file, line: 15, column: 1))
        }
    }

    // MARK: 2. Unknown top-level fields

    @Test func misspeltOptionalTopLevelFieldSuggestsTheRightName() throws {
        let text = Fixture.minimal + "sumary:\n  en: In short.\n"
        let place = try Fixture.place(of: "sumary", in: text)
        #expect(place == (15, 1))
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["unknown field 'sumary'"], hint: "did you mean 'summary'?", subject: .some(nil))
    }

    @Test func misspeltWarningSignsIsAnErrorAtTheKey() throws {
        let text = try Fixture.minimal(replacing: "warning_signs:", with: "warnng_signs:")
        let errors = Fixture.failures(text)
        let unknown = try #require(errors.first { $0.message.contains("unknown field") })
        expectError(unknown, line: 11, column: 1, message: ["unknown field 'warnng_signs'"],
                    hint: "did you mean 'warning_signs'?", subject: .some(nil))
        #expect(errors.count == 1, "\(errors)")
    }

    @Test func unknownFieldIndentedUnderTitleIsAtItsKey() throws {
        let text = try Fixture.minimal(replacing: "  bn: হেমিফেসিয়াল স্প্যাজম\n",
                                       with: "  bn: হেমিফেসিয়াল স্প্যাজম\n  fr: Spasme hémifacial\n")
        expectOneError(Fixture.failures(text), line: 8, column: 3, message: ["unknown field 'fr'"],
                       subject: "title")
    }

    // MARK: 3. Unknown field inside a nested section item

    /// A `causes` section whose second item is `second` (its lines after "- ").
    static func causes(second: String) -> String {
        """
        causes:
          items:
            - en: A blood vessel pressing on the facial nerve
              bn: মুখের স্নায়ুর ওপর রক্তনালির চাপ
            - \(second)

        """
    }

    @Test func unknownFieldInNestedItemHasPlaceAndSubject() throws {
        let text = Fixture.minimal + Self.causes(second: "en: A tumour (rare)\n      note: ask about MRI")
        let place = try Fixture.place(of: "note:", in: text)
        #expect(place == (20, 7))
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["unknown field 'note'"], subject: "causes.items[1]")
    }

    @Test func misspeltEnInNestedItemSuggestsEn() throws {
        let text = Fixture.minimal + Self.causes(second: "eng: A tumour (rare)\n      bn: টিউমার (বিরল)")
        let place = try Fixture.place(of: "eng:", in: text)
        #expect(place == (19, 7))
        let errors = Fixture.failures(text)
        let unknown = try #require(errors.first { $0.message.contains("unknown field") })
        expectError(unknown, line: place.line, column: place.column, message: ["unknown field 'eng'"],
                    hint: "did you mean 'en'?", subject: "causes.items[1]")
        #expect(errors.count == 1, "\(errors)")
    }

    @Test func unknownFieldInDeeplyNestedItemHasFullPath() throws {
        let text = Fixture.minimal + """
            symptoms:
              items:
                - en: Twitching
                  items:
                    - en: Around the eye
                    - en: In the cheek
                      colour: red

            """
        let place = try Fixture.place(of: "colour:", in: text)
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["unknown field 'colour'"], subject: "symptoms.items[0].items[1]")
    }

    // MARK: 4. Wrong types

    @Test func listWhereTitleFieldsBelong() throws {
        let text = try Fixture.minimal(replacing: "title:\n  en: Hemifacial spasm\n  bn: হেমিফেসিয়াল স্প্যাজম\n",
                                       with: "title: [a, b]\n")
        let place = try Fixture.place(of: "[a, b]", in: text)
        #expect(place == (5, 8))
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["expected fields", "found a list"], subject: "title")
    }

    @Test func listWhereTextBelongs() throws {
        let text = try Fixture.minimal(replacing: "  en: Hemifacial spasm", with: "  en: [a, b]")
        expectOneError(Fixture.failures(text), line: 6, column: 7,
                       message: ["expected text", "found a list"], subject: "title.en")
    }

    @Test func textWhereAListBelongs() throws {
        let text = Fixture.minimal + "key_takeaways: hello\n"
        let place = try Fixture.place(of: "hello", in: text)
        #expect(place == (15, 16))
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["expected a list", "found text"], subject: "key_takeaways")
    }

    @Test func mappingWhereListItemTextBelongs() throws {
        let text = Fixture.minimal + """
            causes:
              items:
                - en: {text: A blood vessel}

            """
        let place = try Fixture.place(of: "{text", in: text)
        #expect(place == (17, 11))
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["expected text", "found a set of fields"], subject: "causes.items[0].en")
    }

    @Test func mappingWhereAReferenceBelongs() throws {
        let text = Fixture.minimal + """
            references:
              - https://www.ninds.nih.gov/
              - {url: https://www.nei.nih.gov/}

            """
        let place = try Fixture.place(of: "{url", in: text)
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["expected text", "found a set of fields"], subject: "references[1]")
    }

    @Test func plainTextWhereAListItemBelongs() throws {
        let text = Fixture.minimal + """
            key_takeaways:
              - It affects one side of the face.

            """
        let place = try Fixture.place(of: "It affects", in: text)
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["expected fields", "found text"], subject: "key_takeaways[0]")
    }

    @Test func emptyEnglishIsAnError() throws {
        let text = try Fixture.minimal(replacing: "  en: Not medical advice.", with: "  en: \"  \"")
        expectOneError(Fixture.failures(text), line: 9, column: 7, message: ["English text is empty"],
                       subject: "disclaimer.en")
    }

    // MARK: 5. Missing required parts

    @Test(arguments: [
        ("title", "title:\n  en: Hemifacial spasm\n  bn: হেমিফেসিয়াল স্প্যাজম\n"),
        ("disclaimer", "disclaimer:\n  en: Not medical advice.\n  bn: চিকিৎসা পরামর্শ নয়।\n"),
        ("warning_signs", "warning_signs:\n  items:\n    - en: Sudden weakness of the face\n      bn: হঠাৎ মুখ দুর্বল হয়ে যাওয়া\n"),
        ("version", "version: \"1.0\"\n"),
        ("slug", "slug: hemifacial-spasm\n"),
    ])
    func missingRequiredFieldIsNamed(field: String, removed: String) throws {
        let text = try Fixture.minimal(replacing: removed, with: "")
        let error = expectOneError(Fixture.failures(text), line: 1, column: 1,
                                   message: ["missing required field '\(field)'"], hint: "add '\(field):'",
                                   subject: .some(nil))
        #expect(error?.description.contains(field) == true)
    }

    @Test func emptyWarningSignsListIsAnError() throws {
        let text = try Fixture.minimal(
            replacing: "  items:\n    - en: Sudden weakness of the face\n      bn: হঠাৎ মুখ দুর্বল হয়ে যাওয়া\n",
            with: "  items: []\n")
        let place = try Fixture.place(of: "[]", in: text)
        #expect(place == (12, 10))
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["warning signs", "empty"], subject: "warning_signs.items")
    }

    @Test func warningSignsWithoutItemsIsAnError() throws {
        let text = try Fixture.minimal(
            replacing: "  items:\n    - en: Sudden weakness of the face\n      bn: হঠাৎ মুখ দুর্বল হয়ে যাওয়া\n",
            with: "  intro: {en: Go to hospital now.}\n")
        expectOneError(Fixture.failures(text), line: 12, column: 3, message: ["missing required field 'items'"],
                       subject: "warning_signs")
    }

    @Test func warningSignsItemsLeftBlankIsAnError() throws {
        let text = try Fixture.minimal(
            replacing: "  items:\n    - en: Sudden weakness of the face\n      bn: হঠাৎ মুখ দুর্বল হয়ে যাওয়া\n",
            with: "  items:\n")
        // A blank value is an empty scalar placed where the next token starts (the end of the file).
        let errors = Fixture.failures(text)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.severity == .error)
        #expect(error.message.contains("expected a list"))
        #expect(error.subject == "warning_signs.items")
        #expect(error.hint != nil)
    }

    // MARK: 6. Every error in one run

    @Test func everyErrorInTheFileIsReported() throws {
        var text = try Fixture.minimal(replacing: "slug: hemifacial-spasm", with: "slug: Hemifacial Spasm")
        text = try Fixture.edit(text, replacing: "last_reviewed: 2025-04-14", with: "last_reviewed: 2025-13-01")
        text = try Fixture.edit(text, replacing: "  en: Not medical advice.", with: "  en: [Not medical advice.]")
        text += """
            sumary:
              en: In short.
            causes:
              items:
                - en: A blood vessel pressing on the facial nerve
                  note: ask about MRI

            """
        let errors = Fixture.failures(text)
        #expect(errors.count == 5, "\(errors)")
        #expect(errors.allSatisfy { $0.severity == .error && $0.hint != nil })
        let places = errors.compactMap(\.location).map { "\($0.line):\($0.column)" }
        #expect(Set(places) == ["1:7", "3:16", "9:7", "15:1", "20:7"])
    }

    /// When a required part (metadata, title, disclaimer, warning signs) is broken, the
    /// optional parts must still be checked, so one run reports every error.
    @Test(arguments: [
        ("title:\n  en: Hemifacial spasm\n  bn: হেমিফেসিয়াল স্প্যাজম\n", "", "missing required field 'title'"),
        ("slug: hemifacial-spasm", "slug: Hemifacial Spasm", "slug 'Hemifacial Spasm'"),
        ("last_reviewed: 2025-04-14", "last_reviewed: yesterday", "'yesterday' is not a date"),
    ])
    func errorsInOptionalPartsAreReportedWhenARequiredPartIsBroken(old: String, new: String, requiredError: String) throws {
        let text = try Fixture.minimal(replacing: old, with: new) + """
            key_takeaways: hello
            references:
              - not a web address
            faq:
              - question: {en: Is it contagious?}

            """
        let errors = Fixture.failures(text)
        #expect(errors.contains { $0.message.contains(requiredError) })
        #expect(errors.count == 4, "\(errors)")
        #expect(errors.contains { $0.subject == "key_takeaways" && $0.message.contains("expected a list") })
        #expect(errors.contains { $0.subject == "references[0]" && $0.message.contains("not a web address") })
        #expect(errors.contains { $0.subject == "faq[0]" && $0.message.contains("'answer'") })
    }

    // MARK: 7. Invalid UTF-8

    @Test func invalidUTF8IsReportedAtTheBadByte() throws {
        let before = "  en: Not "
        let text = try Fixture.minimal(replacing: "  en: Not medical", with: "\(before)\u{1}medical")
        var data = Data(text.utf8)
        let index = try #require(data.firstIndex(of: 0x01))
        data[index] = 0xFF
        let place = try Fixture.place(of: "\u{1}", in: text)
        #expect(place == (9, before.count + 1))
        let error = expectOneError(Fixture.failures(data), line: place.line, column: place.column,
                                   message: ["UTF-8"], hint: "UTF-8")
        #expect(error?.subject == nil)
    }

    @Test func invalidUTF8OnTheFirstLine() throws {
        var data = Data([0xFF])
        data.append(Data(Fixture.minimal.utf8))
        expectOneError(Fixture.failures(data), line: 1, column: 1, message: ["not valid UTF-8"], hint: "UTF-8")
    }

    @Test func truncatedUTF8SequenceAtEndOfFile() throws {
        var data = Data(Fixture.minimal.utf8)
        data.append(contentsOf: [0x61, 0xE0, 0xA6]) // "a" then the first two bytes of a Bangla letter
        expectOneError(Fixture.failures(data), line: 15, column: 2, message: ["not valid UTF-8"], hint: "UTF-8")
    }

    @Test func invalidUTF8AfterBanglaCountsCharacters() throws {
        // "চিকিৎসা" is 4 characters but 7 Unicode scalars.
        let prefix = "  bn: চিকিৎসা "
        #expect(prefix.count == 11 && prefix.unicodeScalars.count == 14)
        let text = try Fixture.minimal(replacing: "  bn: চিকিৎসা পরামর্শ", with: "\(prefix)\u{1}পরামর্শ")
        var data = Data(text.utf8)
        data[try #require(data.firstIndex(of: 0x01))] = 0xFF
        let errors = Fixture.failures(data)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location?.line == 10)
        #expect(error.location?.column == prefix.count + 1)
    }

    @Test func yamlColumnsAfterBanglaCountCharacters() throws {
        let text = Fixture.minimal + "summary: {en: In short, bn: \"কাঁপুনি\", eng: x}\n"
        let place = try Fixture.place(of: "eng:", in: text)
        #expect(place == (15, 36))
        let errors = Fixture.failures(text)
        let error = try #require(errors.first)
        #expect(error.location?.line == 15)
        #expect(error.message.contains("unknown field 'eng'"))
        #expect(error.location?.column == place.column)
    }

    // MARK: 8. Missing and empty files

    @Test func missingFileIsNamed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID()).yaml").path
        do {
            _ = try ArticleLoader.load(path: path)
            Issue.record("loading a missing file succeeded")
        } catch {
            #expect(error.diagnostics.count == 1)
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.message.contains(path))
            #expect(diagnostic.hint != nil)
        }
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n"])
    func emptyFileIsAnError(text: String) throws {
        expectOneError(Fixture.failures(text), line: 1, column: 1, message: ["empty"])
    }

    @Test func loadingFromAPathNamesThatPathInErrors() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("article-\(UUID()).yaml")
        try Data((Fixture.minimal + "sumary: x\n").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try ArticleLoader.load(path: url.path)
            Issue.record("the article loaded, but an error was expected")
        } catch {
            expectOneError(error.diagnostics, line: 15, column: 1, file: url.path, message: ["unknown field 'sumary'"])
        }
    }

    // MARK: 9. Dates, web addresses, slugs

    @Test(arguments: ["2025-13-01", "yesterday", "2025-02-30", "2023-02-29", "2025-4-14", "14-04-2025", "2025-04-14T10:00"])
    func badDateIsAnError(date: String) throws {
        let text = try Fixture.minimal(replacing: "2025-04-14", with: date)
        let place = try Fixture.place(of: date, in: text)
        #expect(place == (3, 16))
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["'\(date)'", "not a date"], hint: "YYYY-MM-DD", subject: "last_reviewed")
    }

    @Test func badNextReviewDateIsAnError() throws {
        let text = Fixture.minimal + "next_review: soon\n"
        expectOneError(Fixture.failures(text), line: 15, column: 14, message: ["'soon'", "not a date"],
                       subject: "next_review")
    }

    @Test(arguments: ["rxharun.com/hemifacial-spasm/", "ftp://rxharun.com/x", "https://", "https://rx harun.com/", "mailto:a@b.org"])
    func badCanonicalURLIsAnError(url: String) throws {
        let text = try Fixture.minimal(replacing: "https://example.org/hemifacial-spasm/", with: url)
        expectOneError(Fixture.failures(text), line: 2, column: 16, message: ["'\(url)'", "not a web address"],
                       hint: "https://", subject: "canonical_url")
    }

    @Test func badReferenceIsAnErrorAtThatReference() throws {
        let text = Fixture.minimal + """
            references:
              - https://www.ninds.nih.gov/
              - www.nei.nih.gov
              - https://www.nidcd.nih.gov/health/

            """
        let place = try Fixture.place(of: "www.nei", in: text)
        #expect(place == (17, 5))
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["'www.nei.nih.gov'", "not a web address"], subject: "references[1]")
    }

    @Test(arguments: ["Hemifacial Spasm", "hemifacial_spasm", "-hemifacial", "হেমিফেসিয়াল", "\"\""])
    func badSlugIsAnError(slug: String) throws {
        let text = try Fixture.minimal(replacing: "slug: hemifacial-spasm", with: "slug: \(slug)")
        expectOneError(Fixture.failures(text), line: 1, column: 7, message: ["slug", "lowercase"], subject: "slug")
    }

    @Test(arguments: ["2025-01-01", "2025-04-14"])
    func nextReviewNotAfterLastReviewedIsAnError(next: String) throws {
        let text = Fixture.minimal + "next_review: \(next)\n"
        let errors = Fixture.failures(text)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.severity == .error)
        #expect(error.location == SourceLocation(file: Fixture.file, line: 15, column: 14))
        #expect(error.message.contains("not after last_reviewed"))
        #expect(error.subject == "next_review")
        #expect(error.hint != nil)
    }

    @Test func nextReviewDefaultsToTwelveMonthsLater() throws {
        let article = try Fixture.article(Fixture.minimal)
        #expect(article.metadata.nextReview == CalendarDate(year: 2026, month: 4, day: 14))
        let later = try Fixture.article(Fixture.minimal + "next_review: 2025-10-01\n")
        #expect(later.metadata.nextReview == CalendarDate(year: 2025, month: 10, day: 1))
    }

    @Test func unknownDiaryPromptKindSuggestsOne() throws {
        let text = Fixture.minimal + """
            diary_prompts:
              - en: Did the eye close today?
                kind: yes_no

            """
        let place = try Fixture.place(of: "yes_no", in: text)
        expectOneError(Fixture.failures(text), line: place.line, column: place.column,
                       message: ["unknown diary prompt kind 'yes_no'"], hint: "did you mean 'yes-no'?",
                       subject: "diary_prompts[0].kind")
    }

    @Test func badNumberedFlagIsAnError() throws {
        let text = Fixture.minimal + "causes:\n  numbered: sometimes\n  items:\n    - en: A blood vessel\n"
        let errors = Fixture.failures(text)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location == SourceLocation(file: Fixture.file, line: 16, column: 13))
        #expect(error.message.contains("true or false"))
        #expect(error.subject == "causes.numbered")
    }
}
