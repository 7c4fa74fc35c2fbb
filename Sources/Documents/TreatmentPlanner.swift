// The treatment planner: each treatment option the article names, with room to write what
// the patient is told of its benefits, risks and cost and what they decide; then the
// questions to ask about any treatment or new medicine, and the warning signs.
import ArticleModel
import LayoutEngine

public enum TreatmentPlanner: DocumentDefinition {
    public static let fittedParts = ["treatments", "drugs", "surgery", "warning_signs"]
    /// What to ask about any treatment or new medicine.
    static let questions: [Label] = [.askName, .askHowWhen, .askHowLong, .askMissed, .askSideEffects, .askAvoid, .askInteractions]
    /// Rows left blank for options the doctor names that the article does not.
    static let blankOptions = 2

    public static func plan(_ context: DocumentContext) -> DocumentPlan {
        let writer = Writer(context)
        var blocks = writer.formTitle(.treatmentPlanner)
        blocks.append(writer.patientFields())
        blocks.append(.text(StyledText(writer.labelRuns(.plannerIntro), style: writer.style(.body, colour: .muted, after: writer.em(0.4)),
                                       role: .label)))
        blocks.append(optionsTable(writer, ArticleEntries.treatmentOptions(context.article)))
        blocks.append(writer.formHeading(.anyTreatment))
        blocks.append(writer.writingTable([.questions, .answer], widths: [.flexible(1), .flexible(1.2)],
                                          rows: questions.map { [writer.cell($0), []] }, anchor: "treatment-questions"))
        blocks.append(writer.hospitalNowBox(anchor: Anchor.warningSigns))
        return writer.plan(blocks, subtitle: .treatmentPlanner)
    }

    /// A row per option with room to write about it. In two languages each has its own
    /// column, so a row is as tall as the longer, not both.
    static func optionsTable(_ writer: Writer, _ options: [NamedEntry]) -> Block {
        let languages = writer.mode.languages
        let named = languages.map { language in
            [TextRun(writer.labels.text(.treatmentOption, language), language: language.rawValue)]
        }
        let aspects: [Label] = [.benefitsTold, .risks, .costWhere, .myDecision]
        let rows = options.map { option in languages.map { writer.cell(option, languages: [$0]) } + Writer.blankCells(aspects.count) }
        return writer.writingTable(headerRuns: named + aspects.map { writer.labelRuns($0) },
                                   widths: languages.map { .flexible(languages.count == 1 ? 2 : $0 == .bn ? 1.45 : 1.3) } + aspects.map { _ in .flexible(0.7) },
                                   rows: rows + Writer.blankRows(blankOptions, columns: languages.count + aspects.count), anchor: "treatment-options")
    }
}
