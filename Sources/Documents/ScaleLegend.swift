// The 0–10 severity scale with simple faces, for readers who do not read numbers easily.
// Drawn with lines and curves, so it prints clearly in black and white.
import ArticleModel
import LayoutEngine

struct ScaleLegend {
    let writer: Writer
    static let points: [(Int, Label)] = [(0, .scale0), (2, .scale2), (4, .scale4), (6, .scale6), (8, .scale8), (10, .scale10)]

    func blocks() -> [Block] {
        let size = writer.em(writer.metrics.face)
        let gap = writer.bodySize
        let column = (writer.bodyWidth - gap * Double(Self.points.count - 1)) / Double(Self.points.count)
        let instruction = writer.style(.body, bold: true, before: writer.bodySize, after: writer.em(writer.metrics.labelGap))
        let columns: [[Block]] = Self.points.map { score, label in
            let number = ParagraphStyle(size: writer.bodySize, color: writer.layout.colour(.text), bold: true, centered: true)
            let words = ParagraphStyle(size: writer.layout.size(.small).size, lineHeight: 1.4,
                                       color: writer.layout.colour(.text), centered: true)
            return [
                .drawing(DrawingBlock(size: Size(width: column, height: size),
                                      items: Self.face(score: score, diameter: size).map { $0.moved(by: Point(x: (column - size) / 2, y: 0)) },
                                      spacing: Spacing(after: 2), alt: "A face for \(score) of 10", altLanguage: Language.en.rawValue)),
                .text(StyledText(writer.joined(separator: " / ") { ($0.digits(score), $0 == .bn ? $0 : nil) }, style: number, role: .label)),
                .text(StyledText(writer.labelRuns(label), style: words, role: .label)),
            ]
        }
        return [
            .text(StyledText(writer.labelRuns(.scale), style: instruction, role: .label)),
            .group([.row(RowBlock(columns: columns, gap: gap))], keepTogether: true),
        ]
    }

    /// A round face: a smile at 0 turning to a deep frown at 10, eyebrows knotting as it gets worse.
    static func face(score: Int, diameter: Double) -> [PlacedItem] {
        let ink = Color(red: 0.1, green: 0.1, blue: 0.1), r = diameter / 2, pen = max(1, diameter / 24)
        let eye = diameter * 0.09
        var items: [PlacedItem] = [.ellipse(Rect(x: pen, y: pen, width: diameter - 2 * pen, height: diameter - 2 * pen),
                                            fill: nil, stroke: ink, lineWidth: pen)]
        for x in [r * 0.62, r * 1.38] {
            items.append(.ellipse(Rect(x: x - eye / 2, y: r * 0.72 - eye / 2, width: eye, height: eye), fill: ink, stroke: nil, lineWidth: 0))
        }
        // Mouth: curvature from +1 (smile) to −1 (frown).
        let bend = 1 - Double(score) / 5, y = r * 1.38, dy = bend * r * 0.32
        items.append(.curve(from: Point(x: r * 0.55, y: y - dy / 2), control1: Point(x: r * 0.8, y: y + dy),
                            control2: Point(x: r * 1.2, y: y + dy), to: Point(x: r * 1.45, y: y - dy / 2), color: ink,
                            lineWidth: pen))
        if score >= 6 {
            let knot = Double(score - 4) / 6 * r * 0.18
            items.append(.line(from: Point(x: r * 0.42, y: r * 0.45 - knot), to: Point(x: r * 0.8, y: r * 0.5),
                               color: ink, lineWidth: pen))
            items.append(.line(from: Point(x: r * 1.58, y: r * 0.45 - knot), to: Point(x: r * 1.2, y: r * 0.5),
                               color: ink, lineWidth: pen))
        }
        return items
    }
}
