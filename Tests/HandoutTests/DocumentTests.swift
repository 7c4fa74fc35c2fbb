// The printable documents other than the handout (checklist, diaries, summary, roadmap,
// wallet card), end to end: every language and paper renders cleanly for the PDF tools,
// every label and prompt comes back from pdftotext, and the geometry a family relies on
// holds (grid cells big enough to write in, one-page sheets, cards the size of a bank card).
import Diagnostics
import Foundation
import HandoutKit
import LayoutEngine
import TestSupport
import Testing

@Suite struct DocumentTests {
    static let documents = DocumentKind.allCases.filter { $0 != .handout }
    static let combinations = documents.flatMap { options(for: $0) }
    static let diaries = [DocumentKind.diaryWeek, .diaryMonth].flatMap { options(for: $0) }
    static let onePagers = [DocumentKind.summary, .roadmap].flatMap { options(for: $0) }
    static let cards = options(for: .card)
    static let checklists = options(for: .checklist)

    // MARK: 1. Clean PDFs

    @Test(arguments: combinations)
    func rendersWithoutWarnings(options: RenderOptions) throws {
        let output = try DocumentSamples.output(options)
        #expect(output.rendered.pageCount > 0)
        #expect(output.rendered.warnings.isEmpty, "\(output.rendered.warnings.map(\.description))")
    }

    @Test(arguments: combinations)
    func qpdfFindsNoProblems(options: RenderOptions) throws {
        try PDFChecks.qpdfFindsNoProblems(try DocumentSamples.output(options).file)
    }

    @Test(arguments: combinations)
    func everyFontIsEmbeddedSubsetAndShipped(options: RenderOptions) throws {
        try PDFChecks.fontsAreEmbeddedSubsetAndShipped(try DocumentSamples.output(options).file, bangla: options.mode != .en)
    }

    // MARK: 2. Every label and prompt is in the text

    @Test(arguments: combinations)
    func pdftotextShowsEveryLabelAndPrompt(options: RenderOptions) throws {
        let output = try DocumentSamples.output(options)
        let text = try DocumentSamples.text(output)
        let found = Set(Words.normalised(text)), flat = Words.flat(text)
        let expected = Printed.texts(options.document, article: Sample.article)
        for language in options.mode.languages {
            var checked = 0
            for (source, localized) in expected {
                let words = Words.normalised(Printed.withoutPlaceholders(localized[language]?.plainText ?? ""))
                checked += words.count
                let missing = words.filter { !found.contains($0) && !flat.contains($0) }
                #expect(missing.isEmpty, "\(language) \(source): missing \(missing)")
            }
            #expect(checked > 20, "too few words expected for \(options.document) in \(language)")
        }
    }

    @Test(arguments: [LanguageMode.en, .bn])
    func monthlyDiaryLeavesOutFreeTextPrompts(mode: LanguageMode) throws {
        let notes = Sample.article.diaryPrompts.filter { $0.kind == .note }
        #expect(!notes.isEmpty, "the sample should have a `kind: note` prompt")
        let language = mode.languages[0]
        let week = Words.flat(try DocumentSamples.text(DocumentSamples.output(RenderOptions(document: .diaryWeek, mode: mode))))
        let month = Words.flat(try DocumentSamples.text(DocumentSamples.output(RenderOptions(document: .diaryMonth, mode: mode))))
        for prompt in notes {
            let phrase = Words.flat(prompt.label[language]!.plainText)
            #expect(week.contains(phrase), "weekly sheet lacks '\(prompt.label[language]!)'")
            #expect(!month.contains(phrase), "monthly sheet has note prompt '\(prompt.label[language]!)'")
        }
    }

    // MARK: 3. Diary grids

    @Test(arguments: diaries)
    func diaryGridCellsAreBigEnoughToWriteIn(options: RenderOptions) throws {
        let pages = try DocumentSamples.output(options).rendered.layout.pages
        var grids = 0
        for (number, page) in pages.enumerated() {
            for grid in page.anchors where grid.id == "diary-grid" {
                grids += 1
                let cells = Geometry.rects(page).filter { grid.rect.contains($0) }
                #expect(cells.count >= 8 * 2, "page \(number + 1): only \(cells.count) cells in the grid")
                for cell in cells {
                    #expect(cell.height >= millimetres(7) - 0.01, "page \(number + 1): cell \(cell) is under 7 mm high")
                }
                let dayCells = cells.filter { $0.minX > grid.rect.minX + 0.01 }
                #expect(!dayCells.isEmpty)
                for cell in dayCells {
                    #expect(cell.width >= millimetres(8) - 0.01, "page \(number + 1): day column \(cell) is under 8 mm wide")
                }
            }
        }
        #expect(grids >= (options.document == .diaryMonth ? 2 : 1))
    }

    @Test(arguments: diaries)
    func diaryGridsLieInsideThePageBody(options: RenderOptions) throws {
        let pages = try DocumentSamples.output(options).rendered.layout.pages
        for (number, page) in pages.enumerated() {
            for anchor in page.anchors where anchor.id.hasPrefix("diary-grid") {
                #expect(page.body.contains(anchor.rect), "page \(number + 1): \(anchor.id) \(anchor.rect) outside \(page.body)")
            }
        }
    }

    @Test(arguments: diaries)
    func diaryPagesAreLandscape(options: RenderOptions) throws {
        let pages = try DocumentSamples.output(options).rendered.layout.pages
        for (number, page) in pages.enumerated() {
            #expect(page.size.width > page.size.height, "page \(number + 1) is \(page.size.width) × \(page.size.height)")
        }
        let size = options.paper.size
        #expect(pages.first.map { abs($0.size.width - size.height) < 0.01 && abs($0.size.height - size.width) < 0.01 } == true)
    }

    @Test(arguments: LanguageMode.allCases)
    func aGridRunningOntoMorePagesRepeatsItsHeader(mode: LanguageMode) throws {
        let article = try Articles.withManyDiaryPrompts(25)
        let rendered = try Sample.withPublisher { try $0.render(article, options: RenderOptions(document: .diaryWeek, mode: mode)) }
        #expect(rendered.warnings.isEmpty, "\(rendered.warnings.map(\.description))")
        let pages = rendered.layout.pages
        let withGrid = pages.indices.filter { pages[$0].anchors.contains { $0.id == "diary-grid" } }
        #expect(withGrid.count >= 2, "25 prompts should need a second page of grid, got pages \(withGrid.map { $0 + 1 })")
        for index in withGrid {
            let page = pages[index]
            let headers = page.anchors.filter { $0.id == "diary-grid.header" }
            for grid in page.anchors where grid.id == "diary-grid" {
                let level = headers.filter { abs($0.rect.minY - grid.rect.minY) < 0.01 }
                // The label column and seven days.
                #expect(level.count == 8, "page \(index + 1): \(level.count) header cells at the top of the grid")
                #expect(level.allSatisfy { grid.rect.contains($0.rect) }, "page \(index + 1): header cells outside their grid")
            }
        }
    }

    // MARK: 4. One-page documents

    @Test(arguments: onePagers)
    func summaryAndRoadmapAreOnePage(options: RenderOptions) throws {
        let rendered = try DocumentSamples.output(options).rendered
        #expect(rendered.pageCount == 1)
    }

    @Test(arguments: onePagers)
    func warningBoxIsOnPageOne(options: RenderOptions) throws {
        let pages = try DocumentSamples.output(options).rendered.layout.pages
        let holding = pages.indices.filter { pages[$0].anchors.contains { $0.id == "warning-signs" } }
        #expect(holding == [0])
        let box = try #require(pages.first?.anchors.first { $0.id == "warning-signs" })
        #expect(pages[0].body.contains(box.rect))
    }

    @Test func aSummaryThatCannotFitIsAnError() throws {
        let article = try Articles.withLongKeyTakeaways(40)
        let error = #expect(throws: DiagnosticError.self) {
            try Sample.withPublisher { try $0.render(article, options: RenderOptions(document: .summary, mode: .en)) }
        }
        let message = error?.description ?? ""
        #expect(message.contains("summary (en) of 'hemifacial-spasm' needs"), "\(message)")
        #expect(message.contains("may have 1"), "\(message)")
        // It sends the editor to the part to shorten: the file, line and column of the key points.
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.location == article.keyTakeaways.first?.location && diagnostic.location != nil)
        #expect(diagnostic.subject == "key_takeaways, warning_signs, disclaimer")
        #expect(diagnostic.hint?.hasPrefix("shorten key_takeaways or warning_signs or disclaimer") == true)
    }

    @Test func anOverfullCardNamesTheSignsToShortenAtTheirPlace() throws {
        var article = Sample.article
        article.warningSigns.short = article.warningSigns.short.map { sign in
            var long = sign
            long.en = String(repeating: sign.en + " ", count: 6)
            return long
        }
        let error = #expect(throws: DiagnosticError.self) {
            try Sample.withPublisher { try $0.render(article, options: RenderOptions(document: .card, mode: .en)) }
        }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.message.contains("side 1"), "\(diagnostic)")
        #expect(diagnostic.location == article.warningSigns.short.first?.location && diagnostic.location?.file == Sample.articlePath)
    }

    @Test func theCommandRefusesASummaryThatCannotFit() throws {
        let text = try Articles.text(replacing: "key_takeaways", with: Articles.longKeyTakeaways(40))
        let folder = try Files.folder()
        let article = folder.appendingPathComponent("long.yaml")
        try Data(text.utf8).write(to: article)
        let output = folder.appendingPathComponent("summary.pdf")
        let result = try Sample.run(CommandLineTests.executable, ["render", article.path, "--doc", "summary", "-o", output.path],
                                    directory: Sample.root)
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(article.path):"), "\(result.stderr)")
        #expect(result.stderr.contains(": error: the summary (en+bn) of 'hemifacial-spasm' needs"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    // MARK: 5. Wallet cards

    @Test(arguments: cards)
    func everyCardIsBankCardSize(options: RenderOptions) throws {
        let pages = try DocumentSamples.output(options).rendered.layout.pages
        #expect(pages.count == 2)
        for (number, page) in pages.enumerated() {
            for card in Geometry.cards(page) {
                #expect(abs(card.width - 242.65) <= 0.01 && abs(card.height - 153.07) <= 0.01,
                        "page \(number + 1): card \(card.width) × \(card.height) pt")
            }
        }
    }

    @Test(arguments: cards)
    func aSheetHoldsAtLeastEightCardsWithAMatchingBack(options: RenderOptions) throws {
        let pages = try DocumentSamples.output(options).rendered.layout.pages
        let front = Geometry.cards(pages[0]), back = Geometry.cards(pages[1])
        if options.paper == .a4 { #expect(front.count >= 8) }
        #expect(front.count > 0)
        #expect(back.count == front.count)
        // Mirrored left to right, the backs fill the same slots as the fronts.
        #expect(Set(back.map(Geometry.key)) == Set(front.map(Geometry.key)))
    }

    @Test(arguments: cards)
    func everyCardCornerHasCutMarks(options: RenderOptions) throws {
        for (number, page) in try DocumentSamples.output(options).rendered.layout.pages.enumerated() {
            let lines = Geometry.lines(page)
            let cards = Geometry.cards(page)
            for card in cards {
                for corner in Geometry.corners(card) {
                    let marks = lines.filter { Geometry.isCutMark($0, at: corner, of: card) }
                    #expect(marks.contains { $0.from.y == $0.to.y }, "page \(number + 1): no horizontal cut mark at \(corner.point)")
                    #expect(marks.contains { $0.from.x == $0.to.x }, "page \(number + 1): no vertical cut mark at \(corner.point)")
                }
            }
            // No mark (a line that is not a card's own content) strays onto any card.
            let marks = lines.filter { line in !cards.contains { $0.contains(Geometry.bounds(line)) } }
            #expect(marks.count >= cards.count * 8)
            for mark in marks {
                #expect(!cards.contains { Geometry.crosses(mark, $0) }, "page \(number + 1): cut mark \(mark) crosses a card")
            }
        }
    }

    @Test(arguments: cards)
    func cardsLieWithinTheSafeMargin(options: RenderOptions) throws {
        for (number, page) in try DocumentSamples.output(options).rendered.layout.pages.enumerated() {
            let safe = Geometry.safeArea(page)
            for card in Geometry.cards(page) {
                #expect(safe.contains(card), "page \(number + 1): card \(card) outside \(safe)")
            }
        }
    }

    /// SheetTemplate promises "Nothing, cut marks included, comes nearer the paper's edge" than the margin.
    @Test(arguments: cards)
    func cutMarksLieWithinTheSafeMargin(options: RenderOptions) throws {
        for (number, page) in try DocumentSamples.output(options).rendered.layout.pages.enumerated() {
            let safe = Geometry.safeArea(page)
            let marks = Geometry.lines(page)
            #expect(!marks.isEmpty, "page \(number + 1) has its cut marks")
            let outside = marks.filter { !safe.contains(Geometry.bounds($0)) }
            #expect(outside.isEmpty, "page \(number + 1): \(outside.count) cut marks come nearer the edge than \(DocumentLayout.safeMargin) pt, e.g. \(outside.first.map { "\($0)" } ?? "")")
        }
    }

    // MARK: 6. Diary prompts

    @Test(arguments: [LanguageMode.en, .bn, .bilingual])
    func weeklyDiaryListsTheArticlesOwnPrompts(mode: LanguageMode) throws {
        let text = try DocumentSamples.text(DocumentSamples.output(RenderOptions(document: .diaryWeek, mode: mode)))
        let prompts = Sample.article.diaryPrompts
        #expect(prompts.contains { $0.label.en == "Number of twitching episodes" })
        let found = Set(Words.normalised(text)), flat = Words.flat(text)
        for language in mode.languages {
            for prompt in prompts {
                let label = prompt.label[language]!.plainText
                let missing = Words.normalised(label).filter { !found.contains($0) && !flat.contains($0) }
                #expect(missing.isEmpty, "\(language) '\(label)': missing \(missing)")
                if mode != .bilingual { #expect(flat.contains(Words.flat(label)), "\(language): '\(label)' not printed whole") }
            }
        }
        // The generic prompts are only for articles without their own.
        for language in mode.languages {
            #expect(!flat.contains(Words.flat(Printed.labels["generic_symptoms"]![language]!)))
        }
    }

    @Test(arguments: [DocumentKind.diaryWeek, .diaryMonth], [LanguageMode.en, .bn])
    func aDiaryWithoutPromptsGetsTheGenericSet(document: DocumentKind, mode: LanguageMode) throws {
        let article = try Articles.withoutDiaryPrompts()
        #expect(article.diaryPrompts.isEmpty)
        let rendered = try Sample.withPublisher { try $0.render(article, options: RenderOptions(document: document, mode: mode)) }
        #expect(rendered.warnings.isEmpty, "\(rendered.warnings.map(\.description))")
        let file = try Files.folder().appendingPathComponent("generic.pdf")
        try rendered.pdf.write(to: file)
        let flat = Words.flat(try Sample.run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).stdout)
        let language = mode.languages[0]
        // The monthly sheet holds scores only: it leaves out the free-text prompts (sleep, medicines).
        let all = ["generic_symptoms", "generic_pain", "generic_sleep", "generic_activity", "generic_medicines"]
        let notes: Set = ["generic_sleep", "generic_medicines"]
        for key in all {
            let label = Printed.labels[key]![language]!
            if document == .diaryMonth && notes.contains(key) {
                #expect(!flat.contains(Words.flat(label)), "\(key) '\(label)' is on the monthly sheet")
            } else {
                #expect(flat.contains(Words.flat(label)), "\(key) '\(label)' is missing")
            }
        }
        #expect(!flat.contains(Words.flat(Sample.article.diaryPrompts[0].label[language]!)))
    }

    // MARK: 7. Checklist

    @Test(arguments: checklists)
    func basicQuestionsHaveATickBoxAndAnAnswerLine(options: RenderOptions) throws {
        let pages = try DocumentSamples.output(options).rendered.layout.pages
        let language = options.mode.languages[0]
        let answer = Printed.nfc(options.mode.languages.map { Printed.labels["answer"]![$0]! }.joined(separator: " / "))
        for key in ["main_problem", "what_to_do", "why_important"] {
            let question = Printed.nfc(Printed.labels[key]![language]!)
            let hit = pages.indices.lazy.compactMap { index in
                pages[index].textLines.first { Printed.startsLine(question, $0.text) }.map { (index, $0.box) }
            }.first
            let (index, line) = try #require(hit, "'\(question)' is not on any page")
            let page = pages[index]

            let boxes = Geometry.rects(page).filter { box in
                abs(box.width - box.height) < 0.01 && box.width > 5
                    && box.maxX <= line.minX + 0.01 && line.minX - box.maxX < 30
                    && box.minY >= line.minY - 1 && box.maxY <= line.maxY + 1
            }
            #expect(boxes.count == 1, "page \(index + 1): \(boxes.count) tick boxes left of '\(question)'")

            let below = page.textLines.filter { $0.box.minY > line.minY && $0.box.minY < line.minY + 120 }
            let label = try #require(below.first { Printed.nfc($0.text).hasPrefix(answer) },
                                     "page \(index + 1): no '\(answer)' line under '\(question)'")
            #expect(label.box.minX >= line.minX - 0.5, "'\(answer)' is not indented with its question")
            let rule = Geometry.lines(page).first { line in
                line.from.y == line.to.y && line.from.x >= label.box.maxX - 0.5 && line.to.x - line.from.x > 50
                    && line.from.y >= label.box.minY && line.from.y <= label.box.maxY + 1
            }
            #expect(rule != nil, "page \(index + 1): no line to write the answer on after '\(answer)'")
        }
    }

    // MARK: 8. Bad input

    @Test func anUnknownDocumentIsRejectedWithTheChoices() throws {
        let output = try Files.folder().appendingPathComponent("diary.pdf")
        let result = try Sample.run(CommandLineTests.executable,
                                    ["render", Sample.articlePath, "--doc", "diary", "-o", output.path], directory: Sample.root)
        #expect(result.status != 0)
        #expect(result.stderr.contains("diary"))
        for kind in DocumentKind.allCases { #expect(result.stderr.contains(kind.rawValue), "\(kind.rawValue) not listed") }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    // MARK: Helpers

    static func options(for document: DocumentKind) -> [RenderOptions] {
        LanguageMode.allCases.flatMap { mode in Paper.allCases.map { RenderOptions(document: document, mode: mode, paper: $0) } }
    }
}

// MARK: - Helpers

extension DocumentTests {
    /// The sample rendered as each document, once per run, and written to a file for the PDF tools.
    enum DocumentSamples {
        struct Output {
            let options: RenderOptions
            let rendered: Rendered
            let file: URL
        }

        private static let lock = NSLock()
        nonisolated(unsafe) private static var cache: [RenderOptions: Output] = [:]

        static func output(_ options: RenderOptions) throws -> Output {
            if let cached = lock.withLock({ cache[options] }) { return cached }
            let rendered = try Sample.withPublisher { try $0.render(Sample.article, options: options) }
            let name = "\(options.document.rawValue)-\(options.mode.rawValue)-\(options.paper.rawValue).pdf"
            let file = Sample.temporaryDirectory.appendingPathComponent(name)
            try rendered.pdf.write(to: file)
            let output = Output(options: options, rendered: rendered, file: file)
            lock.withLock { cache[options] = output }
            return output
        }

        static func text(_ output: Output) throws -> String {
            try Sample.run("pdftotext", ["-enc", "UTF-8", output.file.path, "-"]).stdout
        }
    }

    /// What each document prints: the label keys (from layouts/labels.yaml) and article texts.
    enum Printed {
        /// layouts/labels.yaml, read with a tiny parser of its `key: {en: "…", bn: "…"}` lines.
        static let labels: [String: [Language: String]] = {
            let path = Sample.root.appendingPathComponent("layouts/labels.yaml").path
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let line = #/^([a-z0-9_]+):\s*\{en:\s*"(.*)",\s*bn:\s*"(.*)"\}\s*$/#
            var labels: [String: [Language: String]] = [:]
            for row in text.split(separator: "\n") {
                if let match = try? line.wholeMatch(in: row) {
                    labels[String(match.1)] = [.en: String(match.2), .bn: String(match.3)]
                }
            }
            return labels
        }()

        static let scale = ["scale", "scale_0", "scale_2", "scale_4", "scale_6", "scale_8", "scale_10"]
        static let medicineLog = ["medicine_log", "medicine_name", "dose", "time", "helped", "helped_key"]
        static let footer = ["page_of", "last_reviewed"]

        static func labelKeys(_ document: DocumentKind, article: Article) -> [String] {
            func kinds(_ prompts: [DiaryPrompt]) -> [String] {
                let labels: [DiaryPrompt.Kind: String] = [.count: "kind_count", .score: "kind_score", .yesNo: "kind_yes_no",
                                                          .note: "kind_note"]
                return Array(Set(prompts.map { labels[$0.kind]! })).sorted()
            }
            switch document {
            case .handout: return []
            case .checklist:
                return ["checklist", "patient_name", "age", "date", "doctor_or_service", "doctor", "tell_doctor", "questions",
                        "main_problem", "what_to_do", "why_important", "answer", "tests", "mistakes", "hospital_now"] + footer
            case .diaryWeek:
                return ["diary_week", "patient_name", "week_starting", "write_zero", "what_to_record", "day", "date",
                        "time_of_day", "better_worse", "notes", "next_visit", "hospital_now"]
                    + kinds(article.diaryPrompts) + scale + medicineLog + footer
            case .diaryMonth:
                return ["diary_month", "patient_name", "month", "write_zero", "what_to_record", "notes", "next_visit",
                        "hospital_now"] + kinds(article.diaryPrompts.filter { $0.kind != .note }) + scale + medicineLog + footer
            case .summary:
                return ["one_page", "hospital_now", "key_takeaways", "when_to_see", "see_doctor_if", "read_full"] + footer
            case .roadmap:
                return ["roadmap", "tips", "hospital_now"] + footer
            case .card:
                return ["hospital_now", "drug_allergies", "name", "emergency_contact", "doctor", "conditions",
                        "current_medicines", "updated_on"]
            case .treatmentPlanner:
                return ["treatment_planner", "patient_name", "age", "date", "planner_intro", "treatment_option", "benefits_told",
                        "risks", "cost_where", "my_decision", "any_treatment", "ask_name", "ask_how_when", "ask_how_long",
                        "ask_missed", "ask_side_effects", "ask_avoid", "ask_interactions", "questions", "answer", "hospital_now"]
                    + footer
            case .healthRecord:
                return ["health_record", "patient_name", "age", "date", "allergies", "allergy_to", "reaction", "medicines_now",
                        "medicine_name", "dose", "when", "prescribed_by", "medicines_before", "how_long", "did_it_help",
                        "test_results", "test", "result", "report_kept", "past_illnesses", "illness_or_operation", "notes",
                        "next_visit", "hospital_now"] + footer
            case .caregiver:
                return ["caregiver", "patient_name", "age", "date", "contacts", "who", "name", "clinic_phone", "clinic_or_hospital",
                        "clinic_emergency", "doctor", "pharmacy", "family_member", "medicine_schedule", "medicine_and_dose", "when",
                        "day", "morning", "midday", "evening", "night", "appointments", "date", "doctor_or_place", "what_was_done",
                        "next_step", "hospital_now", "questions"] + footer
            case .prevention:
                return ["prevention_guide", "hospital_now", "my_plan", "habits_to_change", "next_visit", "disclaimer"] + footer
            case .recovery:
                return ["recovery_guide", "hospital_now", "my_plan", "activity_plan", "therapy_given", "follow_up", "disclaimer"]
                    + footer
            case .nutrition:
                return ["nutrition_guide", "hospital_now", "my_plan", "my_foods", "medicines_and_food", "medicine_name", "time",
                        "with_food", "disclaimer"] + footer
            }
        }

        /// The article's own text the document prints.
        static func content(_ document: DocumentKind, article: Article) -> [(String, LocalizedText)] {
            func named(_ name: String, _ texts: [LocalizedText]) -> [(String, LocalizedText)] {
                texts.enumerated().map { ("\(name)[\($0.offset)]", $0.element) }
            }
            let visit = article.doctorVisit
            let signs = named("warning_signs.short", article.warningSigns.brief)
            let title = [("title", article.title)]
            switch document {
            case .handout: return []
            case .checklist:
                return title + named("which_doctor", visit?.whichDoctor.map { [$0] } ?? []) + named("tell_doctor", visit?.tellDoctor ?? [])
                    + named("questions", visit?.questions ?? []) + named("tests", visit?.tests ?? [])
                    + named("mistakes", visit?.mistakes ?? []) + signs
            case .diaryWeek:
                return title + named("diary_prompts", article.diaryPrompts.map(\.label)) + signs
            case .diaryMonth:
                return title + named("diary_prompts", article.diaryPrompts.filter { $0.kind != .note }.map(\.label)) + signs
            case .summary:
                return title + signs + named("key_takeaways", article.keyTakeaways) + [("disclaimer", article.disclaimer)]
            case .roadmap:
                let steps = article.roadmap?.steps ?? []
                return title + named("roadmap.title", steps.map(\.title)) + named("roadmap.text", steps.map(\.text))
                    + named("roadmap.tips", article.roadmap?.tips ?? []) + signs
            case .card:
                return title + signs
            case .treatmentPlanner:
                // Each option's name, then what the article says of it, row by row.
                let options = ArticleEntries.treatmentOptions(article).flatMap { [$0.name] + ($0.description.map { [$0] } ?? []) }
                return title + named("treatment option", options) + signs
            case .healthRecord:
                return title + named("test", ArticleEntries.tests(article).map(\.name)) + signs
            case .caregiver:
                return title + signs
            case .prevention, .recovery, .nutrition:
                let kinds = (document.definition as? any TopicGuideDefinition.Type)?.subject ?? []
                let sections = kinds.compactMap { article.sections[$0] }
                return title + signs + named(document.rawValue, sections.flatMap { ($0.title.map { [$0] } ?? []) + $0.blocks.flatMap(\.allTexts) })
                    + [("disclaimer", article.disclaimer)]
            }
        }

        static func texts(_ document: DocumentKind, article: Article) -> [(String, LocalizedText)] {
            labelKeys(document, article: article).map { key in
                let label = labels[key] ?? [:]
                return ("label \(key)", LocalizedText(en: label[.en] ?? "<no label \(key)>", bn: label[.bn] ?? "<no label \(key)>"))
            } + content(document, article: article)
        }

        /// "Page {page} of {count}" → "Page  of ".
        static func withoutPlaceholders(_ text: String) -> String {
            text.replacing(#/\{[a-z]+\}/#, with: "")
        }

        /// NFC, without zero-width characters.
        static func nfc(_ text: String) -> String {
            String(String.UnicodeScalarView(text.precomposedStringWithCanonicalMapping.unicodeScalars
                .filter { !Words.zeroWidth.contains($0) }))
        }

        /// Whether a laid-out line is the first line of `text`.
        static func startsLine(_ text: String, _ line: String) -> Bool {
            let trimmed = nfc(line).trimmingCharacters(in: .whitespaces)
            return trimmed.count >= 5 && text.hasPrefix(trimmed)
        }
    }

    /// Variants of the sample article, made by replacing one top-level field of its YAML text.
    enum Articles {
        static let sampleText = (try? String(contentsOfFile: Sample.articlePath, encoding: .utf8)) ?? ""

        /// The sample's text with the top-level `key:` block replaced by `block` (nil removes it).
        static func text(replacing key: String, with block: String?) throws -> String {
            var lines = sampleText.components(separatedBy: "\n")
            let start = try #require(lines.firstIndex(of: "\(key):"), "no top-level '\(key):' in the sample")
            var end = start + 1
            while end < lines.count, lines[end].isEmpty || lines[end].hasPrefix(" ") || lines[end].hasPrefix("#") { end += 1 }
            lines.replaceSubrange(start..<end, with: block.map { [$0, ""] } ?? [])
            return lines.joined(separator: "\n")
        }

        static func load(_ text: String, name: String) throws -> Article {
            try ArticleLoader.load(data: Data(text.utf8), file: name).article
        }

        static func withoutDiaryPrompts() throws -> Article {
            try load(text(replacing: "diary_prompts", with: nil), name: "no-prompts.yaml")
        }

        static func withManyDiaryPrompts(_ count: Int) throws -> Article {
            let kinds = ["count", "score", "yes-no", "note"]
            let prompts = (1...count).map { n in
                """
                  - en: "Thing to record number \(n)"
                    bn: "লিখে রাখার বিষয় \(Language.bn.digits(n))"
                    kind: \(kinds[n % kinds.count])
                """
            }
            return try load(text(replacing: "diary_prompts", with: "diary_prompts:\n" + prompts.joined(separator: "\n")),
                            name: "many-prompts.yaml")
        }

        static func longKeyTakeaways(_ count: Int) -> String {
            let items = (1...count).map { n in
                """
                  - en: "Key point \(n): keep taking every medicine exactly as your doctor advised, write down each spasm in the diary, bring every report and scan to each visit, and go to hospital at once if any of the urgent warning signs appear."
                    bn: "মূল কথা \(Language.bn.digits(n)): চিকিৎসক যেভাবে বলেছেন ঠিক সেভাবে প্রতিটি ওষুধ খান, ডায়েরিতে প্রতিটি কাঁপুনির কথা লিখুন, প্রতিবার সব রিপোর্ট ও ছবি সঙ্গে নিন, আর কোনো জরুরি বিপদের লক্ষণ দেখা দিলে সঙ্গে সঙ্গে হাসপাতালে যান।"
                """
            }
            return "key_takeaways:\n" + items.joined(separator: "\n")
        }

        static func withLongKeyTakeaways(_ count: Int) throws -> Article {
            try load(text(replacing: "key_takeaways", with: longKeyTakeaways(count)), name: "long-takeaways.yaml")
        }
    }

    enum Files {
        /// A fresh, empty folder under the run's temporary directory.
        static func folder() throws -> URL {
            let folder = Sample.temporaryDirectory.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return folder
        }
    }

    /// Shapes drawn on a laid-out page.
    enum Geometry {
        struct Line: CustomStringConvertible {
            var from: Point
            var to: Point
            var description: String { "(\(from.x), \(from.y))–(\(to.x), \(to.y))" }
        }

        struct Corner {
            var point: Point
            /// Which way is away from the card: −1 left/up, +1 right/down.
            var dx: Double
            var dy: Double
        }

        static func rects(_ page: PageFrame) -> [Rect] {
            page.items.compactMap { if case let .rect(rect, _, _, _) = $0 { rect } else { nil } }
        }

        static func lines(_ page: PageFrame) -> [Line] {
            page.items.compactMap { if case let .line(from, to, _, _) = $0 { Line(from: from, to: to) } else { nil } }
        }

        static func cards(_ page: PageFrame) -> [Rect] {
            page.anchors.filter { $0.id == "item" }.map(\.rect)
        }

        /// A card's slot, rounded, for comparing fronts and backs.
        static func key(_ rect: Rect) -> [Int] {
            [rect.minX, rect.minY, rect.width, rect.height].map { Int(($0 * 100).rounded()) }
        }

        static func corners(_ card: Rect) -> [Corner] {
            [(card.minX, -1.0), (card.maxX, 1.0)].flatMap { x, dx in
                [(card.minY, -1.0), (card.maxY, 1.0)].map { y, dy in Corner(point: Point(x: x, y: y), dx: dx, dy: dy) }
            }
        }

        /// A line with an end within 1 pt of the corner's x or y, running along one of the
        /// card's edges away from it, wholly outside the card.
        static func isCutMark(_ line: Line, at corner: Corner, of card: Rect) -> Bool {
            let ends = [line.from, line.to]
            let reach = 20.0   // a mark starts near its corner
            if line.from.y == line.to.y, abs(line.from.y - corner.point.y) <= 1 {
                let xs = ends.map { ($0.x - corner.point.x) * corner.dx }   // distances away from the card
                return xs.allSatisfy { $0 >= -0.01 } && xs.min()! <= reach
            }
            if line.from.x == line.to.x, abs(line.from.x - corner.point.x) <= 1 {
                let ys = ends.map { ($0.y - corner.point.y) * corner.dy }
                return ys.allSatisfy { $0 >= -0.01 } && ys.min()! <= reach
            }
            return false
        }

        static func bounds(_ line: Line) -> Rect {
            Rect(x: min(line.from.x, line.to.x), y: min(line.from.y, line.to.y),
                 width: abs(line.to.x - line.from.x), height: abs(line.to.y - line.from.y))
        }

        /// Whether any part of the line lies strictly inside the card.
        static func crosses(_ line: Line, _ card: Rect) -> Bool {
            let box = bounds(line)
            return box.maxX > card.minX + 0.01 && box.minX < card.maxX - 0.01
                && box.maxY > card.minY + 0.01 && box.minY < card.maxY - 0.01
        }

        /// The page less the 12 mm a printer cannot reliably reach.
        static func safeArea(_ page: PageFrame) -> Rect {
            let margin = DocumentLayout.safeMargin
            return Rect(x: margin, y: margin, width: page.size.width - 2 * margin, height: page.size.height - 2 * margin)
        }
    }
}
