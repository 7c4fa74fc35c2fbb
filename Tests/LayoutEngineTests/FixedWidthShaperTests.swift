// The fake shaper the layout tests rely on: if it were wrong, every other test would be.
import Testing
import LayoutEngine
import TestSupport

@Suite struct FixedWidthShaperTests {
    func texts(_ shaped: any ShapedText) -> [String] {
        let scalars = Array(shaped.text.plainText.unicodeScalars)
        return shaped.lines.map { line in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[line.scalars])
            return String(view)
        }
    }

    @Test func wrapsGreedilyAndKeepsTrailingSpacesOnTheLine() {
        let shaper = FixedWidthShaper()
        // 5 pt per character: "aaa bb" is 30 pt, "aaa bb cccc" would be 55 pt.
        let shaped = shaper.shape(StyledText("aaa bb cccc d", style: .body()), width: 50)
        #expect(texts(shaped) == ["aaa bb ", "cccc d"])
        #expect(shaped.lines.map(\.width) == [30, 30])
        #expect(shaped.diagnostics.isEmpty)
    }

    @Test func wordThatFillsTheLineExactlyFits() {
        let shaped = FixedWidthShaper().shape(StyledText(words("A", lines: 3, width: 100), style: .body()), width: 100)
        #expect(texts(shaped).map { $0.filter { $0 != " " && $0 != "~" } } == ["A0", "A1", "A2"])
        #expect(shaped.lines.map(\.width) == [100, 100, 100])
    }

    @Test func wordWiderThanTheLineStaysWholeOnItsOwnLine() {
        let shaped = FixedWidthShaper().shape(StyledText("ab abcdefghij cd", style: .body()), width: 30)
        #expect(texts(shaped) == ["ab ", "abcdefghij ", "cd"])
        #expect(shaped.lines.map(\.width) == [10, 50, 10])
    }

    @Test func offsetsCountUnicodeScalarsAndWidthsCountCharacters() {
        // "é" written as e + combining acute is one character of two scalars.
        let shaped = FixedWidthShaper().shape(StyledText("e\u{301}e\u{301} xy", style: .body()), width: 10)
        #expect(shaped.lines.map(\.scalars) == [0..<5, 5..<7])
        #expect(shaped.lines.map(\.width) == [10, 10])
    }

    @Test func emptyTextIsOneEmptyLine() {
        let shaped = FixedWidthShaper().shape(StyledText("", style: .body()), width: 100)
        #expect(shaped.lines == [ShapedLine(width: 0, scalars: 0..<0)])
    }
}
