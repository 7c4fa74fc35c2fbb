// A QR code for the article's web address, drawn as squares (libqrencode makes the code).
internal import CQRencode
import ArticleModel
import LayoutEngine

enum QRCode {
    /// The code for `text`, `size` points square including the quiet zone; nil if it cannot be encoded.
    static func drawing(for text: String, size: Double, colour: Color) -> DrawingBlock? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width), quiet = 4
        let module = size / Double(width + 2 * quiet)
        var items: [PlacedItem] = []
        for row in 0..<width {
            // One rectangle per run of dark modules in a row.
            var column = 0
            while column < width {
                guard code.pointee.data[row * width + column] & 1 == 1 else { column += 1; continue }
                let start = column
                while column < width, code.pointee.data[row * width + column] & 1 == 1 { column += 1 }
                items.append(.rect(Rect(x: Double(start + quiet) * module, y: Double(row + quiet) * module,
                                        width: Double(column - start) * module, height: module),
                                   fill: colour, stroke: nil, lineWidth: 0))
            }
        }
        return DrawingBlock(size: Size(width: size, height: size), items: items, alt: "QR code for \(text)",
                            altLanguage: Language.en.rawValue)
    }
}
