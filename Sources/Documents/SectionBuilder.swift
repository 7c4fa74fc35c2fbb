// The article's sections as blocks, shared by the documents that show them.
import ArticleModel
import LayoutEngine

/// Builds each section of an article as blocks, in the writer's language mode.
struct SectionBuilder {
    let article: Article
    let writer: Writer
    /// The warning signs' introduction goes with their details, not in the page-1 box.
    var introInDetails = false

    /// The article's title, and under it what this document is ("Patient handout").
    func titleBlock(subtitle: Label) -> [Block] {
        writer.heading(article.title, level: 0)
            + writer.paragraphs([writer.label(subtitle)], style: writer.style(.small, colour: .muted, after: 2))
    }

    /// The urgent warning signs in a box that is never split: the short forms when the
    /// article has them (so the box stays small enough for page 1), else the full signs.
    func warningSigns(anchor: String = Anchor.warningSigns) -> Block {
        let signs = article.warningSigns
        let content = writer.heading(writer.label(.warningSigns), level: 2, colour: .warning)
            + writer.callNow()
            + writer.paragraphs(signs.intro.map { [$0] } ?? [])
            + writer.bullets(signs.brief,
                             style: signs.short.isEmpty ? nil : writer.style(.body, bold: true, after: writer.em(writer.metrics.itemGap)))
        return writer.box(content, fill: .warningFill, stroke: .warning, accent: true, keepTogether: true,
                          anchor: anchor)
    }

    /// The full warning signs, when the box showed their short forms.
    func warningDetails() -> [Block] {
        let signs = article.warningSigns
        let intro = introInDetails ? writer.paragraphs(signs.intro.map { [$0] } ?? []) : []
        return signs.short.isEmpty ? [] : titled(.warningDetails, intro + writer.bullets(signs.items))
    }

    /// The part `name` of the layout, then the article's own sections that follow it on the page.
    func section(_ name: SectionName) -> [Block] {
        part(name) + article.otherSections.filter { $0.after == name.rawValue && placedAfter.contains(name.rawValue) }.flatMap(ownSection)
    }

    /// Parts of this document's layout an article's own section can be printed after.
    var placedAfter: Set<String> { Set(writer.layout.sections) }

    func ownSection(_ section: Section) -> [Block] {
        titled(.summary, writer.content(section.blocks), title: section.title)
    }

    func part(_ name: SectionName) -> [Block] {
        switch name {
        case .listed(let kind): return listed(kind)
        case .summary: return titled(.summary, writer.paragraphs(article.summary))
        case .keyTakeaways: return titled(.keyTakeaways, writer.bullets(article.keyTakeaways))
        case .warningDetails: return warningDetails()
        case .definition: return titled(.definition, writer.paragraphs(article.definition))
        case .otherSections:
            // Those that follow no part the layout prints.
            return article.otherSections.filter { $0.after.map { !placedAfter.contains($0) } ?? true }.flatMap(ownSection)
        case .medicineSafety: return medicineSafety()
        case .doctorVisit: return doctorVisit()
        case .roadmap: return roadmap()
        case .diaryPrompts: return titled(.diaryPrompts, writer.bullets(article.diaryPrompts.map(\.label)))
        case .faq: return faq()
        case .conclusion: return titled(.conclusion, writer.paragraphs(article.conclusion))
        case .disclaimer: return [disclaimer()]
        case .references: return references()
        case .readOnline: return [writer.readOnline()]
        case .about: return about()
        }
    }

    /// A heading with its content; nothing at all when the article has no content for it.
    func titled(_ label: Label, _ content: [Block], title: LocalizedText? = nil, level: Int = 1) -> [Block] {
        content.isEmpty ? [] : writer.heading(title ?? writer.label(label), level: level) + content
    }

    func listed(_ kind: SectionKind) -> [Block] {
        guard let section = article.sections[kind], let label = Label(rawValue: kind.rawValue) else { return [] }
        return titled(label, writer.content(section.blocks), title: section.title)
    }

    func medicineSafety() -> [Block] {
        guard let safety = article.medicineSafety else { return [] }
        let parts = writer.paragraphs(safety.intro.map { [$0] } ?? [])
            + titled(.firstSteps, writer.bullets(safety.firstSteps), level: 2)
            + titled(.medicines, writer.bullets(safety.medicines), level: 2)
            + titled(.mistakes, writer.bullets(safety.mistakes), level: 2)
            + titled(.urgentHelp, writer.bullets(safety.urgentHelp), level: 2)
            + writer.paragraphs(safety.note.map { [$0] } ?? [])
        return titled(.medicineSafety, parts)
    }

    func doctorVisit() -> [Block] {
        guard let visit = article.doctorVisit else { return [] }
        let parts = titled(.whichDoctor, writer.paragraphs(visit.whichDoctor.map { [$0] } ?? []), level: 2)
            + titled(.tellDoctor, writer.bullets(visit.tellDoctor), level: 2)
            + titled(.questions, writer.bullets(Checklist.basicQuestions.map { writer.label($0) } + visit.questions), level: 2)
            + titled(.tests, writer.bullets(visit.tests), level: 2)
            + titled(.mistakes, writer.bullets(visit.mistakes), level: 2)
        return titled(.doctorVisit, parts)
    }

    func roadmap() -> [Block] {
        guard let roadmap = article.roadmap else { return [] }
        return titled(.roadmap, roadmapSteps(roadmap) + titled(.tips, writer.bullets(roadmap.tips), level: 2))
    }

    /// Each step: its number and bold title, its text under the title.
    func roadmapSteps(_ roadmap: Roadmap, spacing: Double = 0) -> [Block] {
        let indent = writer.markerIndent(count: roadmap.steps.count, size: writer.bodySize, base: writer.em(writer.metrics.markerColumn))
        return roadmap.steps.enumerated().flatMap { index, step in
            writer.paired { language in
                let bold = self.writer.style(.body, bold: true, before: spacing)
                let marker = self.writer.marker(index, numbered: true, level: 0, language)
                let text = self.writer.styled(step.text, language, style: self.writer.paragraphStyle)
                return [self.writer.item(step.title, marker: marker, level: 0, language, style: bold, indent: indent,
                                         keepWithNext: true),
                        .item(ListItemBlock(marker: StyledText("", style: bold), indent: indent,
                                            content: [.text(text)]))]
            }
        }
    }

    func faq() -> [Block] {
        let bold = writer.style(.body, bold: true, before: writer.em(writer.metrics.paragraphGap), after: 2)
        let pairs = article.faq.flatMap { writer.paragraphs([$0.question], style: bold) + writer.paragraphs([$0.answer]) }
        return titled(.faq, pairs)
    }

    func disclaimer() -> Block {
        let content = writer.heading(writer.label(.disclaimer), level: 2)
            + writer.paragraphs([article.disclaimer], style: writer.style(.body))
        return writer.box(content, fill: .noteFill, stroke: .rule, accent: false, keepTogether: true)
    }

    func references() -> [Block] {
        let small = writer.style(.small, after: 2)
        let indent = writer.markerIndent(count: article.references.count, size: small.size, base: small.size * writer.metrics.referenceColumn)
        let items = article.references.enumerated().flatMap { index, reference in
            writer.paired { language in
                let number = "\(language.digits(index + 1))."
                let marker = StyledText([TextRun(number, language: Writer.numeralLanguage(number, language))], style: small, role: .label)
                let url = StyledText([TextRun(reference.url, link: reference.url, language: Language.en.rawValue)], style: small,
                                     source: "references[\(index)]", location: reference.location)
                return [.item(ListItemBlock(marker: marker, indent: indent, content: [.text(url)],
                                           spacing: Spacing(after: 2)))]
            }
        }
        return titled(.references, items)
    }

    func about() -> [Block] {
        let meta = article.metadata
        let labels = writer.labels
        func line(_ make: (Language) -> String?) -> LocalizedText {
            LocalizedText(en: make(.en)!, bn: make(.bn), path: "metadata", location: meta.reviewer?.location)
        }
        var lines = [
            line { "\(labels.text(.version, $0)) \($0.numerals(meta.version))" },
            line { "\(labels.text(.lastReviewed, $0)): \(labels.date(meta.lastReviewed, in: $0))" },
            line { "\(labels.text(.nextReview, $0)): \(labels.date(meta.nextReview, in: $0))" },
        ]
        if let reviewer = meta.reviewer {
            var named = line { language in reviewer[language].map { "\(labels.text(.reviewer, language)): \($0)" } }
            named.path = reviewer.path
            lines.insert(named, at: 1)
        }
        return titled(.about, writer.paragraphs(lines, style: writer.style(.small, colour: .muted, after: 1)))
    }
}
