// Sorts what the page said, in order, into the article's parts: each heading opens a
// section (the site's usual headings map to the model's kinds, any other is kept as a
// general section, deeper headings stay inside as sub-headings), the site's patient-tool
// blocks fill their own parts, furniture is left out. Blocks keep the page's order.
import ArticleModel
import Diagnostics
import Foundation

struct ArticleAssembler: PageReading {
    let file: String
    let title: String
    private(set) var warnings: [Diagnostic] = []

    private var definition: [ContentBlock] = []
    private var conclusion: [ContentBlock] = []
    private var conclusionTitle: String?
    private var summary: [String] = []
    private var keyTakeaways: [String] = []
    private var signIntro: String?
    private var signs: [String] = []
    private var visit = DoctorVisitDraft()
    private var visitField: WritableKeyPath<DoctorVisitDraft, [String]>?
    private var safety = MedicineSafetyDraft()
    private var safetyField: WritableKeyPath<MedicineSafetyDraft, [String]>?
    private var steps: [(title: String, text: [String])] = []
    private var tips: [String] = []
    private var inTips = false
    private(set) var faq: [(question: String, answer: [String])] = []
    private(set) var disclaimer: String?
    private(set) var references: [String] = []
    private var sections: [SectionKind: Section] = [:]
    private var others: [Section] = []
    private(set) var toReview: [ReviewNote] = []
    /// The first urgent box with a list: the warning signs when the page has no list of its own.
    private var urgentBox: (callout: Callout, line: Int)?

    /// The heading of the tool block being read, and the section its loose content went to.
    private var toolHeading: (text: String, line: Int, section: Int?)?
    private var target: Target = .definition
    /// The last part of the model the page has opened: the article's own sections follow it.
    private var lastPart: String?
    /// The level of the headings an FAQ gives its questions as, when it gives them as headings.
    private var faqQuestionLevel: Int?
    /// The block just before was the disclaimer.
    private var afterDisclaimer = false
    /// The heading an eyebrow label already marked as furniture.
    private var skipHeadingAt: Int?
    /// The level of the headings that open sections (the first one met).
    private var sectionLevel: Int?

    enum Target {
        case definition, conclusion, references
        case section(SectionKind), other(Int)
        case tool(SiteVocabulary.Part, level: Int)
        case furniture(level: Int)
    }

    init(file: String, title: String) {
        self.file = file
        self.title = title
    }

    mutating func take(_ events: [PageEvent]) {
        for (index, event) in events.enumerated() {
            if index + 1 < events.count, isEyebrow(event, before: events[index + 1]) { continue }
            switch event {
            case let .heading(level, text, line): heading(text, level: level, line: line, bold: false)
            case let .boldHeading(text, line): heading(text, level: sectionLevel ?? 2, line: line, bold: true)
            case let .block(block, line): add(block, line: line)
            case let .question(question, answer, line): self.question(question, answer: answer, line: line)
            }
        }
    }

    /// A short label printed above a heading of the site's furniture or tool blocks
    /// ("Patient Tools", "For rural patients and family caregivers"): it goes with that block.
    private mutating func isEyebrow(_ event: PageEvent, before next: PageEvent) -> Bool {
        guard case .block(.paragraph(let text), _) = event, case .heading(let level, let heading, let line) = next else { return false }
        let plain = text.en.plainText
        guard plain.split(separator: " ").count <= 6, !".:?!।".contains(plain.last ?? "."), !plain.contains("**") else { return false }
        let label = SiteVocabulary.part(of: plain, title: title), named = SiteVocabulary.part(of: heading, title: title)
        if label == .furniture {
            // "Patient Tools" above "Read, save, and share this guide": the whole block is furniture.
            target = .furniture(level: level)
            skipHeadingAt = line
            return true
        }
        switch named {
        case .furniture?, .summary?, .keyTakeaways?, .warningSigns?, .doctorVisit?, .medicineSafety?, .roadmap?, .faq?: return true
        default: return false
        }
    }

    // MARK: Headings

    private mutating func heading(_ text: String, level: Int, line: Int, bold: Bool) {
        if skipHeadingAt == line { skipHeadingAt = nil; return }
        let bare = text.trimmingCharacters(in: CharacterSet(charactersIn: ":").union(.whitespacesAndNewlines))
        guard !bare.isEmpty else { return }
        // The article's own title is printed from the title field.
        if level == 1, PageFacts.agree(bare, title) { return }
        let level = max(level, 2)
        let part = SiteVocabulary.part(of: bare, title: title)
        switch target {
        case .furniture(let outer) where level > outer && !bold: return
        case .tool(let tool, let outer) where level > outer || (bold && part == nil):
            return toolHeading(bare, tool: tool)
        case .tool(.faq, _) where bare.hasSuffix("?") && part != .furniture && (faq.isEmpty || faqQuestionLevel == level):
            // Questions as headings of the FAQ's own level are still its questions, when its
            // questions are headings of that level (the first one sets it).
            faqQuestionLevel = level
            return toolHeading(bare, tool: .faq)
        default: break
        }
        let opening = sectionLevel ?? level
        sectionLevel = opening
        // A deeper heading stays inside its section whatever it says ("Types of spots" under
        // "Symptoms"); so does a bold line the page uses as a heading, unless it names a part.
        let isPart = part != nil && part != .definition
        if level > opening && part != .furniture || bold && !isPart, let inside = sectionIndex {
            return append(.heading(english(bare, line)), to: inside)
        }
        open(part, heading: bare, level: level, line: line)
    }

    private var sectionIndex: Target? {
        switch target {
        case .section, .other: return target
        default: return nil
        }
    }

    private mutating func open(_ part: SiteVocabulary.Part?, heading: String, level: Int, line: Int) {
        switch part {
        case .furniture?: target = .furniture(level: level)
        case .definition?: target = .definition; lastPart = "definition"
        case .conclusion?: target = .conclusion; conclusionTitle = heading
        case .references?: target = .references
        case .section(let kind)? where sections[kind] == nil:
            sections[kind] = Section(title: english(heading, line), blocks: [], location: place(line), path: kind.rawValue)
            target = .section(kind)
            lastPart = kind.rawValue
        case .section?, nil:
            others.append(Section(title: english(heading, line), blocks: [], location: place(line), after: lastPart ?? "definition"))
            target = .other(others.count - 1)
            let why = part == nil ? "fits no usual section" : "is a second section of a kind the article already has"
            warnings.append(.warning("the heading '\(heading)' \(why); it is kept as a general section",
                                     at: place(line), hint: "move its content to the right section if there is one"))
        case let tool?:
            target = .tool(tool, level: level)
            toolHeading = (heading, line, nil)
            visitField = nil; safetyField = nil; inTips = false
            if tool != .faq {
                toReview.append(ReviewNote(part: Self.field(of: tool), source: "the page's '\(heading)' block (\(file), line \(line))"))
            }
        }
    }

    static func field(of part: SiteVocabulary.Part) -> String {
        switch part {
        case .summary: return "summary"
        case .keyTakeaways: return "key_takeaways"
        case .warningSigns: return "warning_signs"
        case .doctorVisit: return "doctor_visit"
        case .medicineSafety: return "medicine_safety"
        case .roadmap: return "roadmap"
        case .faq: return "faq"
        default: return "other_sections"
        }
    }

    /// A heading inside a patient-tool block chooses which of its fields follows.
    private mutating func toolHeading(_ text: String, tool: SiteVocabulary.Part) {
        let words = SiteVocabulary.normalised(text)
        switch tool {
        case .doctorVisit: visitField = SiteVocabulary.doctorVisitParts.first { words.hasPrefix($0.0) || words.contains($0.0) }?.1
        case .medicineSafety:
            safetyField = SiteVocabulary.medicineSafetyParts.first { words.hasPrefix($0.0) || words.contains($0.0) }?.1
        case .roadmap:
            inTips = words.contains("tips")
            // "Go to emergency care if you notice:" repeats the warning signs: not a step.
            if !inTips, !SiteVocabulary.soundsUrgent(text) { steps.append((text, [])) } else if !inTips { steps.append(("", [])) }
        case .faq: faq.append((text, []))
        default: break
        }
    }

    // MARK: Blocks

    private mutating func add(_ block: ContentBlock, line: Int) {
        if case .paragraph(let text) = block, text.en.plainText.lowercased().hasPrefix("disclaimer") {
            disclaimer = String(text.en.plainText.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces)
            afterDisclaimer = true
            return
        }
        // On the site, an unheaded list of sources follows the disclaimer: a list of addresses.
        if afterDisclaimer {
            afterDisclaimer = false
            if case .list(let list) = block, list.items.allSatisfy({ !Self.urls(in: $0.text.en).isEmpty }) {
                references += list.items.flatMap { Self.urls(in: $0.text.en) }.filter { !references.contains($0) }
                return
            }
        }
        if case .callout(let callout) = block, callout.kind == .urgent, urgentBox == nil,
           callout.blocks.contains(where: { if case .list = $0 { true } else { false } }) {
            urgentBox = (callout, line)
        }
        switch target {
        case .definition: definition.append(block)
        case .conclusion: conclusion.append(block)
        case .references:
            for text in block.allTexts {
                let found = Self.urls(in: text.en)
                if found.isEmpty {
                    warnings.append(.warning("a reference without a web address was not kept: '\(text.en.plainText.prefix(60))'",
                                             at: text.location, hint: "add its address, or add it to the article by hand"))
                }
                references += found.filter { !references.contains($0) }
            }
        case .section, .other: append(block, to: target)
        case .tool(let tool, _): toolBlock(block, tool: tool)
        case .furniture: break
        }
    }

    private mutating func append(_ block: ContentBlock, to target: Target) {
        switch target {
        case .section(let kind): sections[kind]?.blocks.append(block)
        case .other(let index): others[index].blocks.append(block)
        default: break
        }
    }

    /// The texts of a tool block's paragraph or list, one per paragraph or item.
    private static func lines(_ block: ContentBlock) -> [String] {
        switch block {
        case .paragraph(let text): return [text.en]
        case .list(let list): return list.items.map(\.text.en)
        default: return block.allTexts.map(\.en)
        }
    }

    private mutating func toolBlock(_ block: ContentBlock, tool: SiteVocabulary.Part) {
        // A box inside a tool block is one of its parts: its title chooses the field.
        if case .callout(let box) = block, tool != .warningSigns, tool != .faq {
            if let title = box.title { toolHeading(title.en.plainText, tool: tool) }
            for inner in box.blocks { toolBlock(inner, tool: tool) }
            return
        }
        let lines = Self.lines(block)
        let isList = { if case .list = block { true } else { false } }()
        switch tool {
        case .summary: summary += lines
        case .keyTakeaways where isList: keyTakeaways += lines
        case .warningSigns where isList && signs.isEmpty: signs += lines
        case .warningSigns where signIntro == nil: signIntro = lines.joined(separator: " ")
        case .doctorVisit where visitField != nil: visit[keyPath: visitField!] += lines
        case .medicineSafety where safetyField == nil && !isList: safety.intro += lines
        case .medicineSafety where safetyField != nil: if isList { safety[keyPath: safetyField!] += lines } else { safety.note += lines }
        case .roadmap where inTips && isList: tips += lines
        case .roadmap where !inTips && isList && Self.steps(in: block) != nil: steps += Self.steps(in: block)!
        case .roadmap where !inTips && !isList && !steps.isEmpty && !steps[steps.count - 1].title.isEmpty:
            steps[steps.count - 1].text += lines
        case .faq where !faq.isEmpty && !{ if case .callout = block { true } else { false } }():
            faq[faq.count - 1].answer += lines
        default: loose(block)
        }
    }

    /// Content of a tool block that fits none of its fields (the template's own lead-in,
    /// a list with no sub-heading): kept, in order, in a section named after the block.
    private mutating func loose(_ block: ContentBlock) {
        guard var heading = toolHeading else { return }
        if heading.section == nil {
            others.append(Section(title: english(heading.text, heading.line), blocks: [], location: place(heading.line)))
            warnings.append(.warning("some of the page's '\(heading.text)' block fits none of its parts; it is kept as a general section",
                                     at: place(heading.line), hint: "move it into the part it belongs to, or remove it"))
            heading.section = others.count - 1
            toolHeading = heading
        }
        others[heading.section!].blocks.append(block)
    }

    /// Roadmap steps written as a list of cards: each item a bold title with its text.
    private static func steps(in block: ContentBlock) -> [(title: String, text: [String])]? {
        guard case .list(let list) = block, list.items.allSatisfy({ !$0.blocks.isEmpty }) else { return nil }
        return list.items.map { item in
            (item.text.en.plainText, item.blocks.flatMap { $0.allTexts.map(\.en) })
        }
    }

    private mutating func question(_ question: String, answer: [ContentBlock], line: Int) {
        if case .tool(.faq, _) = target {
            faq.append((question, answer.flatMap(Self.lines)))
        } else {
            add(.heading(english(question, line)), line: line)
            for block in answer { add(block, line: line) }
        }
    }

    // MARK: The article

    mutating func article(url: String, reviewed: CalendarDate?, pageFAQ: [(question: String, answer: String)]) -> Article {
        let ownSections = self.ownSections()
        var article = Article(
            metadata: Metadata(slug: Self.slug(from: url, title: title), canonicalURL: url, lastReviewed: reviewed,
                               lastReviewedLocation: nil, nextReview: reviewed?.adding(months: 12), reviewer: nil, version: "1.0"),
            title: english(title, 1), summary: texts(summary), keyTakeaways: texts(keyTakeaways),
            definition: Self.paragraphsOnly(definition) ? definition.flatMap(\.allTexts) : [],
            sections: sections, otherSections: ownSections,
            conclusion: Self.paragraphsOnly(conclusion) ? conclusion.flatMap(\.allTexts) : [],
            disclaimer: english(disclaimer ?? "", 1),
            references: references.map { Reference(url: $0, location: nil) },
            warningSigns: warningSigns(), roadmap: roadmap(), doctorVisit: doctorVisit(), medicineSafety: medicineSafety(),
            diaryPrompts: [],
            faq: (faq.isEmpty ? pageFAQ.map { ($0.question, [$0.answer]) } : faq)
                .map { Question(question: english($0.0, 1), answer: english($0.1.joined(separator: " "), 1)) },
            silenced: [])
        // A tool block that gave its part nothing leaves nothing to review.
        article.toReview = toReview.filter { Self.isFilled($0.part, in: article) }
        return article
    }

    static func paragraphsOnly(_ blocks: [ContentBlock]) -> Bool {
        blocks.allSatisfy { if case .paragraph = $0 { true } else { false } }
    }

    /// The article's own sections, and the opening and closing when they hold more than
    /// paragraphs (the model's definition and conclusion are paragraphs): kept in order.
    private mutating func ownSections() -> [Section] {
        var sections = others
        if !Self.paragraphsOnly(definition) {
            let first = definition.first?.allTexts.first?.location ?? place(1)
            sections.insert(Section(title: english("About \(title)", first.line), blocks: definition, location: first,
                                    after: "definition"), at: 0)
            warnings.append(.warning("the page's opening holds more than paragraphs; it is kept whole, in order, as the section 'About \(title)'",
                                     at: first, hint: "move its paragraphs to definition if the rest belongs elsewhere"))
        }
        if !Self.paragraphsOnly(conclusion) {
            sections.append(Section(title: english(conclusionTitle ?? "Conclusion", 1), blocks: conclusion, location: place(1)))
        }
        for index in sections.indices { sections[index].path = "other_sections[\(index)]" }
        return sections
    }

    private func texts(_ list: [String]) -> [LocalizedText] { list.map { english($0, 1) } }

    /// Lines joined into one text, nil when there are none.
    private func joined(_ lines: [String]) -> LocalizedText? {
        lines.isEmpty ? nil : english(lines.joined(separator: " "), 1)
    }

    private func roadmap() -> Roadmap? {
        guard !steps.isEmpty || !tips.isEmpty else { return nil }
        return Roadmap(steps: steps.filter { !$0.title.isEmpty }.map { .init(title: english($0.title, 1), text: english($0.text.joined(separator: " "), 1)) },
                       tips: texts(tips))
    }

    private func doctorVisit() -> DoctorVisit? {
        guard !visit.isEmpty else { return nil }
        return DoctorVisit(whichDoctor: joined(visit.whichDoctor), tellDoctor: texts(visit.tellDoctor), questions: texts(visit.questions),
                           tests: texts(visit.tests), mistakes: texts(visit.mistakes))
    }

    private func medicineSafety() -> MedicineSafety? {
        guard !safety.isEmpty else { return nil }
        return MedicineSafety(intro: joined(safety.intro), firstSteps: texts(safety.firstSteps), medicines: texts(safety.medicines),
                              mistakes: texts(safety.mistakes), urgentHelp: texts(safety.urgentHelp), note: joined(safety.note))
    }

    static func isFilled(_ part: String, in article: Article) -> Bool {
        switch part {
        case "summary": return !article.summary.isEmpty
        case "key_takeaways": return !article.keyTakeaways.isEmpty
        case "doctor_visit": return article.doctorVisit != nil
        case "medicine_safety": return article.medicineSafety != nil
        case "roadmap": return article.roadmap != nil
        default: return true
        }
    }

    /// The site's own list first; else the page's first urgent box; else general signs
    /// an editor must replace. Each but the first is noted for review with where it came from.
    private mutating func warningSigns() -> WarningSigns {
        if !signs.isEmpty {
            return WarningSigns(intro: signIntro.map { english($0, 1) }, items: signs.map { english($0, 1) }, short: [])
        }
        if let (callout, line) = urgentBox {
            let items = callout.blocks.flatMap { block -> [ListItem] in if case .list(let list) = block { list.items } else { [] } }
            let title = callout.title?.en.plainText ?? "urgent"
            toReview.append(ReviewNote(part: "warning_signs", source: "the page's urgent box '\(title)' (\(file), line \(line))"))
            return WarningSigns(intro: callout.title, items: items.map(\.text), short: [])
        }
        toReview.append(ReviewNote(part: "warning_signs",
                                   source: "general signs Handout wrote because the page has no urgent box; replace them with this condition's own"))
        warnings.append(.warning("the page has no urgent warning signs; general ones were filled in", at: place(1),
                                 hint: "replace warning_signs with this condition's own signs, then remove its to_review entry"))
        return WarningSigns(intro: nil,
                            items: SiteVocabulary.generalWarningSigns.map { LocalizedText(en: $0.en, bn: $0.bn, location: place(1)) },
                            short: [])
    }

    // MARK: Text

    static func urls(in text: String) -> [String] {
        let links = text.matches(of: /\]\((https?:\/\/[^)\s]+)\)/).map { String($0.output.1) }
        let bare = text.plainText.split(whereSeparator: \.isWhitespace).map(String.init)
            .filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        return links + bare.filter { !links.contains($0) }
    }

    /// The page address's last part, or the title made into one.
    static func slug(from url: String, title: String) -> String {
        let last = url.split(separator: "/").last.map(String.init) ?? ""
        let source = last.contains(".") || last.contains(":") || last.isEmpty ? title : last
        return Metadata.slug(from: source) ?? "article"
    }
}

extension DoctorVisitDraft {
    var isEmpty: Bool { [whichDoctor, tellDoctor, questions, tests, mistakes].allSatisfy(\.isEmpty) }
}

extension MedicineSafetyDraft {
    var isEmpty: Bool { [intro, firstSteps, medicines, mistakes, urgentHelp, note].allSatisfy(\.isEmpty) }
}
