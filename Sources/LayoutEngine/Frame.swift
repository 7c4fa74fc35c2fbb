// The engine's output: pages of absolutely positioned items, ready for any renderer.
import Diagnostics

/// One thing to draw, at page coordinates (points from the top-left corner).
public enum PlacedItem {
    /// Line `index` of a shaped paragraph, its left end on the baseline at `origin`.
    case text(any ShapedText, line: Int, origin: Point)
    case rect(Rect, fill: Color?, stroke: Color?, lineWidth: Double)
    case line(from: Point, to: Point, color: Color, lineWidth: Double)
    case ellipse(Rect, fill: Color?, stroke: Color?, lineWidth: Double)
    /// A cubic Bézier curve (a smile or a frown).
    case curve(from: Point, control1: Point, control2: Point, to: Point, color: Color, lineWidth: Double)
    /// A picture from a PNG file, scaled to fill the rectangle; in gray when `gray`.
    case image(Rect, file: String, gray: Bool)
    /// A clickable area that opens a web address.
    case link(Rect, url: String)
    /// Start and end of a structure element (L, LI, Lbl, LBody, Table, TR, TH, TD) around
    /// the items between them, for screen readers; balanced on every page.
    case beginTag(String)
    case endTag(String)
    /// Start of a Figure element with its alternative text and the language that is in
    /// (nil: several), ended by `endTag("Figure")`.
    case beginFigure(alt: String, language: String?)
    /// Where a form field goes: nothing is drawn for it.
    case field(Rect, FormField)
}

/// A named region the layout placed, for checks ("the warning box is whole on page 1").
public struct Anchor: Sendable, Hashable {
    public var id: String
    public var rect: Rect
}

public struct PageFrame {
    public var size: Size
    /// The area body content may use.
    public var body: Rect
    public var items: [PlacedItem] = []
    public var anchors: [Anchor] = []

    public init(size: Size, body: Rect) {
        self.size = size
        self.body = body
    }

    /// An empty page: so that the next document starts on a right-hand page when printed double-sided.
    public static func blank(_ size: Size) -> PageFrame {
        PageFrame(size: size, body: Rect(x: 0, y: 0, width: size.width, height: size.height))
    }

    /// Every text line on the page with its box (top of the line's pitch to its bottom).
    public var textLines: [(text: String, box: Rect)] {
        items.compactMap { item in
            guard case let .text(shaped, line, origin) = item else { return nil }
            let info = shaped.lines[line]
            let style = shaped.text.style
            let scalars = Array(shaped.text.plainText.unicodeScalars)[info.scalars]
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            let top = origin.y - Baseline.offset(style)
            return (String(text), Rect(x: origin.x, y: top, width: info.width, height: style.pitch))
        }
    }
}

/// The layout of a whole document.
public struct LayoutResult {
    public var pages: [PageFrame]
    public var diagnostics: [Diagnostic]
    /// Content was taller than a fixed-size frame (a card side); smaller type may fit it.
    public var overfull: Bool

    public init(pages: [PageFrame], diagnostics: [Diagnostic], overfull: Bool = false) {
        self.pages = pages
        self.diagnostics = diagnostics
        self.overfull = overfull
    }
}

/// Where the baseline sits in a line box: Bangla stacks reach 0.98 em above the
/// baseline and 0.39 em below it, so the leftover pitch is shared above and below.
enum Baseline {
    static let ascent = 0.98
    static let descent = 0.39

    static func offset(_ style: ParagraphStyle) -> Double {
        let spare = max(0, style.pitch - (ascent + descent) * style.size)
        return spare / 2 + ascent * style.size
    }
}
