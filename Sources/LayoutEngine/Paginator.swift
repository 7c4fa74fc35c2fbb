// Cuts the flow into pages, then adds running headers and footers once the page count
// is known (no estimate, no second pass over the body).
import Diagnostics

/// Paper size and margins, and what runs at the top and bottom of every page.
public struct PageTemplate {
    public var size: Size
    public var margins: Insets
    /// Distance between the body and the header above it or the footer below it.
    public var bandGap: Double
    /// Nothing may be drawn closer to the paper's edge than this.
    public var safeMargin: Double
    public var header: (_ page: Int, _ count: Int) -> [Block]
    public var footer: (_ page: Int, _ count: Int) -> [Block]

    public init(size: Size, margins: Insets, bandGap: Double, safeMargin: Double,
                header: @escaping (Int, Int) -> [Block], footer: @escaping (Int, Int) -> [Block]) {
        self.size = size
        self.margins = margins
        self.bandGap = bandGap
        self.safeMargin = safeMargin
        self.header = header
        self.footer = footer
    }

    public var body: Rect {
        Rect(x: margins.left, y: margins.top, width: size.width - margins.left - margins.right,
             height: size.height - margins.top - margins.bottom)
    }

    /// The template with its top and bottom margins grown, where the header or footer (a
    /// long title's header may take several lines) would otherwise reach into the paper's
    /// unprintable edge: the body gives way instead.
    public func makingRoomForBands(shaper: any TextShaper) -> PageTemplate {
        var template = self
        let composer = Composer(shaper: shaper, pageHeight: body.height)
        let header = composer.flow(header(1, 1), width: body.width).height
        let footer = composer.flow(footer(1, 1), width: body.width).height
        if header > 0 { template.margins.top = max(margins.top, safeMargin + bandGap + header) }
        if footer > 0 { template.margins.bottom = max(margins.bottom, safeMargin + bandGap + footer) }
        return template
    }
}

public enum Paginator {
    /// Lays `blocks` out on pages of `template`, shaping with `shaper`.
    public static func layout(_ blocks: [Block], template: PageTemplate, shaper: any TextShaper) -> LayoutResult {
        let body = template.body
        let composer = Composer(shaper: shaper, pageHeight: body.height)
        var pages: [PageFrame] = []
        var diagnostics: [Diagnostic] = []
        var remaining: (any FlowNode)? = composer.flow(blocks, width: body.width)

        repeat {
            var page = PageFrame(size: template.size, body: body)
            if let node = remaining {
                var split = node.split(available: body.height)
                if split == nil {
                    split = node.forcedSplit()
                    diagnostics.append(.warning("page \(pages.count + 1): a block does not fit the page and was placed anyway; it runs past the bottom margin",
                                                hint: "shorten it or split it into smaller blocks"))
                }
                split!.head.place(at: body.origin, into: &page)
                remaining = split!.tail
            }
            pages.append(page)
        } while remaining != nil

        for index in pages.indices {
            addBands(to: &pages[index], number: index + 1, count: pages.count, template: template,
                     composer: composer, diagnostics: &diagnostics)
        }
        // Bands are alike on every page: say each problem once.
        var seen = Set<String>()
        diagnostics = diagnostics.filter { seen.insert($0.message).inserted }
        return LayoutResult(pages: pages, diagnostics: composer.diagnostics + diagnostics)
    }

    /// Places the header above the body and the footer below it, inside the safe area.
    static func addBands(to page: inout PageFrame, number: Int, count: Int, template: PageTemplate,
                         composer: Composer, diagnostics: inout [Diagnostic]) {
        let body = template.body
        let header = composer.flow(template.header(number, count), width: body.width)
        let footer = composer.flow(template.footer(number, count), width: body.width)
        let headerTop = body.minY - template.bandGap - header.height
        let footerBottom = body.maxY + template.bandGap + footer.height
        // A band grown to touch the safe margin exactly may miss it by a rounding error.
        let tolerance = 0.001
        if header.height > 0, headerTop < template.safeMargin - tolerance {
            diagnostics.append(.warning("the running header reaches into the paper's unprintable edge",
                                        hint: "make the top margin larger or the header smaller"))
        }
        if footer.height > 0, footerBottom > template.size.height - template.safeMargin + tolerance {
            diagnostics.append(.warning("the footer reaches into the paper's unprintable edge",
                                        hint: "make the bottom margin larger or the footer smaller"))
        }
        header.place(at: Point(x: body.minX, y: headerTop), into: &page)
        footer.place(at: Point(x: body.minX, y: body.maxY + template.bandGap), into: &page)
    }
}
