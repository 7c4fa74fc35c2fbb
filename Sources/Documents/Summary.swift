// The one-page summary: key points, urgent warning signs, when to see a doctor, and where
// to read the whole article. Its layout limits it to one page.
import ArticleModel
import LayoutEngine

public enum Summary: DocumentDefinition {
    public static func plan(_ context: DocumentContext) -> DocumentPlan {
        let writer = Writer(context)
        let builder = SectionBuilder(article: context.article, writer: writer)
        let meta = context.article.metadata
        var blocks = builder.titleBlock(subtitle: .onePage)
        blocks.append(writer.hospitalNowBox(anchor: Handout.warningAnchor, compact: context.mode == .bilingual))
        blocks += builder.titled(.keyTakeaways, writer.bullets(context.article.keyTakeaways))
        blocks += builder.titled(.whenToSee, writer.paragraphs([writer.label(.seeDoctorIf)]))
        blocks.append(writer.readOnline())
        blocks += writer.paragraphs([context.article.disclaimer], style: writer.style(.small, colour: .muted,
                                                                                        before: writer.bodySize * 0.5))
        return writer.plan(blocks, subtitle: .onePage,
                           rules: [.wholeOnFirstPage(anchor: Handout.warningAnchor, what: "the urgent warning signs box")])
    }
}
