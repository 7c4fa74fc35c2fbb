// How messages name characters, which characters never belong in article text, and the
// one composed form (NFC) text is compared and printed in.
import Foundation

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

extension String {
    /// The text in Unicode's composed form (NFC), so that one word is one sequence of
    /// characters however it was typed. Most text already is, and normalising through
    /// Foundation costs about 500 instructions a character: only text that may change is.
    public var composed: String { isCertainlyComposed ? self : precomposedStringWithCanonicalMapping }

    /// Empty or only white space. Looks no further than the first other character, where
    /// trimming a copy through Foundation would walk the whole text.
    public var isBlank: Bool { unicodeScalars.allSatisfy(\.properties.isWhitespace) }

    /// Unicode's quick check for NFC, for the characters articles are written in: true only
    /// when no character of the text can change. Below U+0300 there are no combining marks.
    /// In Bengali NFC changes only ড় ঢ় য় (split into letter and nukta), এ followed by the
    /// া or ৗ sign (joined into ো, ৌ), and marks out of order (a nukta goes before a hasanta).
    /// The dari, joiners and general punctuation (dashes, quotes, bullet) never change. Anything else
    /// is left to Foundation.
    var isCertainlyComposed: Bool {
        var previous: UInt32 = 0
        for scalar in unicodeScalars {
            let value = scalar.value
            switch value {
            case 0..<0x300: break
            case 0x09DC, 0x09DD, 0x09DF: return false
            case 0x09BE where previous == 0x09C7, 0x09D7 where previous == 0x09C7: return false
            case 0x09BC where previous == 0x09CD || previous == 0x09FE: return false
            case 0x09CD where previous == 0x09FE: return false
            case 0x0980...0x09FF, 0x0964, 0x0965, 0x200B...0x200D, 0x2010...0x2027, 0x2030...0x205E: break
            default: return false
            }
            previous = value
        }
        return true
    }
}
