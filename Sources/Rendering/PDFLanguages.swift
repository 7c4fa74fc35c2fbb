// Languages in the PDF: the catalog's /Lang, and /Lang on the structure elements whose
// text is in another language, so screen readers switch voices. Cairo 1.16 ignores a
// lang attribute on its tags, so this edits the finished file's objects with libqpdf
// (PDFEdit), as PDFForms does.
internal import CQPDF
import Foundation

/// A structure element as drawing began it: cairo builds its tree from the same calls.
struct StructureElement {
    var tag: String
    /// The element it was begun inside (an index in the drawing's list); nil: the document.
    var parent: Int? = nil
    /// The language of a text element or a figure's description; nil for containers, links
    /// and text without one (a bullet takes the language around it).
    var language: String? = nil
    /// Read in the document's language, whatever is around it: text in several languages
    /// (a line, a figure's alternative text).
    var inDocumentLanguage = false
    var alt: String? = nil
}

enum PDFLanguages {
    /// What an element is given: /Lang, /Alt or both.
    struct Mark {
        var language: String?
        var alt: String?
    }

    /// The fewest /Lang marks that give every text element its language: one on the
    /// highest element whose text is all in one language other than what it inherits
    /// (PDF 32000-1, 14.9.2: a structure element's language holds for all inside it), so a
    /// Bangla list item is marked once, not on its label, number and paragraph. And /Alt on
    /// each figure.
    static func marks(for elements: [StructureElement], document: String) -> [Int: Mark] {
        let (children, top) = nesting(elements)
        // The languages spoken inside each element; a parent comes before its children.
        var spoken = elements.map { $0.inDocumentLanguage ? [document] : Set([$0.language].compactMap { $0 }) }
        for index in elements.indices.reversed() {
            if let parent = elements[index].parent { spoken[parent].formUnion(spoken[index]) }
        }
        var marks: [Int: Mark] = [:]
        func visit(_ index: Int, inherited: String) {
            var inherited = inherited
            let own = spoken[index].count == 1 ? spoken[index].first : elements[index].language
            if let own, own != inherited {
                marks[index, default: Mark()].language = own
                inherited = own
            }
            guard spoken[index].count > 1 else { return }
            for child in children[index] { visit(child, inherited: inherited) }
        }
        for index in top { visit(index, inherited: document) }
        for (index, element) in elements.enumerated() where element.alt != nil { marks[index, default: Mark()].alt = element.alt }
        return marks
    }

    /// Each element's children and the elements at the top, in the order they were begun.
    private static func nesting(_ elements: [StructureElement]) -> (children: [[Int]], top: [Int]) {
        var children = Array(repeating: [Int](), count: elements.count)
        var top: [Int] = []
        for (index, element) in elements.enumerated() {
            if let parent = element.parent { children[parent].append(index) } else { top.append(index) }
        }
        return (children, top)
    }

    /// /Lang `document` on the catalog, and `marks` on the elements' objects (`handles`);
    /// returns the objects changed, the catalog first.
    static func mark(_ q: qpdf_data?, root: qpdf_oh, document: String, marks: [Int: Mark], handles: [Int: qpdf_oh]) -> [qpdf_oh] {
        qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, document))
        qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"))
        var changed = [root]
        for (index, mark) in marks.sorted(by: { $0.key < $1.key }) {
            guard let element = handles[index] else { continue }
            if let language = mark.language { qpdf_oh_replace_key(q, element, "/Lang", qpdf_oh_new_unicode_string(q, language)) }
            if let alt = mark.alt { qpdf_oh_replace_key(q, element, "/Alt", qpdf_oh_new_unicode_string(q, alt)) }
            changed.append(element)
        }
        return changed
    }

    /// The objects of the elements at `wanted` (and of their ancestors, to reach them),
    /// found by position: an element's n-th child is the n-th object its /K refers to (the
    /// other entries are marked content on the page). Only these objects are parsed, and
    /// each one's /S is checked against the tag drawing gave it; nil if one differs (a
    /// cairo that builds its tree otherwise), so the caller can read the whole tree.
    static func handles(_ q: qpdf_data?, root: qpdf_oh, elements: [StructureElement], wanted: some Sequence<Int>) -> [Int: qpdf_oh]? {
        var needed = Set<Int>()
        for index in wanted {
            var next: Int? = index
            while let current = next, needed.insert(current).inserted { next = elements[current].parent }
        }
        let (children, top) = nesting(elements)
        var found: [Int: qpdf_oh] = [:]
        func resolve(_ kids: [Int], in container: qpdf_oh) -> Bool {
            let objects = referenced(q, qpdf_oh_get_key(q, container, "/K"))
            guard objects.count == kids.count else { return false }
            for (index, object) in zip(kids, objects) where needed.contains(index) {
                guard tag(q, object) == "/" + elements[index].tag else { return false }
                found[index] = object
                if !children[index].isEmpty, !resolve(children[index], in: object) { return false }
            }
            return true
        }
        return resolve(top, in: qpdf_oh_get_key(q, root, "/StructTreeRoot")) ? found : nil
    }

    /// Every element's object, read from the whole tree cairo wrote: depth first is the
    /// order they were begun (a Document element holding them all left out). Empty unless
    /// each one has the tag drawing gave the element in its place.
    static func allHandles(_ q: qpdf_data?, root: qpdf_oh, elements: [StructureElement]) -> [Int: qpdf_oh] {
        let all = everyElement(q, root: root)
        guard all.count == elements.count, zip(all, elements).allSatisfy({ tag(q, $0) == "/" + $1.tag }) else { return [:] }
        return Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0, $1) })
    }

    private static func everyElement(_ q: qpdf_data?, root: qpdf_oh) -> [qpdf_oh] {
        func elements(_ kids: qpdf_oh) -> [qpdf_oh] {
            referenced(q, kids).filter { qpdf_oh_is_dictionary(q, $0) != 0 && qpdf_oh_has_key(q, $0, "/S") != 0 }
                .flatMap { element -> [qpdf_oh] in
                    let inner = elements(qpdf_oh_get_key(q, element, "/K"))
                    return tag(q, element) == "/Document" ? inner : [element] + inner
                }
        }
        return elements(qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/StructTreeRoot"), "/K"))
    }

    /// The objects a /K entry refers to (one, or an array's), without reading them.
    private static func referenced(_ q: qpdf_data?, _ kids: qpdf_oh) -> [qpdf_oh] {
        if qpdf_oh_is_indirect(q, kids) != 0 { return [kids] }
        let items = qpdf_oh_is_array(q, kids) != 0 ? (0..<qpdf_oh_get_array_n_items(q, kids)).map { qpdf_oh_get_array_item(q, kids, $0) } : [kids]
        return items.filter { qpdf_oh_is_indirect(q, $0) != 0 }
    }

    private static func tag(_ q: qpdf_data?, _ element: qpdf_oh) -> String? {
        let name = qpdf_oh_get_key(q, element, "/S")
        return qpdf_oh_is_name(q, name) != 0 ? String(cString: qpdf_oh_get_name(q, name)) : nil
    }
}
