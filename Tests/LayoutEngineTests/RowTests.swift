// Rows: columns side by side (English beside Bangla) that start level and split together.
// With two equal columns and a 10 pt gap, each column is 45 pt wide: x 10 and x 65.
import Testing
import LayoutEngine

@Suite struct RowTests {
    @Test(arguments: [(3, 5), (5, 3)])
    func columnsStartLevelAndTheRowIsAsTallAsItsTallerColumn(left: Int, right: Int) {
        let result = layout([paragraph("F", lines: 2),
                             row([[paragraph("A", lines: left, width: 45)], [paragraph("B", lines: right, width: 45)]]),
                             paragraph("C", lines: 1)])
        let page = result.pages[0]

        #expect(page.line("A0")?.box.micro == Rect(x: 10, y: 50, width: 45, height: 10))
        #expect(page.line("B0")?.box.micro == Rect(x: 65, y: 50, width: 45, height: 10))
        let tops = { (tag: String) -> [Double] in page.lines.filter { $0.tag == tag }.map { $0.box.minY.micro } }
        let pitchFrom50 = { (count: Int) -> [Double] in (0..<count).map { 50 + 10 * Double($0) } }
        #expect(tops("A") == pitchFrom50(left))
        #expect(tops("B") == pitchFrom50(right))
        // The row is 50 pt tall whichever column is the taller.
        #expect(page.line("C0")?.box.micro == Rect(x: 10, y: 100, width: 100, height: 10))
    }

    @Test func rowSplitAcrossPagesContinuesBothColumnsLevel() {
        // 4 lines of room: A (8 lines) splits 4 + 4, B (5 lines) 3 + 2.
        let result = layout([paragraph("F", lines: 6),
                             row([[paragraph("A", lines: 8, width: 45)], [paragraph("B", lines: 5, width: 45)]]),
                             paragraph("C", lines: 2)])

        #expect(result.labelsByPage == [labels("F", 0..<6) + labels("A", 0..<4) + labels("B", 0..<3),
                                        labels("A", 4..<8) + labels("B", 3..<5) + labels("C", 0..<2)])
        let second = result.pages[1]
        #expect(second.line("A4")?.box.micro == Rect(x: 10, y: 30, width: 45, height: 10))
        #expect(second.line("B3")?.box.micro == Rect(x: 65, y: 30, width: 45, height: 10))
        // The next block starts below the taller column's rest (A: 40 pt).
        #expect(second.line("C0")?.box.minY.micro == 70)
    }

    @Test func nextBlockFollowsTheColumnThatRunsOnWhenTheOtherEndsOnTheFirstPage() {
        // B's 3 lines fit in the 4 lines of room; A (6 lines) splits 4 + 2.
        let result = layout([paragraph("F", lines: 6),
                             row([[paragraph("A", lines: 6, width: 45)], [paragraph("B", lines: 3, width: 45)]]),
                             paragraph("C", lines: 2)])

        #expect(result.labelsByPage == [labels("F", 0..<6) + labels("A", 0..<4) + labels("B", 0..<3),
                                        ["A4", "A5", "C0", "C1"]])
        #expect(result.pages[1].lineTops == [30, 40, 50, 60])
    }

    @Test func rowMovesWholeWhenOneColumnCannotSplit() {
        // 2 lines of room: B (4 lines) could split 2 + 2, but A (3 lines) cannot split.
        let result = layout([paragraph("F", lines: 8),
                             row([[paragraph("A", lines: 3, width: 45)], [paragraph("B", lines: 4, width: 45)]])])

        #expect(result.labelsByPage == [labels("F", 0..<8), labels("A", 0..<3) + labels("B", 0..<4)])
        #expect(result.pages[1].line("A0")?.box.minY.micro == 30)
        #expect(result.pages[1].line("B0")?.box.minY.micro == 30)
    }

    @Test func rowOfHeadingsStaysWithTheRowAfterIt() {
        // Room for the heading row and one line: the paragraph row may not split 1 + 3.
        let result = layout([paragraph("F", lines: 8),
                             row([[heading("H", width: 45)], [heading("G", width: 45)]]),
                             row([[paragraph("A", lines: 4, width: 45)], [paragraph("B", lines: 4, width: 45)]])])

        #expect(result.labelsByPage == [labels("F", 0..<8), ["H0", "G0"] + labels("A", 0..<4) + labels("B", 0..<4)])
        #expect(result.pages[1].line("G0")?.box.minY.micro == 30)
        #expect(result.pages[1].line("B0")?.box.minY.micro == 40)
    }

    @Test func columnsFollowTheirWeightsAndNeverOverlap() {
        // Weights 2 : 1 over 90 pt (100 less the gap): columns 60 and 30 pt wide, at x 10 and x 80.
        let left = Block.text(StyledText(prose(words: 150), style: .body()))
        let right = Block.text(StyledText(prose(words: 110, offset: 3), style: .body()))
        let result = layout([row([[left], [right]], weights: [2, 1])])

        #expect(result.pages.count > 1)
        for (number, page) in result.pages.enumerated() {
            let leftLines = page.lines.filter { $0.box.minX.micro == 10 }
            let rightLines = page.lines.filter { $0.box.minX.micro == 80 }
            #expect(leftLines.count + rightLines.count == page.lines.count, "page \(number + 1): a line at another x")
            #expect(leftLines.allSatisfy { $0.box.maxX <= 70 + 1e-9 }, "page \(number + 1)")
            #expect(rightLines.allSatisfy { $0.box.maxX <= 110 + 1e-9 }, "page \(number + 1)")
            #expect(page.lines.allSatisfy { page.body.contains($0.box) }, "page \(number + 1)")
            // Both columns start level on every page where both have lines.
            if let l = leftLines.first, let r = rightLines.first {
                #expect(l.box.minY.micro == r.box.minY.micro, "page \(number + 1)")
            }
        }
        // Every word of both columns is set once.
        let all = result.pages.flatMap(\.lines)
        #expect(all.filter { $0.box.minX.micro == 10 }.map(\.text).joined(separator: " ") == prose(words: 150))
        #expect(all.filter { $0.box.minX.micro == 80 }.map(\.text).joined(separator: " ") == prose(words: 110, offset: 3))
    }

    func row(_ columns: [[Block]], weights: [Double]? = nil, gap: Double = 10) -> Block {
        .row(RowBlock(columns: columns, weights: weights, gap: gap))
    }

    /// Words of 1 to 6 letters (each fits a 30 pt column), cycled.
    func prose(words count: Int, offset: Int = 0) -> String {
        let vocabulary = ["the", "facial", "nerve", "can", "twitch", "when", "a", "small", "vessel", "lies", "on", "it"]
        return (0..<count).map { vocabulary[($0 + offset) % vocabulary.count] }.joined(separator: " ")
    }
}
