// The doctor-visit checklist: who the patient is, what to tell the doctor, questions to
// ask with room for the answers, tests to discuss, mistakes to avoid, the warning signs.
import ArticleModel
import LayoutEngine

public enum Checklist: DocumentDefinition {
    /// What to tell the doctor when the article names nothing of its own, with lines to write on.
    static let tellPrompts: [(Label, Int)] = [
        (.whenStarted, 0), (.howChanged, 1), (.medicinesTaken, 1), (.allergies, 0), (.pregnancy, 0), (.longTerm, 0),
    ]
    /// The three questions every patient should ask (the "Ask Me 3" questions).
    static let basicQuestions: [Label] = [.mainProblem, .whatToDo, .whyImportant]
    public static let fittedParts = ["doctor_visit", "warning_signs"]

    public static func plan(_ context: DocumentContext) -> DocumentPlan {
        let writer = Writer(context)
        let visit = context.article.doctorVisit
        var blocks = writer.formTitle(.checklist)
        blocks.append(writer.patientFields())

        blocks.append(writer.formHeading(.doctorOrService))
        blocks += visit?.whichDoctor.map { writer.bothLanguages($0, style: writer.paragraphStyle) } ?? []
        blocks.append(writer.field(.doctor))

        blocks.append(writer.formHeading(.tellDoctor))
        if let prompts = visit?.tellDoctor, !prompts.isEmpty {
            blocks += prompts.enumerated().flatMap { writer.tick($1, writeLines: 1, name: "tell_doctor.\($0 + 1)") }
        } else {
            for (prompt, extraLines) in tellPrompts {
                blocks.append(writer.field(prompt))
                if extraLines > 0 { blocks.append(writer.writeIn(extraLines, name: "\(prompt.rawValue)_more", asking: writer.labelRuns(prompt))) }
            }
        }

        blocks.append(writer.formHeading(.questions))
        let questions = basicQuestions.map { writer.label($0) } + (visit?.questions ?? [])
        blocks += questions.enumerated().flatMap { writer.tick($1, answer: true, name: "questions.\($0 + 1)") }

        blocks.append(writer.formHeading(.tests))
        let tests = visit?.tests ?? []
        blocks += tests.isEmpty ? writer.tick(writer.label(.genericTests), answer: true, writeLines: 1, name: "tests.1")
                                : tests.enumerated().flatMap { writer.tick($1, name: "tests.\($0 + 1)") }

        if let mistakes = visit?.mistakes, !mistakes.isEmpty {
            blocks.append(writer.formHeading(.mistakes))
            blocks += mistakes.map(writer.bullet)
        }
        blocks.append(writer.hospitalNowBox(anchor: Anchor.warningSigns))
        return writer.plan(blocks, subtitle: .checklist)
    }
}
