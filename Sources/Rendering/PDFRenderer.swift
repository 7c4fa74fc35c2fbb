// Draws laid-out pages into a PDF in memory, through Cairo. The caller decides where the
// bytes go (a file written atomically, an HTTP response).
internal import CPangoCairo
import Foundation
import LayoutEngine
import TextShaping

public enum PDFRenderer {
    public static func render(_ layout: LayoutResult, info: DocumentInfo) -> Data {
        let writer = PDFWriter(info: info)
        writer.add(layout.pages)
        return writer.finish() ?? Data()   // in memory, writing cannot fail
    }

    static func setMetadata(_ surface: OpaquePointer, _ info: DocumentInfo) {
        let fields: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, info.title), (CAIRO_PDF_METADATA_AUTHOR, info.author),
            (CAIRO_PDF_METADATA_SUBJECT, info.subject), (CAIRO_PDF_METADATA_KEYWORDS, info.keywords),
            (CAIRO_PDF_METADATA_CREATOR, info.creator), (CAIRO_PDF_METADATA_CREATE_DATE, info.date),
            (CAIRO_PDF_METADATA_MOD_DATE, info.date),
        ]
        for (key, value) in fields { cairo_pdf_surface_set_metadata(surface, key, value) }
    }

    /// The structure tag for a paragraph of this role: what a screen reader announces.
    static func tag(for role: TextRole) -> String {
        switch role {
        case .heading(let level): return "H\(min(max(level, 1), 6))"
        case .paragraph: return "P"
        case .label: return "Span"
        }
    }

    /// What drawing a page began: each structure element, in order, with its language
    /// (nil: the document's) and alternative text; and for each form field on the page, the
    /// element it came in (the label or cell it belongs to), nil before any.
    struct Drawn {
        var elements: [StructureElement] = []
        var fieldOwners: [Int?] = []
    }

    /// Draws the page. `tagged` false draws the same marks with no structure tags and no links.
    @discardableResult
    static func draw(_ page: PageFrame, into cr: OpaquePointer, tagged: Bool = true) -> Drawn {
        var elements: [StructureElement] = []
        var fieldOwners: [Int?] = []
        // Each paragraph's lines go into one structure element, in drawing order.
        var open: (text: ObjectIdentifier, tag: String)?
        func close() {
            if let current = open { cairo_tag_end(cr, current.tag) }
            open = nil
        }
        func begin(_ tag: String, _ element: StructureElement) {
            close()
            guard tagged else { return }
            cairo_tag_begin(cr, tag, "")
            elements.append(element)
        }
        defer { close() }
        for item in page.items {
            switch item {
            case let .text(shaped, line, origin):
                guard let text = shaped as? PangoText else { continue }
                if tagged, open?.text != ObjectIdentifier(text) {
                    begin(tag(for: text.text.role), StructureElement(language: text.text.language))
                    open = (ObjectIdentifier(text), tag(for: text.text.role))
                }
                text.drawLine(line, x: origin.x, y: origin.y, cairo: cr)
            case let .rect(rect, fill, stroke, lineWidth):
                cairo_rectangle(cr, rect.minX, rect.minY, rect.width, rect.height)
                paint(cr, fill: fill, stroke: stroke, lineWidth: lineWidth)
            case let .line(from, to, color, lineWidth):
                setColor(cr, color)
                cairo_set_line_width(cr, lineWidth)
                cairo_move_to(cr, from.x, from.y)
                cairo_line_to(cr, to.x, to.y)
                cairo_stroke(cr)
            case let .ellipse(rect, fill, stroke, lineWidth):
                cairo_new_path(cr)   // no line from wherever the pen was
                cairo_save(cr)
                cairo_translate(cr, rect.minX + rect.width / 2, rect.minY + rect.height / 2)
                cairo_scale(cr, rect.width / 2, rect.height / 2)
                cairo_arc(cr, 0, 0, 1, 0, 2 * Double.pi)
                cairo_restore(cr)   // the path keeps its shape; the pen is round again
                paint(cr, fill: fill, stroke: stroke, lineWidth: lineWidth)
            case let .curve(from, control1, control2, to, color, lineWidth):
                cairo_move_to(cr, from.x, from.y)
                cairo_curve_to(cr, control1.x, control1.y, control2.x, control2.y, to.x, to.y)
                paint(cr, fill: nil, stroke: color, lineWidth: lineWidth)
            case .field:
                // Added to the finished file (PDFForms), not drawn: here only where it belongs.
                fieldOwners.append(elements.isEmpty ? nil : elements.count - 1)
            case let .link(rect, url):
                if tagged { addLink(cr, rect, url: url) }
            case let .image(rect, file, gray):
                paintImage(cr, file: file, into: rect, gray: gray)
            case let .beginTag(name):
                begin(name, StructureElement())
            case let .beginFigure(alt):
                begin("Figure", StructureElement(alt: alt))
            case let .endTag(name):
                close()
                if tagged { cairo_tag_end(cr, name) }
            }
        }
        return Drawn(elements: elements, fieldOwners: fieldOwners)
    }

    /// A PNG file scaled into `rect`; layout has checked that it is one.
    private static func paintImage(_ cr: OpaquePointer, file: String, into rect: Rect, gray: Bool) {
        guard let image = cairo_image_surface_create_from_png(file) else { return }
        defer { cairo_surface_destroy(image) }
        let width = Double(cairo_image_surface_get_width(image)), height = Double(cairo_image_surface_get_height(image))
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, width > 0, height > 0 else { return }
        if gray { desaturate(image) }
        cairo_save(cr)
        cairo_translate(cr, rect.minX, rect.minY)
        cairo_scale(cr, rect.width / width, rect.height / height)
        cairo_set_source_surface(cr, image, 0, 0)
        // A rectangle filled, not cairo_paint: cairo 1.16 aborts when it finishes a tagged
        // PDF whose image was painted on a page after the first (cairo-array.c:226).
        cairo_rectangle(cr, 0, 0, width, height)
        cairo_fill(cr)
        cairo_restore(cr)
    }

    /// Each pixel of a 32-bit image surface set to its luminance (Rec. 601), alpha kept.
    private static func desaturate(_ image: OpaquePointer) {
        let format = cairo_image_surface_get_format(image)
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24, let data = cairo_image_surface_get_data(image) else { return }
        cairo_surface_flush(image)
        let stride = Int(cairo_image_surface_get_stride(image))
        for row in 0..<Int(cairo_image_surface_get_height(image)) {
            let line = data.advanced(by: row * stride).withMemoryRebound(to: UInt32.self, capacity: stride / 4) { $0 }
            for column in 0..<Int(cairo_image_surface_get_width(image)) {
                let pixel = line[column]
                let (red, green, blue) = ((pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF)
                let luma = (red * 299 + green * 587 + blue * 114) / 1000
                line[column] = (pixel & 0xFF00_0000) | luma << 16 | luma << 8 | luma
            }
        }
        cairo_surface_mark_dirty(image)
    }

    /// A link annotation over `rect` opening `url`.
    private static func addLink(_ cr: OpaquePointer, _ rect: Rect, url: String) {
        let escaped = url.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        cairo_tag_begin(cr, CAIRO_TAG_LINK, "rect=[\(rect.minX) \(rect.minY) \(rect.width) \(rect.height)] uri='\(escaped)'")
        cairo_tag_end(cr, CAIRO_TAG_LINK)
    }

    /// Fills and strokes the current path, then clears it.
    private static func paint(_ cr: OpaquePointer, fill: Color?, stroke: Color?, lineWidth: Double) {
        if let fill { setColor(cr, fill); cairo_fill_preserve(cr) }
        if let stroke, lineWidth > 0 { setColor(cr, stroke); cairo_set_line_width(cr, lineWidth); cairo_stroke_preserve(cr) }
        cairo_new_path(cr)
    }

    private static func setColor(_ cr: OpaquePointer, _ color: Color) {
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
    }
}

/// A PDF built page by page, so a long document (a whole pack) never has to be laid out
/// all at once: add pages, bookmarks and blank pages, then finish.
public final class PDFWriter {
    private let sink: ByteSink
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    private let language: String
    /// Structure tags, links and languages: for people reading on screen. Off for a print
    /// pack, which then streams to its file in constant memory.
    private let accessible: Bool
    /// Every structure element, in order.
    private var elements: [StructureElement] = []
    /// A form on screen: each page's form fields become AcroForm fields.
    private let fillable: Bool
    private var fields: [[PDFForms.Placed]] = []
    public private(set) var pageCount = 0

    /// An accessible PDF, kept in memory.
    public convenience init(info: DocumentInfo) {
        self.init(info: info, sink: ByteSink(), accessible: true)
    }

    /// A PDF for the printer, written to `descriptor` as each page is finished: no
    /// structure tree, links or language marks (they would be held until the end).
    public convenience init(info: DocumentInfo, printingTo descriptor: Int32) {
        self.init(info: info, sink: ByteSink(descriptor: descriptor), accessible: false)
    }

    private init(info: DocumentInfo, sink: ByteSink, accessible: Bool) {
        self.sink = sink
        self.accessible = accessible
        language = info.language
        fillable = info.fillable
        surface = cairo_pdf_surface_create_for_stream(writeToSink, Unmanaged.passUnretained(sink).toOpaque(), 595, 842)!
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        PDFRenderer.setMetadata(surface, info)
        cr = cairo_create(surface)!
        // Everything sits in one structure tree (cairo 1.16 also needs it: link annotations
        // on pages without structure tags leave a dangling object in the file).
        if accessible { cairo_tag_begin(cr, "Document", "") }
    }

    /// The latest bookmark at each heading level, to nest the next one under.
    private var outline: [Int: Int] = [:]

    /// Adds pages; `bookmarks` adds one for each heading on them.
    public func add(_ pages: [PageFrame], bookmarks: Bool = true) {
        for page in pages {
            if bookmarks { bookmarkHeadings(of: page, number: pageCount + 1) }
            cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
            let drawn = PDFRenderer.draw(page, into: cr, tagged: accessible)
            let base = elements.count
            elements += drawn.elements
            let placed = page.items.compactMap { item -> (Rect, FormField)? in if case let .field(rect, form) = item { (rect, form) } else { nil } }
            fields.append(zip(placed, drawn.fieldOwners).map { PDFForms.Placed(rect: $0.0, form: $0.1, owner: $1.map { base + $0 }) })
            cairo_show_page(cr)
            pageCount += 1
        }
    }

    /// A bookmark for every heading that starts on this page, as layout named it.
    private func bookmarkHeadings(of page: PageFrame, number: Int) {
        for case let .text(shaped, 0, _) in page.items {
            guard case .heading(let level) = shaped.text.role, shaped.text.bookmarked else { continue }
            let parent = (1..<max(level, 1)).reversed().compactMap { outline[$0] }.first ?? 0
            outline[level] = addBookmark(shaped.text.bookmark ?? shaped.text.plainText, page: number, parent: parent)
            for deeper in outline.keys where deeper > level { outline[deeper] = nil }
        }
    }

    /// An empty page, so the next document starts on a right-hand page when printed double-sided.
    public func addBlankPage(size: Size) {
        add([.blank(size)], bookmarks: false)
    }

    /// A bookmark to page `page` (counting from 1); returns its id, to nest bookmarks under it.
    @discardableResult
    public func addBookmark(_ title: String, page: Int, parent: Int = 0) -> Int {
        Int(cairo_pdf_surface_add_outline(surface, Int32(parent), title, "page=\(page)", CAIRO_PDF_OUTLINE_FLAG_OPEN))
    }

    /// Ends the document and returns its bytes (none when it went to a file: then nil
    /// if writing failed, with `errno` saying why).
    public func finish() -> Data? {
        if accessible { cairo_tag_end(cr, "Document") }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { return nil }
        guard accessible else { return Data() }
        let marked = elements.map { StructureElement(language: $0.language == language ? nil : $0.language, alt: $0.alt) }
        return PDFEdit.edit(sink.data) { q, root in
            let tagged = PDFLanguages.mark(q, root: root, document: language, elements: marked)
            if fillable { PDFForms.add(q, root: root, fields: fields, elements: tagged) }
        }
    }
}

/// Writing to an open file: every byte, through interrupted calls.
public enum FileOutput {
    public static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}

/// Where the bytes Cairo writes go: kept in memory, or written straight to a file.
final class ByteSink {
    var data = Data()
    let descriptor: Int32?

    init(descriptor: Int32? = nil) {
        self.descriptor = descriptor
    }

    func write(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard let descriptor else {
            data.append(bytes, count: count)
            return true
        }
        return FileOutput.writeAll(descriptor, UnsafeRawBufferPointer(start: bytes, count: count))
    }
}

func writeToSink(_ closure: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    return sink.write(bytes, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
}
