// Shared set-up for the layout tests: a fixed-width shaper, small pages, block builders
// and read-back of what landed where.
//
// The standard page has a 100 × 100 pt body at (10, 30); body text is 10 pt with a line
// height of 1, so every line is 10 pt tall, a full-width word is 20 characters, and a
// page holds exactly 10 lines. The header band ends 5 pt above the body (y 25), the
// footer band starts 5 pt below it (y 135), and nothing may come within 5 pt of the edge.
import Diagnostics
import LayoutEngine
import TestSupport


func pageTemplate(bodyWidth: Double = 100, bodyHeight: Double = 100,
                  header: @escaping (Int, Int) -> [Block] = { _, _ in [] },
                  footer: @escaping (Int, Int) -> [Block] = { _, _ in [] }) -> PageTemplate {
    PageTemplate(size: Size(width: bodyWidth + 20, height: bodyHeight + 60),
                 margins: Insets(top: 30, right: 10, bottom: 30, left: 10),
                 bandGap: 5, safeMargin: 5, header: header, footer: footer)
}

func layout(_ blocks: [Block], template: PageTemplate = pageTemplate()) -> LayoutResult {
    Paginator.layout(blocks, template: template, shaper: FixedWidthShaper())
}

// MARK: - Blocks

extension ParagraphStyle {
    /// 10 pt text at a 10 pt pitch: 5 pt per character.
    static func body(spaceBefore: Double = 0, spaceAfter: Double = 0) -> ParagraphStyle {
        ParagraphStyle(size: 10, lineHeight: 1, spaceBefore: spaceBefore, spaceAfter: spaceAfter)
    }
}

/// Words that each fill a `width`-wide line exactly, so the text sets one word per line.
/// Line `i` reads `<tag><i>` padded with `~` ("A0~~~…", "A1~~~…").
func words(_ tag: String, lines: Int, width: Double, size: Double = 10) -> String {
    let characters = Int((width / (0.5 * size)).rounded(.down))
    return (0..<lines).map { index in
        let label = "\(tag)\(index)"
        precondition(label.count <= characters, "a \(width) pt line is too narrow for \(label)")
        return label + String(repeating: "~", count: characters - label.count)
    }.joined(separator: " ")
}

/// A paragraph that sets exactly `lines` lines at `width`.
func paragraph(_ tag: String, lines: Int, width: Double = 100, spaceBefore: Double = 0,
               spaceAfter: Double = 0) -> Block {
    .text(StyledText(words(tag, lines: lines, width: width),
                     style: .body(spaceBefore: spaceBefore, spaceAfter: spaceAfter)))
}

/// A heading at body size, so it takes `lines` lines at the 10 pt pitch.
func heading(_ tag: String, lines: Int = 1, width: Double = 100) -> Block {
    .text(StyledText(words(tag, lines: lines, width: width), style: .body(), role: .heading(level: 2)))
}

/// A list item: `marker` in a column `indent` wide, then the content.
func item(_ marker: String, _ content: [Block], indent: Double = 20, inset: Double = 0,
          keepWithNext: Bool = false) -> Block {
    .item(ListItemBlock(marker: StyledText(marker, style: .body(), role: .label), indent: indent, inset: inset,
                        content: content, keepWithNext: keepWithNext))
}

/// A box with 5 pt padding all round, so its content is 90 pt wide on the standard page.
func box(_ content: [Block], anchor: String = "box", keepTogether: Bool = false) -> Block {
    .box(BoxBlock(content: content, style: BoxStyle(padding: Insets(all: 5), stroke: .black, keepTogether: keepTogether),
                  anchor: anchor))
}

func labels(_ tag: String, _ range: Range<Int>) -> [String] {
    range.map { "\(tag)\($0)" }
}

// MARK: - Reading pages back

struct SetLine {
    /// The line's text without trailing spaces.
    var text: String
    /// The text without padding or spaces: "A3" for the fourth line of paragraph A.
    var label: String
    var box: Rect

    /// The letters at the start of the label: which paragraph the line belongs to.
    var tag: String { String(label.prefix { $0.isLetter }) }
}

extension PageFrame {
    /// The text lines in the order they were placed.
    var lines: [SetLine] {
        textLines.map { line in
            let text = String(line.text.reversed().drop { $0 == " " }.reversed())
            return SetLine(text: text, label: text.filter { $0 != "~" && $0 != " " }, box: line.box)
        }
    }

    /// Tops of the lines, rounded to a millionth of a point.
    var lineTops: [Double] { lines.map { $0.box.minY.micro } }

    func line(_ label: String) -> SetLine? { lines.first { $0.label == label } }

    /// Every rectangle drawn (box frames and bars).
    var rects: [Rect] {
        items.compactMap { item in
            guard case let .rect(rect, _, _, _) = item else { return nil }
            return rect
        }
    }

    var lineCount: Int {
        items.filter { if case .line = $0 { true } else { false } }.count
    }
}

extension LayoutResult {
    /// The labels of each page's text lines.
    var labelsByPage: [[String]] { pages.map { $0.lines.map(\.label) } }

    /// How many lines of paragraph `tag` each page holds, for the pages that hold any.
    func pieces(of tag: String) -> [Int] {
        pages.map { $0.lines.filter { $0.tag == tag }.count }.filter { $0 > 0 }
    }

    /// The index of the page that holds the line labelled `label`.
    func page(of label: String) -> Int? {
        pages.firstIndex { $0.line(label) != nil }
    }
}

extension Double {
    /// Rounded to a millionth, so sums of baselines and offsets compare exactly.
    var micro: Double { (self * 1_000_000).rounded() / 1_000_000 }
}

extension Rect {
    var micro: Rect { Rect(x: minX.micro, y: minY.micro, width: width.micro, height: height.micro) }
}

/// Records what the header or footer closure was asked for.
final class CallLog {
    var calls: [[Int]] = []
}
