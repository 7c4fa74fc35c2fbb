// The print options, end to end: a booklet whose pages fold into order, large print that
// reflows rather than zooms, grayscale that keeps the warning box distinct, bleed and
// crop marks for a print shop, PNG pages, and the same bytes on every run.
import Foundation
import Diagnostics
import HandoutKit
import LayoutEngine
import TestSupport
import Testing

@Suite struct PrintOptionsTests {
    static let a4 = Paper.a4.size
    static let landscapeA4 = (width: 841.89, height: 595.276)

    func handout(_ arguments: [String]) throws -> Sample.Result {
        try Sample.run(CommandLineTests.executable, arguments, directory: Sample.root)
    }

    // MARK: 1. Booklet

    @Test func bookletOrderForSmallBooklets() {
        func pairs(_ pages: Int) -> [[Int]] { Imposition.bookletOrder(pages: pages).map { [$0.left, $0.right] } }
        #expect(pairs(1) == [[0, 1], [0, 0]])
        #expect(pairs(2) == [[0, 1], [2, 0]])
        #expect(pairs(4) == [[4, 1], [2, 3]])
        #expect(pairs(5) == [[0, 1], [2, 0], [0, 3], [4, 5]])
        #expect(pairs(8) == [[8, 1], [2, 7], [6, 3], [4, 5]])
        #expect(pairs(0).isEmpty)
    }

    /// For any length: two sides per sheet, every page once, and on each side the two
    /// pages that face each other once folded (their numbers sum to the padded count + 1).
    @Test func bookletOrderHoldsEveryPageOnceForAnyLength() {
        for pages in 1...40 {
            let order = Imposition.bookletOrder(pages: pages)
            let padded = (pages + 3) / 4 * 4
            #expect(order.count == padded / 2, "\(pages) pages")
            let numbers = order.flatMap { [$0.left, $0.right] }.filter { $0 != 0 }
            #expect(numbers.sorted() == Array(1...pages), "\(pages) pages: \(numbers)")
            #expect(order.first?.right == 1, "page 1 is the cover, on the right of the first side")
            for (index, side) in order.enumerated() {
                for (page, partner) in [(side.left, side.right), (side.right, side.left)] where page != 0 {
                    let facing = padded + 1 - page
                    #expect(partner == (facing <= pages ? facing : 0), "\(pages) pages, side \(index + 1): \(side)")
                }
                // Seen from the printed side, odd pages are always on the right.
                #expect(side.right == 0 || side.right % 2 == 1, "\(pages) pages, side \(index + 1): \(side)")
                #expect(side.left % 2 == 0, "\(pages) pages, side \(index + 1): \(side)")
            }
        }
    }

    /// Real booklets of 1, 2, 5 and 8 pages (the sample cut down to length): each printed
    /// side has the page footers "Page X of N" in the halves that bookletOrder says.
    @Test(arguments: [1, 2, 5, 8])
    func bookletSidesCarryTheRightPages(pages: Int) throws {
        let options = RenderOptions(document: .handout, mode: .en, booklet: true)
        let article = try Self.article(pages: pages, options: options)
        let rendered = try Self.withShortPublisher { try $0.render(article, options: options) }
        let file = try RenderedSample.folder().appendingPathComponent("booklet-\(pages).pdf")
        try rendered.pdf.write(to: file)
        #expect(rendered.pageCount == pages)
        #expect(rendered.sheets.count == Imposition.bookletOrder(pages: pages).count)
        try checkBooklet(RenderedSample(options: options, rendered: rendered, file: file), pages: pages)
    }

    @Test(arguments: LanguageMode.allCases)
    func theSampleHandoutAsABooklet(mode: LanguageMode) throws {
        let sample = try RenderedSample.output(RenderOptions(document: .handout, mode: mode, booklet: true))
        let normal = try RenderedSample.output(RenderOptions(document: .handout, mode: mode))
        #expect(sample.rendered.pageCount > normal.rendered.pageCount, "A5 pages hold less than A4 pages")
        // The layout is A5 (half the sheet), portrait.
        for page in sample.rendered.layout.pages {
            #expect(abs(page.size.width - Paper.a4.halfSize.width) < 0.01 && abs(page.size.height - Paper.a4.halfSize.height) < 0.01)
        }
        try checkBooklet(sample, pages: sample.rendered.pageCount)

        // Nothing in the sheet's unprintable edge, and no warnings on the way.
        let xml = try Sample.run("pdftotext", ["-bbox", sample.file.path, "-"]).stdout
        let safe = DocumentLayout.safeMargin
        var edge: [String] = []
        for (number, side) in WordBoxes.parse(xml).enumerated() {
            for word in side.words where word.minX < safe - 1 || word.maxX > side.width - safe + 1
                || word.minY < safe - 1 || word.maxY > side.height - safe + 1 {
                edge.append("side \(number + 1): '\(word.text)' at \(Int(word.minX)),\(Int(word.minY))")
            }
        }
        #expect(edge.isEmpty, "\(edge.count) words within \(Int(safe)) pt of the sheet's edge, e.g. \(edge.prefix(4))")
        #expect(sample.rendered.warnings.isEmpty, "\(sample.rendered.warnings.map(\.description))")
    }

    func checkBooklet(_ sample: RenderedSample, pages: Int) throws {
        let order = Imposition.bookletOrder(pages: pages)
        let info = try PDFInfo(sample.file)
        #expect(info["Pages"] == "\(order.count)")
        let size = try #require(info.pageSize)
        #expect(abs(size.width - Self.landscapeA4.width) < 0.01 && abs(size.height - Self.landscapeA4.height) < 0.01,
                "booklet sheets are landscape A4: \(info["Page size"] ?? "?")")
        for (index, side) in order.enumerated() {
            let number = index + 1
            let text = try Sample.run("pdftotext", ["-bbox", "-f", "\(number)", "-l", "\(number)", sample.file.path, "-"])
            let page = try #require(WordBoxes.parse(text.stdout).first)
            let footers = WordBoxes.pageFooters(page.words, bangla: sample.options.mode == .bn)
            var found: [String: Int] = [:]
            for footer in footers {
                #expect(footer.count == pages, "side \(number): 'of \(footer.count)'")
                let half = footer.x < page.width / 2 ? "left" : "right"
                #expect(found[half] == nil, "side \(number): two footers on the \(half)")
                found[half] = footer.page
            }
            var expected: [String: Int] = [:]
            if side.left != 0 { expected["left"] = side.left }
            if side.right != 0 { expected["right"] = side.right }
            #expect(found == expected, "side \(number): expected \(side), found \(found)")
            // Nothing crosses the fold.
            for word in page.words where word.minX < page.width / 2 - 0.5 && word.maxX > page.width / 2 + 0.5 {
                Issue.record("side \(number): '\(word.text)' crosses the fold at x \(word.minX)–\(word.maxX)")
            }
        }
    }

    /// Each imposed page lies inside its own half of the sheet.
    @Test func bookletPagesStayInTheirHalfOfTheSheet() throws {
        let sample = try RenderedSample.output(RenderOptions(document: .handout, mode: .en, booklet: true))
        let xml = try Sample.run("pdftotext", ["-bbox", sample.file.path, "-"]).stdout
        let sides = WordBoxes.parse(xml)
        #expect(sides.count == sample.rendered.sheets.count)
        var outside: [String] = []
        for (number, side) in sides.enumerated() {
            #expect(side.width > side.height, "side \(number + 1) is landscape")
            for word in side.words {
                let offSheet = word.minX < -0.5 || word.maxX > side.width + 0.5 || word.minY < -0.5 || word.maxY > side.height + 0.5
                let acrossFold = word.minX < side.width / 2 - 0.5 && word.maxX > side.width / 2 + 0.5
                if offSheet || acrossFold { outside.append("side \(number + 1): '\(word.text)' at x \(Int(word.minX))–\(Int(word.maxX))") }
            }
        }
        #expect(outside.isEmpty, "\(outside.count) words off the sheet or across the fold, e.g. \(outside.prefix(4))")
    }

    /// Landscape sheets and forms are not booklets: the command says so instead of printing off the sheet.
    @Test(arguments: [DocumentKind.diaryWeek, .diaryMonth, .summary, .card])
    func aBookletOfAnythingButTheHandoutIsRefused(document: DocumentKind) throws {
        #expect(throws: DiagnosticError.self) {
            try Sample.withPublisher { try $0.render(Sample.article, options: RenderOptions(document: document, mode: .en, booklet: true)) }
        }
    }

    /// layouts/ with a handout of two sections only (summary, disclaimer): no QR code or
    /// "about" block, so that the shortest handout is a single A5 page.
    static let shortLayouts: URL = {
        let folder = Sample.temporaryDirectory.appendingPathComponent("short-layouts-\(UUID().uuidString)")
        try! FileManager.default.copyItem(at: Sample.root.appendingPathComponent("layouts"), to: folder)
        let file = folder.appendingPathComponent("handout.yaml")
        let text = try! String(contentsOf: file, encoding: .utf8)
        let start = text.range(of: "\nsections:")!.lowerBound
        try! (text[..<start] + "\nsections:\n  - summary\n  - disclaimer\n").write(to: file, atomically: true, encoding: .utf8)
        return folder
    }()

    nonisolated(unsafe) private static var shortPublisher: Publisher?

    /// A publisher with `shortLayouts`, used under the same lock as every render (Pango).
    static func withShortPublisher<T>(_ body: (Publisher) throws -> T) throws -> T {
        try Sample.withPublisher { _ in
            if shortPublisher == nil {
                shortPublisher = try Publisher(resources: Resources(layouts: shortLayouts, fonts: Sample.resources.fonts))
            }
            return try body(shortPublisher!)
        }
    }

    /// The sample with its sections cut and `k` paragraphs put back, for the smallest `k`
    /// whose handout (with `shortLayouts`) has exactly `pages` pages with `options`.
    static func article(pages target: Int, options: RenderOptions) throws -> Article {
        let sample = Sample.article
        var base = sample
        base.summary = []
        base.keyTakeaways = []
        base.definition = []
        base.sections = [:]
        base.otherSections = []
        base.conclusion = []
        base.references = []
        base.roadmap = nil
        base.doctorVisit = nil
        base.medicineSafety = nil
        base.diaryPrompts = []
        base.faq = []
        let pool = sample.summary + sample.definition + sample.conclusion + sample.faq.map(\.answer)
        var counts: [Int] = []
        for k in 0...(pool.count * 4) {
            var article = base
            article.summary = (0..<k).map { pool[$0 % pool.count] }
            let count = try withShortPublisher { try $0.layout(article, options: options).0.pages.count }
            counts.append(count)
            if count == target { return article }
            if count > target { break }
        }
        throw NoSuchArticle(description: "no cut of the sample has \(target) pages; page counts by paragraphs: \(counts)")
    }

    struct NoSuchArticle: Error, CustomStringConvertible { var description: String }

    // MARK: 2. Large print

    static let largePrintDocuments: [RenderOptions] = [DocumentKind.handout, .checklist, .summary, .roadmap].flatMap { document in
        [LanguageMode.en, .bilingual].map { RenderOptions(document: document, mode: $0) }
    }

    @Test(arguments: largePrintDocuments)
    func largePrintSetsNoBodyTextUnder16Points(options: RenderOptions) throws {
        var large = options
        large.largePrint = true
        let sample = try RenderedSample.output(large)
        var small: [String] = []
        var checked = 0
        for (number, page) in sample.rendered.layout.pages.enumerated() {
            for case let .text(shaped, line, origin) in page.items where page.body.minY <= origin.y && origin.y <= page.body.maxY {
                checked += 1
                let style = shaped.text.style
                if style.size < 16 - 0.001 {
                    small.append("page \(number + 1): \(String(format: "%.1f", style.size)) pt '\(shaped.text.plainText.prefix(40))' (line \(line))")
                }
            }
        }
        #expect(checked > 20)
        // The running header and footer lie outside the body and are not counted.
        #expect(small.isEmpty, "\(small.count) text items under 16 pt, e.g. \(small.prefix(5))")
        // The body style itself is at least 16 pt.
        let bodySizes = sample.rendered.layout.pages.flatMap(\.items).compactMap { item -> Double? in
            guard case let .text(shaped, _, _) = item, shaped.text.role == .paragraph else { return nil }
            return shaped.text.style.size
        }
        #expect(!bodySizes.isEmpty)
        #expect((bodySizes.max() ?? 0) >= 16, "\(Set(bodySizes))")
    }

    @Test(arguments: largePrintDocuments)
    func largePrintReflowsOntoMorePagesOfTheSameSize(options: RenderOptions) throws {
        var large = options
        large.largePrint = true
        let normal = try RenderedSample.output(options)
        let big = try RenderedSample.output(large)
        #expect(big.rendered.pageCount > normal.rendered.pageCount,
                "\(big.rendered.pageCount) large-print pages, \(normal.rendered.pageCount) normal")
        let size = try #require(normal.rendered.layout.pages.first?.size)
        #expect(big.rendered.layout.pages.allSatisfy { $0.size == size })
        #expect(try PDFInfo(big.file)["Page size"] == PDFInfo(normal.file)["Page size"])
        // Not a zoom: every line still fits the page's width.
        for (number, page) in big.rendered.layout.pages.enumerated() {
            for line in page.textLines where line.box.maxX > page.body.maxX + 1 || line.box.minX < page.body.minX - 1 {
                Issue.record("page \(number + 1): '\(line.text)' runs outside the body, x \(line.box.minX)–\(line.box.maxX)")
            }
        }
        let words = WordBoxes.parse(try Sample.run("pdftotext", ["-bbox", big.file.path, "-"]).stdout)
        #expect(words.count == big.rendered.pageCount)
        let margin = DocumentLayout.safeMargin
        for (number, page) in words.enumerated() {
            for word in page.words where word.minX < margin - 1 || word.maxX > page.width - margin + 1 {
                Issue.record("page \(number + 1): '\(word.text)' outside the margins at x \(word.minX)–\(word.maxX)")
            }
        }
    }

    // MARK: 3. Grayscale

    @Test(arguments: DocumentKind.allCases)
    func grayscaleHasNoColour(document: DocumentKind) throws {
        let sample = try RenderedSample.output(RenderOptions(document: document, mode: .bilingual, grayscale: true))
        let colours = Self.colours(sample.rendered.layout.pages) + Self.colours(sample.rendered.sheets)
        #expect(colours.count > 2)
        let coloured = colours.filter { $0.red != $0.green || $0.green != $0.blue }
        #expect(coloured.isEmpty, "\(coloured.count) colours are not grey, e.g. \(coloured.prefix(3))")
    }

    @Test func grayscalePixelsAreGrey() throws {
        for grayscale in [false, true] {
            let sample = try RenderedSample.output(RenderOptions(document: .handout, mode: .bilingual, grayscale: grayscale))
            let folder = try RenderedSample.folder()
            let prefix = folder.appendingPathComponent("page").path
            let result = try Sample.run("pdftoppm", ["-r", "40", "-f", "1", "-l", "1", sample.file.path, prefix])
            try #require(result.status == 0, "\(result.stderr)")
            let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".ppm") })
            let image = try #require(PPM(Data(contentsOf: folder.appendingPathComponent(file))))
            let coloured = image.pixels.filter { max($0.0, $0.1, $0.2) - min($0.0, $0.1, $0.2) > 2 }.count
            if grayscale {
                #expect(coloured == 0, "\(coloured) coloured pixels on page 1")
            } else {
                #expect(coloured > 100, "the colour version should have colour (the check works)")
            }
        }
    }

    @Test(arguments: [DocumentKind.handout, .summary, .checklist, .roadmap])
    func grayscaleWarningBoxKeepsItsBorderAndBar(document: DocumentKind) throws {
        let sample = try RenderedSample.output(RenderOptions(document: document, mode: .bilingual, grayscale: true))
        let page = try #require(sample.rendered.layout.pages.first { $0.anchors.contains { $0.id == "warning-signs" } })
        let anchor = try #require(page.anchors.first { $0.id == "warning-signs" }).rect
        let rects = page.items.compactMap { item -> (rect: Rect, fill: Color?, stroke: Color?, width: Double)? in
            guard case let .rect(rect, fill, stroke, lineWidth) = item, anchor.contains(rect, tolerance: 0.5) else { return nil }
            return (rect, fill, stroke, lineWidth)
        }
        // The box: the anchor's own rectangle, filled and with a visible border.
        let box = try #require(rects.first { $0.rect == anchor })
        let fill = try #require(box.fill), stroke = try #require(box.stroke)
        #expect(box.width >= 1, "border width \(box.width)")
        #expect(fill.red - stroke.red > 0.4, "the border (grey \(stroke.red)) stands out from the fill (grey \(fill.red))")
        // The accent bar: a narrow full-height strip on the left, in the border's grey.
        let bar = rects.first {
            $0.rect.minX == anchor.minX && abs($0.rect.height - anchor.height) < 0.5 && $0.rect.width < anchor.width / 10
                && $0.fill != nil
        }
        let accent = try #require(bar, "no accent bar in the warning box")
        #expect(accent.fill == stroke)
        #expect(accent.rect.width >= 3, "bar width \(accent.rect.width)")
    }

    static func colours(_ pages: [PageFrame]) -> [Color] {
        pages.flatMap(\.items).flatMap { item -> [Color] in
            switch item {
            case let .text(shaped, _, _): return [shaped.text.style.color] + shaped.text.runs.compactMap(\.color)
            case let .rect(_, fill, stroke, _), let .ellipse(_, fill, stroke, _): return [fill, stroke].compactMap { $0 }
            case let .line(_, _, color, _), let .curve(_, _, _, _, color, _): return [color]
            case .link, .beginTag, .endTag, .beginFigure, .image, .field: return []
            }
        }
    }

    // MARK: 4. Bleed and crop marks

    @Test func bleedAndCropMarksGrowThePageAroundTheTrim() throws {
        let folder = try RenderedSample.folder()
        let plain = folder.appendingPathComponent("plain.pdf"), marked = folder.appendingPathComponent("marked.pdf")
        let base = ["render", Sample.articlePath, "--lang", "en"]
        #expect(try handout(base + ["-o", plain.path]).status == 0)
        let result = try handout(base + ["--bleed", "3mm", "--crop-marks", "-o", marked.path])
        #expect(result.status == 0, "\(result.stderr)")
        let normal = try #require(try PDFInfo(plain).pageSize), grown = try #require(try PDFInfo(marked).pageSize)
        let bleed = millimetres(3), markRoom = millimetres(5) * 1.6   // 5 mm marks, and room around them
        let margin = bleed + markRoom
        #expect(abs(grown.width - normal.width - 2 * margin) < 0.01, "\(normal) → \(grown)")
        #expect(abs(grown.height - normal.height - 2 * margin) < 0.01, "\(normal) → \(grown)")
        #expect(try PDFInfo(marked)["Pages"] == PDFInfo(plain)["Pages"])

        // Every word inside the trimmed page, and inside its safe margin too.
        let trim = Rect(x: margin, y: margin, width: normal.width, height: normal.height)
        let pages = WordBoxes.parse(try Sample.run("pdftotext", ["-bbox", marked.path, "-"]).stdout)
        #expect(!pages.isEmpty)
        let safe = DocumentLayout.safeMargin
        for (number, page) in pages.enumerated() {
            #expect(!page.words.isEmpty)
            for word in page.words {
                let inside = word.minX >= trim.minX + safe - 1 && word.maxX <= trim.maxX - safe + 1
                    && word.minY >= trim.minY + safe - 1 && word.maxY <= trim.maxY - safe + 1
                #expect(inside, "page \(number + 1): '\(word.text)' at \(word.minX),\(word.minY)")
            }
        }
    }

    @Test(arguments: [DocumentKind.handout, .summary])
    func cropMarksSitAtTheFourTrimCornersOutsideTheBleed(document: DocumentKind) throws {
        let bleed = millimetres(3)
        let options = RenderOptions(document: document, mode: .en, bleed: bleed, cropMarks: true)
        let sample = try RenderedSample.output(options)
        let trimSize = options.paper.size
        for (number, sheet) in sample.rendered.sheets.enumerated() {
            let margin = (sheet.size.width - trimSize.width) / 2
            #expect(abs(margin - (sheet.size.height - trimSize.height) / 2) < 0.01)
            let trim = Rect(x: margin, y: margin, width: trimSize.width, height: trimSize.height)
            let lines = sheet.items.compactMap { item -> (from: Point, to: Point)? in
                guard case let .line(from, to, _, _) = item else { return nil }
                return (from, to)
            }
            let outside = lines.filter { !trim.contains(Self.bounds($0.from, $0.to), tolerance: 0.01) }
            #expect(outside.count == 8, "page \(number + 1): \(outside.count) lines outside the trim")
            for x in [trim.minX, trim.maxX] {
                for y in [trim.minY, trim.maxY] {
                    let corner = Point(x: x, y: y)
                    let marks = outside.filter { Self.isMark($0, at: corner, trim: trim, bleed: bleed) }
                    #expect(marks.count == 2, "page \(number + 1): corner \(corner) has \(marks.count) marks")
                }
            }
            for line in outside {
                #expect(Rect(x: 0, y: 0, width: sheet.size.width, height: sheet.size.height)
                    .contains(Self.bounds(line.from, line.to)), "a mark runs off the page")
            }
        }
        // Bleed alone: the page grows by the bleed only, and there are no marks.
        let bled = try RenderedSample.output(RenderOptions(document: document, mode: .en, bleed: bleed))
        for sheet in bled.rendered.sheets {
            #expect(abs(sheet.size.width - trimSize.width - 2 * bleed) < 0.01)
            let trim = Rect(x: bleed, y: bleed, width: trimSize.width, height: trimSize.height)
            let marks = sheet.items.filter {
                guard case let .line(from, to, _, _) = $0 else { return false }
                return !trim.contains(Self.bounds(from, to))
            }
            #expect(marks.isEmpty)
        }
    }

    /// A line along one edge of the trim, out beyond `corner`, starting at least `bleed` away
    /// (so the cutter never leaves a mark on the finished page).
    static func isMark(_ line: (from: Point, to: Point), at corner: Point, trim: Rect, bleed: Double) -> Bool {
        let box = bounds(line.from, line.to)
        let outward = (x: corner.x == trim.minX ? -1.0 : 1.0, y: corner.y == trim.minY ? -1.0 : 1.0)
        if box.height < 0.01, abs(box.minY - corner.y) < 0.01 {   // horizontal, on the corner's row
            let near = outward.x < 0 ? corner.x - box.maxX : box.minX - corner.x
            return near >= bleed - 0.01 && box.width > 5
        }
        if box.width < 0.01, abs(box.minX - corner.x) < 0.01 {    // vertical, on the corner's column
            let near = outward.y < 0 ? corner.y - box.maxY : box.minY - corner.y
            return near >= bleed - 0.01 && box.height > 5
        }
        return false
    }

    static func bounds(_ a: Point, _ b: Point) -> Rect {
        Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x), height: abs(a.y - b.y))
    }

    // MARK: 5. PNG pages

    @Test func pngPagesAreNumberedValidAndTheRightSize() throws {
        let folder = try RenderedSample.folder()
        let stem = folder.appendingPathComponent("hemifacial").path
        let result = try handout(["render", Sample.articlePath, "--lang", "en", "--format", "png", "--dpi", "100", "-o", stem + ".png"])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try RenderedSample.output(RenderOptions(document: .handout, mode: .en)).rendered.pageCount
        #expect(result.stdout.contains("\(stem)-1.png"), "\(result.stdout)")
        #expect(result.stdout.contains("\(stem)-\(pages).png"), "\(result.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(Set(files) == Set((1...pages).map { "hemifacial-\($0).png" }), "\(files)")
        let expected = (width: Int((Self.a4.width * 100 / 72).rounded(.up)), height: Int((Self.a4.height * 100 / 72).rounded(.up)))
        #expect(expected.width == 827 && expected.height == 1170)
        for page in 1...pages {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(stem)-\(page).png"))
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "page \(page) is not a PNG")
            try #require(data.count > 33)
            #expect(String(decoding: data[12..<16], as: UTF8.self) == "IHDR")
            let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = data[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == expected.width && height == expected.height, "page \(page): \(width)×\(height)")
            #expect(data.count > 10_000, "page \(page) looks empty: \(data.count) bytes")
        }
    }

    // MARK: 6. Determinism

    @Test(arguments: [["--booklet", "--grayscale"], ["--large-print", "--bleed", "3mm", "--crop-marks"]])
    func twoRunsWithPrintOptionsWriteIdenticalFiles(flags: [String]) throws {
        let folder = try RenderedSample.folder()
        let a = folder.appendingPathComponent("a.pdf").path, b = folder.appendingPathComponent("b.pdf").path
        let first = try handout(["render", Sample.articlePath, "--lang", "en"] + flags + ["-o", a])
        let second = try handout(["render", Sample.articlePath, "--lang", "en"] + flags + ["-o", b])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let one = FileManager.default.contents(atPath: a), two = FileManager.default.contents(atPath: b)
        #expect(one != nil && one == two)
        #expect((one?.count ?? 0) > 10_000)
    }
}

/// The "Page X of Y" footers among `pdftotext -bbox` word boxes (parsed by BoundingBoxes).
enum WordBoxes {
    typealias Word = BoundingBoxes.Word

    static func parse(_ xml: String) -> [BoundingBoxes.Page] { BoundingBoxes.parse(xml) }

    /// "Page X of Y" (or Bangla "পৃষ্ঠা X / Y", in Bengali digits) as four words in a row on
    /// one line: the page number, the count and where the footer starts.
    static func pageFooters(_ boxes: [Word], bangla: Bool = false) -> [(page: Int, count: Int, x: Double)] {
        // pdftotext gives a Bangla run drawn with one text span per word as one box ("পৃষ্ঠা ১ / ২৪"): its words, each with the run's box.
        let words = boxes.flatMap { box in
            box.text.split(separator: " ").map { Word(text: String($0), minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY) }
        }
        guard words.count >= 4 else { return [] }
        let (label, separator) = bangla ? ("পৃষ্ঠা", "/") : ("Page", "of")
        return (0...(words.count - 4)).compactMap { i in
            let four = Array(words[i..<(i + 4)])
            guard four[0].text.precomposedStringWithCanonicalMapping == label.precomposedStringWithCanonicalMapping,
                  four[2].text == separator,
                  let page = integer(four[1].text), let count = integer(four[3].text),
                  four.allSatisfy({ abs($0.minY - four[0].minY) < 1 }) else { return nil }
            return (page, count, four[0].minX)
        }
    }

    /// A number in ASCII or Bengali digits.
    static func integer(_ text: String) -> Int? {
        let digits = text.unicodeScalars.map { scalar -> Character in
            (0x09E6...0x09EF).contains(scalar.value) ? Character(String(scalar.value - 0x09E6)) : Character(scalar)
        }
        return Int(String(digits))
    }
}

/// A binary PPM image (P6, as pdftoppm writes by default).
struct PPM {
    var width: Int
    var height: Int
    var pixels: [(UInt8, UInt8, UInt8)]

    init?(_ data: Data) {
        var fields: [String] = []
        var index = data.startIndex
        while fields.count < 4, index < data.endIndex {
            while index < data.endIndex, data[index] == 0x20 || data[index] == 0x0A || data[index] == 0x0D || data[index] == 0x09 { index += 1 }
            var field = ""
            while index < data.endIndex, !(data[index] == 0x20 || data[index] == 0x0A || data[index] == 0x0D || data[index] == 0x09) {
                field.append(Character(Unicode.Scalar(data[index])))
                index += 1
            }
            fields.append(field)
        }
        guard fields.count == 4, fields[0] == "P6", let width = Int(fields[1]), let height = Int(fields[2]), fields[3] == "255",
              index < data.endIndex else { return nil }
        index += 1   // the single white-space byte after the header
        let bytes = data[index...]
        guard bytes.count >= width * height * 3 else { return nil }
        self.width = width
        self.height = height
        let array = Array(bytes)
        pixels = (0..<(width * height)).map { (array[$0 * 3], array[$0 * 3 + 1], array[$0 * 3 + 2]) }
    }
}
