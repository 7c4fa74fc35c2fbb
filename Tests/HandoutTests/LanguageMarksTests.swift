// The rule that places /Lang in the structure tree, on trees written out by hand: a mark
// only where the language changes, so what a reader resolves for each element (its own
// /Lang or the nearest around it) is the element's language. Then the same through the
// renderer, on a page drawn with real fonts and read back from the PDF.
import Foundation
import HandoutKit
import LayoutEngine
import Testing
import TextShaping
@testable import Rendering

@Suite struct LanguageMarksTests {
    /// en document: L › LI › (Lbl › Span "১.", LBody › P), with `body` the paragraph's language.
    static func listItem(label: String?, body: String?, mixed: Bool = false) -> [StructureElement] {
        [StructureElement(tag: "L"),
         StructureElement(tag: "LI", parent: 0),
         StructureElement(tag: "Lbl", parent: 1),
         StructureElement(tag: "Span", parent: 2, language: label),
         StructureElement(tag: "LBody", parent: 1),
         StructureElement(tag: "P", parent: 4, language: body, inDocumentLanguage: mixed)]
    }

    /// What a reader resolves for each element: its own mark, or the nearest around it.
    static func resolved(_ elements: [StructureElement], _ marks: [Int: PDFLanguages.Mark], document: String) -> [String] {
        elements.indices.map { index in
            var next: Int? = index
            while let current = next {
                if let language = marks[current]?.language { return language }
                next = elements[current].parent
            }
            return document
        }
    }

    @Test func aBanglaItemIsMarkedOnceOnTheHighestElementAllInBangla() {
        let elements = Self.listItem(label: "bn", body: "bn")
        let marks = PDFLanguages.marks(for: elements, document: "en")
        #expect(marks.keys.sorted() == [0])   // the list itself: all of it is Bangla
        #expect(Self.resolved(elements, marks, document: "en")[3...5] == ["bn", "bn", "bn"])
    }

    @Test func anEnglishItemInAnEnglishDocumentIsNotMarked() {
        #expect(PDFLanguages.marks(for: Self.listItem(label: "en", body: "en"), document: "en").isEmpty)
        #expect(PDFLanguages.marks(for: Self.listItem(label: nil, body: "en"), document: "en").isEmpty)
    }

    @Test func aBulletTakesTheLanguageAroundIt() {
        let elements = Self.listItem(label: nil, body: "bn")
        let marks = PDFLanguages.marks(for: elements, document: "en")
        #expect(marks.keys.sorted() == [0])
        #expect(Self.resolved(elements, marks, document: "en")[3] == "bn")
    }

    @Test func aMixedItemIsMarkedWhereEachLanguageIs() {
        // A Bangla number before English that stands in for a missing translation.
        let elements = Self.listItem(label: "bn", body: "en")
        let marks = PDFLanguages.marks(for: elements, document: "en")
        #expect(Self.resolved(elements, marks, document: "en")[3] == "bn")
        #expect(Self.resolved(elements, marks, document: "en")[5] == "en")
        #expect(marks.count == 1)
    }

    /// "Date / তারিখ" is read in the document's language, even among Bangla.
    @Test func aLineInSeveralLanguagesIsReadInTheDocumentsLanguage() {
        var elements = Self.listItem(label: "bn", body: nil, mixed: true)
        elements.append(StructureElement(tag: "P", parent: 4, language: "bn"))
        let marks = PDFLanguages.marks(for: elements, document: "en")
        let resolved = Self.resolved(elements, marks, document: "en")
        #expect(resolved[5] == "en")
        #expect(resolved[6] == "bn")
        #expect(resolved[3] == "bn")
    }

    @Test func noMarkRepeatsTheLanguageAroundIt() {
        let elements = Self.listItem(label: "bn", body: "bn") + Self.listItem(label: "en", body: "bn").map { element in
            var element = element
            element.parent = element.parent.map { $0 + 6 }
            return element
        }
        let marks = PDFLanguages.marks(for: elements, document: "bn")
        #expect(marks.keys.sorted() == [8])   // only the English label (its Lbl)
    }

    @Test func figuresGetTheirAlternativeText() {
        let elements = [StructureElement(tag: "Figure", alt: "QR code")]
        #expect(PDFLanguages.marks(for: elements, document: "en")[0]?.alt == "QR code")
        #expect(PDFLanguages.marks(for: elements, document: "en")[0]?.language == nil)
    }

    /// A Bangla list item holding a line in two languages and a figure, drawn on an English
    /// page: what a reader resolves for each element, read from the finished PDF.
    @Test func theRendererMarksWhatItDrew() throws {
        let shaper = PangoShaper(fonts: try FontLibrary(directory: Sample.resources.fonts))
        let style = ParagraphStyle(size: 11)
        func placed(_ runs: [TextRun], role: TextRole = .paragraph, y: Double) -> PlacedItem {
            .text(shaper.shape(StyledText(runs, style: style, role: role), width: 400), line: 0, origin: Point(x: 72, y: y))
        }
        var page = PageFrame(size: Size(width: 595, height: 842), body: Rect(x: 50, y: 50, width: 495, height: 742))
        page.items = [
            .beginTag("L"), .beginTag("LI"), .beginTag("Lbl"),
            placed([TextRun("১.", language: "bn")], role: .label, y: 100),
            .endTag("Lbl"), .beginTag("LBody"),
            placed([TextRun("Date", language: "en"), TextRun(" / "), TextRun("তারিখ", language: "bn")], y: 100),
            placed([TextRun("জ্বর হলে প্রচুর পানি পান করুন", language: "bn")], y: 120),
            .beginFigure(alt: "A face for 4 of 10 · fever above 38 °C", language: "en"), .rect(Rect(x: 72, y: 130, width: 20, height: 20),
                                                                          fill: nil, stroke: .black, lineWidth: 1),
            .endTag("Figure"),
            .endTag("LBody"), .endTag("LI"), .endTag("L"),
        ]
        let pdf = PDFRenderer.render(LayoutResult(pages: [page], diagnostics: []),
                                     info: DocumentInfo(title: "t", author: "a", subject: "s", keywords: "", creator: "c",
                                                        date: "2026-11-30T00:00:00", language: "en"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("marks-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try pdf.write(to: file)
        let tree = try #require(try QPDFJSON(file).structureTree())
        let byTag = { (tag: String) in tree.filter { $0["/S"] as? String == tag } }
        #expect(tree.map { $0["/S"] as? String } == ["/L", "/LI", "/Lbl", "/Span", "/LBody", "/P", "/P", "/Figure"])
        #expect(byTag("/Span").first?["language"] as? String == "u:bn")
        // nil: nothing marks it, so the catalog's English holds.
        #expect(byTag("/P").map { $0["language"] as? String } == [nil, "u:bn"], "the line in two languages is read in English")
        #expect(byTag("/Figure").first?["language"] as? String != "u:bn", "alternative text in English is not read as Bangla")
        #expect(byTag("/Figure").first?["/Alt"] as? String == "u:A face for 4 of 10 · fever above 38 °C")
    }
}
