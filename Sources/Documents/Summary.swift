// The one-page summary: key points, urgent warning signs, when to see a doctor, and where
// to read the whole article. Its layout limits it to one page.
import ArticleModel
import LayoutEngine

public enum Summary: DocumentDefinition {
    public static let fittedParts = ["key_takeaways", "warning_signs", "disclaimer"]
    public static func plan(_ context: DocumentContext) -> DocumentPlan {
        let writer = Writer(context)
        let builder = SectionBuilder(article: context.article, writer: writer)
        var blocks = builder.titleBlock(subtitle: .onePage)
        blocks.append(writer.hospitalNowBox(anchor: Anchor.warningSigns, compact: context.mode == .bilingual))
        blocks += builder.titled(.keyTakeaways, writer.bullets(context.article.keyTakeaways))
        blocks += builder.titled(.whenToSee, writer.paragraphs([writer.label(.seeDoctorIf)]))
        // The disclaimer sits beside the QR code, in each language, to keep the page to one.
        let small = writer.style(.small, colour: .muted, before: writer.em(writer.metrics.labelGap))
        blocks.append(writer.readOnline(beside: context.mode.languages.map {
            .text(writer.styled(context.article.disclaimer, $0, style: small))
        }))
        return writer.plan(blocks, subtitle: .onePage,
                           rules: [.wholeOnFirstPage(anchor: Anchor.warningSigns, what: "the urgent warning signs box", source: "warning_signs")])
    }
}
