// Reads an article file (YAML) into an Article, reporting every problem with its place.
import Diagnostics
import Foundation

public enum ArticleLoader {
    /// Loads the article at `path`. Throws all errors at once; returns warnings with the article.
    public static func load(path: String) throws(DiagnosticError) -> (article: Article, warnings: [Diagnostic]) {
        try read(YAMLReader(contentsOf: path))
    }

    public static func load(data: Data, file: String) throws(DiagnosticError) -> (article: Article, warnings: [Diagnostic]) {
        try read(YAMLReader(data: data, file: file))
    }

    static func read(_ reader: YAMLReader) throws(DiagnosticError) -> (article: Article, warnings: [Diagnostic]) {
        guard let root = reader.root else {
            throw DiagnosticError(.error("the article file is empty", at: SourceLocation(file: reader.file, line: 1, column: 1),
                                         hint: "start from articles/hemifacial-spasm.yaml"))
        }
        let article = root.fields(known: ArticleFormat.article.names, required: ArticleFormat.article.requiredNames).flatMap(article(from:))
        try reader.throwIfErrors()
        guard let article else { throw DiagnosticError(reader.diagnostics) }
        return (article, reader.diagnostics)
    }

    /// Builds the article; nil parts have already recorded their errors in the reader.
    static func article(from f: YAMLFields) -> Article? {
        // Every part is read before any is found missing, so all errors are reported at once.
        let metadata = metadata(from: f)
        let title = f["title"]?.localized()
        let disclaimer = f["disclaimer"]?.localized()
        let warningSigns = f["warning_signs"].flatMap(warningSigns(from:))
        var sections: [SectionKind: Section] = [:]
        for kind in SectionKind.allCases {
            sections[kind] = f[kind.rawValue].flatMap { section(from: $0) }
        }
        let otherSections = f["other_sections"]?.items()?.compactMap { section(from: $0, shape: ArticleFormat.otherSection) } ?? []
        let summary = f["summary"]?.paragraphs() ?? []
        let keyTakeaways = f["key_takeaways"]?.localizedList() ?? []
        let definition = f["definition"]?.paragraphs() ?? []
        let conclusion = f["conclusion"]?.paragraphs() ?? []
        let references = f["references"]?.items()?.compactMap(reference(from:)) ?? []
        let roadmap = f["roadmap"].flatMap(roadmap(from:))
        let doctorVisit = f["doctor_visit"].flatMap(doctorVisit(from:))
        let medicineSafety = f["medicine_safety"].flatMap(medicineSafety(from:))
        let diaryPrompts = f["diary_prompts"]?.items()?.compactMap(diaryPrompt(from:)) ?? []
        let faq = f["faq"]?.items()?.compactMap(question(from:)) ?? []
        let silenced = f["silence"]?.items()?.compactMap(silence(from:)) ?? []
        let toReview = f["to_review"]?.items()?.compactMap(reviewNote(from:)) ?? []
        guard let metadata, let title, let disclaimer, let warningSigns else { return nil }
        var article = Article(metadata: metadata, title: title, summary: summary, keyTakeaways: keyTakeaways,
                              definition: definition, sections: sections, otherSections: otherSections,
                              conclusion: conclusion, disclaimer: disclaimer,
                              references: references, warningSigns: warningSigns, roadmap: roadmap, doctorVisit: doctorVisit,
                              medicineSafety: medicineSafety, diaryPrompts: diaryPrompts, faq: faq, silenced: silenced)
        article.toReview = toReview
        return article
    }

    static func metadata(from f: YAMLFields) -> Metadata? {
        let slug = f["slug"].flatMap(slug(from:))
        let url = f["canonical_url"].flatMap(url(from:))
        let reviewed = f["last_reviewed"].flatMap(date(from:))
        let next = f["next_review"].flatMap(date(from:))
        let version = f["version"]?.text()
        guard let slug, let url, let version else { return nil }
        if let next, let reviewed, next <= reviewed {
            f["next_review"]?.error("next_review (\(next)) is not after last_reviewed (\(reviewed))",
                                    hint: "set next_review to a date after last_reviewed, or remove it")
        }
        return Metadata(slug: slug, canonicalURL: url, lastReviewed: reviewed,
                        lastReviewedLocation: f["last_reviewed"]?.location ?? f["slug"]?.location,
                        nextReview: next ?? reviewed?.adding(months: 12),
                        reviewer: f["reviewer"]?.localized(), version: version)
    }

    static func slug(from value: YAMLValue) -> String? {
        guard let text = value.text() else { return nil }
        guard Metadata.isSlug(text) else {
            value.error("slug '\(text)' must be lowercase letters, digits and hyphens", hint: "for example 'hemifacial-spasm'")
            return nil
        }
        return text
    }

    static func url(from value: YAMLValue) -> String? {
        guard let text = value.text() else { return nil }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host?.isEmpty == false,
              !text.contains(" ") else {
            value.error("'\(text)' is not a web address", hint: "write it in full, starting with https://")
            return nil
        }
        return text
    }

    static func date(from value: YAMLValue) -> CalendarDate? {
        guard let text = value.text() else { return nil }
        guard let date = CalendarDate(iso: text) else {
            value.error("'\(text)' is not a date", hint: "write dates as YYYY-MM-DD, for example 2025-04-14")
            return nil
        }
        return date
    }

    /// A section in either format: `blocks`, or (the first format) `intro` paragraphs then one list of `items`.
    static func section(from value: YAMLValue, shape: ArticleFormat.Shape = ArticleFormat.section) -> Section? {
        guard let f = value.fields(known: shape.names, required: shape.requiredNames) else { return nil }
        let title = f["title"]?.localized()
        guard let blocks = f["blocks"] else {
            var section = Section(title: title, intro: f["intro"]?.paragraphs() ?? [],
                                  items: f["items"]?.items()?.compactMap { listItem(from: $0) } ?? [],
                                  numbered: f["numbered"]?.flag() ?? true, location: value.location, path: value.path)
            section.after = f["after"]?.text().flatMap { followed($0, at: f["after"]) }
            return section
        }
        for old in ["intro", "items", "numbered"] {
            f[old]?.error("a section has either blocks or \(old), not both",
                          hint: "move '\(old)' into blocks, where its place among them is kept")
        }
        return Section(title: title, blocks: contentBlocks(from: blocks), location: value.location, path: value.path,
                       after: f["after"]?.text().flatMap { followed($0, at: f["after"]) })
    }

    /// The part an article's own section follows: one the format knows.
    static func followed(_ name: String, at value: YAMLValue?) -> String? {
        guard ArticleFormat.followable.contains(name) else {
            value?.error("'\(name)' is not a part a section can follow",
                         hint: closestMatch(to: name, in: ArticleFormat.followable).map { "did you mean '\($0)'?" }
                             ?? "use one of \(ArticleFormat.followable.joined(separator: ", "))")
            return nil
        }
        return name
    }

    static func contentBlocks(from value: YAMLValue, depth: Int = 1) -> [ContentBlock] {
        value.items()?.compactMap { contentBlock(from: $0, depth: depth) } ?? []
    }

    /// `{paragraph: …}`, `{list: …}`, `{heading: …}`, `{callout: …}`, `{table: …}` or `{figure: …}`.
    static func contentBlock(from value: YAMLValue, depth: Int) -> ContentBlock? {
        let shape = ArticleFormat.block
        guard let f = value.fields(known: shape.names) else { return nil }
        guard f.names.count == 1, let key = f.names.first, let inner = f[key] else {
            // A misspelt kind has already been named, with a suggestion.
            if f.names.isEmpty, value.mappingKeys?.isEmpty == false { return nil }
            value.error(f.names.isEmpty ? "a block says nothing" : "a block has \(f.names.count) kinds (\(f.names.sorted().joined(separator: ", ")))",
                        hint: "write one of \(shape.names.joined(separator: ", ")) per entry of blocks")
            return nil
        }
        switch key {
        case "paragraph": return inner.localized().map(ContentBlock.paragraph)
        case "heading": return inner.localized().map(ContentBlock.heading)
        case "list": return list(from: inner, depth: depth).map(ContentBlock.list)
        case "callout": return callout(from: inner, depth: depth).map(ContentBlock.callout)
        case "table": return table(from: inner).map(ContentBlock.table)
        default: return figure(from: inner).map(ContentBlock.figure)
        }
    }

    static func list(from value: YAMLValue, depth: Int) -> ListBlock? {
        guard let f = value.fields(known: ArticleFormat.list.names, required: ArticleFormat.list.requiredNames),
              let items = f["items"]?.items() else { return nil }
        return ListBlock(numbered: f["numbered"]?.flag() ?? true, items: items.compactMap { listItem(from: $0, depth: depth) })
    }

    static func callout(from value: YAMLValue, depth: Int) -> Callout? {
        guard let f = value.fields(known: ArticleFormat.callout.names, required: ArticleFormat.callout.requiredNames),
              let kind = f["kind"].flatMap({ choice($0, Callout.Kind.self, what: "callout kind") }),
              let blocks = f["blocks"] else { return nil }
        return Callout(kind: kind, title: f["title"]?.localized(), blocks: contentBlocks(from: blocks, depth: depth))
    }

    static func table(from value: YAMLValue) -> TextTable? {
        guard let f = value.fields(known: ArticleFormat.table.names, required: ArticleFormat.table.requiredNames),
              let header = f["header"]?.localizedList(), let rows = f["rows"]?.items() else { return nil }
        let cells = rows.compactMap { row -> [LocalizedText]? in
            guard let cells = row.localizedList() else { return nil }
            if cells.count != header.count {
                row.error("this row has \(cells.count) cells but the header has \(header.count)",
                          hint: "give every row one text per column, in the header's order")
            }
            return cells
        }
        return TextTable(header: header, rows: cells)
    }

    static func figure(from value: YAMLValue) -> Figure? {
        guard let f = value.fields(known: ArticleFormat.figure.names, required: ArticleFormat.figure.requiredNames),
              let alt = f["alt"]?.localized() else { return nil }
        return Figure(image: f["image"]?.text(), alt: alt, caption: f["caption"]?.localized(), location: value.location)
    }

    /// Lists nest at most this deep: deeper ones do not fit a printed column.
    public static let deepestList = 3

    static func listItem(from value: YAMLValue, depth: Int = 1) -> ListItem? {
        guard let f = value.fields(known: ArticleFormat.listItem.names, required: ArticleFormat.listItem.requiredNames),
              let text = value.localized(fields: f) else { return nil }
        let inner = [f["items"], f["blocks"]].compactMap { $0 }
        guard let first = inner.first else { return ListItem(text: text) }
        if inner.count > 1 {
            f["items"]?.error("an item has either items or blocks, not both", hint: "write its sub-list as a list block")
        }
        guard depth < deepestList else {
            first.error("lists may nest at most \(deepestList) levels deep", hint: "flatten this list into its parent")
            return ListItem(text: text)
        }
        if f["items"] != nil {
            return ListItem(text: text, children: first.items()?.compactMap { listItem(from: $0, depth: depth + 1) } ?? [])
        }
        let blocks = first.items()?.compactMap { value -> ContentBlock? in
            let block = contentBlock(from: value, depth: depth + 1)
            switch block {
            case .paragraph?, .list?, nil: return block
            default:
                value.error("a list item holds only paragraphs and lists",
                            hint: "end the list before this block, and put the block after the list")
                return nil
            }
        } ?? []
        return ListItem(text: text, blocks: blocks)
    }

    static func reviewNote(from value: YAMLValue) -> ReviewNote? {
        guard let f = value.fields(known: ArticleFormat.reviewNote.names, required: ArticleFormat.reviewNote.requiredNames),
              let part = f["part"]?.text(), let source = f["source"]?.text() else { return nil }
        if !ArticleFormat.article.names.contains(part) {
            f["part"]?.error("'\(part)' is not a part of the article",
                             hint: closestMatch(to: part, in: ArticleFormat.article.names).map { "did you mean '\($0)'?" }
                                 ?? "name a top-level field, such as doctor_visit")
        }
        return ReviewNote(part: part, source: source, location: value.location)
    }

    /// A value that must be one of an enumeration's raw values; an error with a suggestion otherwise.
    static func choice<Choice: RawRepresentable & CaseIterable>(_ value: YAMLValue, _ type: Choice.Type, what: String) -> Choice?
        where Choice.RawValue == String {
        guard let text = value.text() else { return nil }
        if let parsed = Choice(rawValue: text) { return parsed }
        let names = Choice.allCases.map(\.rawValue)
        value.error("unknown \(what) '\(text)'",
                    hint: closestMatch(to: text, in: names).map { "did you mean '\($0)'?" } ?? "use one of \(names.joined(separator: ", "))")
        return nil
    }

    static func reference(from value: YAMLValue) -> Reference? {
        url(from: value).map { Reference(url: $0, location: value.location) }
    }

    static func warningSigns(from value: YAMLValue) -> WarningSigns? {
        guard let f = value.fields(known: ArticleFormat.warningSigns.names, required: ArticleFormat.warningSigns.requiredNames),
              let items = f["items"]?.localizedList() else { return nil }
        if items.isEmpty { f["items"]?.error("the urgent warning signs list is empty", hint: "list at least one sign") }
        let short = f["short"]?.localizedList() ?? []
        if !short.isEmpty, short.count != items.count {
            f["short"]?.error("warning_signs has \(items.count) items but \(short.count) short forms",
                              hint: "give one short form per item, in the same order")
        }
        return WarningSigns(intro: f["intro"]?.localized(), items: items, short: short)
    }

    static func roadmap(from value: YAMLValue) -> Roadmap? {
        guard let f = value.fields(known: ArticleFormat.roadmap.names, required: ArticleFormat.roadmap.requiredNames) else { return nil }
        let steps = f["steps"]?.items()?.compactMap { step -> Roadmap.Step? in
            guard let s = step.fields(known: ArticleFormat.step.names, required: ArticleFormat.step.requiredNames),
                  let title = s["title"]?.localized(), let text = s["text"]?.localized() else { return nil }
            return Roadmap.Step(title: title, text: text)
        }
        return Roadmap(steps: steps ?? [], tips: f["tips"]?.localizedList() ?? [])
    }

    static func doctorVisit(from value: YAMLValue) -> DoctorVisit? {
        guard let f = value.fields(known: ArticleFormat.doctorVisit.names) else {
            return nil
        }
        return DoctorVisit(whichDoctor: f["which_doctor"]?.localized(),
                           tellDoctor: f["tell_doctor"]?.localizedList() ?? [],
                           questions: f["questions"]?.localizedList() ?? [],
                           tests: f["tests"]?.localizedList() ?? [],
                           mistakes: f["mistakes"]?.localizedList() ?? [])
    }

    static func medicineSafety(from value: YAMLValue) -> MedicineSafety? {
        guard let f = value.fields(known: ArticleFormat.medicineSafety.names) else {
            return nil
        }
        return MedicineSafety(intro: f["intro"]?.localized(),
                              firstSteps: f["first_steps"]?.localizedList() ?? [],
                              medicines: f["medicines"]?.localizedList() ?? [],
                              mistakes: f["mistakes"]?.localizedList() ?? [],
                              urgentHelp: f["urgent_help"]?.localizedList() ?? [],
                              note: f["note"]?.localized())
    }

    static func diaryPrompt(from value: YAMLValue) -> DiaryPrompt? {
        guard let f = value.fields(known: ArticleFormat.diaryPrompt.names, required: ArticleFormat.diaryPrompt.requiredNames),
              let label = value.localized(fields: f) else { return nil }
        let kind = f["kind"].map { choice($0, DiaryPrompt.Kind.self, what: "diary prompt kind") } ?? .score
        return DiaryPrompt(label: label, kind: kind ?? .score)
    }

    /// `{rule: long-sentence, reason: "…"}`: a check this article does not want, and why.
    static func silence(from value: YAMLValue) -> Silence? {
        guard let f = value.fields(known: ArticleFormat.silence.names, required: ArticleFormat.silence.requiredNames),
              let rule = f["rule"]?.text(), let reason = f["reason"]?.text() else { return nil }
        guard ArticleChecks.rules.contains(rule) else {
            f["rule"]?.error("unknown check '\(rule)'",
                             hint: closestMatch(to: rule, in: ArticleChecks.rules).map { "did you mean '\($0)'?" }
                                 ?? "checks: \(ArticleChecks.rules.joined(separator: ", "))")
            return nil
        }
        if reason.trimmingCharacters(in: .whitespaces).isEmpty {
            f["reason"]?.error("a silenced check needs a reason", hint: "say why this article may break the rule")
        }
        return Silence(rule: rule, reason: reason)
    }

    static func question(from value: YAMLValue) -> Question? {
        guard let f = value.fields(known: ArticleFormat.question.names, required: ArticleFormat.question.requiredNames),
              let q = f["question"]?.localized(), let a = f["answer"]?.localized() else { return nil }
        return Question(question: q, answer: a)
    }
}

extension YAMLValue {
    /// `{en: …, bn: …}`; Bangla may be absent or empty (a translation still to come).
    func localized() -> LocalizedText? {
        fields(known: ArticleFormat.text.names, required: ArticleFormat.text.requiredNames).flatMap { localized(fields: $0) }
    }

    func localized(fields f: YAMLFields) -> LocalizedText? {
        guard let en = f["en"]?.text() else { return nil }
        if en.isBlank {
            f["en"]?.error("the English text is empty", hint: "write the text, or remove this entry")
            return nil
        }
        let bnValue = f["bn"].flatMap { $0.isNull ? nil : $0 }
        let bn = bnValue?.text().flatMap { $0.isBlank ? nil : $0 }
        var text = LocalizedText(en: collapsed(en), bn: bn.map(collapsed), path: path, location: location)
        if bn != nil, let source = f["bn_from"]?.text() { text.sources[.bn] = source }
        return text
    }

    func localizedList() -> [LocalizedText]? {
        items()?.compactMap { $0.localized() }
    }

    /// One paragraph as `{en, bn}`, or a list of them.
    func paragraphs() -> [LocalizedText]? {
        if isList { return localizedList() }
        return localized().map { [$0] }
    }
}

/// Folds runs of white space (YAML's `|` blocks keep line ends) into single spaces.
func collapsed(_ text: String) -> String {
    if isCollapsed(text) { return text }
    return text.split(whereSeparator: { $0.isWhitespace && $0 != "\u{00A0}" }).joined(separator: " ")
}

/// White space that folds into a space (a no-break space stays), answered by number for
/// ASCII and Bangla, which most text is made of, instead of by a Unicode property lookup.
private func isFoldedSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x21..<0x85, 0xA0, 0x0980...0x09FF: false
    default: scalar.properties.isWhitespace
    }
}

/// Single spaces only, none at either end: most text, which then needs no splitting into words.
private func isCollapsed(_ text: String) -> Bool {
    var previous: Unicode.Scalar = " "
    for scalar in text.unicodeScalars {
        let extra = scalar == " " ? previous == " " : isFoldedSpace(scalar)
        if extra { return false }
        previous = scalar
    }
    return previous != " "
}
