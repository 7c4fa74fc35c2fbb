// Light inline emphasis: **bold**, *italic*, _italic_; a marker never closed stays literal.
import Testing
@testable import ArticleModel

@Suite("Inline runs")
struct InlineRunsTests {
    @Test func plainTextIsOneRun() {
        #expect(inlineRuns("Take the tablets after food.") == [InlineRun("Take the tablets after food.")])
        #expect(inlineRuns("").isEmpty)
    }

    @Test func bold() {
        #expect(inlineRuns("Go **now** to hospital") ==
                [InlineRun("Go "), InlineRun("now", bold: true), InlineRun(" to hospital")])
        #expect(inlineRuns("**Stop**") == [InlineRun("Stop", bold: true)])
    }

    @Test(arguments: ["*", "_"])
    func italic(marker: String) {
        #expect(inlineRuns("an \(marker)MRI\(marker) scan") ==
                [InlineRun("an "), InlineRun("MRI", italic: true), InlineRun(" scan")])
    }

    @Test func italicInsideBold() {
        #expect(inlineRuns("**do not *ever* stop**") ==
                [InlineRun("do not ", bold: true), InlineRun("ever", bold: true, italic: true),
                 InlineRun(" stop", bold: true)])
    }

    @Test func boldInsideItalic() {
        #expect(inlineRuns("_see a **doctor** soon_") ==
                [InlineRun("see a ", italic: true), InlineRun("doctor", bold: true, italic: true),
                 InlineRun(" soon", italic: true)])
        #expect(inlineRuns("*a **b** c*") ==
                [InlineRun("a ", italic: true), InlineRun("b", bold: true, italic: true), InlineRun(" c", italic: true)])
    }

    @Test func tripleMarkersAreBoldAndItalic() {
        #expect(inlineRuns("***urgent***") == [InlineRun("urgent", bold: true, italic: true)])
    }

    @Test func severalSpans() {
        #expect(inlineRuns("**Botox** helps *most* people, _not_ all") == [
            InlineRun("Botox", bold: true), InlineRun(" helps "), InlineRun("most", italic: true),
            InlineRun(" people, "), InlineRun("not", italic: true), InlineRun(" all"),
        ])
    }

    @Test func banglaWithEmphasis() {
        #expect(inlineRuns("এখনই **হাসপাতালে** যান") ==
                [InlineRun("এখনই "), InlineRun("হাসপাতালে", bold: true), InlineRun(" যান")])
    }

    /// Markers with no partner are kept as they are: the text reads the same, nothing lost.
    @Test(arguments: ["2 * 3 = 6", "a_b", "file_name.txt", "5 * 4 and 3 _ 2", "dose: 1 tablet *", "_", "*"])
    func unpairedSingleMarkersStayLiteral(text: String) {
        #expect(inlineRuns(text).map(\.text).joined() == text)
        #expect(inlineRuns(text).allSatisfy { !$0.bold && !$0.italic })
        #expect(text.plainText == text)
    }

    @Test func unclosedItalicAfterAPairStaysLiteral() {
        let runs = inlineRuns("*one* and *two")
        #expect(runs == [InlineRun("one", italic: true), InlineRun(" and *two")])
        // The joined text is the input minus only the paired markers.
        #expect(runs.map(\.text).joined() == "one and *two")
    }

    @Test(arguments: [
        ("**bold", "**bold"),
        ("see **here", "see **here"),
        ("**", "**"),
        ("**a** and **b", "a and **b"),
    ])
    func unclosedBoldStaysLiteral(text: String, plain: String) {
        #expect(inlineRuns(text).map(\.text).joined() == plain)
        #expect(text.plainText == plain)
    }

    @Test func italicClosesOnlyWithItsOwnMarker() {
        #expect(inlineRuns("*snake_case names*") == [InlineRun("snake_case names", italic: true)])
        #expect("*snake_case names*".plainText == "snake_case names")
        #expect(inlineRuns("_a*b_") == [InlineRun("a*b", italic: true)])
    }

    @Test func plainTextDropsOnlyPairedMarkers() {
        #expect("**Go now**, *or* call _999_".plainText == "Go now, or call 999")
        #expect("no markup".plainText == "no markup")
        #expect("2 * 3".plainText == "2 * 3")
    }
}
