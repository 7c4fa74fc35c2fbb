// Pages as PNG images, for previews and for sharing through messaging apps.
internal import CPangoCairo
import Foundation
import LayoutEngine

public enum PNGRenderer {
    /// One PNG per page at `dpi` dots per inch, on a white background.
    public static func render(_ pages: [PageFrame], dpi: Double) -> [Data] {
        pages.map { page in
            let scale = dpi / 72
            let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((page.size.width * scale).rounded(.up)),
                                                     Int32((page.size.height * scale).rounded(.up)))!
            let cr = cairo_create(surface)!
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_scale(cr, scale, scale)
            PDFRenderer.draw(page, into: cr)
            let sink = ByteSink()
            cairo_surface_write_to_png_stream(surface, writeToSink, Unmanaged.passUnretained(sink).toOpaque())
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
            return sink.data
        }
    }
}
