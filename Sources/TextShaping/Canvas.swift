// A cairo surface and its drawing context, behind Swift calls: what Rendering paints
// with. Cairo is called only here and beside the shaper, so no C handle leaves this module
// (drawing a Pango line needs the Pango layout and the cairo context in one place).
internal import CPangoCairo
import Foundation
import LayoutEngine

public final class Canvas {
    private let surface: OpaquePointer
    let cairo: OpaquePointer
    /// Keeps the PDF's byte writer alive for as long as cairo may call it.
    private let output: Output?

    /// Where cairo's bytes go; false stops the document with a write error.
    public typealias Write = (UnsafeRawBufferPointer) -> Bool

    /// A PDF 1.5 document with these information fields, written through `write` as pages
    /// are finished.
    public init(pdfWritingTo write: @escaping Write, metadata: [(PDFMetadata, String)]) {
        let output = Output(write)
        surface = cairo_pdf_surface_create_for_stream(writeOutput, Unmanaged.passUnretained(output).toOpaque(), 595, 842)!
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        for (key, value) in metadata { cairo_pdf_surface_set_metadata(surface, key.cairo, value) }
        cairo = cairo_create(surface)!
        self.output = output
    }

    /// An image of `width` × `height` pixels on white, drawn at `scale` pixels a point.
    public init(imageWidth width: Int, height: Int, scale: Double) {
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
        cairo = cairo_create(surface)!
        output = nil
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        cairo_scale(cairo, scale, scale)
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    // MARK: Shapes

    public func rectangle(_ rect: Rect, fill: Color?, stroke: Color?, lineWidth: Double) {
        cairo_rectangle(cairo, rect.minX, rect.minY, rect.width, rect.height)
        paint(fill: fill, stroke: stroke, lineWidth: lineWidth)
    }

    public func line(from: Point, to: Point, color: Color, lineWidth: Double) {
        setColor(color)
        cairo_set_line_width(cairo, lineWidth)
        cairo_move_to(cairo, from.x, from.y)
        cairo_line_to(cairo, to.x, to.y)
        cairo_stroke(cairo)
    }

    public func ellipse(in rect: Rect, fill: Color?, stroke: Color?, lineWidth: Double) {
        cairo_new_path(cairo)   // no line from wherever the pen was
        cairo_save(cairo)
        cairo_translate(cairo, rect.minX + rect.width / 2, rect.minY + rect.height / 2)
        cairo_scale(cairo, rect.width / 2, rect.height / 2)
        cairo_arc(cairo, 0, 0, 1, 0, 2 * Double.pi)
        cairo_restore(cairo)   // the path keeps its shape; the pen is round again
        paint(fill: fill, stroke: stroke, lineWidth: lineWidth)
    }

    public func curve(from: Point, _ control1: Point, _ control2: Point, to: Point, color: Color, lineWidth: Double) {
        cairo_move_to(cairo, from.x, from.y)
        cairo_curve_to(cairo, control1.x, control1.y, control2.x, control2.y, to.x, to.y)
        paint(fill: nil, stroke: color, lineWidth: lineWidth)
    }

    /// Fills and strokes the current path, then clears it.
    private func paint(fill: Color?, stroke: Color?, lineWidth: Double) {
        if let fill { setColor(fill); cairo_fill_preserve(cairo) }
        if let stroke, lineWidth > 0 { setColor(stroke); cairo_set_line_width(cairo, lineWidth); cairo_stroke_preserve(cairo) }
        cairo_new_path(cairo)
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
    }

    // MARK: Images

    /// A PNG file scaled into `rect`, in grey if asked; nothing if the file is not a PNG.
    public func image(_ file: String, in rect: Rect, gray: Bool) {
        guard let image = cairo_image_surface_create_from_png(file) else { return }
        defer { cairo_surface_destroy(image) }
        let width = Double(cairo_image_surface_get_width(image)), height = Double(cairo_image_surface_get_height(image))
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, width > 0, height > 0 else { return }
        if gray { Self.desaturate(image) }
        cairo_save(cairo)
        cairo_translate(cairo, rect.minX, rect.minY)
        cairo_scale(cairo, rect.width / width, rect.height / height)
        cairo_set_source_surface(cairo, image, 0, 0)
        // A rectangle filled, not cairo_paint: cairo 1.16 aborts when it finishes a tagged
        // PDF whose image was painted on a page after the first (cairo-array.c:226).
        cairo_rectangle(cairo, 0, 0, width, height)
        cairo_fill(cairo)
        cairo_restore(cairo)
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

    // MARK: PDF structure

    /// Opens a structure element or a link (cairo's tag names and attribute strings).
    public func beginTag(_ name: String, attributes: String = "") {
        cairo_tag_begin(cairo, name, attributes)
    }

    public func endTag(_ name: String) {
        cairo_tag_end(cairo, name)
    }

    /// The size of the PDF page drawn next.
    public func setPageSize(_ size: Size) {
        cairo_pdf_surface_set_size(surface, size.width, size.height)
    }

    public func showPage() {
        cairo_show_page(cairo)
    }

    /// An open bookmark to `destination` (cairo's "page=N"); returns its id, to nest others under.
    public func addOutline(_ title: String, destination: String, parent: Int) -> Int {
        Int(cairo_pdf_surface_add_outline(surface, Int32(parent), title, destination, CAIRO_PDF_OUTLINE_FLAG_OPEN))
    }

    /// Ends the document; false if writing it failed.
    public func finish() -> Bool {
        cairo_surface_finish(surface)
        return cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS
    }

    /// The image as a PNG file's bytes; empty if cairo could not write them.
    public func png() -> Data {
        var data = Data()
        let output = Output { data.append(contentsOf: $0); return true }
        let status = withExtendedLifetime(output) {
            cairo_surface_write_to_png_stream(surface, writeOutput, Unmanaged.passUnretained(output).toOpaque())
        }
        return status == CAIRO_STATUS_SUCCESS ? data : Data()
    }
}

/// The PDF's document information fields.
public enum PDFMetadata: Sendable {
    case title, author, subject, keywords, creator, createDate, modDate

    var cairo: cairo_pdf_metadata_t {
        switch self {
        case .title: CAIRO_PDF_METADATA_TITLE
        case .author: CAIRO_PDF_METADATA_AUTHOR
        case .subject: CAIRO_PDF_METADATA_SUBJECT
        case .keywords: CAIRO_PDF_METADATA_KEYWORDS
        case .creator: CAIRO_PDF_METADATA_CREATOR
        case .createDate: CAIRO_PDF_METADATA_CREATE_DATE
        case .modDate: CAIRO_PDF_METADATA_MOD_DATE
        }
    }
}

/// A Swift function cairo's C write callback can reach.
private final class Output {
    let write: Canvas.Write
    init(_ write: @escaping Canvas.Write) { self.write = write }
}

private func writeOutput(_ closure: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    let output = Unmanaged<Output>.fromOpaque(closure).takeUnretainedValue()
    return output.write(UnsafeRawBufferPointer(start: bytes, count: Int(length))) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
}
