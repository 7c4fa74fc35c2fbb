// The patient's health record, to bring to every visit: allergies first (a doctor must
// see them before prescribing), medicines now and before, test results (the article's tests
// and blank rows), past illnesses and operations, questions for the next visit.
import ArticleModel
import LayoutEngine

public enum HealthRecord: DocumentDefinition {
    public static let fittedParts = ["diagnostic_tests", "warning_signs"]
    /// Blank rows under the article's tests, for tests it does not name.
    static let blankTests = 3

    public static func plan(_ context: DocumentContext) -> DocumentPlan {
        let writer = Writer(context)
        var blocks = writer.formTitle(.healthRecord)
        blocks.append(writer.patientFields())
        func table(_ heading: Label, _ header: [Label], widths: [Double], rows: [[[Block]]], anchor: String) {
            blocks.append(writer.formHeading(heading))
            blocks.append(writer.writingTable(header, widths: widths.map(TableBlock.Width.flexible), rows: rows, anchor: anchor))
        }
        table(.allergies, [.allergyTo, .reaction], widths: [1, 1.4], rows: Writer.blankRows(3, columns: 2), anchor: "allergies")
        table(.medicinesNow, [.medicineName, .dose, .when, .prescribedBy], widths: [2, 1, 1.2, 1.3],
              rows: Writer.blankRows(5, columns: 4), anchor: "medicines-now")
        table(.medicinesBefore, [.medicineName, .dose, .howLong, .didItHelp], widths: [2, 1, 1.2, 1.3],
              rows: Writer.blankRows(3, columns: 4), anchor: "medicines-before")
        let tests = ArticleEntries.tests(context.article).map { [writer.cell(NamedEntry(name: $0.name))] + Writer.blankCells(3) }
        table(.testResults, [.test, .date, .result, .reportKept], widths: [2, 1, 1.6, 1.4],
              rows: tests + Writer.blankRows(blankTests, columns: 4), anchor: "test-results")
        table(.pastIllnesses, [.illnessOrOperation, .when, .notes], widths: [2, 1, 2], rows: Writer.blankRows(3, columns: 3),
              anchor: "past-illnesses")
        blocks.append(.group([writer.formHeading(.nextVisit), writer.writeIn(3)], keepTogether: true))
        blocks.append(writer.hospitalNowBox(anchor: Anchor.warningSigns))
        return writer.plan(blocks, subtitle: .healthRecord)
    }
}
