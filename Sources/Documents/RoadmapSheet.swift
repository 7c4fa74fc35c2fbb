// The care roadmap on one page: five steps from danger signs to follow-up, tips, and the
// urgent warning signs.
import ArticleModel
import LayoutEngine

public enum RoadmapSheet: DocumentDefinition {
    public static let fittedParts = ["roadmap", "warning_signs"]
    public static func plan(_ context: DocumentContext) -> DocumentPlan {
        let writer = Writer(context)
        let builder = SectionBuilder(article: context.article, writer: writer)
        var blocks = builder.titleBlock(subtitle: .roadmap)
        if let roadmap = context.article.roadmap {
            blocks += builder.roadmapSteps(roadmap, spacing: writer.em(writer.metrics.sectionGap))
            blocks += builder.titled(.tips, writer.bullets(roadmap.tips), level: 2)
        }
        // Step 1 is "check danger signs first": the signs themselves close the page.
        blocks.append(writer.hospitalNowBox(anchor: Anchor.warningSigns, compact: context.mode == .bilingual))
        return writer.plan(blocks, subtitle: .roadmap)
    }
}
