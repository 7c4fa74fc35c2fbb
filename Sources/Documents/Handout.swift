// The patient handout: the whole article, urgent warning signs first, in one language
// or two side by side, ending with its version, review dates and sources.
import ArticleModel
import Diagnostics
import LayoutEngine

public enum Handout: DocumentDefinition {
    /// Sections a handout layout may list, in the order of the article page.
    public static let sections = SectionName.allCases.map(\.rawValue)
    /// Medical safety text a layout may not drop (the warning signs are always placed first).
    public static let requiredSections = [SectionName.disclaimer.rawValue]

    public static func plan(_ context: DocumentContext) -> DocumentPlan {
        let writer = Writer(context)
        // The warning signs follow the title directly, so they land on page 1 near the top.
        // In two languages on a small page (an A5 booklet) or in large print they run on, to
        // fit, and their introduction moves to the section that explains them.
        let crowded = context.pageSize.height < 700 || context.layout.size(.body).size >= 16
        let small = crowded && context.mode == .bilingual
        var builder = SectionBuilder(article: context.article, writer: writer)
        builder.introInDetails = small
        let warnings = small ? writer.hospitalNowBox(anchor: Anchor.warningSigns, compact: true) : builder.warningSigns()
        var blocks = builder.titleBlock(subtitle: .handout) + [warnings] + writer.patientBox()
        // The layout file's names were checked against SectionName when it was read.
        for name in context.layout.sections.compactMap(SectionName.init(rawValue:)) { blocks += builder.section(name) }
        blocks += writer.clinicBox()
        return writer.plan(blocks, subtitle: .handout,
                           rules: [.wholeOnFirstPage(anchor: Anchor.warningSigns, what: "the urgent warning signs box", source: "warning_signs")])
    }
}
