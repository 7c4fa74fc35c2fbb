// The patient handout: the whole article, urgent warning signs first, in one language
// or two side by side, ending with its version, review dates and sources.
import ArticleModel
import Diagnostics
import LayoutEngine

public enum Handout {
    /// Sections a handout layout may list, in the order of the article page.
    public static let sections = [
        "summary", "key_takeaways", "warning_details", "definition",
    ] + SectionKind.allCases.map(\.rawValue) + [
        "medicine_safety", "doctor_visit", "roadmap", "diary_prompts", "faq", "conclusion",
        "disclaimer", "references", "about",
    ]
    /// Medical safety text a layout may not drop (the warning signs are always placed first).
    public static let requiredSections = ["disclaimer"]
    static let warningAnchor = "warning-signs"

    public static func plan(_ article: Article, mode: LanguageMode, paper: Paper,
                            layout: DocumentLayout, labels: Labels) -> DocumentPlan {
        let writer = Writer(mode: mode, layout: layout, labels: labels)
        let builder = SectionBuilder(article: article, writer: writer)
        // The warning signs follow the title directly, so they land on page 1 near the top.
        var blocks = builder.titleBlock() + [builder.warningSigns()]
        for name in layout.sections { blocks += builder.section(name) }
        let template = pageTemplate(article, writer: writer, paper: paper)
        return DocumentPlan(blocks: blocks, template: template,
                            title: mode.languages.map { article.title[$0] ?? article.title.en }.joined(separator: " · "),
                            subject: labels.text(.handout, .en),
                            rules: [.wholeOnFirstPage(anchor: warningAnchor, what: "the urgent warning signs box")],
                            diagnostics: writer.diagnostics + layout.warnings)
    }

    /// Running header (the title) and footer (page X of Y, review date, site address).
    static func pageTemplate(_ article: Article, writer: Writer, paper: Paper) -> PageTemplate {
        let languages = writer.mode.languages
        let small = writer.style(.small, colour: .muted)
        let rule = RuleBlock(color: writer.layout.colour(.rule), thickness: 0.5, spacing: Spacing(before: 3, after: 3))
        let title = languages.map { article.title[$0] ?? article.title.en }.joined(separator: "  ·  ")
        let reviewed = article.metadata.lastReviewed
        let site = article.metadata.siteAddress
        return PageTemplate(
            size: paper.size, margins: writer.layout.margins, bandGap: writer.layout.bandGap,
            safeMargin: DocumentLayout.safeMargin,
            header: { _, _ in [.text(StyledText(title, style: small, role: .label)), .rule(rule)] },
            footer: { page, count in
                let pages = languages.map { writer.labels.text(.pageOf, $0, ["page": $0.digits(page), "count": $0.digits(count)]) }
                let date = languages.map { "\(writer.labels.text(.lastReviewed, $0)) \(writer.labels.date(reviewed, in: $0))" }
                let line = (pages + date + [site]).joined(separator: "  ·  ")
                return [.rule(rule), .text(StyledText(line, style: small, role: .label))]
            })
    }
}
