// Every text of an article, changed by one function: how translations go in and out of
// an article without code that knows each of its parts twice.

extension Article {
    /// The article with `transform` applied to each of its texts.
    public func mapTexts(_ transform: (LocalizedText) -> LocalizedText) -> Article {
        var article = self
        article.metadata.reviewer = metadata.reviewer.map(transform)
        article.title = transform(title)
        article.summary = summary.map(transform)
        article.keyTakeaways = keyTakeaways.map(transform)
        article.definition = definition.map(transform)
        for (kind, section) in sections { article.sections[kind] = section.mapTexts(transform) }
        article.otherSections = otherSections.map { $0.mapTexts(transform) }
        article.conclusion = conclusion.map(transform)
        article.disclaimer = transform(disclaimer)
        article.warningSigns = WarningSigns(intro: warningSigns.intro.map(transform), items: warningSigns.items.map(transform),
                                            short: warningSigns.short.map(transform))
        article.roadmap = roadmap.map { Roadmap(steps: $0.steps.map { .init(title: transform($0.title), text: transform($0.text)) },
                                                tips: $0.tips.map(transform)) }
        article.doctorVisit = doctorVisit.map {
            DoctorVisit(whichDoctor: $0.whichDoctor.map(transform), tellDoctor: $0.tellDoctor.map(transform),
                        questions: $0.questions.map(transform), tests: $0.tests.map(transform), mistakes: $0.mistakes.map(transform))
        }
        article.medicineSafety = medicineSafety.map {
            MedicineSafety(intro: $0.intro.map(transform), firstSteps: $0.firstSteps.map(transform), medicines: $0.medicines.map(transform),
                           mistakes: $0.mistakes.map(transform), urgentHelp: $0.urgentHelp.map(transform), note: $0.note.map(transform))
        }
        article.diaryPrompts = diaryPrompts.map { DiaryPrompt(label: transform($0.label), kind: $0.kind) }
        article.faq = faq.map { Question(question: transform($0.question), answer: transform($0.answer)) }
        return article
    }
}

extension Section {
    func mapTexts(_ transform: (LocalizedText) -> LocalizedText) -> Section {
        var section = self
        section.title = title.map(transform)
        section.blocks = blocks.map { $0.mapTexts(transform) }
        return section
    }
}

extension ContentBlock {
    func mapTexts(_ transform: (LocalizedText) -> LocalizedText) -> ContentBlock {
        switch self {
        case .paragraph(let text): return .paragraph(transform(text))
        case .heading(let text): return .heading(transform(text))
        case .list(let list):
            return .list(ListBlock(numbered: list.numbered, items: list.items.map {
                ListItem(text: transform($0.text), blocks: $0.blocks.map { $0.mapTexts(transform) })
            }))
        case .callout(let callout):
            return .callout(Callout(kind: callout.kind, title: callout.title.map(transform), blocks: callout.blocks.map { $0.mapTexts(transform) }))
        case .table(let table): return .table(TextTable(header: table.header.map(transform), rows: table.rows.map { $0.map(transform) }))
        case .figure(let figure):
            return .figure(Figure(image: figure.image, alt: transform(figure.alt), caption: figure.caption.map(transform),
                                  location: figure.location))
        }
    }
}
