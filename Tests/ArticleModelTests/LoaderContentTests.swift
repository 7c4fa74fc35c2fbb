// What a good article file loads into: optional Bangla, NFC text, and the sample article.
import Diagnostics
import Foundation
import Testing
@testable import ArticleModel

@Suite("Article loader content")
struct LoaderContentTests {
    // MARK: 10. Bangla may be missing

    @Test func absentBanglaLoadsAsNil() throws {
        var text = try Fixture.minimal(replacing: "  bn: হেমিফেসিয়াল স্প্যাজম\n", with: "")
        text = try Fixture.edit(text, replacing: "      bn: হঠাৎ মুখ দুর্বল হয়ে যাওয়া\n", with: "")
        let article = try Fixture.article(text)
        #expect(article.title.en == "Hemifacial spasm")
        #expect(article.title.bn == nil)
        #expect(article.title[.bn] == nil)
        #expect(article.title[.en] == "Hemifacial spasm")
        #expect(article.warningSigns.items.first?.bn == nil)
        #expect(article.disclaimer.bn == "চিকিৎসা পরামর্শ নয়।")
    }

    @Test(arguments: ["\"\"", "\"   \"", "", "~", "null"])
    func emptyBanglaLoadsAsNil(value: String) throws {
        let text = try Fixture.minimal(replacing: "  bn: হেমিফেসিয়াল স্প্যাজম", with: "  bn: \(value)")
        let article = try Fixture.article(text)
        #expect(article.title.bn == nil)
        #expect(article.title.en == "Hemifacial spasm")
    }

    @Test func banglaOfWrongTypeIsStillAnError() throws {
        let text = try Fixture.minimal(replacing: "  bn: হেমিফেসিয়াল স্প্যাজম", with: "  bn: [a, b]")
        expectOneError(Fixture.failures(text), line: 7, column: 7, message: ["expected text", "found a list"],
                       subject: "title.bn")
    }

    @Test func textIsTrimmedAndWhiteSpaceCollapsed() throws {
        let text = try Fixture.minimal(replacing: "  en: Not medical advice.\n",
                                       with: "  en: |\n    Not medical\n      advice.\n")
        let article = try Fixture.article(text)
        #expect(article.disclaimer.en == "Not medical advice.")
    }

    @Test func loadedTextRemembersItsPathAndPlace() throws {
        let article = try Fixture.article(Fixture.minimal)
        #expect(article.title.path == "title")
        #expect(article.title.location == SourceLocation(file: Fixture.file, line: 6, column: 3))
        #expect(article.warningSigns.items.first?.path == "warning_signs.items[0]")
        #expect(article.warningSigns.items.first?.location?.line == 13)
    }

    // MARK: 11. NFC

    /// Loads the minimal article with `bn` as the title's Bangla and returns that text.
    func loadedTitle(bn: String) throws -> String {
        let text = try Fixture.minimal(replacing: "  bn: হেমিফেসিয়াল স্প্যাজম", with: "  bn: \"\(bn)\"")
        return try #require(try Fixture.article(text).title.bn)
    }

    @Test func banglaVowelSignsAreComposed() throws {
        // "কোন": the o-sign written as one code point (U+09CB) or as e-sign + aa-sign (U+09C7 U+09BE).
        let composed = "\u{0995}\u{09CB}\u{09A8}"
        let decomposed = "\u{0995}\u{09C7}\u{09BE}\u{09A8}"
        let a = try loadedTitle(bn: composed)
        let b = try loadedTitle(bn: decomposed)
        #expect(Array(a.unicodeScalars) == Array(b.unicodeScalars))
        #expect(Array(a.unicodeScalars) == Array(composed.unicodeScalars))
        #expect(a.unicodeScalars.count == 3)
    }

    @Test func banglaNuktaLettersAreCanonical() throws {
        // "য়" is U+09DF, or U+09AF U+09BC; NFC keeps the decomposed pair (a composition exclusion).
        let precomposed = "\u{09AE}\u{09BE}\u{09DF}\u{09C7}"
        let pair = "\u{09AE}\u{09BE}\u{09AF}\u{09BC}\u{09C7}"
        let a = try loadedTitle(bn: precomposed)
        let b = try loadedTitle(bn: pair)
        #expect(Array(a.unicodeScalars) == Array(b.unicodeScalars))
        #expect(Array(a.unicodeScalars) == Array(pair.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func englishIsComposedToo() throws {
        let text = try Fixture.minimal(replacing: "  en: Hemifacial spasm", with: "  en: \"Spasme he\u{0301}mifacial\"")
        let article = try Fixture.article(text)
        #expect(Array(article.title.en.unicodeScalars) == Array("Spasme h\u{00E9}mifacial".unicodeScalars))
    }

    @Test func listItemsAndFieldValuesAreNFC() throws {
        let text = Fixture.minimal + """
            causes:
              items:
                - en: Cause
                  bn: "\u{0995}\u{09C7}\u{09BE}\u{09A8}"

            """
        let article = try Fixture.article(text)
        let bn = try #require(article.sections[.causes]?.firstList?.items.first?.text.bn)
        #expect(Array(bn.unicodeScalars) == ["\u{0995}", "\u{09CB}", "\u{09A8}"])
    }

    // MARK: 12. The sample article

    static let samplePath = repositoryRoot.appendingPathComponent("articles/hemifacial-spasm.yaml").path

    @Test func sampleArticleLoadsWithNoDiagnostics() throws {
        let (article, warnings) = try ArticleLoader.load(path: Self.samplePath)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(article.metadata.slug == "hemifacial-spasm")
        #expect(article.metadata.siteAddress == "rxharun.com")
        let reviewed = try #require(article.metadata.lastReviewed), next = try #require(article.metadata.nextReview)
        #expect(reviewed < next)
        #expect(article.title.en == "Hemifacial spasm")
    }

    @Test func sampleArticleHasItsParts() throws {
        let article = try ArticleLoader.load(path: Self.samplePath).article
        #expect(article.roadmap?.steps.count == 5)
        #expect(!article.warningSigns.items.isEmpty)
        #expect(article.diaryPrompts.count >= 6)
        #expect(!article.references.isEmpty)
        #expect(article.references.allSatisfy { $0.url.hasPrefix("https://") && $0.location != nil })
        #expect(!article.summary.isEmpty)
        #expect(!article.keyTakeaways.isEmpty)
        #expect(!article.faq.isEmpty)
        #expect(Set(article.diaryPrompts.map(\.kind)).count > 1)
        // The seven listed sections of the site's pages (the sample has none of the later kinds).
        for kind in [SectionKind.types, .causes, .symptoms, .diagnosticTests, .treatments, .drugs, .surgery] {
            #expect(article.sections[kind]?.firstList?.items.isEmpty == false, "section \(kind.rawValue)")
        }
    }

    @Test func everySampleTextHasBangla() throws {
        let article = try ArticleLoader.load(path: Self.samplePath).article
        let texts = article.allTexts
        #expect(texts.count > 100)
        for text in texts {
            #expect(text.bn?.isEmpty == false, "no Bangla at \(text.path): \(text.en)")
            #expect(!text.en.isEmpty, "no English at \(text.path)")
        }
    }

    @Test func sampleTextsAreNFCAndCollapsed() throws {
        let article = try ArticleLoader.load(path: Self.samplePath).article
        for text in article.allTexts {
            for string in [text.en, text.bn ?? ""] {
                #expect(Array(string.unicodeScalars) == Array(string.precomposedStringWithCanonicalMapping.unicodeScalars))
                #expect(!string.contains("\n") && !string.contains("  "), "\(text.path)")
            }
        }
    }
}
