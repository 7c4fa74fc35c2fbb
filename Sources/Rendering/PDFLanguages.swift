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

/// The finished file's objects edited with libqpdf (never its bytes by hand).
enum PDFEdit {
    /// QPDF_ERRORS, a macro Swift does not import.
    static let qpdfErrors: QPDF_ERROR_CODE = 1 << 1

    /// `pdf` read, changed by `edit` and written again with a deterministic ID; returned
    /// unchanged if it cannot be read back.
    static func edit(_ pdf: Data, _ edit: (qpdf_data?, qpdf_oh) -> Void) -> Data {
        var q: qpdf_data? = qpdf_init()
        defer { qpdf_cleanup(&q) }
        qpdf_set_suppress_warnings(q, 1)
        let read = pdf.withUnsafeBytes { bytes in
            qpdf_read_memory(q, "handout.pdf", bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt64(bytes.count), nil)
        }
        guard read & qpdfErrors == 0 else { return pdf }
        edit(q, qpdf_get_root(q))
        qpdf_init_write_memory(q)
        qpdf_set_deterministic_ID(q, 1)   // same input, same bytes
        guard qpdf_write(q) & qpdfErrors == 0, let buffer = qpdf_get_buffer(q) else { return pdf }
        return Data(bytes: buffer, count: qpdf_get_buffer_length(q))
    }
}

enum PDFLanguages {
    /// /Lang `document` on the catalog, and on each structure element (in the order they
    /// were tagged) its /Lang and /Alt where `elements` gives them; returns those elements.
    @discardableResult
    static func mark(_ q: qpdf_data?, root: qpdf_oh, document: String, elements: [StructureElement]) -> [qpdf_oh] {
        qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, document))
        qpdf_oh_replace_key(q, root, "/MarkInfo", qpdf_oh_parse(q, "<< /Marked true >>"))
        let tagged = structureElements(q, root)
        for (element, wanted) in zip(tagged, elements) {
            if let language = wanted.language { qpdf_oh_replace_key(q, element, "/Lang", qpdf_oh_new_unicode_string(q, language)) }
            if let alt = wanted.alt { qpdf_oh_replace_key(q, element, "/Alt", qpdf_oh_new_unicode_string(q, alt)) }
        }
        return tagged
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
