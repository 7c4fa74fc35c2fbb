// Text made ready for Pango: which stretches are in Bangla script (they get the Bengali
// font, dari included) and which of them are Bangla by the language their run declares
// (they get the `bn` language; Bangla script in a run declared English does not), no break before a dari, and, only for words too
// wide for their line, break points at safe syllable boundaries. Offsets into the
// prepared text map back to the original, so lines report the caller's offsets.
import LayoutEngine

struct PreparedText {
    /// A stretch of the prepared text, in scalar offsets.
    struct Span {
        var range: Range<Int>
        var run: TextRun?
    }

    private(set) var scalars: [Unicode.Scalar] = []
    /// For each prepared scalar, the offset of the original scalar it stands for.
    private(set) var origin: [Int] = []
    private(set) var runs: [Span] = []
    /// Stretches of Bangla script: the Bengali font covers them.
    private(set) var banglaSpans: [Range<Int>] = []
    /// Of those, the ones whose runs are Bangla (or say no language): the `bn` language.
    private(set) var banglaLanguageSpans: [Range<Int>] = []
    /// Compounds ("life-threatening", "EU/EEA"): kept on one line, as readers with little
    /// schooling read a split word poorly (and text extraction would join it wrongly).
    private(set) var compounds: [Range<Int>] = []

    static let zeroWidthSpace: Unicode.Scalar = "\u{200B}"
    /// What joins the parts of a compound.
    static let joining: Set<Unicode.Scalar> = ["-", "/"]

    /// `breakable`: original offsets before which a zero-width space may be inserted.
    init(_ text: StyledText, breakable: Set<Int> = []) {
        var offset = 0
        for run in text.runs {
            let start = scalars.count
            let runScalars = Array(run.text.unicodeScalars)
            for (index, scalar) in runScalars.enumerated() {
                if breakable.contains(offset) { append(Self.zeroWidthSpace, origin: offset) }
                let next = index + 1 < runScalars.count ? runScalars[index + 1] : nil
                // A space before a dari would let a line start with it: hold the two together.
                let isSpaceBeforeDari = scalar == " " && next.map(Script.isDari) == true
                // A tab (typed into a patient's details) is a space: no font draws one, and
                // paragraphs have no tab stops.
                append(isSpaceBeforeDari ? "\u{00A0}" : scalar == "\t" ? " " : scalar, origin: offset)
                offset += 1
            }
            runs.append(Span(range: start..<scalars.count, run: run))
        }
        banglaSpans = Script.banglaSpans(in: scalars)
        let otherLanguages = runs.filter { $0.run?.language.map { $0 != "bn" } ?? false }.map(\.range)
        banglaLanguageSpans = banglaSpans.filter { span in !otherLanguages.contains { $0.overlaps(span) } }
        // `breakable` holds original offsets, compounds are found in the prepared text:
        // every zero-width space inserted before them shifts the two apart.
        let mustBreak = breakable.isEmpty ? [] : Set(origin.indices.filter { breakable.contains(origin[$0]) })
        compounds = Self.compounds(in: scalars, except: mustBreak, links: runs.filter { $0.run?.link != nil }.map(\.range))
    }

    /// Words with a hyphen or a slash between two letters or digits ("ACE2-তে", "EU/EEA"),
    /// unless they are links or must break (hold a prepared offset of `breakable`).
    static func compounds(in scalars: [Unicode.Scalar], except breakable: Set<Int>, links: [Range<Int>]) -> [Range<Int>] {
        guard scalars.contains(where: { Self.joining.contains($0) }) else { return [] }
        func wordCharacter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        var result: [Range<Int>] = []
        var start = 0
        for end in 0...scalars.count where end == scalars.count || scalars[end].properties.isWhitespace {
            let word = start..<end
            let hyphenated = word.dropFirst().dropLast().contains { index in
                Self.joining.contains(scalars[index]) && wordCharacter(scalars[index - 1]) && wordCharacter(scalars[index + 1])
            }
            // (An empty set first: checking a range against one hashes every offset in it.)
            if hyphenated, breakable.isEmpty || breakable.isDisjoint(with: word), !links.contains(where: { $0.overlaps(word) }) {
                result.append(word)
            }
            start = end + 1
        }
        return result
    }

    private mutating func append(_ scalar: Unicode.Scalar, origin offset: Int) {
        scalars.append(scalar)
        origin.append(offset)
    }

    /// The text in UTF-8, NUL-terminated, and where each scalar starts (and the end), in one pass.
    func utf8() -> (text: [CChar], byteOffsets: [Int]) {
        var utf8: [CChar] = []
        var byteOffsets = [0]
        utf8.reserveCapacity(scalars.count * 3)
        byteOffsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars {
            UTF8.encode(scalar) { utf8.append(CChar(bitPattern: $0)) }
            byteOffsets.append(utf8.count)
        }
        utf8.append(0)
        return (utf8, byteOffsets)
    }

    /// How many scalars the original text has: its last one stands at the end of `origin`.
    var originalCount: Int { origin.last.map { $0 + 1 } ?? 0 }

    /// The original offset for a prepared offset (the end maps to the end).
    func originalOffset(_ prepared: Int) -> Int {
        prepared < origin.count ? origin[prepared] : originalCount
    }
}

enum Script {
    static func isBangla(_ s: Unicode.Scalar) -> Bool {
        (0x0980...0x09FF).contains(s.value) || isDari(s)
    }

    static func isDari(_ s: Unicode.Scalar) -> Bool { s.value == 0x0964 || s.value == 0x0965 }

    static func isJoiner(_ s: Unicode.Scalar) -> Bool { s.value == 0x200C || s.value == 0x200D }

    /// A letter or digit of another script: it ends a Bangla stretch.
    static func isOtherStrong(_ s: Unicode.Scalar) -> Bool {
        // Most of it is ASCII: answer that by number, not by a Unicode property lookup.
        if s.isASCII { return ("0"..."9").contains(s) || ("A"..."Z").contains(s) || ("a"..."z").contains(s) }
        return !isBangla(s) && !isJoiner(s) && (s.properties.isAlphabetic || s.properties.numericType != nil)
    }

    /// What may close a Bangla word: stops, commas, closing brackets.
    static let closing: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'", "\"", "\u{2019}", "\u{201D}"]

    /// Stretches that start and end with Bangla; spaces, punctuation and joiners between
    /// Bangla letters belong to them, so a Bangla sentence is one run in one font.
    static func banglaSpans(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var start: Int?, lastBangla = 0
        for (index, scalar) in scalars.enumerated() {
            if isBangla(scalar) {
                if start == nil { start = index }
                lastBangla = index
            } else if isOtherStrong(scalar), let open = start {
                spans.append(open..<lastBangla + 1)
                start = nil
            }
        }
        if let open = start { spans.append(open..<lastBangla + 1) }
        // Joiners next to a span are part of its shaping. The punctuation and spaces after it
        // are its too, so a Bangla word is drawn with what closes it and its text comes back
        // as written whatever follows ("মার্চ 2020", not "মার্চ2020" in PDFium); punctuation
        // run on into Latin ("চিত্র.33") stays with the Latin.
        return spans.map { span in
            var upper = span.upperBound
            while upper < scalars.count, isJoiner(scalars[upper]) { upper += 1 }
            var closed = upper
            while closed < scalars.count, closing.contains(scalars[closed]) { closed += 1 }
            if closed == scalars.count || scalars[closed] == " " { upper = closed }
            while upper < scalars.count, scalars[upper] == " " { upper += 1 }
            return span.lowerBound..<upper
        }
    }

    /// Offsets inside `word` (original scalar offsets from `start`) where a line may break
    /// without tearing a syllable: between grapheme clusters, never after a hasanta or a
    /// joiner, never before a mark, khanda ta or dari.
    static func syllableBreaks(in word: Substring, startingAt start: Int) -> [Int] {
        var breaks: [Int] = []
        var offset = start
        var previous: Character?
        for character in word {
            if let previous, allowsBreak(between: previous, and: character) { breaks.append(offset) }
            offset += character.unicodeScalars.count
            previous = character
        }
        return breaks
    }

    static func allowsBreak(between a: Character, and b: Character) -> Bool {
        guard let last = a.unicodeScalars.last, let first = b.unicodeScalars.first else { return false }
        if last.value == 0x09CD || isJoiner(last) { return false }
        if isDari(first) || first.value == 0x09CE { return false }
        switch first.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return false
        default: return true
        }
    }
}
