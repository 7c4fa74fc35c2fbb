// Paper sizes Handout prints on.
import LayoutEngine

public enum Paper: String, Sendable, CaseIterable {
    case a4
    case letter

    /// Portrait size in points.
    public var size: Size {
        switch self {
        case .a4: return Size(width: millimetres(210), height: millimetres(297))
        case .letter: return Size(width: 612, height: 792)
        }
    }

    /// Half the sheet, portrait: the page of a booklet folded from it (A5, half-letter).
    public var halfSize: Size { Size(width: size.height / 2, height: size.width) }
}
