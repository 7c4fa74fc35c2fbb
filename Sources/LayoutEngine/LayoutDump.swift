// Laid-out pages as readable text, one item a line, positions to 0.01 pt (as SILE's debug
// outputter does): what layout decided, without drawing it. Snapshot tests compare it.

public enum LayoutDump {
    public static func text(_ pages: [PageFrame]) -> String {
        pages.enumerated().map { number, page in
            (["page \(number + 1) \(size(page.size)) body \(rect(page.body))"]
                + page.items.map { "  " + line($0) }
                + page.anchors.map { "  anchor \($0.id) \(rect($0.rect))" }).joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    static func line(_ item: PlacedItem) -> String {
        switch item {
        case let .text(shaped, index, origin):
            let info = shaped.lines[index]
            let scalars = Array(shaped.text.plainText.unicodeScalars)[info.scalars]
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            return "text \(point(origin)) w\(number(info.width)) \(number(shaped.text.style.size))pt \"\(String(text))\""
        case let .rect(r, fill, stroke, width):
            return "rect \(rect(r))\(fill == nil ? "" : " filled")\(stroke == nil ? "" : " stroked \(number(width))")"
        case let .line(from, to, _, width): return "line \(point(from)) → \(point(to)) \(number(width))"
        case let .ellipse(r, _, _, _): return "ellipse \(rect(r))"
        case let .curve(from, _, _, to, _, _): return "curve \(point(from)) → \(point(to))"
        case let .link(r, url): return "link \(rect(r)) \(url)"
        case let .field(r, form): return "field \(rect(r)) \(form.name) \(form.kind)"
        case let .image(r, file, gray): return "image \(rect(r)) \(file.split(separator: "/").last ?? "")\(gray ? " gray" : "")"
        case .beginTag(let name): return "<\(name)>"
        case .endTag(let name): return "</\(name)>"
        case .beginFigure(let alt, _): return "<Figure alt=\"\(alt)\">"
        }
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func point(_ p: Point) -> String { "(\(number(p.x)), \(number(p.y)))" }
    static func size(_ s: Size) -> String { "\(number(s.width))×\(number(s.height))" }
    static func rect(_ r: Rect) -> String { "[\(number(r.minX)) \(number(r.minY)) \(number(r.width))×\(number(r.height))]" }
}
