// A shaper with fixed-width characters, shared by the test targets: layout checked exactly
// and without fonts, in the engine's own tests and in the documents' snapshots.
import Diagnostics
import LayoutEngine

/// Every character is half the font size wide; lines break greedily at spaces, and a word
/// wider than the line stays whole on a line of its own.
public final class FixedWidthShaper: TextShaper {
    public init() {}

    public func shape(_ text: StyledText, width: Double) -> any ShapedText {
        FixedWidthText(text, width: width)
    }
}

public final class FixedWidthText: ShapedText {
    public let text: StyledText
    public let lines: [ShapedLine]
    public let diagnostics: [Diagnostic] = []

    public init(_ text: StyledText, width: Double) {
        self.text = text
        self.lines = Self.wrap(text.plainText, advance: 0.5 * text.style.size, width: width)
    }

    /// Linked runs, measured at the fixed advance (scalars count as characters here).
    public func links(line index: Int) -> [(from: Double, to: Double, url: String)] {
        let line = lines[index].scalars, advance = 0.5 * text.style.size
        var offset = 0
        return text.runs.compactMap { run in
            defer { offset += run.text.unicodeScalars.count }
            let span = offset..<offset + run.text.unicodeScalars.count
            guard let url = run.link, span.overlaps(line) else { return nil }
            let start = max(span.lowerBound, line.lowerBound), end = min(span.upperBound, line.upperBound)
            return (Double(start - line.lowerBound) * advance, Double(end - line.lowerBound) * advance, url)
        }
    }

    /// Greedy word wrap. Scalar ranges cover the whole text: spaces at the end of a line
    /// belong to that line (as in Pango), but do not count in its width.
    static func wrap(_ string: String, advance: Double, width: Double) -> [ShapedLine] {
        struct Token { var isSpace: Bool; var start: Int; var characters: Int }
        var tokens: [Token] = []
        var offset = 0
        for character in string {
            let isSpace = character == " "
            if let last = tokens.last, last.isSpace == isSpace {
                tokens[tokens.count - 1].characters += 1
            } else {
                tokens.append(Token(isSpace: isSpace, start: offset, characters: 1))
            }
            offset += character.unicodeScalars.count
        }

        var lines: [ShapedLine] = []
        var lineStart = 0, lineWidth = 0.0, pendingSpace = 0.0, lineHasWord = false
        for token in tokens {
            let tokenWidth = Double(token.characters) * advance
            if token.isSpace {
                pendingSpace += tokenWidth
                continue
            }
            if lineHasWord && lineWidth + pendingSpace + tokenWidth > width + 1e-9 {
                lines.append(ShapedLine(width: lineWidth, scalars: lineStart..<token.start))
                lineStart = token.start
                lineWidth = tokenWidth
            } else {
                lineWidth += pendingSpace + tokenWidth
            }
            pendingSpace = 0
            lineHasWord = true
        }
        lines.append(ShapedLine(width: lineWidth, scalars: lineStart..<offset))
        return lines
    }
}

// MARK: - Pages

/// A page whose body is `bodyWidth` × `bodyHeight` at (10, 30), with 30 pt top and bottom
/// margins, bands 5 pt from the body and a 5 pt safe margin.
