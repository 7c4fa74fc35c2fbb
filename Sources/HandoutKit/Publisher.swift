// The one entry point for rendering: the CLI, the tests and (later) a server call it.
// Article + document + language + paper → PDF bytes and diagnostics.
import ArticleModel
import Diagnostics
import Documents
import Foundation
@_exported import ArticleModel
@_exported import Documents
@_exported import Importing
import LayoutEngine
import Rendering
@_exported import Translation
import TextShaping

/// Where the shipped resources live: layout files and fonts.
public struct Resources: Sendable {
    public var layouts: URL
    public var fonts: URL

    public init(layouts: URL, fonts: URL) {
        self.layouts = layouts
        self.fonts = fonts
    }

    /// `layouts/` and `fonts/` of the checkout the tool runs from.
    public static func standard() -> Resources {
        let fonts = FontLibrary.defaultDirectory()
        return Resources(layouts: fonts.deletingLastPathComponent().appendingPathComponent("layouts"), fonts: fonts)
    }
}

public struct RenderOptions: Sendable, Hashable {
    public var document: DocumentKind
    public var mode: LanguageMode
    public var paper: Paper
    /// Body text at least 16 pt, everything scaled and reflowed (not a zoom); page limits lifted.
    public var largePrint: Bool
    /// No colour: boxes stay distinct by their borders and bars.
    public var grayscale: Bool
    /// Half-size pages imposed two to a side of the paper, to fold into a booklet.
    public var booklet: Bool
    /// Extra paper beyond the trim on every side, in points, for a print shop.
    public var bleed: Double
    /// Marks at the trim's corners for a print shop's cutter.
    public var cropMarks: Bool

    public init(document: DocumentKind = .handout, mode: LanguageMode = .bilingual, paper: Paper = .a4,
                largePrint: Bool = false, grayscale: Bool = false, booklet: Bool = false, bleed: Double = 0,
                cropMarks: Bool = false) {
        self.document = document
        self.mode = mode
        self.paper = paper
        self.largePrint = largePrint
        self.grayscale = grayscale
        self.booklet = booklet
        self.bleed = bleed
        self.cropMarks = cropMarks
    }
}

/// A finished document: the PDF, its pages as laid out and as printed (imposed, with
/// marks), and the warnings on the way.
public struct Rendered {
    public var pdf: Data
    public var layout: LayoutResult
    public var sheets: [PageFrame]
    public var warnings: [Diagnostic]

    /// The printed pages as PNG images.
    public func images(dpi: Double) -> [Data] { PNGRenderer.render(sheets, dpi: dpi) }

    public var pageCount: Int { layout.pages.count }
}

/// Loads fonts and labels once, then renders any number of documents.
public final class Publisher {
    let resources: Resources
    let shaper: any TextShaper
    let labels: Labels

    public convenience init(resources: Resources = .standard()) throws(DiagnosticError) {
        try self.init(resources: resources, shaper: PangoShaper(fonts: try FontLibrary(directory: resources.fonts)))
    }

    /// A publisher that lays out with `shaper`: another shaper (a fixed-width one) gives
    /// layouts that do not depend on fonts, for tests. Rendering needs Pango's.
    public init(resources: Resources = .standard(), shaper: any TextShaper) throws(DiagnosticError) {
        self.resources = resources
        self.shaper = shaper
        labels = try Labels.load(path: resources.layouts.appendingPathComponent("labels.yaml").path)
    }

    /// Reads an article file; errors name the file, line and column.
    public func loadArticle(path: String) throws(DiagnosticError) -> (article: Article, warnings: [Diagnostic]) {
        try ArticleLoader.load(path: path)
    }

    /// Every problem with an article file, errors and warnings, as `handout validate`
    /// reports them: the loader's, the article checks' (as of `today`), and the layouts'.
    public func validate(path: String, today: CalendarDate) -> [Diagnostic] {
        var layoutWarnings: [Diagnostic] = []
        for kind in DocumentKind.allCases {
            let file = resources.layouts.appendingPathComponent(kind.layoutFile).path
            do {
                layoutWarnings += try DocumentLayout.load(path: file, sections: kind.definition.sections,
                                                          required: kind.definition.requiredSections).warnings
            } catch {
                layoutWarnings += error.diagnostics
            }
        }
        // An article that does not load still gets the layouts' warnings; its own checks
        // need the whole article, so they come once its errors are fixed.
        do {
            let loaded = try loadArticle(path: path)
            // The glossary beside the article, when there is one, checks its Bangla terms.
            let glossary = try Glossary.beside(URL(fileURLWithPath: path).deletingLastPathComponent())
            return loaded.warnings + ArticleChecks.warnings(loaded.article, today: today)
                + loaded.article.unsilenced(layoutWarnings + (glossary?.warnings(loaded.article) ?? []))
        } catch {
            return error.diagnostics + layoutWarnings
        }
    }

    /// Lays the document out without drawing it (tests and previews use this).
    public func layout(_ article: Article, options: RenderOptions) throws(DiagnosticError) -> (LayoutResult, DocumentPlan) {
        let definition = options.document.definition
        if options.booklet, options.document != .handout {
            throw DiagnosticError(.error("--booklet is for the handout: the \(options.document.rawValue) is a single sheet, a form or a landscape page",
                                         hint: "print it as it is, or make the handout a booklet"))
        }
        let layout = try DocumentLayout.load(path: resources.layouts.appendingPathComponent(options.document.layoutFile).path,
                                             sections: definition.sections, required: definition.requiredSections)
            .adjusted(for: options)
        var scale = 1.0
        while true {
            let context = DocumentContext(article: article, mode: options.mode, paper: options.paper,
                                          layout: layout.scaled(by: scale), labels: labels,
                                          pageSize: options.booklet ? options.paper.halfSize : options.paper.size)
            let plan = definition.plan(context)
            let result = paginate(plan)
            let tooLong = layout.maxPages.map { result.pages.count > $0 } ?? false
            if !tooLong && !result.overfull {
                let broken = result.diagnostics.errors + plan.rules.compactMap { $0.check(result) }
                if !broken.isEmpty { throw DiagnosticError(broken.map { Self.placed($0, in: article) }) }
                return (result, plan)
            }
            // Too long, or too tall for its card: shrink the type a step, never below the layout's smallest size.
            let body = layout.size(.body).size
            let next = scale - 0.25 / body
            guard body * next >= (layout.smallestBody ?? body) - 0.001 else {
                let smallest = String(format: "%.1f", body * scale)
                if result.overfull { throw DiagnosticError(result.diagnostics.errors.map { Self.placed($0, in: article) }) }
                let parts = definition.fittedParts.filter { article.location(of: $0) != nil }
                throw DiagnosticError(.error("the \(options.document.rawValue) (\(options.mode.rawValue)) of '\(article.metadata.slug)' needs \(result.pages.count) pages but may have \(layout.maxPages ?? 0), even with body text at \(smallest) pt",
                                             at: parts.lazy.compactMap(article.location(of:)).first,
                                             subject: parts.joined(separator: ", "),
                                             hint: "shorten \(parts.joined(separator: " or ")) in the article, or raise max_pages in layouts/\(options.document.layoutFile)"))
            }
            scale = next
        }
    }

    /// An error about parts of the article ("warning_signs.short") placed where the first of
    /// them is written, so the editor is sent to the file, line and column to shorten.
    static func placed(_ diagnostic: Diagnostic, in article: Article) -> Diagnostic {
        guard diagnostic.location == nil, let subject = diagnostic.subject else { return diagnostic }
        var placed = diagnostic
        placed.location = subject.components(separatedBy: ", ").lazy.compactMap(article.location(of:)).first
        return placed
    }

    /// The cover and contents of a combined pack, laid out on `paper`.
    func cover(entries: [PackCover.Entry], date: CalendarDate, paper: Paper) throws(DiagnosticError) -> LayoutResult {
        let layout = try DocumentLayout.load(path: resources.layouts.appendingPathComponent("handout.yaml").path,
                                             sections: Handout.sections, required: Handout.requiredSections)
        return paginate(PackCover.plan(entries: entries, date: date, paper: paper, layout: layout, labels: labels))
    }

    private func paginate(_ plan: DocumentPlan) -> LayoutResult {
        switch plan.pagination {
        case let .pages(blocks, template):
            return Paginator.layout(blocks, template: template.makingRoomForBands(shaper: shaper), shaper: shaper)
        case let .sheet(sides, template): return Imposer.layout(sides: sides, template: template, shaper: shaper)
        }
    }

    /// Renders the document to PDF bytes in memory.
    public func render(_ article: Article, options: RenderOptions) throws(DiagnosticError) -> Rendered {
        let (result, plan) = try layout(article, options: options)
        let info = DocumentInfo(title: plan.title, author: article.metadata.siteAddress, subject: plan.subject,
                                keywords: [article.metadata.slug, options.document.rawValue, options.mode.rawValue]
                                    .joined(separator: ", "),
                                creator: "Handout", date: "\(article.metadata.documentDate)T00:00:00",
                                language: options.mode == .bn ? "bn" : "en")
        var sheets = result.pages
        if options.booklet, case .pages = plan.pagination {
            let paper = options.paper.size
            sheets = Imposition.booklet(sheets, sheet: Size(width: paper.height, height: paper.width))
        }
        if options.bleed > 0 || options.cropMarks {
            sheets = Imposition.printMarks(sheets, bleed: options.bleed, cropMarks: options.cropMarks,
                                           markLength: millimetres(5), color: .black)
        }
        let pdf = PDFRenderer.render(LayoutResult(pages: sheets, diagnostics: []), info: info)
        return Rendered(pdf: pdf, layout: result, sheets: sheets, warnings: plan.diagnostics + result.diagnostics)
    }
}

extension DocumentLayout {
    /// Large print (body at least 16 pt, everything in proportion, no page limit) and
    /// grayscale. A wallet card keeps its size: large print does not apply to it.
    func adjusted(for options: RenderOptions) -> DocumentLayout {
        var layout = self
        if options.largePrint, sheet == nil {
            // Everything in proportion, and nothing (notes, sources) under the floor.
            layout = layout.scaled(by: max(1, Self.largePrintBody / size(.body).size))
            layout.type = layout.type.mapValues { TypeSize(size: max($0.size, Self.largePrintBody), lineHeight: $0.lineHeight) }
            layout.maxPages = nil
        }
        if options.largePrint || options.booklet {
            // The running header and footer grow, or have a narrower page, and may take a
            // second line: give them room.
            let small = layout.size(.small)
            let growth = (small.size - size(.small).size) * small.lineHeight + small.size * small.lineHeight
            layout.margins.top += growth
            layout.margins.bottom += growth
        }
        if options.grayscale {
            layout.colours = layout.colours.mapValues(\.gray)
            layout.grayscale = true
        }
        return layout
    }

    /// The usual floor for large-print materials.
    static let largePrintBody = 16.0
}
