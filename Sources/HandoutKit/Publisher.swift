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
    /// The clinic printing the document: its name and numbers on every page.
    public var clinic: Clinic?
    /// The patient it is printed for (personal data: never written anywhere but the PDF).
    public var patient: Patient?
    /// A form to fill in on screen too (checklist and diaries): its lines, cells and tick boxes as form fields.
    public var fillable: Bool

    /// The documents that are forms a family may fill in on a phone.
    public static let fillableDocuments: [DocumentKind] = [.checklist, .diaryWeek, .diaryMonth]

    public init(document: DocumentKind = .handout, mode: LanguageMode = .bilingual, paper: Paper = .a4,
                largePrint: Bool = false, grayscale: Bool = false, booklet: Bool = false, bleed: Double = 0,
                cropMarks: Bool = false, clinic: Clinic? = nil, patient: Patient? = nil, fillable: Bool = false) {
        self.fillable = fillable
        self.document = document
        self.mode = mode
        self.paper = paper
        self.largePrint = largePrint
        self.grayscale = grayscale
        self.booklet = booklet
        self.bleed = bleed
        self.cropMarks = cropMarks
        self.clinic = clinic
        self.patient = patient
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
    /// Layout files as read, with the modification date they had: read once per Publisher.
    private var layouts: [String: (modified: Date?, layout: DocumentLayout)] = [:]

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
            do {
                layoutWarnings += try layout(kind).warnings
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
        if options.booklet, options.document != .handout {
            throw DiagnosticError(.error("--booklet is for the handout: the \(options.document.rawValue) is a single sheet, a form or a landscape page",
                                         hint: "print it as it is, or make the handout a booklet"))
        }
        if options.fillable, !RenderOptions.fillableDocuments.contains(options.document) {
            throw DiagnosticError(.error("--fillable is for the forms a family fills in: the \(options.document.rawValue) has no fields",
                                         hint: "make the \(RenderOptions.fillableDocuments.map(\.rawValue).joined(separator: ", ")) fillable"))
        }
        let layout = try self.layout(options.document)
            .adjusted(largePrint: options.largePrint, booklet: options.booklet, grayscale: options.grayscale)
        let (labels, shaper) = (self.labels, self.shaper)
        return try DeepStack.run { () -> Result<(LayoutResult, DocumentPlan), DiagnosticError> in
            Result { () throws(DiagnosticError) in
                try options.document.layOut(article, mode: options.mode, paper: options.paper,
                                            pageSize: options.booklet ? options.paper.halfSize : options.paper.size,
                                            layout: layout, labels: labels, clinic: options.clinic,
                                            patient: options.patient, shaper: shaper)
            }
        }.get()
    }

    /// The document's layout file, read once and again only when it changes on disk.
    func layout(_ document: DocumentKind) throws(DiagnosticError) -> DocumentLayout {
        let path = resources.layouts.appendingPathComponent(document.layoutFile).path
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        if let cached = layouts[path], cached.modified == modified { return cached.layout }
        let layout = try DocumentLayout.load(path: path, sections: document.definition.sections,
                                             required: document.definition.requiredSections)
        layouts[path] = (modified, layout)
        return layout
    }

    /// The cover and contents of a combined pack, laid out on `paper`.
    func cover(entries: [PackCover.Entry], date: CalendarDate, paper: Paper) throws(DiagnosticError) -> LayoutResult {
        PackCover.plan(entries: entries, date: date, paper: paper, layout: try layout(.handout), labels: labels).layOut(shaper: shaper)
    }

    /// Several documents of one article as one PDF, for one patient to take home: each with
    /// its bookmark; with `newSheet`, each starts on an odd page, so that printed
    /// double-sided every document has sheets of its own.
    public func render(_ article: Article, documents: [DocumentKind], options: RenderOptions,
                       newSheet: Bool = false) throws(DiagnosticError) -> Rendered {
        guard documents.count > 1 else {
            var single = options
            single.document = documents.first ?? options.document
            return try render(article, options: single)
        }
        guard !options.booklet, options.bleed == 0, !options.cropMarks, !options.fillable else {
            throw DiagnosticError(.error("--booklet, --bleed, --crop-marks and --fillable are for one document at a time",
                                         hint: "render each document on its own for a print shop"))
        }
        var plans: [(LayoutResult, DocumentPlan)] = []
        for document in documents {
            var each = options
            each.document = document
            plans.append(try layout(article, options: each))
        }
        let info = DocumentInfo(title: ([article.title.en] + plans.map(\.1.subject)).joined(separator: " · "),
                                author: article.metadata.siteAddress, subject: plans.map(\.1.subject).joined(separator: ", "),
                                keywords: ([article.metadata.slug] + documents.map(\.rawValue) + [options.mode.rawValue])
                                    .joined(separator: ", "),
                                creator: "Handout", date: "\(article.metadata.documentDate)T00:00:00",
                                language: options.mode == .bn ? "bn" : "en")
        let writer = PDFWriter(info: info)
        var pages: [PageFrame] = []
        for (result, plan) in plans {
            if newSheet, pages.count % 2 == 1, let size = result.pages.first?.size {
                writer.addBlankPage(size: size)
                pages.append(.blank(size))
            }
            writer.addBookmark(plan.title, page: pages.count + 1)
            writer.add(result.pages, bookmarks: false)
            pages += result.pages
        }
        let warnings = plans.flatMap { $0.1.diagnostics + $0.0.diagnostics }
        return Rendered(pdf: writer.finish() ?? Data(), layout: LayoutResult(pages: pages, diagnostics: []), sheets: pages,
                        warnings: warnings)
    }

    /// Renders the document to PDF bytes in memory.
    public func render(_ article: Article, options: RenderOptions) throws(DiagnosticError) -> Rendered {
        let (result, plan) = try layout(article, options: options)
        let info = DocumentInfo(title: plan.title, author: article.metadata.siteAddress, subject: plan.subject,
                                keywords: [article.metadata.slug, options.document.rawValue, options.mode.rawValue]
                                    .joined(separator: ", "),
                                creator: "Handout", date: "\(article.metadata.documentDate)T00:00:00",
                                language: options.mode == .bn ? "bn" : "en", fillable: options.fillable)
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
