// Writes an Article back out as an article file (YAML), in the format's field order,
// every part of the model; `ArticleLoader` reads back what it writes. Used by `handout
// import`; a missing Bangla form is written empty, to be translated.

public enum ArticleWriter {
    /// The article as YAML text, with `header` as leading comment lines.
    public static func yaml(_ article: Article, header: [String] = []) -> String {
        var out = Output()
        for line in header { out.line(0, "# \(line)") }
        let meta = article.metadata
        out.line(0, "slug: \(quoted(meta.slug))")
        out.line(0, "canonical_url: \(quoted(meta.canonicalURL))")
        if let reviewed = meta.lastReviewed { out.line(0, "last_reviewed: \(reviewed)") }
        if let next = meta.nextReview { out.line(0, "next_review: \(next)") }
        if let reviewer = meta.reviewer { out.text("reviewer", reviewer, 0) }
        out.line(0, "version: \(quoted(meta.version))")
        out.text("title", article.title, 0)
        out.texts("summary", article.summary, 0)
        out.texts("key_takeaways", article.keyTakeaways, 0)
        out.texts("definition", article.definition, 0)
        out.line(0, "warning_signs:")
        if let intro = article.warningSigns.intro { out.text("intro", intro, 1) }
        out.texts("items", article.warningSigns.items, 1, always: true)
        out.texts("short", article.warningSigns.short, 1)
        for kind in SectionKind.allCases {
            guard let section = article.sections[kind] else { continue }
            out.line(0, "\(kind.rawValue):")
            out.section(section, 1)
        }
        if !article.otherSections.isEmpty {
            out.line(0, "other_sections:")
            for section in article.otherSections {
                out.line(1, "-")
                out.section(section, 2)
            }
        }
        out.texts("conclusion", article.conclusion, 0)
        out.text("disclaimer", article.disclaimer, 0)
        if !article.references.isEmpty {
            out.line(0, "references:")
            for reference in article.references { out.line(1, "- \(quoted(reference.url))") }
        }
        if let roadmap = article.roadmap { out.roadmap(roadmap) }
        if let visit = article.doctorVisit { out.doctorVisit(visit) }
        if let safety = article.medicineSafety { out.medicineSafety(safety) }
        out.records("diary_prompts", article.diaryPrompts) { out, prompt in
            out.pair(prompt.label, 1, item: true)
            out.line(2, "kind: \(prompt.kind.rawValue)")
        }
        out.records("faq", article.faq) { out, question in
            out.line(1, "- question:")
            out.pair(question.question, 3, item: false)
            out.text("answer", question.answer, 2)
        }
        out.records("silence", article.silenced) { out, silence in
            out.line(1, "- rule: \(quoted(silence.rule))")
            out.line(2, "reason: \(quoted(silence.reason))")
        }
        out.records("to_review", article.toReview) { out, note in
            out.line(1, "- part: \(quoted(note.part))")
            out.line(2, "source: \(quoted(note.source))")
        }
        return out.text
    }

    /// A YAML double-quoted scalar (JSON escapes are valid YAML).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private struct Output {
        var text = ""

        mutating func line(_ depth: Int, _ content: String) {
            text += String(repeating: "  ", count: depth) + content + "\n"
        }

        mutating func pair(_ localized: LocalizedText, _ depth: Int, item: Bool) {
            line(depth, "\(item ? "- " : "")en: \(quoted(localized.en))")
            line(depth + (item ? 1 : 0), "bn: \(quoted(localized.texts[.bn] ?? ""))")
            if localized.texts[.bn] != nil, let source = localized.sources[.bn] {
                line(depth + (item ? 1 : 0), "bn_from: \(quoted(source))")
            }
        }

        mutating func text(_ name: String, _ localized: LocalizedText, _ depth: Int) {
            line(depth, "\(name):")
            pair(localized, depth + 1, item: false)
        }

        mutating func texts(_ name: String, _ list: [LocalizedText], _ depth: Int, always: Bool = false) {
            guard always || !list.isEmpty else { return }
            line(depth, list.isEmpty ? "\(name): []" : "\(name):")
            for item in list { pair(item, depth + 1, item: true) }
        }

        /// `name:` and one entry per element, or nothing for an empty list.
        mutating func records<Element>(_ name: String, _ elements: [Element], _ write: (inout Output, Element) -> Void) {
            guard !elements.isEmpty else { return }
            line(0, "\(name):")
            for element in elements { write(&self, element) }
        }

        mutating func section(_ section: Section, _ depth: Int) {
            if let title = section.title { text("title", title, depth) }
            if let after = section.after { line(depth, "after: \(after)") }
            blocks("blocks", section.blocks, depth)
        }

        mutating func blocks(_ name: String, _ blocks: [ContentBlock], _ depth: Int) {
            line(depth, blocks.isEmpty ? "\(name): []" : "\(name):")
            for block in blocks { self.block(block, depth + 1) }
        }

        mutating func block(_ block: ContentBlock, _ depth: Int) {
            switch block {
            case .paragraph(let text): line(depth, "- paragraph:"); pair(text, depth + 2, item: false)
            case .heading(let text): line(depth, "- heading:"); pair(text, depth + 2, item: false)
            case .list(let list):
                line(depth, "- list:")
                if !list.numbered { line(depth + 2, "numbered: false") }
                line(depth + 2, "items:")
                for item in list.items { self.item(item, depth + 3) }
            case .callout(let callout):
                line(depth, "- callout:")
                line(depth + 2, "kind: \(quoted(callout.kind.rawValue))")
                if let title = callout.title { text("title", title, depth + 2) }
                blocks("blocks", callout.blocks, depth + 2)
            case .table(let table):
                line(depth, "- table:")
                texts("header", table.header, depth + 2, always: true)
                line(depth + 2, table.rows.isEmpty ? "rows: []" : "rows:")
                for row in table.rows {
                    line(depth + 3, "-")
                    for cell in row { pair(cell, depth + 4, item: true) }
                }
            case .figure(let figure):
                line(depth, "- figure:")
                if let image = figure.image { line(depth + 2, "image: \(quoted(image))") }
                text("alt", figure.alt, depth + 2)
                if let caption = figure.caption { text("caption", caption, depth + 2) }
            }
        }

        mutating func item(_ item: ListItem, _ depth: Int) {
            pair(item.text, depth, item: true)
            if !item.blocks.isEmpty { blocks("blocks", item.blocks, depth + 1) }
        }

        /// `name:` and what `write` puts under it, or `name: {}` when it writes nothing.
        mutating func mapping(_ name: String, _ write: (inout Output) -> Void) {
            var inner = Output()
            write(&inner)
            line(0, inner.text.isEmpty ? "\(name): {}" : "\(name):")
            text += inner.text
        }

        mutating func roadmap(_ roadmap: Roadmap) {
            mapping("roadmap") { out in
                out.line(1, roadmap.steps.isEmpty ? "steps: []" : "steps:")
                for step in roadmap.steps {
                    out.line(2, "- title:")
                    out.pair(step.title, 4, item: false)
                    out.text("text", step.text, 3)
                }
                out.texts("tips", roadmap.tips, 1)
            }
        }

        mutating func doctorVisit(_ visit: DoctorVisit) {
            mapping("doctor_visit") { out in
                if let which = visit.whichDoctor { out.text("which_doctor", which, 1) }
                out.texts("tell_doctor", visit.tellDoctor, 1)
                out.texts("questions", visit.questions, 1)
                out.texts("tests", visit.tests, 1)
                out.texts("mistakes", visit.mistakes, 1)
            }
        }

        mutating func medicineSafety(_ safety: MedicineSafety) {
            mapping("medicine_safety") { out in
                if let intro = safety.intro { out.text("intro", intro, 1) }
                out.texts("first_steps", safety.firstSteps, 1)
                out.texts("medicines", safety.medicines, 1)
                out.texts("mistakes", safety.mistakes, 1)
                out.texts("urgent_help", safety.urgentHelp, 1)
                if let note = safety.note { out.text("note", note, 1) }
            }
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
