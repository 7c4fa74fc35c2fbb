// Arranging finished pages on paper for printing: a folded booklet (two pages a side, in
// saddle-stitch order) and a print shop's bleed and crop marks. Both move placed items;
// nothing is laid out again.

public enum Imposition {
    /// Pages of half the sheet, two to a side of a landscape `sheet`, so that the printed
    /// stack, folded, reads in order. Blank pages make the count a multiple of four.
    public static func booklet(_ pages: [PageFrame], sheet: Size) -> [PageFrame] {
        guard let first = pages.first else { return [] }
        let blank = PageFrame(size: first.size, body: first.body)
        func page(_ number: Int) -> PageFrame { number == 0 ? blank : pages[number - 1] }
        return bookletOrder(pages: pages.count).map { side(left: page($0.left), right: page($0.right), sheet: sheet) }
    }

    /// The page numbers (from 1) on each side of a booklet of `pages` pages, front then back
    /// of each sheet; 0 is a blank.
    public static func bookletOrder(pages: Int) -> [(left: Int, right: Int)] {
        let count = (pages + 3) / 4 * 4
        func number(_ index: Int) -> Int { index < pages ? index + 1 : 0 }
        return (0..<count / 4).flatMap { sheetIndex -> [(Int, Int)] in
            let i = sheetIndex * 2
            return [(number(count - 1 - i), number(i)), (number(i + 1), number(count - 2 - i))]
        }
    }

    static func side(left: PageFrame, right: PageFrame, sheet: Size) -> PageFrame {
        var side = PageFrame(size: sheet, body: Rect(x: 0, y: 0, width: sheet.width, height: sheet.height))
        let dy = (sheet.height - left.size.height) / 2
        for (page, dx) in [(left, (sheet.width / 2 - left.size.width)), (right, sheet.width / 2)] {
            let offset = Point(x: dx, y: dy)
            side.items += page.items.map { $0.moved(by: offset) }
            side.anchors += page.anchors.map { Anchor(id: $0.id, rect: $0.rect.moved(by: offset)) }
        }
        return side
    }

    /// Each page grown by `bleed` on every side, and, with `cropMarks`, by room for marks
    /// at the corners of the trimmed page, which a print shop cuts along.
    public static func printMarks(_ pages: [PageFrame], bleed: Double, cropMarks: Bool, markLength: Double,
                                  color: Color) -> [PageFrame] {
        let margin = bleed + (cropMarks ? markLength * 1.6 : 0)
        let offset = Point(x: margin, y: margin)
        return pages.map { page in
            let size = Size(width: page.size.width + 2 * margin, height: page.size.height + 2 * margin)
            var marked = PageFrame(size: size, body: page.body.moved(by: offset))
            marked.items = page.items.map { $0.moved(by: offset) }
            marked.anchors = page.anchors.map { Anchor(id: $0.id, rect: $0.rect.moved(by: offset)) }
            if cropMarks {
                let trim = Rect(x: margin, y: margin, width: page.size.width, height: page.size.height)
                marked.items += Imposer.cutMarks(around: trim, gap: bleed + markLength * 0.3, length: markLength, color: color)
            }
            return marked
        }
    }
}

extension Rect {
    func moved(by offset: Point) -> Rect { Rect(x: minX + offset.x, y: minY + offset.y, width: width, height: height) }
}
