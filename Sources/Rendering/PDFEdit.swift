// The finished file's objects edited with libqpdf: what cairo 1.16 cannot write itself
// (languages, alternative text, form fields). Objects are read, changed and written by
// libqpdf; only the update's frame (offsets, cross-reference lines) is put together here.
internal import CQPDF
import Crypto
import Foundation

enum PDFEdit {
    /// QPDF_ERRORS, a macro Swift does not import.
    static let qpdfErrors: QPDF_ERROR_CODE = 1 << 1

    /// `pdf` read, changed by `edit` and written again whole, with a deterministic ID;
    /// returned unchanged if it cannot be read back. For edits that add objects (forms).
    static func edit(_ pdf: Data, _ edit: (qpdf_data?, qpdf_oh) -> Void) -> Data {
        reading(pdf) { q in
            edit(q, qpdf_get_root(q))
            qpdf_init_write_memory(q)
            qpdf_set_deterministic_ID(q, 1)   // same input, same bytes
            guard qpdf_write(q) & qpdfErrors == 0, let buffer = qpdf_get_buffer(q) else { return pdf }
            return Data(bytes: buffer, count: qpdf_get_buffer_length(q))
        }
    }

    /// `pdf` with the objects `edit` changes (and returns) written again after it, as an
    /// incremental update (PDF 32000-1, 7.5.6): the original bytes stay, and a viewer reads
    /// the new versions through a cross-reference section of their own. Rewriting the whole
    /// file cost as much as parsing every object and writing it out again; an update costs
    /// only the objects touched. Returned unchanged if it cannot be read.
    static func update(_ pdf: Data, _ edit: (qpdf_data?, qpdf_oh) -> [qpdf_oh]) -> Data {
        reading(pdf) { q in
            guard let previous = lastCrossReference(pdf) else { return pdf }
            let changed = edit(q, qpdf_get_root(q))
            var objects: [Int32: qpdf_oh] = [:]
            for object in changed where qpdf_oh_is_indirect(q, object) != 0 {
                objects[qpdf_oh_get_object_id(q, object)] = object
            }
            var update = Data("\n".utf8)
            var offsets: [(id: Int32, generation: Int32, offset: Int)] = []
            for id in objects.keys.sorted() {
                let object = objects[id]!
                offsets.append((id, qpdf_oh_get_generation(q, object), pdf.count + update.count))
                update.append(contentsOf: "\(id) \(offsets.last!.generation) obj\n".utf8)
                update.append(bytes(qpdf_oh_unparse_resolved(q, object)))
                update.append(contentsOf: "\nendobj\n".utf8)
            }
            let crossReference = pdf.count + update.count
            update.append(contentsOf: crossReferenceSection(offsets).utf8)
            update.append(contentsOf: "trailer\n".utf8)
            update.append(trailer(q, previous: previous, id: identifier(pdf)))
            update.append(contentsOf: "\nstartxref\n\(crossReference)\n%%EOF\n".utf8)
            return pdf + update
        }
    }

    /// `pdf` opened in libqpdf for `body`; `pdf` itself if libqpdf cannot read it. libqpdf
    /// reads the bytes as it goes, so they stay borrowed until it is done.
    private static func reading(_ pdf: Data, _ body: (qpdf_data?) -> Data) -> Data {
        pdf.withUnsafeBytes { bytes in
            var q: qpdf_data? = qpdf_init()
            defer { qpdf_cleanup(&q) }
            qpdf_set_suppress_warnings(q, 1)
            let read = qpdf_read_memory(q, "handout.pdf", bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt64(bytes.count), nil)
            guard read & qpdfErrors == 0 else { return pdf }
            return body(q)
        }
    }

    /// An object as libqpdf writes it, byte for byte: a string may hold PDFDocEncoding
    /// bytes that are not UTF-8 (a "°" in alternative text).
    private static func bytes(_ text: UnsafePointer<CChar>) -> Data {
        Data(bytes: text, count: strlen(text))
    }

    /// One subsection per run of consecutive object numbers; each entry is 20 bytes.
    private static func crossReferenceSection(_ offsets: [(id: Int32, generation: Int32, offset: Int)]) -> String {
        var section = "xref\n"
        var start = 0
        while start < offsets.count {
            var end = start + 1
            while end < offsets.count, offsets[end].id == offsets[end - 1].id + 1 { end += 1 }
            section += "\(offsets[start].id) \(end - start)\n"
            for entry in offsets[start..<end] {
                section += padded(entry.offset, to: 10) + " " + padded(Int(entry.generation), to: 5) + " n \n"
            }
            start = end
        }
        return section
    }

    private static func padded(_ number: Int, to width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The original trailer's entries, pointing back to its cross-reference section, with
    /// the file identifier `id` (as a whole rewrite wrote one).
    private static func trailer(_ q: qpdf_data?, previous: Int, id: String) -> Data {
        let trailer = qpdf_oh_new_dictionary(q)
        let original = qpdf_get_trailer(q)
        for key in ["/Size", "/Root", "/Info"] where qpdf_oh_has_key(q, original, key) != 0 {
            qpdf_oh_replace_key(q, trailer, key, qpdf_oh_get_key(q, original, key))
        }
        qpdf_oh_replace_key(q, trailer, "/ID", qpdf_oh_parse(q, "[<\(id)> <\(id)>]"))
        qpdf_oh_replace_key(q, trailer, "/Prev", qpdf_oh_new_integer(q, Int64(previous)))
        return bytes(qpdf_oh_unparse_resolved(q, trailer))
    }

    /// A file identifier made from the content, so the same document has the same one: its
    /// MD5, as libqpdf's deterministic ID is (an identifier, not a safeguard).
    private static func identifier(_ pdf: Data) -> String {
        Insecure.MD5.hash(data: pdf).map { String(format: "%02x", $0) }.joined()
    }

    /// Where the file's last cross-reference section starts: the number after its last
    /// `startxref` keyword (PDF 32000-1, 7.5.5), which libqpdf does not expose.
    static func lastCrossReference(_ pdf: Data) -> Int? {
        let tail = pdf.suffix(64)
        guard let keyword = tail.lastRange(of: Data("startxref".utf8)) else { return nil }
        let digits = tail[keyword.upperBound...].drop { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }.prefix { (0x30...0x39).contains($0) }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}
