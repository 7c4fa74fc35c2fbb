// Turns article text into blocks in one language, or in two side by side where each
// heading, paragraph and list item starts level with its translation.
import ArticleModel
import Diagnostics
import LayoutEngine

final class Writer {
    let article: Article
    let mode: LanguageMode
    let pageSize: Size
    let layout: DocumentLayout
    let labels: Labels
    let clinic: Clinic?
    let patient: Patient?
    private(set) var diagnostics: [Diagnostic] = []

    /// A warning found while writing, returned with the plan.
    func warn(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    init(_ context: DocumentContext) {
        article = context.article
        mode = context.mode
        pageSize = context.pageSize
        layout = context.layout
        labels = context.labels
        clinic = context.clinic
        patient = context.patient
    }

    // MARK: Styles

    func style(_ role: DocumentLayout.Role, colour: DocumentLayout.Swatch = .text, bold: Bool = false,
               before: Double = 0, after: Double = 0) -> ParagraphStyle {
        let type = layout.size(role)
        return ParagraphStyle(size: type.size, lineHeight: type.lineHeight, color: layout.colour(colour), bold: bold,
                              spaceBefore: before, spaceAfter: after)
    }

    var bodySize: Double { layout.size(.body).size }
    var metrics: Metrics { layout.metrics }
    /// `value` ems of the body text, in points.
    func em(_ value: Double) -> Double { bodySize * value }
    var paragraphStyle: ParagraphStyle { style(.body, after: em(metrics.paragraphGap)) }
    var itemStyle: ParagraphStyle { style(.body, after: em(metrics.itemGap)) }

    // MARK: Text

    /// The text in `language`. A missing Bangla translation is said so, visibly, and the
    /// English is shown in its place; a warning names where it is missing.
    func styled(_ text: LocalizedText, _ language: Language, style: ParagraphStyle,
                role: TextRole = .paragraph) -> StyledText {
        var runs: [TextRun]
        var shown = language
        if let translated = text[language] {
            runs = Self.runs(translated, language)
        } else {
            diagnostics.append(text.isStale(language)
                ? .warning("the Bangla is out of date (the English changed): the English is printed", at: text.location,
                           subject: text.path, hint: "review the translation (handout translate export marks it fuzzy)")
                : .warning("missing Bangla translation", at: text.location, subject: text.path,
                           hint: "add a 'bn:' line beside 'en:'"))
            // The note says so in both languages, each in its own; the English follows as English.
            let warning = layout.colour(.warning)
            runs = [TextRun("[", italic: true, color: warning),
                    TextRun(labels.text(.missingBangla, .bn), italic: true, color: warning, language: Language.bn.rawValue),
                    TextRun(" · ", italic: true, color: warning),
                    TextRun(labels.text(.missingBangla, .en), italic: true, color: warning, language: Language.en.rawValue),
                    TextRun("] ", italic: true, color: warning)]
            runs += Self.runs(text.en, .en)
            shown = .en
        }
        return StyledText(runs, style: style, role: role, source: text.path, location: text.location, language: shown.rawValue)
    }

    /// Article markup as runs in `language`.
    static func runs(_ markup: String, _ language: Language) -> [TextRun] {
        inlineRuns(markup).map { TextRun($0.text, bold: $0.bold, italic: $0.italic, link: $0.link, language: language.rawValue) }
    }

    /// Text in each of the document's languages on one line, each part in its language.
    func joined(separator: String, _ make: (Language) -> (text: String, language: Language?)) -> [TextRun] {
        mode.languages.enumerated().flatMap { index, language -> [TextRun] in
            let part = make(language)
            return (index > 0 ? [TextRun(separator)] : []) + [TextRun(part.text, language: part.language?.rawValue)]
        }
    }

    /// A label in the document's language(s), as runs: "Date / তারিখ".
    func labelRuns(_ label: Label, _ values: (Language) -> [String: String] = { _ in [:] }) -> [TextRun] {
        joined(separator: " / ") { (labels.text(label, $0, values($0)), $0) }
    }

    /// Article text in the document's language(s) on one line, as runs: for short titles.
    func titleRuns(_ text: LocalizedText) -> [TextRun] {
        joined(separator: " · ") { language in text[language].map { ($0, language) } ?? (text.en, .en) }
    }

    func label(_ label: Label, _ values: (Language) -> [String: String] = { _ in [:] }) -> LocalizedText {
        LocalizedText(en: labels.text(label, .en, values(.en)), bn: labels.text(label, .bn, values(.bn)),
                      path: "labels.\(label.rawValue)")
    }

    /// The PDF's title: the article's and the document's, in the document's language(s).
    func documentTitle(_ label: Label) -> String {
        (titleRuns(article.title) + [TextRun(" · ")] + labelRuns(label)).map(\.text).joined()
    }

    /// A QR code for the article's address, and beside it "Read the full article" and the
    /// address itself (a link), so a phone or a person can follow it.
    func readOnline(beside extra: [Block] = []) -> Block {
        let url = article.metadata.canonicalURL
        let size = millimetres(24)
        let words = style(.body, bold: true, after: em(metrics.labelGap))
        let address = style(.body, colour: .heading)
        let text: [Block] = [.text(StyledText(labelRuns(.readFull), style: words, role: .label)),
                             .text(StyledText([TextRun(url, link: url, language: Language.en.rawValue)], style: address, role: .label))]
            + extra
        guard let code = QRCode.drawing(for: url, size: size, colour: .black) else { return .group(text, keepTogether: true) }
        return .row(RowBlock(columns: [[.drawing(code)], text], weights: [size, bodyWidth - size - bodySize],
                             gap: bodySize, spacing: Spacing(before: bodySize, after: bodySize)))
    }

    // MARK: Pages

    /// Running header (the article and document titles) and footer (page X of Y, review
    /// date, site address), on the layout's paper and orientation.
    func pageTemplate(subtitle: Label) -> PageTemplate {
        let languages = mode.languages
        let small = style(.small, colour: .muted)
        let rule = RuleBlock(color: layout.colour(.rule), thickness: 0.5, spacing: Spacing(before: 3, after: 3))
        let title = titleRuns(article.title) + [TextRun("  ·  ")] + labelRuns(subtitle)
        let reviewed = article.metadata.lastReviewed
        let site = article.metadata.siteAddress
        let labels = self.labels
        let clinic = clinicRuns()
        let runningHeader = layout.runningHeader
        var size = pageSize
        if layout.landscape { size = Size(width: size.height, height: size.width) }
        let footerClinic = besideLogo(clinicLogo(height: millimetres(5)),
                                      clinic.isEmpty ? [] : [.text(StyledText(clinic, style: small, role: .label))],
                                      width: size.width - layout.margins.left - layout.margins.right)
        return PageTemplate(
            size: size, margins: layout.margins, bandGap: layout.bandGap, safeMargin: DocumentLayout.safeMargin,
            header: { _, _ in runningHeader ? [.text(StyledText(title, style: small, role: .label)), .rule(rule)] : [] },
            footer: { page, count in
                let pages = languages.map { TextRun(labels.text(.pageOf, $0, ["page": $0.digits(page), "count": $0.digits(count)]),
                                                    language: $0.rawValue) }
                let date = languages.map { TextRun("\(labels.text(.lastReviewed, $0)) \(labels.date(reviewed, in: $0))", language: $0.rawValue) }
                let line = Self.dotted((pages + date + [TextRun(site)]).map { [$0] })
                return [.rule(rule), .text(StyledText(line, style: small, role: .label))] + footerClinic
            })
    }

    /// The clinic's name in the document's language(s), its phone and its emergency number,
    /// on one line: printed on every page; empty without a clinic. (Its address and hours
    /// are on the handout's last page: on every page they would crowd the one-page documents.)
    func clinicRuns() -> [TextRun] {
        guard let clinic else { return [] }
        return Self.dotted([clinicText(clinic.name), clinicNumbers(clinic)])
    }

    /// "Phone / ফোন …  ·  Emergency / জরুরি নম্বর …", the numbers as the clinic wrote them.
    func clinicNumbers(_ clinic: Clinic) -> [TextRun] {
        let phone = clinic.phone.map { labelRuns(.clinicPhone) + [TextRun(" \($0)")] } ?? []
        let emergency = clinic.emergencyNumber.map { labelRuns(.clinicEmergency) + [TextRun(" \($0)", bold: true)] } ?? []
        return Self.dotted([phone, emergency])
    }

    /// The parts that are not empty, with " · " between them.
    static func dotted(_ parts: [[TextRun]]) -> [TextRun] {
        parts.filter { !$0.isEmpty }.enumerated().flatMap { index, part in (index > 0 ? [TextRun("  ·  ")] : []) + part }
    }

    /// A clinic's own words in each language of the document; a name or address without
    /// Bangla is printed once, in English (it is a name, not a missing translation).
    func clinicText(_ text: LocalizedText) -> [TextRun] {
        let shown = mode.languages.map { language in text[language].map { ($0, language) } ?? (text.en, .en) }
        let distinct = shown.enumerated().filter { index, part in !shown[..<index].contains { $0.0 == part.0 } }.map(\.element)
        return distinct.enumerated().flatMap { index, part in
            (index > 0 ? [TextRun(" / ")] : []) + [TextRun(part.0, language: part.1.rawValue)]
        }
    }

    /// The clinic's logo, `height` points tall and at most four times as wide; nil without one.
    func clinicLogo(height: Double) -> (block: Block, width: Double)? {
        guard let clinic, let file = clinic.logo, let size = Self.pngSize(file) else { return nil }
        let scale = min(height / size.height, height * 4 / size.width)
        let placed = Size(width: size.width * scale, height: size.height * scale)
        let image = PlacedItem.image(Rect(x: 0, y: 0, width: placed.width, height: placed.height), file: file, gray: layout.grayscale)
        return (.drawing(DrawingBlock(size: placed, items: [image], alt: clinic.name.en, altLanguage: Language.en.rawValue)), placed.width)
    }

    /// `blocks` with the logo at their left, when there is one, in a column `width` wide.
    func besideLogo(_ logo: (block: Block, width: Double)?, _ blocks: [Block], width: Double) -> [Block] {
        guard let logo, !blocks.isEmpty else { return blocks }
        let gap = em(1)
        return [.row(RowBlock(columns: [[logo.block], blocks], weights: [logo.width, width - logo.width - gap], gap: gap))]
    }

    /// The clinic at the end of the handout, in a box kept whole: its name, where it is, when
    /// it is open and its numbers, each line in the document's language(s).
    func clinicBox() -> [Block] {
        guard let clinic else { return [] }
        let body = style(.body, after: em(metrics.itemGap))
        let name = StyledText(clinicText(clinic.name), style: style(.body, colour: .heading, bold: true, after: em(metrics.itemGap)),
                              role: .label)
        let lines = [clinic.address.map(clinicText) ?? [], clinic.hours.map(clinicText) ?? [], clinicNumbers(clinic)]
            .filter { !$0.isEmpty }
        let text = [Block.text(name)] + lines.map { .text(StyledText($0, style: body, role: .label)) }
        return [box(besideLogo(clinicLogo(height: millimetres(14)), text, width: bodyWidth), fill: .noteFill, stroke: .rule,
                    accent: false, keepTogether: true)]
    }

    /// "Call 999 now, or go to the nearest hospital", bold in the warning colour, for the
    /// urgent boxes; nothing when the clinic gave no emergency number.
    func callNow(_ label: Label = .callEmergency) -> [Block] {
        guard let number = clinic?.emergencyNumber else { return [] }
        let style = self.style(.body, colour: .warning, bold: true, after: em(metrics.fieldGap))
        return paired { language in
            [.text(StyledText([TextRun(self.labels.text(label, language, ["number": number]), language: language.rawValue)],
                              style: style, role: .label))]
        }
    }

    /// The width body content is set in.
    var bodyWidth: Double { pageTemplate(subtitle: .handout).body.width }

    /// The plan for blocks flowing on pages, with the warnings gathered while writing them.
    func plan(_ blocks: [Block], subtitle: Label, rules: [PlacementRule] = []) -> DocumentPlan {
        DocumentPlan(pagination: .pages(blocks, pageTemplate(subtitle: subtitle)),
                     title: documentTitle(subtitle), subject: labels.text(subtitle, .en),
                     rules: rules, diagnostics: diagnostics + layout.warnings)
    }

    // MARK: Pairing

    /// Blocks for each language: as they are in one language, or as one row of two columns.
    func paired(_ make: (Language) -> [Block]) -> [Block] {
        guard mode == .bilingual else { return make(mode.languages[0]) }
        let columns = mode.languages.map(make)
        let spacing = Spacing(before: columns.map { $0.first?.spacing.before ?? 0 }.max() ?? 0,
                              after: columns.map { $0.last?.spacing.after ?? 0 }.max() ?? 0)
        return [.row(RowBlock(columns: columns, weights: [layout.englishShare, 1 - layout.englishShare],
                              gap: layout.columnGap, spacing: spacing))]
    }

    // MARK: Blocks

    func heading(_ text: LocalizedText, level: Int = 1, colour: DocumentLayout.Swatch = .heading) -> [Block] {
        let role: DocumentLayout.Role = level == 0 ? .title : level == 1 ? .heading : .subheading
        let size = layout.size(role).size
        let style = self.style(role, colour: colour, bold: true, before: size * (level == 0 ? 0 : metrics.headingBefore),
                               after: size * metrics.headingAfter)
        var texts = mode.languages.map { styled(text, $0, style: style, role: .heading(level: level + 1)) }
        // Side by side, the pair is one bookmark, opened by the first.
        texts[0].bookmark = texts.map(\.plainText).joined(separator: " / ")
        for index in texts.indices.dropFirst() { texts[index].bookmarked = false }
        return paired { language in [.text(texts[self.mode.languages.firstIndex(of: language) ?? 0])] }
    }

    func paragraphs(_ texts: [LocalizedText], style: ParagraphStyle? = nil) -> [Block] {
        texts.flatMap { text in paired { [.text(self.styled(text, $0, style: style ?? self.paragraphStyle))] } }
    }

    /// A list whose items (and what they hold: paragraphs, sub-lists) each start level
    /// with their translation.
    func list(_ items: [ListItem], numbered: Bool, level: Int = 0, style: ParagraphStyle? = nil,
              indent: Double? = nil) -> [Block] {
        let indent = indent ?? (numbered ? markerIndent(count: items.count, size: bodySize, base: em(metrics.markerColumn))
                                         : em(metrics.markerColumn))
        let blocks = items.enumerated().flatMap { index, item in
            paired { [self.item(item.text, marker: self.marker(index, numbered: numbered, level: level, $0),
                                level: level, $0, style: style, indent: indent, keepWithNext: !item.blocks.isEmpty)] }
                + item.blocks.flatMap { inner -> [Block] in
                    switch inner {
                    case .list(let nested):
                        return list(nested.items, numbered: nested.numbered, level: level + 1, style: style, indent: indent)
                    case .paragraph(let text):
                        // A further paragraph of the item, under its text.
                        return paired { [self.item(text, marker: "", level: level, $0, style: style, indent: indent)] }
                    default:
                        return content(inner)
                    }
                }
        }
        // Sub-items sit in the same list, one level in.
        return level == 0 && !blocks.isEmpty ? [.list(blocks)] : blocks
    }

    func bullets(_ texts: [LocalizedText], style: ParagraphStyle? = nil) -> [Block] {
        list(texts.map { ListItem(text: $0, children: []) }, numbered: false, style: style)
    }

    func item(_ text: LocalizedText, marker: String, level: Int, _ language: Language,
              style: ParagraphStyle? = nil, indent: Double? = nil, keepWithNext: Bool = false) -> Block {
        let indent = indent ?? em(metrics.markerColumn)
        let style = style ?? itemStyle
        let markerStyle = ParagraphStyle(size: style.size, lineHeight: style.lineHeight, color: layout.colour(.heading),
                                         bold: true)
        return .item(ListItemBlock(marker: StyledText([TextRun(marker, language: Self.numeralLanguage(marker, language))],
                                                      style: markerStyle, role: .label),
                                   indent: indent, inset: Double(level) * indent,
                                   content: [.text(styled(text, language, style: style))],
                                   spacing: Spacing(after: style.spaceAfter), keepWithNext: keepWithNext))
    }

    /// Room for the markers of a list of `count` numbered items: `base` holds "99.";
    /// each further digit of the longest number widens it (10,000 items need "10000.").
    func markerIndent(count: Int, size: Double, base: Double) -> Double {
        base + size * metrics.digit * Double(max(0, String(count).count - 2))
    }

    /// A number written in Bangla digits is Bangla; Latin digits and bullets have no language.
    static func numeralLanguage(_ text: String, _ language: Language) -> String? {
        language == .bn && text.unicodeScalars.contains { (0x09E6...0x09EF).contains($0.value) } ? language.rawValue : nil
    }

    func marker(_ index: Int, numbered: Bool, level: Int, _ language: Language) -> String {
        numbered ? "\(language.digits(index + 1))." : (level == 0 ? "•" : "–")
    }

    func box(_ content: [Block], fill: DocumentLayout.Swatch, stroke: DocumentLayout.Swatch, accent: Bool,
             keepTogether: Bool, anchor: String? = nil) -> Block {
        let pad = em(metrics.boxPadding)
        let bar = accent ? em(metrics.accentBar) : 0
        let style = BoxStyle(padding: Insets(top: pad, right: pad, bottom: pad * 0.6, left: pad + bar),
                             fill: layout.colour(fill), stroke: layout.colour(stroke), lineWidth: accent ? 1.5 : 0.75,
                             accentBar: bar, keepTogether: keepTogether)
        return .box(BoxBlock(content: content, style: style,
                             spacing: Spacing(before: bodySize, after: bodySize), anchor: anchor))
    }
}
