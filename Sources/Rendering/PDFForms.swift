// A fillable PDF: each form field the layout placed becomes an AcroForm field on the
// finished file (libqpdf, through PDFEdit): a text field on a write-in line or a table
// cell, a check box on a tick box. An empty form prints exactly like the paper one: a
// text field's appearance is empty, a check box's "off" appearance too. Each field is
// in the structure tree as a Form element, its label as its tooltip (/TU). A dotted name
// ("day3.sleep") is a field "sleep" under a field "day3", as PDF names fields.
internal import CQPDF
import Foundation
import LayoutEngine

enum PDFForms {
    /// A form field where layout put it, and the structure element (by its place in the
    /// order they were tagged) it belongs to.
    struct Placed {
        var rect: Rect
        var form: FormField
        var owner: Int?
    }

    /// The fields of each page, their Form elements beside the elements they belong to
    /// (`elements`, in the order they were tagged).
    static func add(_ q: qpdf_data?, root: qpdf_oh, fields pages: [[Placed]], elements: [Int: qpdf_oh]) {
        guard pages.contains(where: { !$0.isEmpty }) else { return }
        var tree = StructureTree(q, root: root)
        var names = FieldNames(q)
        // Two fields of one name would be one field to a viewer: a repeat gets a number.
        var used: [String: Int] = [:]
        for (index, fields) in pages.enumerated() where !fields.isEmpty {
            let page = qpdf_get_page_n(q, index)
            let height = mediaHeight(q, page)
            var annotations = qpdf_oh_get_key(q, page, "/Annots")
            if qpdf_oh_is_array(q, annotations) == 0 {
                annotations = qpdf_oh_new_array(q)
                qpdf_oh_replace_key(q, page, "/Annots", annotations)
            }
            for placed in fields {
                let rect = placed.rect
                var form = placed.form
                used[form.name, default: 0] += 1
                if let count = used[form.name], count > 1 { form.name += "_\(count)" }
                let widget = qpdf_make_indirect_object(q, field(q, form, rect: rect, pageHeight: height, page: page))
                qpdf_oh_append_item(q, annotations, widget)
                names.add(widget, named: form.name)
                tree?.addForm(widget, page: page, form: form, beside: placed.owner.flatMap { elements[$0] })
            }
        }
        qpdf_oh_replace_key(q, root, "/AcroForm", acroForm(q, fields: names.top))
    }

    /// The form's dictionary: its fields and the font viewers type into them with.
    static func acroForm(_ q: qpdf_data?, fields: qpdf_oh) -> qpdf_oh {
        let form = qpdf_oh_parse(q, "<< /DA (/Helv 10 Tf 0 g) /DR << /Font << /Helv << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >> >>")
        qpdf_oh_replace_key(q, form, "/Fields", fields)
        return form
    }

    /// One field and its widget, in one dictionary, at `rect` (top-left origin) on the page.
    static func field(_ q: qpdf_data?, _ form: FormField, rect: Rect, pageHeight: Double, page: qpdf_oh) -> qpdf_oh {
        let box = [rect.minX, pageHeight - rect.maxY, rect.maxX, pageHeight - rect.minY].map { String(format: "%.2f", $0) }
        let widget = qpdf_oh_parse(q, "<< /Type /Annot /Subtype /Widget /F 4 /Rect [\(box.joined(separator: " "))] /Border [0 0 0] >>")
        qpdf_oh_replace_key(q, widget, "/P", page)
        qpdf_oh_replace_key(q, widget, "/TU", qpdf_oh_new_unicode_string(q, form.tooltip))
        let size = (width: rect.width, height: rect.height)
        switch form.kind {
        case .text, .number:
            qpdf_oh_replace_key(q, widget, "/FT", qpdf_oh_new_name(q, "/Tx"))
            qpdf_oh_replace_key(q, widget, "/DA", qpdf_oh_new_string(q, "/Helv 10 Tf 0 g"))
            if case .number(let digits) = form.kind {
                qpdf_oh_replace_key(q, widget, "/MaxLen", qpdf_oh_new_integer(q, Int64(digits)))
                qpdf_oh_replace_key(q, widget, "/Q", qpdf_oh_new_integer(q, 1))   // centred
            }
            let normal = qpdf_oh_new_dictionary(q)
            qpdf_oh_replace_key(q, normal, "/N", appearance(q, size, ""))
            qpdf_oh_replace_key(q, widget, "/AP", normal)
        case .checkBox:
            qpdf_oh_replace_key(q, widget, "/FT", qpdf_oh_new_name(q, "/Btn"))
            qpdf_oh_replace_key(q, widget, "/V", qpdf_oh_new_name(q, "/Off"))
            qpdf_oh_replace_key(q, widget, "/AS", qpdf_oh_new_name(q, "/Off"))
            let states = qpdf_oh_new_dictionary(q)
            qpdf_oh_replace_key(q, states, "/Yes", appearance(q, size, tick(size)))
            qpdf_oh_replace_key(q, states, "/Off", appearance(q, size, ""))
            let normal = qpdf_oh_new_dictionary(q)
            qpdf_oh_replace_key(q, normal, "/N", states)
            qpdf_oh_replace_key(q, widget, "/AP", normal)
        }
        return widget
    }

    /// A form XObject of the field's size drawing `content` (nothing: the paper's look).
    static func appearance(_ q: qpdf_data?, _ size: (width: Double, height: Double), _ content: String) -> qpdf_oh {
        let stream = qpdf_oh_new_stream(q)
        let bytes = Array(content.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            qpdf_oh_replace_stream_data(q, stream, buffer.baseAddress, buffer.count, qpdf_oh_new_null(q), qpdf_oh_new_null(q))
        }
        let dictionary = qpdf_oh_get_dict(q, stream)
        qpdf_oh_replace_key(q, dictionary, "/Type", qpdf_oh_new_name(q, "/XObject"))
        qpdf_oh_replace_key(q, dictionary, "/Subtype", qpdf_oh_new_name(q, "/Form"))
        qpdf_oh_replace_key(q, dictionary, "/BBox", qpdf_oh_parse(q, String(format: "[0 0 %.2f %.2f]", size.width, size.height)))
        return stream
    }

    /// A tick drawn inside a box of `size`.
    static func tick(_ size: (width: Double, height: Double)) -> String {
        let (w, h) = size
        return String(format: "q 0 g 0 G %.2f w 1 J 1 j %.2f %.2f m %.2f %.2f l %.2f %.2f l S Q",
                      max(1, w * 0.12), w * 0.2, h * 0.5, w * 0.42, h * 0.22, w * 0.82, h * 0.8)
    }

    static func mediaHeight(_ q: qpdf_data?, _ page: qpdf_oh) -> Double {
        let box = qpdf_oh_get_key(q, page, "/MediaBox")
        return qpdf_oh_get_array_n_items(q, box) == 4 ? qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, box, 3)) : 842
    }
}

/// Fields by their dotted names: "medicines.2.dose" is "dose" under "2" under "medicines";
/// the fields above a widget hold only names and kids.
private struct FieldNames {
    let q: qpdf_data?
    let top: qpdf_oh
    private var parents: [String: qpdf_oh] = [:]

    init(_ q: qpdf_data?) {
        self.q = q
        top = qpdf_oh_new_array(q)
    }

    mutating func add(_ widget: qpdf_oh, named name: String) {
        let parts = name.split(separator: ".").map(String.init)
        qpdf_oh_replace_key(q, widget, "/T", qpdf_oh_new_unicode_string(q, parts.last ?? name))
        attach(widget, under: Array(parts.dropLast()))
    }

    /// Puts `field` among the kids of the field at `path` (made when missing), or at the top.
    private mutating func attach(_ field: qpdf_oh, under path: [String]) {
        guard let last = path.last else { return qpdf_oh_append_item(q, top, field) }
        let key = path.joined(separator: ".")
        let parent: qpdf_oh
        if let known = parents[key] {
            parent = known
        } else {
            parent = qpdf_make_indirect_object(q, qpdf_oh_parse(q, "<< /Kids [] >>"))
            qpdf_oh_replace_key(q, parent, "/T", qpdf_oh_new_unicode_string(q, last))
            parents[key] = parent
            attach(parent, under: Array(path.dropLast()))
        }
        qpdf_oh_replace_key(q, field, "/Parent", parent)
        qpdf_oh_append_item(q, qpdf_oh_get_key(q, parent, "/Kids"), field)
    }
}

/// The structure tree cairo wrote, to add Form elements to: each beside the element it
/// belongs to (inside a table cell or label, after a paragraph), else under the Document
/// element; each pointing at its widget (OBJR), the widget back at it through the parent tree.
private struct StructureTree {
    let q: qpdf_data?
    let document: qpdf_oh
    let nums: qpdf_oh
    let treeRoot: qpdf_oh
    private var next: Int64

    /// Nil when the file has no tree of the shape cairo writes (a flat parent tree).
    init?(_ q: qpdf_data?, root: qpdf_oh) {
        self.q = q
        treeRoot = qpdf_oh_get_key(q, root, "/StructTreeRoot")
        let parents = qpdf_oh_get_key(q, treeRoot, "/ParentTree")
        nums = qpdf_oh_get_key(q, parents, "/Nums")
        guard qpdf_oh_is_dictionary(q, treeRoot) != 0, qpdf_oh_is_array(q, nums) != 0 else { return nil }
        // The Document element when the tree has one at its top, else the tree's root.
        let top = qpdf_oh_get_key(q, treeRoot, "/K")
        let isDocument = qpdf_oh_is_dictionary(q, top) != 0 && qpdf_oh_has_key(q, top, "/S") != 0
            && String(cString: qpdf_oh_get_name(q, qpdf_oh_get_key(q, top, "/S"))) == "/Document"
        document = isDocument ? top : treeRoot
        // Keys go on from the highest the parent tree has.
        let numbers = nums, count = qpdf_oh_get_array_n_items(q, nums)
        let keys = stride(from: 0, to: count, by: 2).map { qpdf_oh_get_int_value(q, qpdf_oh_get_array_item(q, numbers, $0)) }
        next = max(keys.max().map { $0 + 1 } ?? 0, qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, treeRoot, "/ParentTreeNextKey")))
    }

    /// Elements a field goes inside of; beside any other, it follows it in its parent.
    static let containers: Set<String> = ["/TD", "/TH", "/Lbl", "/LBody", "/LI"]

    mutating func addForm(_ widget: qpdf_oh, page: qpdf_oh, form: FormField, beside owner: qpdf_oh?) {
        let element = qpdf_oh_parse(q, "<< /Type /StructElem /S /Form >>")
        let reference = qpdf_oh_parse(q, "<< /Type /OBJR >>")
        qpdf_oh_replace_key(q, reference, "/Obj", widget)
        qpdf_oh_replace_key(q, reference, "/Pg", page)
        qpdf_oh_replace_key(q, element, "/K", reference)
        qpdf_oh_replace_key(q, element, "/Alt", qpdf_oh_new_unicode_string(q, form.tooltip))
        if let language = form.language { qpdf_oh_replace_key(q, element, "/Lang", qpdf_oh_new_unicode_string(q, language)) }
        let indirect = qpdf_make_indirect_object(q, element)
        place(indirect, beside: owner)
        qpdf_oh_replace_key(q, widget, "/StructParent", qpdf_oh_new_integer(q, next))
        qpdf_oh_append_item(q, nums, qpdf_oh_new_integer(q, next))
        qpdf_oh_append_item(q, nums, indirect)
        next += 1
        qpdf_oh_replace_key(q, treeRoot, "/ParentTreeNextKey", qpdf_oh_new_integer(q, next))
    }

    /// Into `owner` when it is a cell or a label, after it in its parent otherwise, and at the
    /// end of the tree's top level when there is no owner.
    private func place(_ element: qpdf_oh, beside owner: qpdf_oh?) {
        guard let owner else { return append(element, to: document) }
        let name = String(cString: qpdf_oh_get_name(q, qpdf_oh_get_key(q, owner, "/S")))
        if Self.containers.contains(name) { return append(element, to: owner) }
        let parent = qpdf_oh_get_key(q, owner, "/P")
        let kids = kidsArray(of: parent)
        let id = qpdf_oh_get_object_id(q, owner)
        guard let index = (0..<qpdf_oh_get_array_n_items(q, kids)).first(where: { qpdf_oh_get_object_id(q, qpdf_oh_get_array_item(q, kids, $0)) == id })
        else { return append(element, to: parent) }
        qpdf_oh_replace_key(q, element, "/P", parent)
        qpdf_oh_insert_item(q, kids, index + 1, element)
    }

    private func append(_ element: qpdf_oh, to parent: qpdf_oh) {
        qpdf_oh_replace_key(q, element, "/P", parent)
        qpdf_oh_append_item(q, kidsArray(of: parent), element)
    }

    /// The element's /K as an array, made one when it holds a single kid or none.
    private func kidsArray(of parent: qpdf_oh) -> qpdf_oh {
        let kids = qpdf_oh_get_key(q, parent, "/K")
        if qpdf_oh_is_array(q, kids) != 0 { return kids }
        let array = qpdf_oh_new_array(q)
        if qpdf_oh_is_null(q, kids) == 0 { qpdf_oh_append_item(q, array, kids) }
        qpdf_oh_replace_key(q, parent, "/K", array)
        return array
    }
}
