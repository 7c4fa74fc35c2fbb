// Blank symptom-diary sheets for families: a grid with a column per day and a row per
// thing to record, a 0–10 scale with faces, a medicine log, room for notes and
// questions, and the warning signs. The weekly sheet has room for detail; the monthly
// one holds a score per day.
import ArticleModel
import LayoutEngine

public enum WeeklyDiary: DocumentDefinition {
    public static let fittedParts = ["diary_prompts", "warning_signs"]
    public static func plan(_ context: DocumentContext) -> DocumentPlan {
        Diary(writer: Writer(context), period: .week).plan()
    }
}

public enum MonthlyDiary: DocumentDefinition {
    public static let fittedParts = WeeklyDiary.fittedParts
    public static func plan(_ context: DocumentContext) -> DocumentPlan {
        Diary(writer: Writer(context), period: .month).plan()
    }
}

struct Diary {
    enum Period { case week, month }

    static let gridAnchor = "diary-grid"
    let writer: Writer
    let period: Period

    /// What a family records when the article names nothing of its own.
    static let genericPrompts: [(Label, DiaryPrompt.Kind)] = [
        (.genericSymptoms, .score), (.genericPain, .score), (.genericSleep, .note), (.genericActivity, .yesNo),
        (.genericMedicines, .note),
    ]

    func plan() -> DocumentPlan {
        var blocks = writer.formTitle(period == .week ? .diaryWeek : .diaryMonth)
        blocks.append(writer.fields([(.patientName, 3), (period == .week ? .weekStarting : .month, 2)]))
        blocks.append(.text(StyledText(writer.labelRuns(.writeZero), style: writer.style(.body, bold: true), role: .label)))
        // A month is two grids (days 1–16 and 17–31), so day cells stay big enough to write in.
        let grids: [ClosedRange<Int>] = period == .week ? [1...7] : [1...16, 17...31]
        blocks += grids.map(grid)
        blocks += ScaleLegend(writer: writer).blocks()
        blocks.append(.group(medicineLog(), keepTogether: true))
        blocks.append(.group([.row(RowBlock(columns: [[writer.formHeading(.notes), writer.writeIn(3, name: "notes", asking: writer.labelRuns(.notes))],
                                                       [writer.formHeading(.nextVisit),
                                                        writer.writeIn(3, name: "next_visit", asking: writer.labelRuns(.nextVisit))]],
                                             gap: writer.em(writer.metrics.columnsGap)))], keepTogether: true))
        blocks.append(writer.hospitalNowBox(anchor: Anchor.warningSigns))
        return writer.plan(blocks, subtitle: period == .week ? .diaryWeek : .diaryMonth)
    }

    /// A row of the grid: what it says, its field name and what its cells hold.
    struct GridLine {
        var runs: [TextRun]
        var key: String
        var kind: FormField.Kind = .text
    }

    /// The things to record, each with how to record it ("(0–10)", "(how many)"). The
    /// monthly sheet has room for scores only, so it leaves out free-text prompts.
    var prompts: [GridLine] {
        let article = writer.article.diaryPrompts.map { ($0.label, $0.kind) }
        let chosen = article.isEmpty ? Self.genericPrompts.map { (writer.label($0.0), $0.1) } : article
        return chosen.filter { period == .week || $0.1 != .note }.map { label, kind in
            GridLine(runs: writer.titleRuns(label) + [TextRun(" (")] + writer.labelRuns(kind.label) + [TextRun(")")],
                     key: Writer.fieldName(label.en), kind: kind.cell)
        }
    }

    func grid(days: ClosedRange<Int>) -> Block {
        let grid = writer.layout.grid ?? DocumentLayout.Grid(rowHeight: millimetres(8), labelWidth: millimetres(55))
        let cell = writer.style(.small)
        let header = writer.style(.small, bold: true)
        func text(_ runs: [TextRun], _ style: ParagraphStyle) -> [Block] { [.text(StyledText(runs, style: style, role: .label))] }
        let dayNames = days.map { day in
            period == .week ? writer.labelRuns(.day) { ["number": $0.digits(day)] }
                            : (writer.mode == .bn ? [TextRun(Language.bn.digits(day), language: Language.bn.rawValue)] : [TextRun(String(day))])
        }
        var rows = prompts
        if period == .week {
            rows = [GridLine(runs: writer.labelRuns(.date), key: "date")] + rows
                + [GridLine(runs: writer.labelRuns(.timeOfDay), key: "time_of_day"), GridLine(runs: writer.labelRuns(.betterWorse), key: "better_worse")]
        }
        let blank = Array(repeating: [Block](), count: days.count)
        var table = TableBlock(
            widths: [.fixed(grid.labelWidth)] + days.map { _ in .flexible(1) },
            header: [text(writer.labelRuns(.whatToRecord), header)] + dayNames.map { text($0, header) },
            rows: rows.map { [text($0.runs, cell)] + blank },
            rowHeight: grid.rowHeight, padding: 2.5, lineColor: writer.layout.colour(.text), lineWidth: 0.6,
            headerFill: writer.layout.colour(.noteFill), spacing: Spacing(before: writer.em(writer.metrics.sectionGap), after: writer.bodySize),
            anchor: Self.gridAnchor)
        // Each day's cell of each row is a field: "day3.sleep", asking "Sleep (a few words) · Day 3".
        table.forms = rows.map { row in
            [nil] + zip(days, dayNames).map { day, name in
                writer.form("day\(day).\(row.key)", row.runs + [TextRun(" · ")] + name, kind: row.kind)
            }
        }
        return .table(table)
    }

    func medicineLog() -> [Block] {
        let rowHeight = max(writer.layout.grid?.rowHeight ?? millimetres(8), millimetres(9))
        // Each cell a field: "medicines.2.dose"; "did it help" takes one digit.
        let columns: [(String, Label, FormField.Kind)] = [("name", .medicineName, .text), ("dose", .dose, .text), ("time", .time, .text),
                                                          ("helped", .helped, .number(digits: 1))]
        let log = writer.writingTable(columns.map(\.1), widths: [.flexible(3), .flexible(1.5), .flexible(1.5), .flexible(1.5)],
                                      rows: Writer.blankRows(4, columns: 4), rowHeight: rowHeight, anchor: "medicine-log",
                                      forms: (1...4).map { row in
                                          columns.map { key, label, kind in writer.form("medicines.\(row).\(key)", writer.labelRuns(label), kind: kind) }
                                      })
        return [writer.formHeading(.medicineLog), log,
                .text(StyledText(writer.labelRuns(.helpedKey), style: writer.style(.small, colour: .muted, after: 4)))]
    }
}

extension DiaryPrompt.Kind {
    /// What a day's cell takes: a 0–10 score two digits, a count three, words otherwise.
    var cell: FormField.Kind {
        switch self {
        case .score: return .number(digits: 2)
        case .count: return .number(digits: 3)
        case .yesNo, .note: return .text
        }
    }

    /// How to record it, as the sheet says it.
    var label: Label {
        switch self {
        case .count: return .kindCount
        case .score: return .kindScore
        case .yesNo: return .kindYesNo
        case .note: return .kindNote
        }
    }
}
