// The wallet card (85.6 × 54 mm, as many as fit on a sheet, with cut marks): the urgent
// warning signs on the front; on the back, what a stranger helping in an emergency needs
// to know, drug allergies first.
import ArticleModel
import LayoutEngine

public enum WarningCard: DocumentDefinition {
    static let backFields: [Label] = [.drugAllergies, .name, .emergencyContact, .doctor, .conditions, .currentMedicines,
                                      .updatedOn]

    public static func plan(_ context: DocumentContext) -> DocumentPlan {
        let writer = Writer(context)
        let signs = context.article.warningSigns
        let heading = writer.style(.heading, colour: .warning, bold: true, after: 1)
        let front: [Block] = [
            .text(StyledText(writer.labelRuns(.hospitalNow), style: heading, role: .heading(level: 1))),
            .text(StyledText(writer.titleRuns(context.article.title), style: writer.style(.small, colour: .muted, after: 2))),
        ] + signs.brief.map(writer.bullet) + callLine(writer)
        let back = backFields.map { label in
            // The clinic fills in its own name and number: one line less for the patient to write.
            if label == .doctor, context.clinic != nil {
                return writer.field(runs: writer.labelRuns(.doctor) + [TextRun("  ")] + writer.clinicRuns(), minimumLine: 0)
            }
            return writer.field(label, minimumLine: writer.em(writer.metrics.cardFieldLine))
        }
        let sheet = writer.layout.sheet ?? DocumentLayout.Sheet(item: Size(width: millimetres(85.6), height: millimetres(54)),
                                                               gutter: millimetres(6))
        let padding = millimetres(3)
        var template = SheetTemplate(size: context.paper.size, margin: DocumentLayout.safeMargin, item: sheet.item,
                                     padding: Insets(all: padding), gutter: sheet.gutter, markLength: millimetres(3),
                                     markColor: writer.layout.colour(.text), outlineColor: writer.layout.colour(.rule))
        template.sideSources = ["\(signs.briefField), title"]
        return DocumentPlan(pagination: .sheet(sides: [front, back], template),
                            title: writer.documentTitle(.card),
                            subject: context.labels.text(.card, .en), diagnostics: writer.diagnostics + writer.layout.warnings)
    }

    /// At the foot of the front: the clinic's emergency number to call (its name is on the back).
    static func callLine(_ writer: Writer) -> [Block] {
        guard let number = writer.clinic?.emergencyNumber else { return [] }
        return [.text(StyledText(writer.labelRuns(.callShort) { _ in ["number": number] },
                                 style: writer.style(.small, colour: .warning, bold: true), role: .label))]
    }
}
