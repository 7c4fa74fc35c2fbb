// Draws laid-out pages into a PDF in memory, through Cairo. The caller decides where the
// bytes go (a file written atomically, an HTTP response).
import Foundation
import LayoutEngine
import TextShaping

public enum PDFRenderer {
    public static func render(_ layout: LayoutResult, info: DocumentInfo) -> Data {
        let writer = PDFWriter(info: info)
        writer.add(layout.pages)
        return writer.finish() ?? Data()   // in memory, writing cannot fail
    }

    /// The structure tag for a paragraph of this role: what a screen reader announces.
    static func tag(for role: TextRole) -> String {
        switch role {
        case .heading(let level): return "H\(min(max(level, 1), 6))"
        case .paragraph: return "P"
        case .label: return "Span"
        }
    }

    /// What drawing a page began: each structure element, in order, as cairo nests it
    /// (a container holds what was begun until it ended; a link belongs to the text it is
    /// in); and for each form field on the page, the element it came in (the label or
    /// cell it belongs to), nil before any.
    struct Drawn {
        var elements: [StructureElement] = []
        var fieldOwners: [Int?] = []
    }

    /// Draws the page. `tagged` false draws the same marks with no structure tags and no links.
    @discardableResult
    static func draw(_ page: PageFrame, on canvas: Canvas, tagged: Bool = true) -> Drawn {
        var drawn = Drawn()
        var containers: [Int] = []   // open containers, innermost last
        var owner: Int?   // the latest element a form field can belong to
        // Each paragraph's lines go into one structure element, in drawing order. (One
        // shaped text can be placed twice, a list marker: its first line starts anew.)
        var open: (text: ObjectIdentifier, tag: String, index: Int)?
        func close() {
            if let current = open { canvas.endTag(current.tag) }
            open = nil
        }
        func begin(_ element: StructureElement) {
            close()
            guard tagged else { return }
            canvas.beginTag(element.tag)
            owner = drawn.elements.count
            var element = element
            element.parent = containers.last
            drawn.elements.append(element)
        }
        defer { close() }
        for item in page.items {
            switch item {
            case let .text(shaped, line, origin):
                guard let text = shaped as? PangoText else { continue }
                if tagged, open?.text != ObjectIdentifier(text) || line == 0 {
                    begin(StructureElement(tag: tag(for: text.text.role), language: text.text.language,
                                           inDocumentLanguage: text.text.isInSeveralLanguages))
                    open = (ObjectIdentifier(text), tag(for: text.text.role), drawn.elements.count - 1)
                }
                text.drawLine(line, x: origin.x, y: origin.y, on: canvas)
            case let .rect(rect, fill, stroke, lineWidth):
                canvas.rectangle(rect, fill: fill, stroke: stroke, lineWidth: lineWidth)
            case let .line(from, to, color, lineWidth):
                canvas.line(from: from, to: to, color: color, lineWidth: lineWidth)
            case let .ellipse(rect, fill, stroke, lineWidth):
                canvas.ellipse(in: rect, fill: fill, stroke: stroke, lineWidth: lineWidth)
            case let .curve(from, control1, control2, to, color, lineWidth):
                canvas.curve(from: from, control1, control2, to: to, color: color, lineWidth: lineWidth)
            case .field:
                // Added to the finished file (PDFForms), not drawn: here only where it belongs.
                drawn.fieldOwners.append(owner)
            case let .link(rect, url):
                guard tagged else { continue }
                addLink(canvas, rect, url: url)
                drawn.elements.append(StructureElement(tag: "Link", parent: open?.index ?? containers.last))
            case let .image(rect, file, gray):
                canvas.image(file, in: rect, gray: gray)
            case let .beginTag(name):
                begin(StructureElement(tag: name))
                if tagged { containers.append(drawn.elements.count - 1) }
            case let .beginFigure(alt, language):
                begin(StructureElement(tag: "Figure", language: language, inDocumentLanguage: language == nil, alt: alt))
                if tagged { containers.append(drawn.elements.count - 1) }
            case let .endTag(name):
                close()
                guard tagged else { continue }
                canvas.endTag(name)
                containers.removeLast()
            }
        }
        return drawn
    }

    /// A link annotation over `rect` opening `url`.
    private static func addLink(_ canvas: Canvas, _ rect: Rect, url: String) {
        let escaped = url.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        canvas.beginTag("Link", attributes: "rect=[\(rect.minX) \(rect.minY) \(rect.width) \(rect.height)] uri='\(escaped)'")
        canvas.endTag("Link")
    }
}

/// A PDF built page by page, so a long document (a whole pack) never has to be laid out
/// all at once: add pages, bookmarks and blank pages, then finish.
public final class PDFWriter {
    private let sink: ByteSink
    private let canvas: Canvas
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
        canvas = Canvas(pdfWritingTo: sink.write, metadata: info.metadata)
        // Everything sits in one structure tree (cairo 1.16 also needs it: link annotations
        // on pages without structure tags leave a dangling object in the file).
        if accessible { canvas.beginTag("Document") }
    }

    /// The latest bookmark at each heading level, to nest the next one under.
    private var outline: [Int: Int] = [:]

    /// Adds pages; `bookmarks` adds one for each heading on them.
    public func add(_ pages: [PageFrame], bookmarks: Bool = true) {
        for page in pages {
            if bookmarks { bookmarkHeadings(of: page, number: pageCount + 1) }
            canvas.setPageSize(page.size)
            let drawn = PDFRenderer.draw(page, on: canvas, tagged: accessible)
            let base = elements.count
            elements += drawn.elements.map { element in
                var element = element
                element.parent = element.parent.map { base + $0 }
                return element
            }
            let placed = page.items.compactMap { item -> (Rect, FormField)? in if case let .field(rect, form) = item { (rect, form) } else { nil } }
            fields.append(zip(placed, drawn.fieldOwners).map { PDFForms.Placed(rect: $0.0, form: $0.1, owner: $1.map { base + $0 }) })
            canvas.showPage()
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
        canvas.addOutline(title, destination: "page=\(page)", parent: parent)
    }

    /// Ends the document and returns its bytes (none when it went to a file: then nil
    /// if writing failed, with `errno` saying why).
    public func finish() -> Data? {
        if accessible { canvas.endTag("Document") }
        guard canvas.finish(), sink.flush() else { return nil }
        guard accessible else { return Data() }
        let marks = PDFLanguages.marks(for: elements, document: language)
        guard fillable else {
            return PDFEdit.update(Data(sink.bytes)) { q, root in
                let handles = PDFLanguages.handles(q, root: root, elements: elements, wanted: marks.keys)
                    ?? PDFLanguages.allHandles(q, root: root, elements: elements)
                return PDFLanguages.mark(q, root: root, document: language, marks: marks, handles: handles)
            }
        }
        return PDFEdit.edit(Data(sink.bytes)) { q, root in
            let handles = PDFLanguages.allHandles(q, root: root, elements: elements)
            PDFLanguages.mark(q, root: root, document: language, marks: marks, handles: handles)
            PDFForms.add(q, root: root, fields: fields, elements: handles)
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

/// Where the bytes Cairo writes go: kept in memory, or written to a file in blocks (cairo
/// hands over a few bytes at a time: a system call, or a `Data` append, for each costs more
/// than making them).
final class ByteSink {
    private(set) var bytes: [UInt8] = []
    let descriptor: Int32?
    private static let block = 1 << 16

    init(descriptor: Int32? = nil) {
        self.descriptor = descriptor
    }

    func write(_ chunk: UnsafeRawBufferPointer) -> Bool {
        bytes.append(contentsOf: chunk)
        return descriptor == nil || bytes.count < Self.block || flush()
    }

    /// Writes what is held to the file; false if that failed (`errno` says why).
    func flush() -> Bool {
        guard let descriptor, !bytes.isEmpty else { return true }
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes.withUnsafeBytes { FileOutput.writeAll(descriptor, $0) }
    }
}
