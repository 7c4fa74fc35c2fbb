// List items: a marker beside content set `indent` points in. Items break between each
// other and inside their content; the marker stays with the first piece only.
import Testing
import LayoutEngine

@Suite struct ListTests {
    @Test func markerSitsBesideTheFirstLineAndContentIsIndented() {
        let result = layout([item("1.", [paragraph("A", lines: 2, width: 80)]),
                             item("a.", [paragraph("B", lines: 1, width: 60)], inset: 20)])
        let page = result.pages[0]
        #expect(result.labelsByPage == [["1.", "A0", "A1", "a.", "B0"]])
        #expect(page.line("1.")?.box.micro == Rect(x: 10, y: 30, width: 10, height: 10))
        #expect(page.line("A0")?.box.micro == Rect(x: 30, y: 30, width: 80, height: 10))
        #expect(page.line("A1")?.box.micro == Rect(x: 30, y: 40, width: 80, height: 10))
        // A nested item: the marker moves right by the inset, the content by inset + indent.
        #expect(page.line("a.")?.box.micro == Rect(x: 30, y: 50, width: 10, height: 10))
        #expect(page.line("B0")?.box.micro == Rect(x: 50, y: 50, width: 60, height: 10))
    }

    @Test func itemsBreakBetweenItems() {
        // Four items of three unsplittable lines: three fit on a page.
        let tags = ["A", "B", "C", "D"]
        let items = tags.enumerated().map { index, tag in item("\(index + 1).", [paragraph(tag, lines: 3, width: 80)]) }
        let result = layout(items)

        #expect(result.labelsByPage == [
            ["1."] + labels("A", 0..<3) + ["2."] + labels("B", 0..<3) + ["3."] + labels("C", 0..<3),
            ["4."] + labels("D", 0..<3),
        ])
        #expect(result.pages[1].line("4.")?.box.minY.micro == 30)
        #expect(result.pages[1].line("D0")?.box.micro == Rect(x: 30, y: 30, width: 80, height: 10))
    }

    @Test func longItemSplitsInsideItsContentAndKeepsItsMarkerOnTheFirstPieceOnly() {
        let result = layout([paragraph("F", lines: 6), item("1.", [paragraph("A", lines: 8, width: 80)])])

        #expect(result.labelsByPage == [labels("F", 0..<6) + ["1."] + labels("A", 0..<4), labels("A", 4..<8)])
        #expect(result.labelsByPage.flatMap { $0 }.filter { $0 == "1." }.count == 1)
        #expect(result.pages[0].line("1.")?.box.minY.micro == result.pages[0].line("A0")?.box.minY.micro)
        #expect(result.pages[0].line("1.")?.box.minY.micro == 90)
        #expect(result.pages[1].lines.map { $0.box.minX.micro } == [30, 30, 30, 30])
        #expect(result.pages[1].lineTops == [30, 40, 50, 60])
    }

    @Test func itemContentKeepsTheParagraphRulesWhenItSplits() {
        // Two lines of room: a 3-line item may not leave one line behind, so it moves whole.
        let result = layout([paragraph("F", lines: 8), item("1.", [paragraph("A", lines: 3, width: 80)])])
        #expect(result.labelsByPage == [labels("F", 0..<8), ["1."] + labels("A", 0..<3)])
    }

    @Test func parentItemWithSubItemsMovesWithItsFirstChild() {
        let blocks = { (keep: Bool) in [
            paragraph("F", lines: 8),
            item("1.", [paragraph("P", lines: 1, width: 80)], keepWithNext: keep),
            item("a.", [paragraph("C", lines: 2, width: 60)], inset: 20),
        ] }
        // Two lines of room: the parent fits, its child does not.
        let kept = layout(blocks(true))
        #expect(kept.labelsByPage == [labels("F", 0..<8), ["1.", "P0", "a.", "C0", "C1"]])
        #expect(kept.pages[1].line("1.")?.box.minY.micro == 30)

        let loose = layout(blocks(false))
        #expect(loose.labelsByPage == [labels("F", 0..<8) + ["1.", "P0"], ["a.", "C0", "C1"]])
    }

    @Test func parentItemNeverEndsAPage() {
        for filler in 1...9 {
            // Up to 7 lines, so parent and child always fit an empty page together (the longer
            // case is parentItemThatFillsAPageSplitsInsteadOfBeingForcedLineByLine).
            for parentLines in 1...7 {
                for childLines in 1...4 {
                    let result = layout([
                        paragraph("F", lines: filler),
                        item("1.", [paragraph("P", lines: parentLines, width: 80)], keepWithNext: true),
                        item("a.", [paragraph("C", lines: childLines, width: 60)], inset: 20),
                    ])
                    let context = Comment(rawValue: "filler \(filler), parent \(parentLines), child \(childLines)")
                    #expect(result.page(of: "P\(parentLines - 1)") == result.page(of: "a."), context)
                    #expect(result.labelsByPage.flatMap { $0 }.filter { $0 == "1." }.count == 1, context)
                    #expect(result.diagnostics.isEmpty, context)
                }
            }
        }
    }

    @Test func longParentItemLeavesItsLastLinesWithItsChild() {
        // The parent (6 lines) fits below the filler, its child (3 lines) does not. A break
        // just after the parent is forbidden, so the parent should split 4 + 2 and carry its
        // last two lines over with the child (FlowNode.splitLeavingTail's contract), not move
        // whole and leave 8 lines of the page empty.
        let result = layout([
            paragraph("F", lines: 2),
            item("1.", [paragraph("P", lines: 6, width: 80)], keepWithNext: true),
            item("a.", [paragraph("C", lines: 3, width: 60)], inset: 20),
        ])
        #expect(result.labelsByPage == [labels("F", 0..<2) + ["1."] + labels("P", 0..<4),
                                        ["P4", "P5", "a."] + labels("C", 0..<3)])
        // The parent does not end the page.
        #expect(result.page(of: "P5") == result.page(of: "a."))
    }

    @Test func parentItemThatFillsAPageSplitsInsteadOfBeingForcedLineByLine() {
        // The parent starts the page and is 9 lines long; its child does not fit after it.
        // The parent can split 7 + 2 with its last lines going over with the child. Nothing
        // is too big for a page, so there must be no forced placement and no warning.
        let result = layout([
            item("1.", [paragraph("P", lines: 9, width: 80)], keepWithNext: true),
            item("a.", [paragraph("C", lines: 3, width: 60)], inset: 20),
        ])
        #expect(result.labelsByPage == [["1."] + labels("P", 0..<7), ["P7", "P8", "a."] + labels("C", 0..<3)])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func itemWhoseMarkerIsTallerThanItsContentMovesWholeWhenItDoesNotFit() {
        // The marker is set at a 20 pt pitch beside one 10 pt line, so the item is 20 pt tall;
        // with 10 pt of room left it must go to the next page rather than overrun the body.
        let marker = StyledText("1.", style: ParagraphStyle(size: 10, lineHeight: 2), role: .label)
        let tallMarker = Block.item(ListItemBlock(marker: marker, indent: 20, content: [paragraph("A", lines: 1, width: 80)]))
        let result = layout([paragraph("F", lines: 9), tallMarker])

        #expect(result.labelsByPage == [labels("F", 0..<9), ["1.", "A0"]])
        for page in result.pages {
            for line in page.lines {
                #expect(page.body.contains(line.box), "\(line.label) at \(line.box) overruns the body")
            }
        }
    }
}
