// Callout boxes: split across pages as closed boxes, or moved whole when kept together.
// Standard box: 5 pt padding, so its content is 90 pt wide and 10 pt shorter than the box.
import Testing
import Diagnostics
import LayoutEngine

@Suite struct BoxTests {
    @Test func boxFitsWithItsContentInsideThePadding() {
        let result = layout([paragraph("F", lines: 2), box([paragraph("B", lines: 3, width: 90)], anchor: "note")])
        let page = result.pages[0]
        #expect(page.anchors.map(\.id) == ["note"])
        #expect(page.anchors[0].rect.micro == Rect(x: 10, y: 50, width: 100, height: 40))
        #expect(page.rects.map(\.micro) == [Rect(x: 10, y: 50, width: 100, height: 40)])
        #expect(page.line("B0")?.box.micro == Rect(x: 15, y: 55, width: 90, height: 10))
        #expect(page.lineTops == [30, 40, 55, 65, 75])
    }

    @Test func splittableBoxOverAPageBoundaryIsDrawnClosedOnBothPages() {
        // 5 lines of room (50 pt): the box takes 40 pt of content, 4 of its 8 lines.
        let result = layout([paragraph("F", lines: 5), box([paragraph("B", lines: 8, width: 90)], anchor: "warning")])

        #expect(result.labelsByPage == [labels("F", 0..<5) + labels("B", 0..<4), labels("B", 4..<8)])
        #expect(result.pages.map { $0.anchors.map(\.id) } == [["warning"], ["warning"]])
        let first = result.pages[0].anchors[0].rect, second = result.pages[1].anchors[0].rect
        #expect(first.micro == Rect(x: 10, y: 80, width: 100, height: 50))
        #expect(second.micro == Rect(x: 10, y: 30, width: 100, height: 50))
        for page in result.pages {
            #expect(page.anchors.allSatisfy { page.body.contains($0.rect) })
            // Each piece is one closed frame, the anchor's rectangle.
            #expect(page.rects.map(\.micro) == page.anchors.map(\.rect.micro))
        }
        #expect(result.pages[0].line("B0")?.box.micro == Rect(x: 15, y: 85, width: 90, height: 10))
        #expect(result.pages[1].lineTops == [35, 45, 55, 65])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func accentBarIsDrawnOnEveryPieceOfASplitBox() {
        let style = BoxStyle(padding: Insets(all: 5), fill: Color(red: 1, green: 1, blue: 0.8), stroke: .black,
                             accentBar: 3)
        let result = layout([paragraph("F", lines: 5),
                             .box(BoxBlock(content: [paragraph("B", lines: 8, width: 90)], style: style))])
        #expect(result.pages[0].rects.map(\.micro) == [Rect(x: 10, y: 80, width: 100, height: 50),
                                                       Rect(x: 10, y: 80, width: 3, height: 50)])
        #expect(result.pages[1].rects.map(\.micro) == [Rect(x: 10, y: 30, width: 100, height: 50),
                                                       Rect(x: 10, y: 30, width: 3, height: 50)])
        #expect(result.pages.allSatisfy { $0.anchors.isEmpty })
    }

    @Test func keepTogetherBoxThatDoesNotFitMovesWholeToTheNextPage() {
        // The box is 50 pt tall; 40 pt are left below the filler.
        let result = layout([paragraph("F", lines: 6),
                             box([paragraph("B", lines: 4, width: 90)], anchor: "kept", keepTogether: true)])

        #expect(result.labelsByPage == [labels("F", 0..<6), labels("B", 0..<4)])
        #expect(result.pages[0].anchors.isEmpty)
        #expect(result.pages[1].anchors.map(\.id) == ["kept"])
        #expect(result.pages[1].anchors.map(\.rect.micro) == [Rect(x: 10, y: 30, width: 100, height: 50)])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func sameBoxWithoutKeepTogetherSplitsTwoAndTwo() {
        // 30 pt of content room would take 3 lines, but that would leave one alone.
        let result = layout([paragraph("F", lines: 6), box([paragraph("B", lines: 4, width: 90)], anchor: "loose")])

        #expect(result.labelsByPage == [labels("F", 0..<6) + ["B0", "B1"], ["B2", "B3"]])
        #expect(result.pages[0].anchors.map(\.rect.micro) == [Rect(x: 10, y: 90, width: 100, height: 30)])
        #expect(result.pages[1].anchors.map(\.rect.micro) == [Rect(x: 10, y: 30, width: 100, height: 30)])
    }

    @Test func keepTogetherBoxTallerThanAPageIsSplitWithAWarning() {
        // 12 lines + padding = 130 pt, more than the 100 pt body.
        let result = layout([box([paragraph("B", lines: 12, width: 90)], anchor: "big", keepTogether: true)])

        #expect(result.labelsByPage == [labels("B", 0..<9), labels("B", 9..<12)])
        #expect(result.pages[0].anchors.map(\.rect.micro) == [Rect(x: 10, y: 30, width: 100, height: 100)])
        #expect(result.pages[1].anchors.map(\.rect.micro) == [Rect(x: 10, y: 30, width: 100, height: 40)])
        #expect(result.pages.allSatisfy { page in page.anchors.allSatisfy { page.body.contains($0.rect) } })
        #expect(result.diagnostics.warnings.count == 1)
        #expect(result.diagnostics.warnings.first?.message.contains("a box is taller than a page (130 pt)") == true)
    }

    @Test func headingStaysWithTheKeepTogetherBoxAfterIt() {
        // Room for the heading, not for the 50 pt box after it.
        let result = layout([paragraph("F", lines: 7), heading("H"),
                             box([paragraph("B", lines: 4, width: 90)], anchor: "kept", keepTogether: true)])

        #expect(result.labelsByPage == [labels("F", 0..<7), ["H0"] + labels("B", 0..<4)])
        #expect(result.pages[1].line("H0")?.box.minY.micro == 30)
        #expect(result.pages[1].anchors.map(\.rect.micro) == [Rect(x: 10, y: 40, width: 100, height: 50)])
    }
}
