// The prevention, recovery and nutrition guides: the article's own words on the subject,
// a short plan to fill in, and the warning signs. The guides say only what the article
// says: an article silent on the subject makes no guide.
import ArticleModel
import Diagnostics
import LayoutEngine

public enum PreventionGuide: TopicGuideDefinition {
    public static let guide = TopicGuide(document: .prevention, sections: [.prevention], title: .preventionGuide,
                                  plan: [(.habitsToChange, 3), (.nextVisit, 2)])
}

public enum RecoveryGuide: TopicGuideDefinition {
    /// Recovery is also what the article says of daily life with the condition.
    public static let guide = TopicGuide(document: .recovery, sections: [.recovery, .livingWith], title: .recoveryGuide,
                                  plan: [(.activityPlan, 3), (.therapyGiven, 2), (.followUp, 2)])
}

public enum NutritionGuide: TopicGuideDefinition {
    public static let guide = TopicGuide(document: .nutrition, sections: [.diet], title: .nutritionGuide, plan: [(.myFoods, 3)],
                                  medicineTimes: true)
}

/// A guide is its `TopicGuide`: what it prints, what it needs, what an error asks to shorten.
public protocol TopicGuideDefinition: DocumentDefinition {
    static var guide: TopicGuide { get }
}

extension TopicGuideDefinition {
    /// The article's sections the guide is made from.
    public static var subject: [SectionKind] { guide.sections }
    public static var fittedParts: [String] { guide.sections.map(\.rawValue) }
    public static func missing(in article: Article) -> Diagnostic? { guide.missing(in: article) }
    public static func plan(_ context: DocumentContext) -> DocumentPlan { guide.plan(context) }
}

/// One guide: the article's sections it prints, its title, and the plan to fill in.
public struct TopicGuide: Sendable {
    let document: DocumentKind
    let sections: [SectionKind]
    let title: Label
    /// Headings with lines to write on under each.
    let plan: [(Label, Int)]
    /// A table of the patient's medicines and when to take them with food.
    var medicineTimes = false

    /// An error when the article has none of the guide's sections: nothing to print but advice it does not give.
    func missing(in article: Article) -> Diagnostic? {
        guard sections.allSatisfy({ article.sections[$0]?.blocks.isEmpty ?? true }) else { return nil }
        let names = sections.map { "'\($0.rawValue)'" }.joined(separator: " or ")
        return .error("'\(article.metadata.slug)' has no \(names) section, so it makes no \(document.rawValue) guide",
                      subject: sections[0].rawValue,
                      hint: "add a \(names) section to the article from its sources, or choose another document "
                          + "(handout validate lists the documents an article makes)")
    }

    func plan(_ context: DocumentContext) -> DocumentPlan {
        let writer = Writer(context)
        let builder = SectionBuilder(article: context.article, writer: writer)
        var blocks = builder.titleBlock(subtitle: title)
        blocks.append(writer.hospitalNowBox(anchor: Anchor.warningSigns))
        blocks += sections.flatMap(builder.listed)
        var form = [writer.formHeading(.myPlan)]
        for (prompt, lines) in plan { form += [writer.field(prompt), writer.writeIn(lines)] }
        blocks.append(.group(form, keepTogether: true))
        if medicineTimes {
            blocks.append(.group([writer.formHeading(.medicinesAndFood),
                                  writer.writingTable([.medicineName, .time, .withFood], widths: [2, 1.2, 2].map(TableBlock.Width.flexible),
                                                      rows: Writer.blankRows(4, columns: 3), anchor: "medicines-and-food")],
                                 keepTogether: true))
        }
        blocks += builder.part(.disclaimer)
        return writer.plan(blocks, subtitle: title)
    }
}
