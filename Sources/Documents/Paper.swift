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
}
