// The rule that places /Lang in the structure tree, on trees written out by hand: a mark
// only where the language changes, so what a reader resolves for each element (its own
// /Lang or the nearest around it) is the element's language.
import Testing
@testable import Rendering

@Suite struct LanguageMarksTests {
    /// en document: L › LI › (Lbl › Span "১.", LBody › P), with `body` the paragraph's language.
    static func listItem(label: String?, body: String?, mixed: Bool = false) -> [StructureElement] {
        [StructureElement(tag: "L"),
         StructureElement(tag: "LI", parent: 0),
         StructureElement(tag: "Lbl", parent: 1),
         StructureElement(tag: "Span", parent: 2, language: label),
         StructureElement(tag: "LBody", parent: 1),
         StructureElement(tag: "P", parent: 4, language: body, mixed: mixed)]
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
}
