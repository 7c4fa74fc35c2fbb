// Cutting paragraphs and headings into pages: where lines go, where pages may break,
// and the space between blocks. Standard page: 10 lines of 10 pt, body top at y 30.
import Testing
import Diagnostics
import LayoutEngine

@Suite struct PaginationTests {
    // MARK: Page count and line placement

    @Test func twentyFiveLinesFillThreePagesAtTheLinePitch() {
        let result = layout([paragraph("A", lines: 25)])

        #expect(result.pages.count == 3)
        #expect(result.labelsByPage == [labels("A", 0..<10), labels("A", 10..<20), labels("A", 20..<25)])
        for page in result.pages {
            #expect(page.lineTops == page.lines.indices.map { 30 + 10 * Double($0) })
            for line in page.lines {
                #expect(line.box.micro == Rect(x: 10, y: line.box.minY.micro, width: 100, height: 10))
                #expect(page.body.contains(line.box))
            }
        }
        #expect(result.diagnostics.isEmpty)
    }

    @Test func everyPageHasTheTemplatesSizeAndBody() {
        let result = layout([paragraph("A", lines: 25)])
        for page in result.pages {
            #expect(page.size == Size(width: 120, height: 160))
            #expect(page.body == Rect(x: 10, y: 30, width: 100, height: 100))
        }
    }

    @Test func emptyDocumentGivesExactlyOnePage() {
        let result = layout([])
        #expect(result.pages.count == 1)
        #expect(result.pages[0].items.isEmpty)
        #expect(result.pages[0].anchors.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func centredLinesSitInTheMiddleOfTheColumn() {
        let style = ParagraphStyle(size: 10, lineHeight: 1, centered: true)
        let result = layout([.text(StyledText("abcd efghijklmnop qrstuvwx", style: style))], template: pageTemplate(bodyWidth: 100))
        // Lines "abcd efghijklmnop" (85 pt) and "qrstuvwx" (40 pt).
        #expect(result.pages[0].lines.map { $0.box.minX.micro } == [10 + 7.5, 10 + 30])
    }

    // MARK: Orphans and widows

    @Test func fourLineParagraphWithOneLineOfRoomMovesWhole() {
        let result = layout([paragraph("F", lines: 9), paragraph("A", lines: 4)])
        #expect(result.labelsByPage == [labels("F", 0..<9), labels("A", 0..<4)])
        #expect(result.pages[1].lineTops == [30, 40, 50, 60])
    }

    @Test func fourLineParagraphWithTwoLinesOfRoomSplitsTwoAndTwo() {
        let result = layout([paragraph("F", lines: 8), paragraph("A", lines: 4)])
        #expect(result.labelsByPage == [labels("F", 0..<8) + ["A0", "A1"], ["A2", "A3"]])
        #expect(result.pages[0].line("A1")?.box.maxY.micro == 130)
        #expect(result.pages[1].lineTops == [30, 40])
    }

    @Test func fiveLineParagraphWithFourLinesOfRoomLeavesTwoForTheNextPage() {
        let result = layout([paragraph("F", lines: 6), paragraph("A", lines: 5)])
        #expect(result.labelsByPage == [labels("F", 0..<6) + labels("A", 0..<3), ["A3", "A4"]])
    }

    @Test(arguments: [8, 9])
    func threeLineParagraphNeverSplits(fillerLines: Int) {
        let result = layout([paragraph("F", lines: fillerLines), paragraph("A", lines: 3)])
        #expect(result.labelsByPage == [labels("F", 0..<fillerLines), labels("A", 0..<3)])
    }

    @Test func threeLineParagraphWithExactlyThreeLinesOfRoomStays() {
        let result = layout([paragraph("F", lines: 7), paragraph("A", lines: 3)])
        #expect(result.labelsByPage == [labels("F", 0..<7) + labels("A", 0..<3)])
    }

    @Test func noPageStartsOrEndsWithALoneLineOfAParagraph() {
        for filler in 1...10 {
            for length in 1...23 {
                let result = layout([paragraph("F", lines: filler), paragraph("A", lines: length),
                                     paragraph("B", lines: 3)])
                let context = Comment(rawValue: "filler \(filler), paragraph of \(length) lines")

                #expect(result.labelsByPage.flatMap { $0 }
                        == labels("F", 0..<filler) + labels("A", 0..<length) + labels("B", 0..<3), context)
                for tag in ["A", "B"] {
                    let pieces = result.pieces(of: tag)
                    if pieces.count > 1 { #expect(pieces.allSatisfy { $0 >= 2 }, "\(tag): \(pieces); \(context)") }
                }
                // Page 1 takes as much of A as the rules allow: the most lines k ≤ the room
                // such that A is whole or both sides of the break keep two lines.
                let room = 10 - filler
                let allowed = (0...min(room, length)).last { $0 == length || ($0 >= 2 && length - $0 >= 2) } ?? 0
                #expect(result.pages[0].lines.filter { $0.tag == "A" }.count == allowed, context)
                for page in result.pages {
                    #expect(page.lines.allSatisfy { page.body.contains($0.box) }, context)
                    #expect(page.lineTops == page.lines.indices.map { 30 + 10 * Double($0) }, context)
                }
                #expect(result.diagnostics.isEmpty, context)
            }
        }
    }

    // MARK: Keep with next

    @Test func headingWithRoomForOnlyOneMoreLineMovesToTheNextPage() {
        let result = layout([paragraph("F", lines: 8), heading("H"), paragraph("A", lines: 4)])
        #expect(result.labelsByPage == [labels("F", 0..<8), ["H0"] + labels("A", 0..<4)])
        #expect(result.pages[1].line("H0")?.box.minY.micro == 30)
    }

    @Test func headingOnTheLastLineMovesToTheNextPage() {
        let result = layout([paragraph("F", lines: 9), heading("H"), paragraph("A", lines: 2)])
        #expect(result.labelsByPage == [labels("F", 0..<9), ["H0", "A0", "A1"]])
    }

    @Test func headingStaysWhenTwoLinesOfItsParagraphFitBelowIt() {
        let result = layout([paragraph("F", lines: 7), heading("H"), paragraph("A", lines: 4)])
        #expect(result.labelsByPage == [labels("F", 0..<7) + ["H0", "A0", "A1"], ["A2", "A3"]])
    }

    @Test func twoHeadingsInARowMoveTogether() {
        let result = layout([paragraph("F", lines: 7), heading("H"), heading("G"), paragraph("A", lines: 4)])
        #expect(result.labelsByPage == [labels("F", 0..<7), ["H0", "G0"] + labels("A", 0..<4)])
    }

    @Test func multiLineHeadingNeverSplits() {
        let short = layout([paragraph("F", lines: 8), heading("H", lines: 3), paragraph("A", lines: 2)])
        #expect(short.labelsByPage == [labels("F", 0..<8), labels("H", 0..<3) + ["A0", "A1"]])

        // Room for the whole heading but not for the paragraph's first two lines as well.
        let tight = layout([paragraph("F", lines: 7), heading("H", lines: 3), paragraph("A", lines: 2)])
        #expect(tight.labelsByPage == [labels("F", 0..<7), labels("H", 0..<3) + ["A0", "A1"]])
    }

    @Test func noPageEndsWithAHeading() {
        for filler in 1...10 {
            for headingCount in 1...2 {
                for length in 1...6 {
                    let headings = [heading("H"), heading("G")].prefix(headingCount)
                    let result = layout([paragraph("F", lines: filler)] + headings
                                        + [paragraph("A", lines: length), paragraph("B", lines: 2)])
                    let context = Comment(rawValue: "filler \(filler), \(headingCount) headings, paragraph of \(length)")

                    for page in result.pages.dropLast() {
                        let last = page.lines.last?.tag
                        #expect(last != "H" && last != "G", context)
                    }
                    let firstOfParagraph = result.page(of: "A0")
                    #expect(result.page(of: "H0") == firstOfParagraph, context)
                    if headingCount == 2 { #expect(result.page(of: "G0") == firstOfParagraph, context) }
                    #expect(result.diagnostics.isEmpty, context)
                }
            }
        }
    }

    // MARK: Space between blocks

    @Test func spaceBetweenBlocksIsTheLargerOfAfterAndBefore() {
        let result = layout([
            paragraph("A", lines: 2, spaceAfter: 6),
            paragraph("B", lines: 2, spaceBefore: 4),
            paragraph("C", lines: 1, spaceBefore: 8, spaceAfter: 3),
            paragraph("D", lines: 1),
        ])
        // A ends at 50; B after max(6, 4); C after max(0, 8); D after max(3, 0).
        #expect(result.pages[0].lineTops == [30, 40, 56, 66, 84, 97])
    }

    @Test func spaceBeforeTheFirstBlockOfTheDocumentIsDropped() {
        let result = layout([paragraph("A", lines: 2, spaceBefore: 12)])
        #expect(result.pages[0].lineTops == [30, 40])
    }

    @Test func spaceBeforeIsDroppedAtTheTopOfAPage() {
        let result = layout([paragraph("F", lines: 10), paragraph("A", lines: 2, spaceBefore: 15)])
        #expect(result.labelsByPage == [labels("F", 0..<10), ["A0", "A1"]])
        #expect(result.pages[1].lineTops == [30, 40])
    }

    @Test func blockPushedOverByItsSpaceStartsExactlyAtTheBodyTop() {
        // Two lines of room, but the paragraph needs 5 pt of space first.
        let result = layout([paragraph("F", lines: 8), paragraph("A", lines: 2, spaceBefore: 5)])
        #expect(result.labelsByPage == [labels("F", 0..<8), ["A0", "A1"]])
        #expect(result.pages[1].lineTops == [30, 40])
    }

    @Test func spaceBeforeIsDroppedWhenAParagraphContinuesOnTheNextPage() {
        let result = layout([paragraph("F", lines: 3), paragraph("A", lines: 9, spaceBefore: 5)])
        // 3 lines + 5 pt leave room for 6 lines of A (65 pt); the rest starts at the top.
        #expect(result.labelsByPage == [labels("F", 0..<3) + labels("A", 0..<6), labels("A", 6..<9)])
        #expect(result.pages[0].line("A0")?.box.minY.micro == 65)
        #expect(result.pages[1].lineTops == [30, 40, 50])
    }

    @Test func groupTakesItsSpaceFromItsFirstAndLastBlocks() {
        let result = layout([
            paragraph("A", lines: 1, spaceAfter: 2),
            .group([paragraph("B", lines: 1, spaceBefore: 7), paragraph("C", lines: 1, spaceAfter: 9)], keepTogether: false),
            paragraph("D", lines: 1, spaceBefore: 4),
        ])
        #expect(result.pages[0].lineTops == [30, 47, 57, 76])
    }

    // MARK: Groups

    @Test func keepTogetherGroupMovesWholeToTheNextPage() {
        let blocks = { (keep: Bool) in
            [paragraph("F", lines: 7), .group([paragraph("A", lines: 2), paragraph("B", lines: 2)], keepTogether: keep)]
        }
        let kept = layout(blocks(true))
        #expect(kept.labelsByPage == [labels("F", 0..<7), ["A0", "A1", "B0", "B1"]])
        #expect(kept.diagnostics.isEmpty)

        let loose = layout(blocks(false))
        #expect(loose.labelsByPage == [labels("F", 0..<7) + ["A0", "A1"], ["B0", "B1"]])
    }

    @Test func keepTogetherGroupTallerThanAPageIsSplitWithAWarning() {
        let result = layout([.group([paragraph("A", lines: 6), paragraph("B", lines: 6)], keepTogether: true)])
        #expect(result.labelsByPage == [labels("A", 0..<6) + labels("B", 0..<4), ["B4", "B5"]])
        #expect(result.diagnostics.warnings.count == 1)
        #expect(result.diagnostics.first?.message.contains("group of blocks is taller than a page") == true)
    }

    // MARK: Forced placement

    @Test func lineTallerThanThePageIsPlacedAnywayWithAWarning() {
        let tall = Block.text(StyledText("T0", style: ParagraphStyle(size: 10, lineHeight: 12)))
        let result = layout([paragraph("A", lines: 3), tall, paragraph("B", lines: 2)])

        #expect(result.labelsByPage == [labels("A", 0..<3), ["T0"], ["B0", "B1"]])
        let line = result.pages[1].lines[0]
        #expect(line.box.micro == Rect(x: 10, y: 30, width: 10, height: 120))
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.warnings.first?.message.hasPrefix("page 2: a block does not fit the page") == true)
    }

    @Test func headingTallerThanThePageIsPlacedAnywayAndTheTextAfterItContinues() {
        // 120 pt type: one 60 pt character per line, at a 120 pt pitch.
        let huge = Block.text(StyledText("X", style: ParagraphStyle(size: 120, lineHeight: 1), role: .heading(level: 1)))
        let result = layout([huge, paragraph("A", lines: 12)])

        #expect(result.labelsByPage == [["X"], labels("A", 0..<10), ["A10", "A11"]])
        #expect(result.pages[0].lines[0].box.micro == Rect(x: 10, y: 30, width: 60, height: 120))
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.warnings.first?.message.hasPrefix("page 1:") == true)
    }

    @Test func ruleThickerThanThePageIsDrawnAnywayWithAWarning() {
        let result = layout([.rule(RuleBlock(color: .black, thickness: 150)), paragraph("A", lines: 2)])
        #expect(result.pages.count == 2)
        #expect(result.pages[0].lineCount == 1)
        #expect(result.labelsByPage[1] == ["A0", "A1"])
        #expect(result.diagnostics.warnings.count == 1)
    }

    @Test func pageTooShortForTwoLinesTakesAParagraphOneForcedLineAtATime() {
        // 15 pt body: one line fits, and the paragraph may not break after a single line.
        let result = layout([paragraph("A", lines: 3)], template: pageTemplate(bodyHeight: 15))
        #expect(result.labelsByPage == [["A0"], ["A1"], ["A2"]])
        #expect(result.diagnostics.warnings.map { String($0.message.prefix(7)) } == ["page 1:", "page 2:"])
    }
}
