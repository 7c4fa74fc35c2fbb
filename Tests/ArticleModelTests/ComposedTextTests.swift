// Text is kept in its composed form (NFC). `composed` skips Foundation's normalisation when
// Unicode's quick check says nothing can change: checked against Foundation on real text.
import Foundation
import Testing
@testable import Diagnostics

@Suite struct ComposedTextTests {
    static let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpora")

    /// TICO-19's English and Bangla sentences and HarfBuzz's Bengali test strings, line by line.
    static var lines: (english: [String], bangla: [String]) {
        var english: [String] = [], bangla: [String] = []
        if let tsv = try? String(contentsOf: corpora.appendingPathComponent("tico19-en-bn.tsv"), encoding: .utf8) {
            for row in tsv.split(separator: "\n").dropFirst() {
                let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
                guard columns.count == 4 else { continue }
                english.append(String(columns[2]))
                bangla.append(String(columns[3]))
            }
        }
        let lists = FileManager.default.enumerator(at: corpora.appendingPathComponent("harfbuzz-bengali"), includingPropertiesForKeys: nil)
        while let file = lists?.nextObject() as? URL {
            guard file.pathExtension == "txt", let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            bangla += text.split(separator: "\n").map(String.init)
        }
        return (english, bangla)
    }

    @Test func composedIsFoundationsNFCOnRealText() throws {
        let (english, bangla) = Self.lines
        try #require(english.count > 1000 && bangla.count > 1000, "the corpora in ../shared/corpora")
        for line in english + bangla {
            #expect(Array(line.composed.unicodeScalars) == Array(line.precomposedStringWithCanonicalMapping.unicodeScalars), "\(line)")
        }
        // The point of it: text already composed is nearly always recognised as such. (Two
        // thirds of TICO-19's Bangla lines are not: they type য় as one character.)
        for (name, lines) in [("English", english), ("Bangla", bangla)] {
            let unchanged = lines.filter { Array($0.precomposedStringWithCanonicalMapping.unicodeScalars) == Array($0.unicodeScalars) }
            let recognised = unchanged.filter(\.isCertainlyComposed).count
            #expect(unchanged.count > 500 && recognised * 100 > unchanged.count * 95, "\(name): \(recognised) of \(unchanged.count) composed lines")
        }
    }

    @Test(arguments: [
        ("\u{09DC}", "ড় as one character: NFC splits it into ড and the nukta"),
        ("ক\u{09C7}\u{09BE}", "the e and aa signs: NFC joins them into ো"),
        ("ক\u{09C7}\u{09D7}", "the e sign and the au length mark: NFC joins them into ৌ"),
        ("ক\u{09CD}\u{09BC}", "hasanta before nukta: NFC puts the nukta first"),
        ("Cafe\u{0301}", "a combining accent"),
        ("\u{2000}", "a space NFC replaces"),
    ])
    func textThatMayChangeIsNormalised(text: String, why: String) {
        #expect(!text.isCertainlyComposed, "\(why)")
        #expect(Array(text.composed.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func textThatCannotChangeIsKeptAsItIs() {
        for text in ["Hemifacial spasm – a “twitch”…", "ড\u{09BC}", "কো", "রোগী ভালো আছেন।", "ক্\u{200D}ষ"] {
            #expect(text.isCertainlyComposed, "\(text)")
            #expect(Array(text.composed.unicodeScalars) == Array(text.unicodeScalars))
        }
    }
}
