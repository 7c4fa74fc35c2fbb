// A section's blocks on paper (Fixtures/blocks/blocks.yaml): text after a list is printed
// after it, items keep their paragraphs and sub-lists, boxes, tables and the picture are
// drawn, in every language mode, and the PDF stays clean and tagged.
import Diagnostics
import Foundation
import HandoutKit
import TestSupport
import Testing

@Suite struct ContentBlockTests {
    static let path = Sample.root.appendingPathComponent("Tests/HandoutTests/Fixtures/blocks/blocks.yaml").path

    static func rendered(_ mode: LanguageMode) throws -> (article: Article, file: URL, printed: [String]) {
        let article = try ArticleLoader.load(path: path).article
        let rendered = try Sample.withPublisher { try $0.render(article, options: RenderOptions(document: .handout, mode: mode)) }
        let file = Sample.temporaryDirectory.appendingPathComponent("blocks-\(mode.rawValue).pdf")
        try rendered.pdf.write(to: file)
        let text = try Sample.run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).stdout
        return (article, file, CorpusImportTests.words(text))
    }

    @Test(arguments: LanguageMode.allCases)
    func everyBlockIsPrintedInItsOrder(mode: LanguageMode) throws {
        let (article, file, printed) = try Self.rendered(mode)
        try PDFChecks.qpdfFindsNoProblems(file)
        // Each language's text of the section, block after block, comes back in order (the
        // picture's description is its /Alt, not printed beside the drawn picture).
        let section = try #require(article.sections[.treatments])
        let alts = Set(section.blocks.flatMap(\.figures).map(\.alt.en))
        for language in mode.languages {
            let words = section.blocks.flatMap(\.allTexts).filter { !alts.contains($0.en) }.compactMap { $0[language] }
                .flatMap(CorpusImportTests.words)
            let share = CorpusImportTests.inOrder(words, in: printed)
            #expect(share == 1, "\(mode.rawValue) \(language): \(Int(share * 1000) / 10)% of the section in order")
        }
    }

    /// The picture is drawn from its PNG, on page 2 (where cairo 1.16 once aborted on images
    /// in a tagged file), as a Figure with its description; its caption is printed.
    @Test(arguments: LanguageMode.allCases)
    func thePictureIsDrawnAsAFigure(mode: LanguageMode) throws {
        let (article, file, _) = try Self.rendered(mode)
        let images = try Sample.run("pdfimages", ["-list", file.path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(images.count == 1, "\(images)")
        #expect(images.first?.split(separator: " ").first == "2", "the picture is on page 2")
        let figures = try QPDFJSON(file).structureTree()?.filter { $0["/S"] as? String == "/Figure" } ?? []
        let described = figures.compactMap { $0["/Alt"] as? String }.filter { $0.contains("colour chart") || $0.contains("রঙের চার্ট") }
        #expect(described.count == 1, "\(figures.compactMap { $0["/Alt"] })")
        let alt = try #require(article.sections[.treatments]?.blocks.compactMap { if case .figure(let f) = $0 { f } else { nil } }.first)
        #expect(described.first == "u:" + mode.languages.compactMap { alt.alt[$0] }.joined(separator: " / "))
    }

    /// In grayscale the picture is gray too: no pixel of its page has colour (poppler's raster).
    @Test func aGrayscaleHandoutDrawsThePictureInGray() throws {
        let article = try ArticleLoader.load(path: Self.path).article
        let rendered = try Sample.withPublisher {
            try $0.render(article, options: RenderOptions(document: .handout, mode: .en, grayscale: true))
        }
        let file = Sample.temporaryDirectory.appendingPathComponent("blocks-gray.pdf")
        try rendered.pdf.write(to: file)
        let stem = Sample.temporaryDirectory.appendingPathComponent("blocks-gray").path
        try Sample.run("pdftoppm", ["-r", "40", "-f", "2", "-l", "2", file.path, stem])
        let ppm = try #require(FileManager.default.contents(atPath: stem + "-2.ppm"))
        // P6 header: magic, width, height, maximum; then RGB bytes.
        let bytes = [UInt8](ppm)
        var headerEnd = 0, lineEnds = 0
        while lineEnds < 3, headerEnd < bytes.count {
            if bytes[headerEnd] == 0x0A { lineEnds += 1 }
            headerEnd += 1
        }
        let pixels = Array(bytes[headerEnd...])
        #expect(pixels.count > 1000)
        var coloured = 0
        for index in stride(from: 0, to: pixels.count - 2, by: 3) where pixels[index] != pixels[index + 1] || pixels[index + 1] != pixels[index + 2] {
            coloured += 1
        }
        #expect(coloured == 0, "\(coloured) coloured pixels")
        let colour = try Sample.withPublisher { try $0.render(article, options: RenderOptions(document: .handout, mode: .en)) }
        #expect(colour.pdf != rendered.pdf)
    }

    /// An article's own section is printed after the part it follows on the page; one that
    /// follows nothing is printed where the layout lists other_sections.
    @Test func anOwnSectionIsPrintedAfterThePartItFollows() throws {
        var article = Sample.article
        let first = LocalizedText(en: "Zebra section after the types", bn: "ধরনের পরে জেব্রা অংশ")
        let last = LocalizedText(en: "Yak section with no place", bn: "জায়গাহীন ইয়াক অংশ")
        article.otherSections = [
            Section(title: last, blocks: [.paragraph(LocalizedText(en: "Yak words.", bn: "ইয়াক কথা।"))]),
            Section(title: first, blocks: [.paragraph(LocalizedText(en: "Zebra words.", bn: "জেব্রা কথা।"))], after: "types"),
        ]
        let rendered = try Sample.withPublisher { try $0.render(article, options: RenderOptions(document: .handout, mode: .en)) }
        let file = Sample.temporaryDirectory.appendingPathComponent("own-sections.pdf")
        try rendered.pdf.write(to: file)
        let text = try Sample.run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).stdout
        let types = try #require(article.sections[.types]?.title?.en), causes = try #require(article.sections[.causes]?.title?.en)
        let order = [types, first.en, causes, last.en].map { text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil }, "\(order)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "types, then its follower, then causes; the other later")
    }

    /// A picture whose file is not beside the article prints its words and says so.
    @Test func aMissingPictureIsDescribedAndWarned() throws {
        var article = try ArticleLoader.load(path: Self.path).article
        var blocks = try #require(article.sections[.treatments]?.blocks)
        let index = try #require(blocks.firstIndex { if case .figure = $0 { true } else { false } })
        guard case .figure(var figure) = blocks[index] else { return }
        figure.image = "not-there.png"
        blocks[index] = .figure(figure)
        article.sections[.treatments]?.blocks = blocks
        let rendered = try Sample.withPublisher { try $0.render(article, options: RenderOptions(document: .handout, mode: .en)) }
        #expect(rendered.warnings.contains { $0.message.contains("'not-there.png' is not a PNG file") && $0.location?.file == Self.path })
        let file = Sample.temporaryDirectory.appendingPathComponent("blocks-missing.pdf")
        try rendered.pdf.write(to: file)
        let text = try Sample.run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).stdout
        #expect(text.contains("Picture: A colour chart standing in for a photo of a rash"))
        #expect(try Sample.run("pdfimages", ["-list", file.path]).stdout.split(separator: "\n").count == 2, "no image")
    }
}
