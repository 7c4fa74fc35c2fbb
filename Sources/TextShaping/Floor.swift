// The floor `make bench` measures Handout against: the same paragraphs shaped by Pango
// and drawn by Cairo into a PDF, line under line, with none of Handout's own work (no
// blocks, columns, keep rules, running heads, tags, links or language marking). It lives
// beside the shaper, in the fonts' Pango context, so no C handle leaves this module for it.
internal import CPangoCairo
import Foundation

public enum Floor {
    public struct Paragraph: Sendable {
        public var text: String
        public var bangla: Bool
        /// The line length Handout gives the paragraph (a column, in bilingual output).
        public var width: Double

        public init(text: String, bangla: Bool, width: Double) {
            self.text = text
            self.bangla = bangla
            self.width = width
        }
    }

    /// Draws `paragraphs` in `size`-point type on A4 pages, one under another at the left
    /// margin; returns the pages and the PDF's size.
    public static func render(_ paragraphs: [Paragraph], fonts: FontLibrary, size: Double = 12,
                              margin: Double = 48) -> (pages: Int, bytes: Int) {
        let counter = ByteCounter()
        let page = (width: 595.0, height: 842.0)
        let surface = cairo_pdf_surface_create_for_stream(countBytes, Unmanaged.passUnretained(counter).toOpaque(),
                                                          page.width, page.height)!
        let cr = cairo_create(surface)!
        var y = margin, pages = 1
        for paragraph in paragraphs {
            let layout = pango_layout_new(fonts.context)!
            let font = pango_font_description_new()
            pango_font_description_set_family(font, paragraph.bangla ? FontLibrary.banglaFamily : FontLibrary.latinFamily)
            pango_font_description_set_absolute_size(font, Double(PangoUnits.units(size)))
            pango_layout_set_font_description(layout, font)
            pango_font_description_free(font)
            pango_layout_set_width(layout, PangoUnits.units(paragraph.width))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
            pango_layout_set_text(layout, paragraph.text, -1)
            let lines = pango_layout_get_iter(layout)
            repeat {
                var extents = PangoRectangle()
                pango_layout_iter_get_line_extents(lines, nil, &extents)
                let height = PangoUnits.points(extents.height)
                if y + height > page.height - margin {
                    cairo_show_page(cr)
                    pages += 1
                    y = margin
                }
                let baseline = PangoUnits.points(pango_layout_iter_get_baseline(lines) - extents.y)
                cairo_move_to(cr, margin, y + baseline)
                pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(lines))
                y += height
            } while pango_layout_iter_next_line(lines) != 0
            pango_layout_iter_free(lines)
            g_object_unref(UnsafeMutableRawPointer(layout))
            y += size / 2
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return (pages, counter.count)
    }
}

/// The size of the PDF the floor writes: only counted, as the bench needs no more.
private final class ByteCounter {
    var count = 0
}

private func countBytes(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    if let closure { Unmanaged<ByteCounter>.fromOpaque(closure).takeUnretainedValue().count += Int(length) }
    return CAIRO_STATUS_SUCCESS
}
