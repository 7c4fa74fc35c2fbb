// A paragraph's language is what its runs declare, never read off its letters.
import LayoutEngine
import Testing

@Suite struct TextLanguageTests {
    let style = ParagraphStyle(size: 12)

    @Test func aParagraphHasTheLanguageItsRunsDeclare() {
        let bangla = StyledText([TextRun("জ্বর ", language: "bn"), TextRun("MRI", bold: true, language: "bn")], style: style)
        #expect(bangla.language == "bn", "Latin letters in a Bangla run are Bangla text")
        let englishLetters = StyledText([TextRun("জ্বর হলে", language: "en")], style: style)
        #expect(englishLetters.language == "en", "Bangla letters under English stay English")
    }

    @Test func aLineInTwoLanguagesOrNoneHasNoneOfItsOwn() {
        let label = StyledText([TextRun("Date", language: "en"), TextRun(" / "), TextRun("তারিখ", language: "bn")], style: style)
        #expect(label.language == nil)
        #expect(StyledText([TextRun("•")], style: style).language == nil)
        #expect(StyledText([TextRun("১.", language: "bn"), TextRun(" ")], style: style).language == "bn")
    }
}

/// Layout places each web address's clickable area itself: over its stretch of the line,
/// the line's whole height, so drawing only paints what it is given.
@Suite struct LinkPlacementTests {
    @Test func aLinkCoversItsStretchOfTheLineAtTheLinesHeight() throws {
        let style = ParagraphStyle(size: 10, lineHeight: 1.5)
        let text = StyledText([TextRun("Read "), TextRun("site.org", link: "https://site.org"), TextRun(" now")], style: style)
        let page = try #require(layout([.text(text)]).pages.first)
        let links = page.items.compactMap { item -> (Rect, String)? in
            if case let .link(rect, url) = item { return (rect, url) }
            return nil
        }
        #expect(links.count == 1)
        #expect(links.first?.1 == "https://site.org")
        // The body starts at (10, 30); "Read " is 5 characters of 5 pt.
        #expect(links.first?.0 == Rect(x: 10 + 5 * 5, y: 30, width: 8 * 5, height: 15))
    }
}
