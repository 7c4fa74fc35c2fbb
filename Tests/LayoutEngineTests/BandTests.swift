// Running headers and footers: added once the page count is known, 5 pt from the body
// (header ending at y 25, footer starting at y 135), warned about near the paper's edge.
import Testing
import Diagnostics
import LayoutEngine

@Suite struct BandTests {
    @Test func headerAndFooterReceiveEachPageNumberAndThePageCount() {
        let headerCalls = CallLog(), footerCalls = CallLog()
        let template = pageTemplate(
            header: { page, count in headerCalls.calls.append([page, count]); return [band("head \(page)/\(count)")] },
            footer: { page, count in footerCalls.calls.append([page, count]); return [band("foot \(page)/\(count)")] })
        let result = layout([paragraph("A", lines: 25)], template: template)

        #expect(result.pages.count == 3)
        #expect(headerCalls.calls == [[1, 3], [2, 3], [3, 3]])
        #expect(footerCalls.calls == [[1, 3], [2, 3], [3, 3]])
        for (index, page) in result.pages.enumerated() {
            let number = index + 1
            let header = page.lines.filter { $0.box.minY.micro < page.body.minY }
            let footer = page.lines.filter { $0.box.minY.micro >= page.body.maxY }
            #expect(header.map(\.text) == ["head \(number)/3"])
            #expect(header.first?.box.micro == Rect(x: 10, y: 15, width: 40, height: 10))
            #expect(footer.map(\.text) == ["foot \(number)/3"])
            #expect(footer.first?.box.micro == Rect(x: 10, y: 135, width: 40, height: 10))
        }
        // The body is where it would be without bands.
        #expect(result.pages[0].lines.filter { $0.tag == "A" }.first?.box.minY.micro == 30)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func emptyDocumentStillGetsItsBands() {
        let headerCalls = CallLog()
        let template = pageTemplate(header: { page, count in headerCalls.calls.append([page, count]); return [band("head")] },
                                    footer: { _, _ in [band("foot")] })
        let result = layout([], template: template)

        #expect(result.pages.count == 1)
        #expect(headerCalls.calls == [[1, 1]])
        #expect(result.pages[0].lines.map(\.text) == ["head", "foot"])
    }

    @Test func headerReachingIntoTheSafeMarginWarnsOncePerDocument() {
        // Three lines of header end 5 pt above the body: they start at y -5, inside the 5 pt edge.
        // The header overruns on both pages, but the problem is reported once for the document.
        let template = pageTemplate(header: { _, _ in [band(lines: ["one", "two", "three"])] })
        let result = layout([paragraph("A", lines: 12)], template: template)

        #expect(result.pages.count == 2)
        #expect(result.pages[0].lines.map { $0.box.minY.micro }.min() == -5)
        #expect(result.diagnostics.warnings.map(\.message) == [
            "the running header reaches into the paper's unprintable edge",
        ])
    }

    @Test func headerEndingExactlyAtTheSafeMarginDoesNotWarn() {
        let template = pageTemplate(header: { _, _ in [band(lines: ["one", "two"])] })
        let result = layout([paragraph("A", lines: 3)], template: template)

        #expect(result.pages[0].lines.map { $0.box.minY.micro }.min() == 5)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func footerReachingIntoTheSafeMarginWarns() {
        // Three lines from y 135 end at 165, past the 155 pt limit (160 pt page less 5 pt).
        let tall = layout([paragraph("A", lines: 3)], template: pageTemplate(footer: { _, _ in [band(lines: ["one", "two", "three"])] }))
        #expect(tall.diagnostics.warnings.map(\.message) == ["the footer reaches into the paper's unprintable edge"])

        // Two lines end at 155 exactly: allowed.
        let fitting = layout([paragraph("A", lines: 3)], template: pageTemplate(footer: { _, _ in [band(lines: ["one", "two"])] }))
        #expect(fitting.diagnostics.isEmpty)
        #expect(fitting.pages[0].lines.map { $0.box.maxY.micro }.max() == 155)
    }

    /// One line of header or footer text.
    func band(_ text: String) -> Block {
        .text(StyledText(text, style: .body()))
    }

    /// A header or footer of one line per word: each word is padded to 11 characters
    /// (55 pt), so no two share a 100 pt line.
    func band(lines words: [String]) -> Block {
        let padded = words.map { $0 + String(repeating: "~", count: max(0, 11 - $0.count)) }
        return .text(StyledText(padded.joined(separator: " "), style: .body()))
    }
}
