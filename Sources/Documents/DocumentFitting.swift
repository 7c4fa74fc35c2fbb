// The rules that fit a document to its paper: large print and grayscale adjust the layout;
// a document longer than its page limit, or too tall for its card, is set again with its
// type a step smaller, down to the layout's smallest body size, and past that it is an
// error that names the article's parts to shorten, at their place.
import ArticleModel
import Diagnostics
import Foundation
import LayoutEngine

extension DocumentPlan {
    /// The plan laid out with `shaper`: pages (header and footer bands given room), or sheets.
    public func layOut(shaper: any TextShaper) -> LayoutResult {
        switch pagination {
        case let .pages(blocks, template):
            return Paginator.layout(blocks, template: template.makingRoomForBands(shaper: shaper), shaper: shaper)
        case let .sheet(sides, template): return Imposer.layout(sides: sides, template: template, shaper: shaper)
        }
    }
}

extension DocumentKind {
    /// Plans and lays out the document, shrinking its type in steps when it must.
    public func layOut(_ article: Article, mode: LanguageMode, paper: Paper, pageSize: Size, layout: DocumentLayout,
                       labels: Labels, clinic: Clinic? = nil, patient: Patient? = nil, shaper: any TextShaper) throws(DiagnosticError) -> (LayoutResult, DocumentPlan) {
        if let missing = missing(in: article) { throw DiagnosticError(missing) }
        var scale = 1.0
        while true {
            let context = DocumentContext(article: article, mode: mode, paper: paper, layout: layout.scaled(by: scale),
                                          labels: labels, pageSize: pageSize, clinic: clinic, patient: patient)
            let plan = definition.plan(context)
            let result = plan.layOut(shaper: shaper)
            let tooLong = layout.maxPages.map { result.pages.count > $0 } ?? false
            if !tooLong && !result.overfull {
                let broken = result.diagnostics.errors + plan.rules.compactMap { $0.check(result) }
                if !broken.isEmpty { throw DiagnosticError(broken.map { Self.placed($0, in: article) }) }
                return (result, plan)
            }
            // Too long, or too tall for its card: a step smaller, never below the layout's smallest size.
            let body = layout.size(.body).size
            let next = scale - 0.25 / body
            guard body * next >= (layout.smallestBody ?? body) - 0.001 else {
                if result.overfull { throw DiagnosticError(result.diagnostics.errors.map { Self.placed($0, in: article) }) }
                throw DiagnosticError(tooLongError(article, mode: mode, pages: result.pages.count, layout: layout, body: body * scale,
                                                   clinic: clinic, patient: patient))
            }
            scale = next
        }
    }

    func tooLongError(_ article: Article, mode: LanguageMode, pages: Int, layout: DocumentLayout, body: Double,
                      clinic: Clinic?, patient: Patient?) -> Diagnostic {
        let parts = definition.fittedParts.filter { article.location(of: $0) != nil }
        // The clinic's line is printed on every page: a long name can be what tips it over.
        let clinicHint = (clinic == nil ? "" : ", or the clinic's name in the clinic file")
            + (patient.map { $0.isEmpty } ?? true ? "" : ", or the patient's details")
        return .error("the \(rawValue) (\(mode.rawValue)) of '\(article.metadata.slug)' needs \(pages) pages but may have \(layout.maxPages ?? 0), even with body text at \(String(format: "%.1f", body)) pt",
                      at: parts.lazy.compactMap(article.location(of:)).first,
                      subject: parts.joined(separator: ", "),
                      hint: "shorten \(parts.joined(separator: " or ")) in the article\(clinicHint), or raise max_pages in layouts/\(layoutFile)")
    }

    /// An error about parts of the article ("warning_signs.short") placed where the first of
    /// them is written, so the editor is sent to the file, line and column to shorten.
    static func placed(_ diagnostic: Diagnostic, in article: Article) -> Diagnostic {
        guard diagnostic.location == nil, let subject = diagnostic.subject else { return diagnostic }
        var placed = diagnostic
        placed.location = subject.components(separatedBy: ", ").lazy.compactMap(article.location(of:)).first
        return placed
    }
}

extension DocumentLayout {
    /// Large print (body at least 16 pt, everything in proportion, no page limit), room for
    /// bands that grow or have a narrower page (large print, booklets), and grayscale. A
    /// wallet card keeps its size: large print does not apply to it.
    public func adjusted(largePrint: Bool, booklet: Bool, grayscale: Bool) -> DocumentLayout {
        var layout = self
        if largePrint, sheet == nil {
            // Everything in proportion, and nothing (notes, sources) under the floor.
            layout = layout.scaled(by: max(1, Self.largePrintBody / size(.body).size))
            layout.type = layout.type.mapValues { TypeSize(size: max($0.size, Self.largePrintBody), lineHeight: $0.lineHeight) }
            layout.maxPages = nil
        }
        if largePrint || booklet {
            // The running header and footer grow, or have a narrower page, and may take a
            // second line: give them room.
            let small = layout.size(.small)
            let growth = (small.size - size(.small).size) * small.lineHeight + small.size * small.lineHeight
            layout.margins.top += growth
            layout.margins.bottom += growth
        }
        if grayscale {
            layout.colours = layout.colours.mapValues(\.gray)
            layout.grayscale = true
        }
        return layout
    }

    /// The usual floor for large-print materials.
    public static let largePrintBody = 16.0
}
