// Text as the layout engine receives it: runs with emphasis, and one paragraph style.
import Diagnostics

/// A stretch of text with one look.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var color: Color?
    /// A web address the run links to; also lets the shaper break the run after `/`, `.` and the like.
    public var link: String?
    /// The language the run is written in (a BCP 47 code, "bn"): shaping gives Bangla its
    /// language, and the PDF says it. nil where text has no language (a bullet, a number).
    public var language: String?

    public init(_ text: String, bold: Bool = false, italic: Bool = false, color: Color? = nil, link: String? = nil,
                language: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.color = color
        self.link = link
        self.language = language
    }
}

/// What a piece of text is, for spacing rules and the PDF's structure.
public enum TextRole: Sendable, Hashable {
    case paragraph
    case heading(level: Int)
    case label
}

/// How a paragraph is set. Line pitch is fixed (size × lineHeight), so lines that mix
/// scripts keep an even rhythm.
public struct ParagraphStyle: Sendable, Hashable {
    public var size: Double
    public var lineHeight: Double
    public var color: Color
    public var bold: Bool
    public var spaceBefore: Double
    public var spaceAfter: Double
    public var centered: Bool

    public init(size: Double, lineHeight: Double = 1.5, color: Color = .black, bold: Bool = false,
                spaceBefore: Double = 0, spaceAfter: Double = 0, centered: Bool = false) {
        self.size = size
        self.lineHeight = lineHeight
        self.color = color
        self.bold = bold
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.centered = centered
    }

    /// Distance from one baseline to the next.
    public var pitch: Double { size * lineHeight }
}

/// A paragraph's text: its runs, its style, its role and where it came from.
public struct StyledText: Sendable, Hashable {
    public var runs: [TextRun]
    public var style: ParagraphStyle
    public var role: TextRole
    /// The article path of this text, so warnings can say where the problem is.
    public var source: String?
    public var location: SourceLocation?
    /// For a heading, the bookmark it opens: its own text when nil. A heading set beside its
    /// translation opens one bookmark for both ("English / Bangla"), so the second says none.
    public var bookmark: String?
    public var bookmarked = true
    /// The language the paragraph is in, when its writer says so (an English text standing
    /// in for a missing translation, behind a note in both languages).
    public var declaredLanguage: String?

    public init(_ runs: [TextRun], style: ParagraphStyle, role: TextRole = .paragraph,
                source: String? = nil, location: SourceLocation? = nil, language: String? = nil) {
        self.runs = runs
        self.style = style
        self.role = role
        self.source = source
        self.location = location
        self.declaredLanguage = language
    }

    public init(_ text: String, style: ParagraphStyle, role: TextRole = .paragraph) {
        self.init([TextRun(text)], style: style, role: role)
    }

    /// The characters a reader sees, runs joined.
    public var plainText: String { runs.map(\.text).joined() }

    /// The paragraph's language: the one its writer declares, else the one every run that
    /// declares one declares; nil for a line in several ("Date / তারিখ", one element in the
    /// PDF), which then has the document's language, and for text with none (a bullet).
    public var language: String? {
        if let declaredLanguage { return declaredLanguage }
        let declared = runLanguages
        return declared.count == 1 ? declared.first : nil
    }

    /// A line in several languages ("Date / তারিখ"), read in the document's.
    public var isInSeveralLanguages: Bool { declaredLanguage == nil && runLanguages.count > 1 }

    private var runLanguages: Set<String> { Set(runs.compactMap(\.language)) }
}
