// Pagination promises checked on the sample's real layout (Pango, shipped fonts), in
// every language and paper: headings never end a page, no lone lines, the warning box
// whole near the top of page 1, an even line pitch, Bangla digits in Bangla output.
import Foundation
import Testing
import HandoutKit
import LayoutEngine

@Suite struct LayoutRulesTests {
    /// The body's text lines of each page, in drawing order, with the paragraph they belong to.
    struct BodyLine {
        var paragraph: Placement
        var shaped: any ShapedText
        var line: Int
        var baseline: Double
    }

    /// One placing of a shaped text: a short one (a list marker) is shaped once and placed
    /// at every item, each placing starting again at its first line.
    struct Placement: Hashable {
        var text: ObjectIdentifier
        var number: Int
    }

    static func bodyLines(_ pages: [PageFrame]) -> [[BodyLine]] {
        var placings: [ObjectIdentifier: Int] = [:]
        return pages.map { page in
            page.items.compactMap { item in
                guard case let .text(shaped, line, origin) = item else { return nil }
                let text = ObjectIdentifier(shaped)
                if line == 0 { placings[text, default: 0] += 1 }
                guard origin.y > page.body.minY, origin.y < page.body.maxY + 1 else { return nil }
                return BodyLine(paragraph: Placement(text: text, number: placings[text, default: 0]), shaped: shaped, line: line,
                                baseline: origin.y)
            }
        }
    }

    @Test(arguments: Sample.combinations)
    func noPageEndsWithAHeading(options: RenderOptions) throws {
        let pages = try Sample.output(options).rendered.layout.pages
        for (number, lines) in Self.bodyLines(pages).enumerated().dropLast() {
            // The lowest line in the body is what ends the page.
            let last = try #require(lines.max { $0.baseline < $1.baseline })
            if case .heading = last.shaped.text.role {
                Issue.record("page \(number + 1) ends with the heading '\(last.shaped.text.plainText)'")
            }
        }
    }

    @Test(arguments: Sample.combinations)
    func noParagraphLeavesALoneLineAtATopOrBottom(options: RenderOptions) throws {
        let pages = try Sample.output(options).rendered.layout.pages
        var linesOnPage: [Placement: [Int: Int]] = [:]   // paragraph → page → line count
        var texts: [Placement: any ShapedText] = [:]
        for (number, lines) in Self.bodyLines(pages).enumerated() {
            for line in lines {
                linesOnPage[line.paragraph, default: [:]][number, default: 0] += 1
                texts[line.paragraph] = line.shaped
            }
        }
        for (id, pagesOfParagraph) in linesOnPage where pagesOfParagraph.count > 1 {
            for (page, count) in pagesOfParagraph where count < 2 {
                Issue.record("page \(page + 1) has a lone line of '\(texts[id]!.text.plainText.prefix(60))…'")
            }
        }
    }

    @Test(arguments: Sample.combinations)
    func warningSignsAreWholeNearTheTopOfPageOne(options: RenderOptions) throws {
        let pages = try Sample.output(options).rendered.layout.pages
        let anchors = pages.enumerated().flatMap { number, page in page.anchors.map { (number, $0) } }
            .filter { $0.1.id == "warning-signs" }
        #expect(anchors.count == 1)
        let (page, anchor) = try #require(anchors.first)
        #expect(page == 0)
        #expect(anchor.rect.minY < pages[0].size.height * 0.35, "the box starts at \(anchor.rect.minY) pt")
        #expect(pages[0].body.contains(anchor.rect))
    }

    /// Lines that mix Bangla and Latin keep the same baseline distance as any other line.
    @Test(arguments: Sample.combinations)
    func linesKeepAnEvenPitchWhateverTheirScript(options: RenderOptions) throws {
        let pages = try Sample.output(options).rendered.layout.pages
        var mixedChecked = 0
        for lines in Self.bodyLines(pages) {
            let byParagraph = Dictionary(grouping: lines, by: \.paragraph)
            for lines in byParagraph.values where lines.count > 1 {
                let style = lines[0].shaped.text.style
                let sorted = lines.sorted { $0.line < $1.line }
                for (a, b) in zip(sorted, sorted.dropFirst()) {
                    #expect(abs((b.baseline - a.baseline) - style.pitch) < 0.001)
                }
                let text = lines[0].shaped.text.plainText
                if text.unicodeScalars.contains(where: { (0x0980...0x09FF).contains($0.value) }),
                   text.unicodeScalars.contains(where: { ("A"..."z").contains($0) }) { mixedChecked += 1 }
            }
        }
        if options.mode != .en { #expect(mixedChecked > 0) }
    }

    @Test(arguments: [Paper.a4, Paper.letter])
    func banglaOutputNumbersPagesAndDatesInBanglaDigits(paper: Paper) throws {
        let pages = try Sample.output(RenderOptions(mode: .bn, paper: paper)).rendered.layout.pages
        for (number, page) in pages.enumerated() {
            let footer = try #require(page.textLines.first { $0.text.contains("পৃষ্ঠা") })
            let digits = Language.bn.digits(number + 1), count = Language.bn.digits(pages.count)
            #expect(footer.text.contains("পৃষ্ঠা \(digits) / \(count)"), "\(footer.text)")
            #expect(footer.text.contains("২০ নভেম্বর ২০২৬"))
            #expect(!footer.text.contains { $0.isASCII && $0.isNumber }, "\(footer.text)")
        }
    }

    @Test func bilingualColumnsStartLevel() throws {
        let pages = try Sample.output(RenderOptions(mode: .bilingual)).rendered.layout.pages
        var pairs = 0
        for lines in Self.bodyLines(pages) {
            let firsts = lines.filter { $0.line == 0 && $0.shaped.text.role != .label }
            let bangla = Set(firsts.filter(isBangla).map(\.baseline))
            // Every English paragraph, heading and item starts level with its translation.
            for line in firsts where !isBangla(line) && !line.shaped.text.runs.contains(where: { $0.link != nil }) {
                #expect(bangla.contains(line.baseline), "'\(line.shaped.text.plainText.prefix(40))' has no Bangla twin level with it")
                pairs += 1
            }
        }
        #expect(pairs > 100)
    }

    private func isBangla(_ line: BodyLine) -> Bool {
        line.shaped.text.plainText.unicodeScalars.contains { (0x0980...0x09FF).contains($0.value) }
    }
}
