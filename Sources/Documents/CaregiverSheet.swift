// The family and caregiver sheet, for the fridge door: whom to call (the clinic's numbers
// when it gave them), a week of daily medicines to tick dose by dose, a log of visits and
// reports, the warning signs and room for questions.
import ArticleModel
import LayoutEngine

public enum CaregiverSheet: DocumentDefinition {
    /// The times of day a dose is given, each with this many rows for medicines.
    static let times: [Label] = [.morning, .midday, .evening, .night]
    static let rowsPerTime = 2

    public static func plan(_ context: DocumentContext) -> DocumentPlan {
        let writer = Writer(context)
        var blocks = writer.formTitle(.caregiver)
        blocks.append(writer.patientFields())
        blocks.append(writer.formHeading(.contacts))
        blocks.append(contacts(writer, clinic: context.clinic, patient: context.patient))
        blocks.append(writer.formHeading(.medicineSchedule))
        blocks.append(schedule(writer))
        blocks.append(writer.formHeading(.appointments))
        blocks.append(writer.writingTable([.date, .doctorOrPlace, .whatWasDone, .nextStep], widths: [1, 1.6, 2.2, 1.6].map(TableBlock.Width.flexible),
                                          rows: Writer.blankRows(4, columns: 4), anchor: "appointments"))
        blocks.append(writer.hospitalNowBox(anchor: Anchor.warningSigns))
        blocks.append(.group([writer.formHeading(.questions), writer.writeIn(3)], keepTogether: true))
        return writer.plan(blocks, subtitle: .caregiver)
    }

    /// Whom to call: the clinic's name and numbers filled in when the clinic gave them.
    static func contacts(_ writer: Writer, clinic: Clinic?, patient: Patient?) -> Block {
        let rows: [(Label, [TextRun], [TextRun])] = [
            (.clinicOrHospital, clinic.map { writer.clinicText($0.name) } ?? [], clinic?.phone.map { [TextRun($0)] } ?? []),
            (.clinicEmergency, [], clinic?.emergencyNumber.map { [TextRun($0, bold: true)] } ?? []),
            (.doctor, patient?.clinician.map { writer.typed($0) } ?? [], []),
            (.pharmacy, [], []), (.familyMember, [], []), (.familyMember, [], []),
        ]
        return writer.writingTable([.who, .name, .clinicPhone], widths: [1.4, 2.4, 1.6].map(TableBlock.Width.flexible),
                                   rows: rows.map { [writer.cell($0.0), writer.cell(runs: $0.1), writer.cell(runs: $0.2)] },
                                   anchor: "contacts")
    }

    /// A week of doses: rows for medicines at each time of day, a box to tick for each day.
    static func schedule(_ writer: Writer) -> Block {
        let side = writer.em(writer.metrics.tickBox)
        let box = Block.drawing(DrawingBlock(size: Size(width: side, height: side),
                                             items: [.rect(Rect(x: 0, y: 0, width: side, height: side), fill: nil,
                                                           stroke: writer.layout.colour(.text), lineWidth: 0.8)]))
        let days = (1...7).map { day in writer.labelRuns(.day) { ["number": $0.digits(day)] } }
        let rows = times.flatMap { time in
            (0..<rowsPerTime).map { _ in [[], writer.cell(time)] + Array(repeating: [box], count: 7) }
        }
        return writer.writingTable(headerRuns: [writer.labelRuns(.medicineAndDose), writer.labelRuns(.when)] + days,
                                   widths: [.flexible(3), .flexible(1.3)] + Array(repeating: .flexible(0.75), count: 7),
                                   rows: rows, anchor: "medicine-schedule")
    }
}
