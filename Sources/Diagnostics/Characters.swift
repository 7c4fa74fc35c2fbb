// How messages name characters, and which characters never belong in article text.

extension Unicode.Scalar {
    /// "U+1F600 GRINNING FACE": a character as a message names it (controls have no name).
    public var described: String {
        let hex = String(value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if let name = properties.name { return "\(code) \(name)" }
        return properties.generalCategory == .control ? "\(code) (a control character)" : code
    }

    /// Control characters other than tab and line break, and Unicode's noncharacters:
    /// they print nothing, so in an article they are debris from copying, never content.
    public var isStray: Bool {
        // By number, not by Unicode property lookup: every character of every file passes here.
        switch value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true                   // the control characters (Cc)
        case 0xFDD0...0xFDEF: return true                             // noncharacters
        default: return value & 0xFFFE == 0xFFFE                      // U+FFFE, U+FFFF, U+1FFFE …
        }
    }
}

extension String {
    /// Unicode's stream-safe limit is 30 marks in a row; real letters (ক্ষ্ম্য, a family
    /// emoji) are built from far fewer characters than this.
    public static let maximumLetterLength = 32

    /// The characters of the longest letter (grapheme cluster), if one is built from more
    /// than `maximumLetterLength`: "Zalgo" text piles thousands of marks or joiners on one
    /// letter, which no font draws, no line can break and a PDF's text cannot keep.
    public var overlongLetter: Int? {
        // Every character a letter adds to its first is outside ASCII, so a letter can only
        // be long inside a long run of such characters: look at letters only then.
        var run = 0, longestRun = 0
        for scalar in unicodeScalars {
            run = scalar.isASCII ? 0 : run + 1
            longestRun = max(longestRun, run)
        }
        guard longestRun >= Self.maximumLetterLength else { return nil }
        let longest = reduce(0) { longest, letter in max(longest, letter.unicodeScalars.count) }
        return longest > Self.maximumLetterLength ? longest : nil
    }
}
