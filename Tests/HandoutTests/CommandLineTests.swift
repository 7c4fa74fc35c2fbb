// The `handout` command as a user meets it: help, exit codes, clear errors that name
// the file, line and column, and no output file created or damaged on failure.
import Foundation
import TestSupport
import Testing
import HandoutKit

@Suite struct CommandLineTests {
    /// The `handout` executable built beside this test bundle.
    static let executable: String = {
        let bundle = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
        let beside = bundle.deletingLastPathComponent().appendingPathComponent("handout")
        return FileManager.default.isExecutableFile(atPath: beside.path)
            ? beside.path : Sample.root.appendingPathComponent(".build/debug/handout").path
    }()

    func handout(_ arguments: [String]) throws -> Sample.Result {
        try Sample.run(Self.executable, arguments, directory: Sample.root)
    }

    /// A fresh folder with `name` holding `text`.
    func file(_ name: String, _ contents: Data) throws -> String {
        let folder = Sample.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    /// The sample article with the first match of the pattern `old` replaced, to seed one
    /// problem; returns the file and the line where the match began.
    func brokenSample(replacing old: String, with new: String) throws -> (path: String, line: Int) {
        let text = try String(contentsOfFile: Sample.articlePath, encoding: .utf8)
        let match = try #require(text.firstMatch(of: try Regex(old)))
        let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
        return (try file("article.yaml", Data(text.replacingCharacters(in: match.range, with: new).utf8)), line)
    }

    static let titleBlock = #"title:\n  en: .*\n  bn: .*\n"#

    @Test func helpExplainsTheRenderCommand() throws {
        let top = try handout(["--help"])
        #expect(top.status == 0)
        #expect(top.stdout.contains("render"))
        let render = try handout(["render", "--help"])
        #expect(render.status == 0)
        for flag in ["--doc", "--lang", "--paper", "-o", "en+bn", "letter"] { #expect(render.stdout.contains(flag)) }
    }

    @Test func rendersTheSampleAndSaysWhere() throws {
        let output = Sample.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).pdf").path
        let result = try handout(["render", Sample.articlePath, "--lang", "bn", "--paper", "letter", "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote \(output)"))
        #expect(result.stderr.isEmpty, "no warnings expected for the sample: \(result.stderr)")
        #expect(FileManager.default.contents(atPath: output)?.starts(with: Data("%PDF-".utf8)) == true)
    }

    @Test func twoRunsWriteIdenticalFiles() throws {
        let a = Sample.temporaryDirectory.appendingPathComponent("a-\(UUID().uuidString).pdf").path
        let b = Sample.temporaryDirectory.appendingPathComponent("b-\(UUID().uuidString).pdf").path
        #expect(try handout(["render", Sample.articlePath, "-o", a]).status == 0)
        #expect(try handout(["render", Sample.articlePath, "-o", b]).status == 0)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
    }

    struct BadArticle: Sendable, CustomTestStringConvertible {
        var name: String
        var old: String
        var new: String
        /// Text the error must contain, and the column it must name (the line is the replaced one).
        var message: String
        var column: Int
        var testDescription: String { name }
    }

    static let badArticles = [
        BadArticle(name: "malformed YAML", old: #"version: "1.0""#, new: "version: 1.0: 2", message: "malformed YAML", column: 13),
        BadArticle(name: "unknown section", old: "symptoms:", new: "symptom:", message: "unknown field 'symptom'", column: 1),
        BadArticle(name: "misspelt section", old: "causes:", new: "cuases:", message: "did you mean 'causes'?", column: 1),
        BadArticle(name: "wrong type", old: titleBlock, new: "title: [Hemifacial spasm, twitching]\n",
                   message: "expected fields (en, bn, bn_from…), found a list", column: 8),
    ]

    @Test(arguments: badArticles)
    func aBadArticleGetsOneClearErrorAndNoOutput(bad: BadArticle) throws {
        let (path, line) = try brokenSample(replacing: bad.old, with: bad.new)
        let output = Sample.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).pdf").path
        let result = try handout(["render", path, "-o", output])
        #expect(result.status != 0)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(!errors.isEmpty)
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.contains { $0.hasPrefix("\(path):\(line):\(bad.column): error:") }, "\(result.stderr)")
        #expect(result.stderr.contains(bad.message), "\(result.stderr)")
        #expect(result.stderr.contains("hint:"))
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func aMissingTitleIsNamed() throws {
        let (path, _) = try brokenSample(replacing: Self.titleBlock, with: "")
        let result = try handout(["render", path, "-o", Sample.temporaryDirectory.appendingPathComponent("t.pdf").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("missing required field 'title'"), "\(result.stderr)")
    }

    @Test func invalidUTF8IsPlacedExactly() throws {
        var data = Data("slug: x\ntitle:\n  en: \"caf".utf8)
        data.append(0xFF)
        data.append(contentsOf: Data("\"\n".utf8))
        let path = try file("bytes.yaml", data)
        let result = try handout(["render", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(path):3:11: error: the file is not valid UTF-8"), "\(result.stderr)")
    }

    @Test func aMissingFileIsNamed() throws {
        let result = try handout(["render", "articles/no-such-article.yaml"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no such file 'articles/no-such-article.yaml'"))
    }

    @Test(arguments: [(["--doc", "leaflet"], "is not one of handout, checklist, diary-week"),
                      (["--lang", "fr"], "Please provide one of"), (["--paper", "a3"], "Please provide one of")])
    func anUnknownChoiceListsTheValidOnes(flag: [String], listing: String) throws {
        let result = try handout(["render", Sample.articlePath] + flag)
        #expect(result.status != 0)
        #expect(result.stderr.contains("'\(flag[1])'"), "\(result.stderr)")
        #expect(result.stderr.contains(listing), "\(result.stderr)")
    }

    @Test func aFailedRunLeavesAnExistingFileUntouched() throws {
        let existing = try file("good.pdf", Data("%PDF-1.5 the previous good file".utf8))
        let (path, _) = try brokenSample(replacing: "symptoms:", with: "symptom:")
        let result = try handout(["render", path, "-o", existing])
        #expect(result.status != 0)
        #expect(FileManager.default.contents(atPath: existing) == Data("%PDF-1.5 the previous good file".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: existing).deletingLastPathComponent().path)
        #expect(leftovers == ["good.pdf"])
    }

    @Test func anUnwritableOutputIsAClearError() throws {
        let result = try handout(["render", Sample.articlePath, "-o", "/proc/handout-test/out.pdf"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: cannot"), "\(result.stderr)")
        #expect(result.stderr.contains("hint:"))
    }

    @Test func aMissingTranslationIsWarnedWithItsPlaceAndShownInThePDF() throws {
        let (path, line) = try brokenSample(replacing: "    bn: \"এটি ছোঁয়াচে নয়, আর এতে মস্তিষ্কের কোনো ক্ষতি হয় না।\"\n", with: "")
        let output = Sample.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).pdf").path
        let result = try handout(["render", path, "--lang", "en+bn", "-o", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("\(path):\(line - 1):"), "\(result.stderr)")
        #expect(result.stderr.contains("warning: missing Bangla translation (key_takeaways[5])"), "\(result.stderr)")
        let text = try Sample.run("pdftotext", ["-enc", "UTF-8", output, "-"]).stdout
        #expect(text.contains("বাংলা অনুবাদ এখনো নেই"))
        let english = try handout(["render", path, "--lang", "en", "-o", output])
        #expect(english.stderr.isEmpty, "English output needs no Bangla: \(english.stderr)")
    }
}
