// The catalogue of hostile and broken input (issue 7): each case with the exact outcome
// it must have — a clear error naming the place and the fix, or a correct render with a
// warning. Nothing may crash, hang, lose words or draw outside the margins.
import Diagnostics
import Foundation
import HandoutKit
import TestSupport
import Testing

@Suite("Hostile input", .serialized)
struct HostileInputTests {
    // MARK: Articles built around one hostile value

    /// A small valid article; `extra` is appended at the top level (a section or references).
    static func article(_ extra: String = "") -> String {
        """
        slug: hostile
        canonical_url: https://example.org/hostile/
        last_reviewed: 2025-04-14
        version: "1.0"
        title:
          en: Hostile input
          bn: কঠিন ইনপুট
        disclaimer:
          en: Not medical advice.
          bn: চিকিৎসা পরামর্শ নয়।
        warning_signs:
          items:
            - en: Sudden weakness of the face
              bn: হঠাৎ মুখ দুর্বল হয়ে যাওয়া

        """ + extra
    }

    /// The `types` section holding `items` (YAML list lines, indented four spaces).
    static func types(_ items: String) -> String {
        article("types:\n  title:\n    en: Types\n    bn: ধরন\n  items:\n" + items)
    }

    /// One list item; `en` and `bn` are written as YAML double-quoted scalars.
    static func item(_ en: String, _ bn: String = "ধরন") -> String {
        "    - en: \"\(en)\"\n      bn: \"\(bn)\"\n"
    }

    static func load(_ text: String, file: String = "hostile.yaml") throws(DiagnosticError) -> Article {
        try ArticleLoader.load(data: Data(text.utf8), file: file).article
    }

    /// The one error loading `text` gives.
    static func loadError(_ text: String, file: String = "hostile.yaml",
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        do {
            _ = try load(text, file: file)
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            try #require(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
            return errors[0]
        }
        Issue.record("the article loaded", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    /// Renders `article`, writes the PDF, and checks it as a reader would: qpdf finds no
    /// problem, every word of `languages` comes back from pdftotext, no word lies outside
    /// the printable area. Returns the render and the extracted text.
    /// `except` names words the caller checks itself (one too long to find whole between
    /// running headers, or letters no shipped font has, which print as boxes).
    @discardableResult
    static func renderAndRead(_ article: Article, mode: LanguageMode = .en, except: (String) -> Bool = { _ in false },
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Rendered, String) {
        let rendered = try Sample.withPublisher { try $0.render(article, options: RenderOptions(mode: mode)) }
        let file = Sample.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).pdf")
        try rendered.pdf.write(to: file)
        let check = try Sample.run("qpdf", ["--check", file.path])
        #expect(check.status == 0, "\(check.stdout)", sourceLocation: sourceLocation)
        let text = try Sample.run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).stdout
        let found = Set(Words.normalised(text)), flat = Words.flat(text)
        for language in mode.languages {
            let missing = Words.article(article, language).filter { !except($0) && !found.contains($0) && !flat.contains($0) }
            let shown = missing.prefix(10).map { $0.unicodeScalars.prefix(60).map(\.described) }
            #expect(missing.isEmpty, "\(language): missing \(shown)", sourceLocation: sourceLocation)
        }
        let pages = BoundingBoxes.parse(try Sample.run("pdftotext", ["-bbox", file.path, "-"]).stdout)
        #expect(pages.count == rendered.pageCount, sourceLocation: sourceLocation)
        let outside = pages.flatMap { $0.outside() }
        #expect(outside.isEmpty, "outside the margins: \(outside.prefix(5).map(\.text))", sourceLocation: sourceLocation)
        return (rendered, text)
    }

    /// Arabic letters, emoji and Chinese: scripts the shipped fonts do not cover.
    static func hasUncovered(_ word: String) -> Bool {
        word.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) || $0.value >= 0x4E00 }
    }

    static func warnings(_ rendered: Rendered, containing phrase: String) -> [Diagnostic] {
        rendered.warnings.filter { $0.severity == .warning && $0.message.contains(phrase) }
    }

    /// Line and character column (1-based) where `needle` starts in `text`.
    static func place(of needle: String, in text: String) throws -> (line: Int, column: Int) {
        let range = try #require(text.range(of: needle))
        let before = text[..<range.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? text.startIndex
        return (before.filter { $0 == "\n" }.count + 1, text[lineStart..<range.lowerBound].count + 1)
    }

    // MARK: Size

    @Test func aWordOf100000CharactersIsBrokenAcrossLinesWithAShortWarning() throws {
        let word = String(repeating: "a", count: 100_000)
        let source = Self.types(Self.item(word))
        let (rendered, text) = try Self.renderAndRead(try Self.load(source), except: { $0 == word })
        #expect(Words.flat(text).filter { $0 == "a" }.count >= 100_000)
        let warning = try #require(Self.warnings(rendered, containing: "wider than its line").first)
        #expect(warning.message.count < 200, "the warning quotes the start of the word, not all of it")
        #expect(warning.subject == "types.items[0]")
        #expect(warning.location?.line == (try Self.place(of: "- en: \"aaa", in: source)).line)
    }

    @Test func aURLOf2000CharactersWrapsInsideTheMarginsAndStaysOneLink() throws {
        let url = "https://example.org/" + String(repeating: "x", count: 1_980)
        let article = try Self.load(Self.article("references:\n  - \(url)\n"))
        let (rendered, text) = try Self.renderAndRead(article)
        #expect(Words.flat(text).contains(url.lowercased()))
        #expect(Self.warnings(rendered, containing: "wider than its line").isEmpty, "a link is broken without a warning")
    }

    @Test func tenThousandListItemsAllPrintInOrderWithRoomForTheirNumbers() throws {
        let items = (1...10_000).map { Self.item("Entry \($0) end") }.joined()
        let article = try Self.load(Self.types(items))
        let (rendered, text) = try Self.renderAndRead(article)
        #expect(rendered.warnings.isEmpty, "\(rendered.warnings.prefix(3))")
        let numbers = text.matches(of: /Entry (\d+) end/).compactMap { Int($0.1) }
        #expect(numbers == Array(1...10_000))
    }

    @Test func listsNested50DeepAreAnErrorAtTheFourthLevel() throws {
        var lines = "", indent = "    "
        for level in 0..<50 {
            lines += "\(indent)- en: level \(level)\n\(indent)  bn: স্তর\n\(indent)  items:\n"
            indent += "    "
        }
        lines += "\(indent)- en: bottom\n\(indent)  bn: নিচে\n"
        let text = Self.types(lines)
        let error = try Self.loadError(text)
        #expect(error.message.contains("at most 3 levels deep"))
        #expect(error.subject == "types.items[0].items[0].items[0].items")
        #expect(error.location?.line == (try Self.place(of: "- en: level 3", in: text)).line)
        #expect(error.hint == "flatten this list into its parent")
    }

    @Test func a50MBFileIsRefusedBeforeItIsParsed() throws {
        let file = Sample.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).yaml")
        var data = Data(Self.article().utf8)
        data.append(Data(repeating: UInt8(ascii: "#"), count: 50 * 1_048_576))
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let error = try #require(throws: DiagnosticError.self) { try ArticleLoader.load(path: file.path) }.diagnostics.first
        #expect(error?.message == "the file is 52 MB; the most Handout reads is 5 MB")
        #expect(error?.location == SourceLocation(file: file.path, line: 1, column: 1))
    }

    /// "Billion laughs" within the allowed nesting: 100 × 100 × 100 items from a 40 kB file.
    @Test func anAliasBombStopsAtTheValueLimitWithOneError() throws {
        let leaf = "{en: a, bn: ক}"
        let level3 = "[" + Array(repeating: leaf, count: 100).joined(separator: ", ") + "]"
        let level2 = "\n      - {en: b, bn: খ, items: &l1 \(level3)}"
            + String(repeating: "\n      - {en: b, bn: খ, items: *l1}", count: 99)
        let items = "    - en: c\n      bn: গ\n      items: &l2\(level2)\n"
            + String(repeating: "    - {en: c, bn: গ, items: *l2}\n", count: 99)
        let text = Self.types(items)
        #expect(text.utf8.count < 60_000)
        let error = try Self.loadError(text)
        #expect(error.message == "the file unfolds into more than 200000 values (aliases repeating aliases?)")
        #expect(error.hint == "write the content out plainly; articles need no anchors or aliases")
        #expect(error.location?.file == "hostile.yaml")
    }

    // MARK: Characters

    /// Raw control characters in the file: libyaml refuses them; the error says where.
    @Test(arguments: [("\u{07}", "U+0007"), ("\u{1B}", "U+001B"), ("\u{7F}", "U+007F"), ("\u{FFFE}", "U+FFFE")])
    func aRawInvisibleCharacterIsNamedAtItsPlace(character: String, code: String) throws {
        let text = Self.types(Self.item("bell \(character) here"))
        let error = try Self.loadError(text)
        #expect(error.message.hasPrefix("the text holds the invisible character \(code)"))
        let at = try Self.place(of: "bell", in: text)
        #expect(error.location == SourceLocation(file: "hostile.yaml", line: at.line, column: at.column + 5))
        #expect(error.hint?.hasPrefix("delete it") == true)
    }

    /// Escaped into a quoted scalar, they pass libyaml: the loader refuses them, naming the value.
    @Test(arguments: [("\\0", "U+0000"), ("\\x08", "U+0008"), ("\\u0085", "U+0085"), ("\\uFFFF", "U+FFFF")])
    func anEscapedInvisibleCharacterIsNamedWithItsValue(escape: String, code: String) throws {
        let text = Self.types(Self.item("before\(escape)after"))
        let error = try Self.loadError(text)
        #expect(error.message.hasPrefix("the text holds the invisible character \(code)"))
        #expect(error.subject == "types.items[0].en")
        #expect(error.location?.line == (try Self.place(of: "before", in: text)).line)
    }

    @Test func invalidUTF8IsNamedAtTheBadByte() throws {
        let text = Self.types(Self.item("bad BYTES"))
        var data = Data(text.utf8)
        let at = try #require(data.firstRange(of: Data("BYTES".utf8)))
        data.replaceSubrange(at, with: [0xFF, 0xFE, 0xC3, 0x28])
        let place = try Self.place(of: "BYTES", in: text)
        let error = try #require(throws: DiagnosticError.self) {
            try ArticleLoader.load(data: data, file: "hostile.yaml")
        }.diagnostics.first
        #expect(error?.message == "the file is not valid UTF-8 text")
        #expect(error?.location == SourceLocation(file: "hostile.yaml", line: place.line, column: place.column))
    }

    @Test func aLoneSurrogateEscapeIsAnErrorAtItsPlace() throws {
        let text = Self.types(Self.item("lone \\uD800 half"))
        let error = try Self.loadError(text)
        #expect(error.message.contains("invalid Unicode character escape"))
        #expect(error.location?.line == (try Self.place(of: "lone", in: text)).line)
    }

    /// Real letters built from many characters still print: a Bangla conjunct of three
    /// consonants with a vowel, joiner-built emoji, two stacked accents.
    @Test func lettersWithSeveralMarksAndJoinersPrintWithoutLoss() throws {
        let article = try Self.load(Self.types(Self.item("e\u{0301}\u{0323} family 👨\u{200D}👩\u{200D}👧", "স্বাস্থ্য ক্ষ্ম্য")))
        #expect(article.allTexts.contains { $0[.bn]?.plainText.contains("ক্ষ্ম্য") == true })
        try Self.renderAndRead(article, mode: .bilingual, except: { $0.unicodeScalars.contains { $0.value >= 0x1F000 } })
    }

    /// "Zalgo" text: thousands of marks or joiners on one letter, which no font draws, no line
    /// can break and no PDF text keeps, in any script.
    @Test(arguments: [("e", "\u{0301}", 2_000), ("ক", "\u{09BF}", 3_000), ("x", "\u{200D}", 5_000), ("ক", "\u{200C}", 40)])
    func aLetterBuiltFromThousandsOfMarksOrJoinersIsAnError(base: String, mark: String, count: Int) throws {
        let text = Self.types(Self.item("Zalgo \(base)" + String(repeating: mark, count: count) + " end"))
        let error = try Self.loadError(text)
        #expect(error.message.hasPrefix("one letter here is built from \(count + 1) characters"), "\(error.message)")
        #expect(error.subject == "types.items[0].en")
        #expect(error.location?.line == (try Self.place(of: "Zalgo", in: text)).line)
    }

    @Test func urduInsideABanglaParagraphPrintsTheBanglaAndNamesTheUncoveredLetters() throws {
        let bangla = "রোগীর নাম اردو متن লিখুন এবং العربية আবার বাংলা।"
        let article = try Self.load(Self.types(Self.item("Write the name", bangla)))
        let (rendered, text) = try Self.renderAndRead(article, mode: .bn, except: Self.hasUncovered)
        for word in ["রোগীর", "লিখুন", "আবার", "বাংলা"] { #expect(Words.flat(text).contains(word)) }
        let missing = Self.warnings(rendered, containing: "no shipped font has")
        #expect(missing.count == 1, "one warning for the passage, not one per letter")
        #expect(missing.first?.message.contains("U+0627 ARABIC LETTER ALEF") == true)
        #expect(missing.first?.subject == "types.items[0]")
    }

    @Test func emojiAndUncoveredScriptsAreNamedInOneWarning() throws {
        let article = try Self.load(Self.types(Self.item("Smile 😀 and 中文 here")))
        let (rendered, text) = try Self.renderAndRead(article, except: Self.hasUncovered)
        #expect(Words.flat(text).contains("smile"))
        let missing = Self.warnings(rendered, containing: "no shipped font has")
        #expect(missing.count == 1)
        let message = try #require(missing.first?.message)
        for name in ["U+1F600 GRINNING FACE", "U+4E2D CJK UNIFIED IDEOGRAPH-4E2D", "U+6587"] {
            #expect(message.contains(name), "\(message)")
        }
        #expect(message.hasSuffix("they print as boxes"))
    }

    // MARK: Empty and malformed files

    @Test(arguments: ["", "\n\n", "# only a comment\n"])
    func anEmptyArticleIsAnError(text: String) throws {
        let error = try Self.loadError(text)
        #expect(error.message == "the article file is empty")
        #expect(error.hint == "start from articles/hemifacial-spasm.yaml")
    }

    @Test(arguments: ["{}\n", "[]\n", "~\n", "just words\n"])
    func anArticleThatIsNotAMappingNamesWhatIsMissing(text: String) throws {
        do {
            _ = try Self.load(text)
            Issue.record("loaded")
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(!messages.isEmpty)
            #expect(messages.allSatisfy { $0.contains("missing required field") || $0.contains("expected") }, "\(messages)")
            #expect(error.diagnostics.allSatisfy { $0.location?.line == 1 })
        }
    }

    // MARK: Layout files

    /// Every size in every shipped layout, set to zero and to a negative number, is refused
    /// at its place with the allowed range.
    @Test(arguments: ["handout", "checklist", "diary-week", "diary-month", "summary", "roadmap", "card"])
    func zeroAndNegativeLayoutSizesAreErrorsAtTheirPlace(layout: String) throws {
        let path = Sample.root.appendingPathComponent("layouts/\(layout).yaml").path
        let shipped = try String(contentsOfFile: path, encoding: .utf8)
        let numbers = try Regex(#"(?<key>[a-z_]+): *(?<value>[0-9]+(\.[0-9]+)?)(?=[,} \n])"#)
        let matches = shipped.matches(of: numbers).filter { match in   // not the numbers in comments
            !shipped[..<match.range.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).last!.contains("#")
        }
        #expect(matches.count >= 10, "\(layout) has sizes to break")
        for match in matches {
            for bad in ["0", "-4"] {
                var text = shipped
                text.replaceSubrange(match["value"]!.range!, with: bad)
                let file = Sample.temporaryDirectory.appendingPathComponent("\(layout)-\(UUID().uuidString).yaml")
                try Data(text.utf8).write(to: file)
                let key = String(match["key"]!.substring!)
                let definition = try #require(DocumentKind(rawValue: layout)).definition
                do {
                    _ = try DocumentLayout.load(path: file.path, sections: definition.sections, required: definition.requiredSections)
                    Issue.record("\(layout): \(key): \(bad) was accepted")
                } catch {
                    let first = try #require(error.diagnostics.first)
                    #expect(first.message == "\(bad) is out of range", "\(layout) \(key): \(first)")
                    #expect(first.subject?.hasSuffix(key) == true, "\(layout) \(key): \(first)")
                    #expect(first.hint?.hasPrefix("use a value from") == true)
                }
            }
        }
    }

    // MARK: Where the output goes

    /// `handout` as given user: root writes anywhere, so the folder test drops to 'nobody'.
    static func handoutAs(nobody: Bool, _ arguments: [String]) throws -> Sample.Result {
        guard nobody else { return try ValidateTests.handout(arguments) }
        return try Sample.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups",
                                                   CommandLineTests.executable] + arguments, directory: Sample.root)
    }

    @Test func anUnwritableOutputFolderIsAnErrorThatLeavesNothing() throws {
        let folder = Sample.temporaryDirectory.appendingPathComponent("read-only-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        let asRoot = geteuid() == 0
        let result = try Self.handoutAs(nobody: asRoot, ["render", Sample.articlePath, "--lang", "en",
                                                         "-o", folder.appendingPathComponent("out.pdf").path])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("error: cannot write to the folder '\(folder.path)': Permission denied"), "\(result.stderr)")
        #expect(result.stderr.contains("hint: choose a folder you can write to with -o"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aFullDiskIsAnErrorAndTheDeviceIsLeftAsItWas() throws {
        let result = try ValidateTests.handout(["render", Sample.articlePath, "--lang", "en", "-o", "/dev/full"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: cannot write '/dev/full': No space left on device"), "\(result.stderr)")
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial, "the device must never be replaced by a file")
    }

    @Test func anOutputLinkIsFollowedAndALinkLoopIsAnError() throws {
        let folder = try PackTests.freshFolder("links")
        let target = folder.appendingPathComponent("real.pdf"), link = folder.appendingPathComponent("link.pdf")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.pdf")
        let made = try ValidateTests.handout(["render", Sample.articlePath, "--doc", "card", "-o", link.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.pdf")
        #expect(FileManager.default.fileExists(atPath: target.path))
        let one = folder.appendingPathComponent("one.pdf"), two = folder.appendingPathComponent("two.pdf")
        try FileManager.default.createSymbolicLink(atPath: one.path, withDestinationPath: "two.pdf")
        try FileManager.default.createSymbolicLink(atPath: two.path, withDestinationPath: "one.pdf")
        let looped = try ValidateTests.handout(["render", Sample.articlePath, "--doc", "card", "-o", one.path])
        #expect(looped.status == 1)
        #expect(looped.stderr.contains("is a symbolic link that leads round in a loop"), "\(looped.stderr)")
    }

    @Test func aSymlinkLoopInAnArticlesFolderIsSkippedAndTheRestIsPacked() throws {
        let articles = try PackTests.freshFolder("loop-articles")
        try FileManager.default.copyItem(atPath: Sample.articlePath, toPath: articles.appendingPathComponent("hemifacial-spasm.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("a.yaml").path, withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("b.yaml").path, withDestinationPath: "a.yaml")
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("self").path, withDestinationPath: ".")
        let output = try PackTests.freshFolder("loop-pack")
        let result = try PackTests.pack([articles.path], into: output, options: ["--docs", "card", "--lang", "en", "--jobs", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(PackTests.files(in: output).sorted() == ["hemifacial-spasm/card-en-a4.pdf", "manifest.json", "pack-a4.pdf"])

        let direct = try ValidateTests.handout(["render", articles.appendingPathComponent("a.yaml").path])
        #expect(direct.status == 1)
        #expect(direct.stderr.contains("its symbolic links lead round in a loop"), "\(direct.stderr)")
    }
}
