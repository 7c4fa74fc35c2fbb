// Form pieces for documents filled in by hand: labelled fields, lines to write on, tick
// boxes. Labels show every language of the document on one line ("Date / তারিখ").
import ArticleModel
import LayoutEngine

extension Writer {
    /// Room for handwriting: 1.4 times the body's line pitch (about 8 mm at 12 pt).
    var fieldStyle: ParagraphStyle {
        ParagraphStyle(size: bodySize, lineHeight: layout.size(.body).lineHeight * 1.4, color: layout.colour(.text),
                       spaceAfter: em(metrics.fieldGap))
    }

    var lineColour: Color { layout.colour(.muted) }

    /// "Label ________" across the column; with the patient's details, what they fill in
    /// follows the label in bold. The line is a form field named `name` (the label's key
    /// unless said), for a fillable PDF.
    func field(_ label: Label, minimumLine: Double? = nil, name: String? = nil) -> Block {
        let form = form(name ?? label.rawValue, labelRuns(label))
        guard let value = filled(label) else { return field(runs: labelRuns(label), minimumLine: minimumLine, form: form) }
        // Filled in, the line needs only a stub after the value: a long one would push the value onto a line of its own.
        return field(runs: labelRuns(label) + [TextRun("  ")] + typed(value, bold: true), minimumLine: em(1))
    }

    /// A form field named `name` asking what `runs` say, in the document's language (both: none).
    func form(_ name: String, _ runs: [TextRun], kind: FormField.Kind = .text) -> FormField {
        FormField(name: name, kind: kind, tooltip: runs.map(\.text).joined(),
                  language: mode.languages.count == 1 ? mode.languages[0].rawValue : nil)
    }

    /// A field name from article text: "How many spasms?" → "how_many_spasms".
    static func fieldName(_ text: String) -> String {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        return String(words.joined(separator: "_").prefix(32))
    }

    /// What the patient's details fill in beside a label; nil leaves the line blank.
    func filled(_ label: Label) -> String? {
        switch label {
        case .patientName, .name: return patient?.name
        case .age: return patient?.age
        case .date: return patient?.date
        case .doctor: return patient?.clinician
        case .nextVisit: return patient?.nextAppointment
        default: return nil
        }
    }

    /// Text typed at print time, in the language its letters are.
    func typed(_ text: String, bold: Bool = false) -> [TextRun] {
        [TextRun(text, bold: bold, language: Language.of(typed: text).rawValue)]
    }

    /// On the handout's first page: whom it was printed for, and the clinician's note.
    func patientBox() -> [Block] {
        guard let patient, !patient.isEmpty else { return [] }
        let body = style(.body, after: em(metrics.itemGap))
        let entries: [(Label, String?)] = [(.preparedFor, patient.name), (.age, patient.age), (.date, patient.date),
                                           (.clinician, patient.clinician), (.nextAppointment, patient.nextAppointment)]
        // Each value kept on one line ("Dr. Farhana Akter", "14 December 2026"): the line breaks between them.
        let details = Self.dotted(entries.compactMap { label, value in
            value.map { labelRuns(label) + [TextRun(": ")] + typed(String($0.map { $0 == " " ? "\u{00A0}" : $0 }), bold: true) }
        })
        let note = patient.note.map { [Block.text(StyledText(labelRuns(.clinicianNote) + [TextRun(": ")] + typed($0), style: body, role: .label))] } ?? []
        let lines = (details.isEmpty ? [] : [Block.text(StyledText(details, style: body, role: .label))]) + note
        return [box(lines, fill: .noteFill, stroke: .rule, accent: false, keepTogether: true)]
    }

    func field(runs: [TextRun], minimumLine: Double? = nil, form: FormField? = nil) -> Block {
        .field(FieldBlock(label: StyledText(runs, style: fieldStyle, role: .label),
                          minimumLine: minimumLine ?? em(metrics.fieldLine), lineColor: lineColour,
                          spacing: Spacing(after: fieldStyle.spaceAfter), form: form))
    }

    /// Fields side by side, with relative widths (name wide, age narrow).
    func fields(_ entries: [(Label, Double)]) -> Block {
        .row(RowBlock(columns: entries.map { [field($0.0, minimumLine: em(metrics.shortFieldLine))] }, weights: entries.map(\.1),
                      gap: em(metrics.fieldsGap), spacing: Spacing(after: em(metrics.blockGap))))
    }

    /// The patient's name, age and date, side by side; a typed date ("30 November 2026")
    /// needs more room than a blank line does, and so does "Age / বয়স".
    func patientFields() -> Block {
        let dated = filled(.date) != nil
        return fields([(.patientName, dated ? 2.6 : 3), (.age, mode == .bilingual ? 1.35 : 1), (.date, dated ? 2.2 : 1.4)])
    }

    /// A table to write in: a header of labels over rows of cells; empty cells are for writing.
    func writingTable(_ header: [Label], widths: [TableBlock.Width], rows: [[[Block]]], rowHeight: Double = millimetres(9),
                      anchor: String, forms: [[FormField?]] = []) -> Block {
        writingTable(headerRuns: header.map { labelRuns($0) }, widths: widths, rows: rows, rowHeight: rowHeight, anchor: anchor,
                     forms: forms)
    }

    func writingTable(headerRuns: [[TextRun]], widths: [TableBlock.Width], rows: [[[Block]]], rowHeight: Double = millimetres(9),
                      anchor: String, forms: [[FormField?]] = []) -> Block {
        let style = self.style(.small, bold: true)
        var table = TableBlock(widths: widths, header: headerRuns.map { [.text(StyledText($0, style: style, role: .label))] },
                               rows: rows, rowHeight: rowHeight, padding: 3, lineColor: layout.colour(.text), lineWidth: 0.6,
                               headerFill: layout.colour(.noteFill), spacing: Spacing(after: 4), anchor: anchor)
        table.forms = forms
        return .table(table)
    }

    /// Empty cells, to write in.
    static func blankCells(_ count: Int) -> [[Block]] { Array(repeating: [], count: count) }

    /// Rows of empty cells.
    static func blankRows(_ count: Int, columns: Int) -> [[[Block]]] { Array(repeating: blankCells(columns), count: count) }

    /// A cell holding a label in the document's language(s).
    func cell(_ label: Label) -> [Block] { cell(runs: labelRuns(label)) }

    /// A cell holding text typed at print time or from the clinic's file; empty without it.
    func cell(runs: [TextRun]) -> [Block] {
        runs.isEmpty ? [] : [.text(StyledText(runs, style: style(.small), role: .label))]
    }

    /// A cell naming what the article names, "**Name:** what it is", in `languages` (the
    /// document's unless said), one under the other.
    func cell(_ entry: NamedEntry, languages: [Language]? = nil) -> [Block] {
        let plain = style(.small, after: 1)
        return (languages ?? mode.languages).map { language in
            var name = styled(entry.name, language, style: plain)
            name.runs = name.runs.map { var run = $0; run.bold = true; return run }
            let about = entry.description.map { styled($0, language, style: plain) }
            // One language when both parts are in it (a missing translation shows the English).
            let shown = about.map { $0.declaredLanguage == name.declaredLanguage ? name.declaredLanguage : nil } ?? name.declaredLanguage
            return .text(StyledText(name.runs + (about.map { [TextRun(": ")] + $0.runs } ?? []), style: plain, source: name.source,
                                    location: name.location, language: shown))
        }
    }

    /// Blank ruled lines to write on; with a name, each is a form field: "note" for one
    /// line, "notes.1", "notes.2" for several.
    func writeIn(_ lines: Int, name: String? = nil, asking: [TextRun] = []) -> Block {
        .writeIn(WriteInBlock(lines: lines, pitch: fieldStyle.pitch, lineColor: lineColour,
                              spacing: Spacing(after: em(metrics.blockGap)),
                              forms: name.map { name in (1...max(lines, 1)).map { form(lines == 1 ? name : "\(name).\($0)", asking) } } ?? []))
    }

    /// Article text in each language of the document: side by side when bilingual, so one
    /// tick box or bullet serves both.
    func bothLanguages(_ text: LocalizedText, style: ParagraphStyle? = nil) -> [Block] {
        paired { [.text(self.styled(text, $0, style: style ?? self.itemStyle))] }
    }

    /// A bullet beside article text in each language of the document.
    func bullet(_ text: LocalizedText) -> Block {
        let marker = StyledText("•", style: ParagraphStyle(size: bodySize, lineHeight: itemStyle.lineHeight,
                                                           color: layout.colour(.heading), bold: true), role: .label)
        return .item(ListItemBlock(marker: marker, indent: em(metrics.markerColumn), content: bothLanguages(text),
                                   spacing: Spacing(after: em(metrics.itemGap))))
    }

    /// A box to tick beside a prompt; under it, an "Answer" line and blank lines to write on.
    /// With a name ("questions.2": a group and a number), the box is a check box of that
    /// name and the lines are text fields of their own groups ("questions_answer.2",
    /// "questions_note.2").
    func tick(_ text: LocalizedText, answer: Bool = false, writeLines: Int = 0, name: String? = nil) -> [Block] {
        func beside(_ what: String) -> String? {
            name.map { name in
                let parts = name.split(separator: ".", maxSplits: 1)
                return parts.count == 2 ? "\(parts[0])_\(what).\(parts[1])" : "\(name)_\(what)"
            }
        }
        let asking = titleRuns(text)
        let box = Marker.tickBox(size: em(metrics.tickBox), color: layout.colour(.text), lineWidth: 1,
                                 form: name.map { form($0, asking, kind: .checkBox) })
        let follows = answer || writeLines > 0
        let item = Block.item(ListItemBlock(marker: box, indent: em(metrics.markerColumn), content: bothLanguages(text),
                                            spacing: Spacing(before: em(metrics.fieldGap), after: em(metrics.tickGap)),
                                            keepWithNext: follows))
        guard follows else { return [item] }
        let lines = (answer ? [field(.answer, name: beside("answer"))] : [])
            + (writeLines > 0 ? [writeIn(writeLines, name: beside("note"), asking: asking)] : [])
        return [item, .item(ListItemBlock(marker: StyledText("", style: itemStyle), indent: em(metrics.markerColumn), content: lines))]
    }

    /// A heading made of labels, in every language of the document on one line.
    func formHeading(_ label: Label, colour: DocumentLayout.Swatch = .heading,
                     _ values: (Language) -> [String: String] = { _ in [:] }) -> Block {
        let size = layout.size(.heading).size
        return .text(StyledText(labelRuns(label, values), style: style(.heading, colour: colour, bold: true, before: size * metrics.formHeadingBefore,
                                                                 after: size * metrics.formHeadingAfter),
                                role: .heading(level: 2)))
    }

    /// The document's name as the page title, with the article's title under it.
    func formTitle(_ label: Label) -> [Block] {
        let title = style(.title, colour: .heading, bold: true, after: 2)
        return [.text(StyledText(labelRuns(label), style: title, role: .heading(level: 1))),
                .text(StyledText(titleRuns(article.title), style: style(.subheading, colour: .muted, after: em(metrics.sectionGap))))]
    }

    /// The urgent warning signs, short forms where the article has them, in a box that
    /// is never split: "go to hospital now if…". Compact runs the signs on in one
    /// paragraph per language, for one-page documents in two languages.
    func hospitalNowBox(anchor: String, compact: Bool = false) -> Block {
        let signs = article.warningSigns.brief
        let bold = style(.body, bold: true, after: em(metrics.fieldGap))
        let list: [Block]
        if compact {
            // One paragraph, each sign in the language, or marked missing one by one (a sign
            // without Bangla leaves the others' Bangla in place).
            list = paired { language in
                let parts = signs.map { self.styled($0, language, style: bold).runs }
                let runs = parts.enumerated().flatMap { index, runs in (index == 0 ? [] : [TextRun("  •  ")]) + runs }
                return [.text(StyledText(runs, style: bold, source: "warning_signs", location: signs.first?.location))]
            }
        } else {
            list = bullets(signs, style: bold)
        }
        // With the clinic's emergency number, the heading says to call it: no extra line on one-page documents.
        let heading = clinic?.emergencyNumber.map { number in formHeading(.hospitalNowCall, colour: .warning) { _ in ["number": number] } }
            ?? formHeading(.hospitalNow, colour: .warning)
        return box([heading] + list, fill: .warningFill, stroke: .warning,
                   accent: true, keepTogether: true, anchor: anchor)
    }
}
