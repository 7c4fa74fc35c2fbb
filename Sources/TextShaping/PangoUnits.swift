// Pango measures in 1/1024 of a point; the engine in points. Converted only here.
internal import CPangoCairo

enum PangoUnits {
    static let scale = Double(PANGO_SCALE)

    static func points(_ units: Int32) -> Double { Double(units) / scale }
    static func units(_ points: Double) -> Int32 { Int32((points * scale).rounded()) }
}
