// Languages in the PDF: the catalog's /Lang, and /Lang on each Bangla structure element,
// so screen readers switch voices. Cairo 1.16 ignores a lang attribute on its tags, so
// this edits the finished file's objects with libqpdf (PDFEdit), as PDFForms does.
internal import CQPDF
import Foundation

/// What the finished file's structure element needs that cairo cannot write.
struct StructureElement {
    var language: String?
    var alt: String?
}

enum PDFLanguages {
    /// What marking changed: every structure element Handout tagged (in the order they
    /// were tagged), and the objects given a new key (the catalog first).
    struct Marked {
        var elements: [qpdf_oh]
        var changed: [qpdf_oh]
    }

    /// /Lang `document` on the catalog, and on each structure element (in the order they
    /// were tagged) its /Lang and /Alt where `elements` gives them.
    static func mark(_ q: qpdf_data?, root: qpdf_oh, document: String, elements: [StructureElement]) -> Marked {
        qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, document))
        qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"))
        let tagged = structureElements(q, root)
        var changed = [root]
        for (element, wanted) in zip(tagged, elements) where wanted.language != nil || wanted.alt != nil {
            if let language = wanted.language { qpdf_oh_replace_key(q, element, "/Lang", qpdf_oh_new_unicode_string(q, language)) }
            if let alt = wanted.alt { qpdf_oh_replace_key(q, element, "/Alt", qpdf_oh_new_unicode_string(q, alt)) }
            changed.append(element)
        }
        return Marked(elements: tagged, changed: changed)
    }

    /// Every structure element Handout tagged, in the order it was begun: the tree read
    /// depth first, leaving out the Link elements cairo adds for annotations.
    private static func structureElements(_ q: qpdf_data?, _ root: qpdf_oh) -> [qpdf_oh] {
        func elements(_ kids: qpdf_oh) -> [qpdf_oh] {
            let list = qpdf_oh_is_array(q, kids) != 0
                ? (0..<qpdf_oh_get_array_n_items(q, kids)).map { qpdf_oh_get_array_item(q, kids, $0) } : [kids]
            return list.filter { qpdf_oh_is_dictionary(q, $0) != 0 && qpdf_oh_has_key(q, $0, "/S") != 0 }
                .flatMap { element -> [qpdf_oh] in
                    let name = String(cString: qpdf_oh_get_name(q, qpdf_oh_get_key(q, element, "/S")))
                    guard name != "/Link" else { return [] }
                    let inner = elements(qpdf_oh_get_key(q, element, "/K"))
                    return name == "/Document" ? inner : [element] + inner
                }
        }
        return elements(qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/StructTreeRoot"), "/K"))
    }
}
