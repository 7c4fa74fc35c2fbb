// Pages as PNG images, for previews and for sharing through messaging apps.
import Foundation
import LayoutEngine
import TextShaping

public enum PNGRenderer {
    /// One PNG per page at `dpi` dots per inch, on a white background.
    public static func render(_ pages: [PageFrame], dpi: Double) -> [Data] {
        pages.map { page in
            let scale = dpi / 72
            let canvas = Canvas(imageWidth: Int((page.size.width * scale).rounded(.up)),
                                height: Int((page.size.height * scale).rounded(.up)), scale: scale)
            PDFRenderer.draw(page, on: canvas)
            return canvas.png()
        }
    }
}
