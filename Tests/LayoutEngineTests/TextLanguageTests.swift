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
