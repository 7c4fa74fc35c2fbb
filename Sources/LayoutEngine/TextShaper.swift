// What the layout engine needs from a text shaper: break a paragraph into lines at a
// width and measure them. The Pango implementation lives in TextShaping; tests use a
// fixed-width one, so pagination can be checked exactly and without fonts.
import Diagnostics

public protocol TextShaper {
    /// Breaks `text` into lines no wider than `width` (points) where the script allows.
    func shape(_ text: StyledText, width: Double) -> any ShapedText
}

/// A paragraph broken into lines. The renderer draws line `i` through the concrete type.
public protocol ShapedText: AnyObject {
    var text: StyledText { get }
    var lines: [ShapedLine] { get }
    /// Problems found while shaping: characters no font covers, words wider than the line.
    var diagnostics: [Diagnostic] { get }
    /// The stretches of line `index` that link somewhere: their left and right x (from the
    /// line's start, in points) and the address.
    func links(line index: Int) -> [(from: Double, to: Double, url: String)]
}

extension ShapedText {
    public func links(line index: Int) -> [(from: Double, to: Double, url: String)] { [] }
}

public struct ShapedLine: Sendable, Hashable {
    /// Advance width of the line's content, in points.
    public var width: Double
    /// The line's text, as offsets into `text.plainText.unicodeScalars`.
    public var scalars: Range<Int>

    public init(width: Double, scalars: Range<Int>) {
        self.width = width
        self.scalars = scalars
    }
}
