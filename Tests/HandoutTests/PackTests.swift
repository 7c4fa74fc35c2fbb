// `handout pack` as a print shop or CI job meets it: the real executable on the sample
// and 20 generated articles. Every file is where the manifest says, with the checksum
// and page count it says; the combined pack is a sound PDF whose bookmarks start every
// document on a right-hand page; a second run writes nothing; touching one article
// re-renders only its files; a broken article fails alone; nothing is half-written.
import Foundation
import TestSupport
import Testing

@Suite struct PackTests {
    static let options = ["--docs", "handout,summary,card", "--lang", "en,en+bn", "--paper", "a4", "--jobs", "2"]
    static let documents = ["handout", "summary", "card"]
    static let languages = ["en": "en", "en+bn": "en-bn"]

    // MARK: Helpers

    /// Runs `handout pack` with the resources of `resources` (see `snapshot()`).
    static func pack(_ articles: [String], into folder: URL, options: [String] = options,
                     resources: [String: String]? = nil) throws -> Sample.Result {
        let environment = try resources ?? snapshot()
        return try ValidateTests.handout(["pack"] + articles + ["-o", folder.path] + options, environment: environment)
    }

    /// A copy of layouts/ beside a link to fonts/, for HANDOUT_FONTS: the runs of one test
    /// see the same layouts even while someone edits the checkout's.
    static func snapshot() throws -> [String: String] {
        try ValidateTests.resourcesWithHandoutLayout { $0 }.environment
    }

    static func freshFolder(_ name: String) throws -> URL {
        let url = Sample.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes generated articles into `folder`; returns their paths.
    static func write(_ articles: [GeneratedArticle], to folder: URL) throws -> [String] {
        try articles.map { article in
            let url = folder.appendingPathComponent("\(article.slug).yaml")
            try Data(article.yaml.utf8).write(to: url)
            return url.path
        }
    }

    /// A file's identity as written: its inode (an atomic write makes a new one) and modification time.
    struct Stamp: Hashable, Sendable {
        var inode: UInt64
        var seconds: Int
        var nanoseconds: Int
    }

    /// Every file under `folder`, hidden ones included, by path relative to it.
    static func files(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(base)/\(relative)", isDirectory: &isFolder), !isFolder.boolValue {
                found.append(relative)
            }
        }
        return found.sorted()
    }

    static func stamps(in folder: URL) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for file in files(in: folder) {
            var info = stat()
            guard lstat(folder.appendingPathComponent(file).path, &info) == 0 else { continue }
            result[file] = Stamp(inode: UInt64(info.st_ino), seconds: Int(info.st_mtim.tv_sec),
                                 nanoseconds: Int(info.st_mtim.tv_nsec))
        }
        return result
    }

    /// Hex SHA-256 of every file, from `sha256sum` (one run for all).
    static func sha256(_ files: [String], in folder: URL) throws -> [String: String] {
        let result = try Sample.run("sha256sum", files, directory: folder)
        var sums: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            sums[String(parts[1].drop { $0 == " " || $0 == "*" })] = String(parts[0])
        }
        return sums
    }

    static func pdfPages(_ path: String) throws -> Int? {
        let info = try Sample.run("pdfinfo", [path])
        return info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// One entry of manifest.json.
    struct Entry: Codable, Hashable, Sendable {
        var file: String
        var sha256: String
        var pages: Int
        var article: String
        var document: String
        var language: String
        var paper: String
        var articleHash: String
        var layoutHash: String
    }

    struct Manifest: Codable, Sendable {
        var files: [Entry]
    }

    static func manifest(in folder: URL) throws -> [Entry] {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json"))).files
    }

    /// A bookmark of the combined pack, from `qpdf --json`.
    struct Bookmark: Sendable {
        var title: String
        var page: Int
        var kids: [Bookmark]

        init?(_ object: Any) {
            guard let object = object as? [String: Any], let title = object["title"] as? String,
                  let page = (object["destpageposfrom1"] as? NSNumber)?.intValue else { return nil }
            self.title = title
            self.page = page
            kids = (object["kids"] as? [Any] ?? []).compactMap(Bookmark.init)
        }
    }

    static func outline(_ pdf: String) throws -> [Bookmark]? {
        let result = try Sample.run("qpdf", ["--json", "--json-key=outlines", pdf])
        guard let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
              let outlines = json["outlines"] as? [Any] else { return nil }
        return outlines.compactMap(Bookmark.init)
    }

    static func lastLine(_ output: String) -> String {
        output.split(separator: "\n").last.map(String.init) ?? ""
    }

    // MARK: The big pack, made once: three runs (first, unchanged, one article touched)

    struct Run: Sendable {
        var result: Sample.Result
        var stamps: [String: Stamp]
        var manifest: [Entry]
    }

    struct Fixture: Sendable {
        var folder: URL
        /// The articles in command-line order: path, slug and English title.
        var articles: [(path: String, slug: String, title: String)]
        var first: Run
        /// After the first run: each file's SHA-256 and each PDF's page count (pdfinfo).
        var sums: [String: String]
        var pages: [String: Int]
        /// Each article file's SHA-256 before anything was touched.
        var articleHashes: [String: String]
        /// A copy of pack-a4.pdf as the first run made it.
        var firstPack: String
        var second: Run
        var touchedSlug: String
        var touchedPath: String
        var third: Run
    }

    static let fixture: Result<Fixture, any Error> = Result {
        let root = try PackTests.freshFolder("pack")
        let sources = root.appendingPathComponent("articles"), folder = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let generated = ArticleGenerator.articles(20, seed: 2026)
        let paths = try PackTests.write(generated, to: sources)
        let articles = [(Sample.articlePath, "hemifacial-spasm", "Hemifacial spasm")]
            + zip(paths, generated).map { ($0, $1.slug, $1.title) }
        let all = articles.map(\.0)
        let resources = try PackTests.snapshot()

        func run() throws -> Run {
            let result = try PackTests.pack(all, into: folder, resources: resources)
            return Run(result: result, stamps: PackTests.stamps(in: folder),
                       manifest: (try? PackTests.manifest(in: folder)) ?? [])
        }
        let first = try run()
        let made = PackTests.files(in: folder)
        let sums = try PackTests.sha256(made, in: folder)
        var pages: [String: Int] = [:]
        for file in made where file.hasSuffix(".pdf") {
            pages[file] = try PackTests.pdfPages(folder.appendingPathComponent(file).path)
        }
        let articleHashes = try PackTests.sha256(all, in: Sample.root)
        let firstPack = root.appendingPathComponent("pack-a4-first.pdf")
        try? FileManager.default.copyItem(at: folder.appendingPathComponent("pack-a4.pdf"), to: firstPack)

        let second = try run()

        // Change the text of one generated article.
        let touched = articles[4]
        let text = try String(contentsOfFile: touched.0, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "It does not replace a doctor.\"", with: "It does not replace a visit to a doctor.\"")
        precondition(changed != text, "the generated disclaimer changed; update this test")
        try Data(changed.utf8).write(to: URL(fileURLWithPath: touched.0))
        let third = try run()

        return Fixture(folder: folder, articles: articles.map { (path: $0.0, slug: $0.1, title: $0.2) }, first: first,
                       sums: sums, pages: pages, articleHashes: articleHashes, firstPack: firstPack.path, second: second, touchedSlug: touched.1,
                       touchedPath: touched.0, third: third)
    }

    static func made() throws -> Fixture { try fixture.get() }

    // MARK: First run

    @Test func theFirstRunMakesEveryFileTheManifestDescribes() throws {
        let f = try Self.made()
        #expect(f.first.result.status == 0, "\(f.first.result.stderr)")
        #expect(Self.lastLine(f.first.result.stdout).hasPrefix("127 written, 0 skipped (unchanged), 0 failed"),
                "\(f.first.result.stdout.suffix(300))")

        // SLUG/DOC-LANG-PAPER.pdf for every combination, and nothing else but the pack and the manifest.
        var expected: Set<String> = ["manifest.json", "pack-a4.pdf"]
        for article in f.articles {
            for document in Self.documents {
                for language in Self.languages.values { expected.insert("\(article.slug)/\(document)-\(language)-a4.pdf") }
            }
        }
        #expect(Set(f.first.stamps.keys) == expected)
        #expect(expected.count == 21 * 6 + 2)

        let entries = f.first.manifest
        #expect(entries.count == 126)
        #expect(Set(entries.map(\.file)).count == entries.count, "one entry per file")
        #expect(Set(entries.map(\.file)) == expected.subtracting(["manifest.json", "pack-a4.pdf"]))
        for entry in entries {
            let language = try #require(Self.languages[entry.language], "language \(entry.language)")
            #expect(entry.file == "\(entry.article)/\(entry.document)-\(language)-\(entry.paper).pdf")
            #expect(entry.paper == "a4")
            #expect(Self.documents.contains(entry.document))
            #expect(entry.sha256 == f.sums[entry.file], "\(entry.file): manifest \(entry.sha256), file \(f.sums[entry.file] ?? "none")")
            #expect(entry.pages == f.pages[entry.file], "\(entry.file): manifest \(entry.pages), pdfinfo \(f.pages[entry.file] ?? 0)")
            let article = try #require(f.articles.first { $0.slug == entry.article })
            #expect(entry.articleHash == f.articleHashes[article.path], "\(entry.file)")
            if entry.document == "summary" { #expect(entry.pages == 1, "the summary is one page: \(entry.file)") }
        }
        // The layout hash is the same for every file of one document, and differs between documents.
        let layoutHashes = Dictionary(grouping: entries, by: \.document).mapValues { Set($0.map(\.layoutHash)) }
        #expect(layoutHashes.values.allSatisfy { $0.count == 1 })
        #expect(Set(layoutHashes.values.flatMap { $0 }).count == 3)
    }

    @Test func theCombinedPackIsSoundWithABookmarkPerArticleAndEveryDocumentOnARightHandPage() throws {
        let f = try Self.made()
        let check = try Sample.run("qpdf", ["--check", f.firstPack])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))

        let outline = try #require(try Self.outline(f.firstPack))
        #expect(outline.map(\.title) == ["Contents"] + f.articles.map(\.title))
        #expect(outline.first?.page == 1)
        let pages = Dictionary(f.first.manifest.map { ($0.file, $0.pages) }, uniquingKeysWith: { a, _ in a })
        var previousEnd: Int?   // the last page of the previous document
        for (bookmark, article) in zip(outline.dropFirst(), f.articles) {
            let details = Self.documents.flatMap { document in ["en", "en+bn"].map { "\(document) · \($0) · a4" } }
            #expect(bookmark.kids.map(\.title) == details, "\(bookmark.title)")
            #expect(bookmark.page == bookmark.kids.first?.page)
            for kid in bookmark.kids {
                #expect(kid.page % 2 == 1, "\(bookmark.title) / \(kid.title) starts on page \(kid.page), a left-hand page")
                if let previousEnd {
                    let next = previousEnd + 1
                    #expect(kid.page == (next % 2 == 1 ? next : next + 1), "\(bookmark.title) / \(kid.title)")
                }
                let parts = kid.title.components(separatedBy: " · ")
                let file = "\(article.slug)/\(parts[0])-\(Self.languages[parts[1]] ?? "?")-a4.pdf"
                previousEnd = kid.page + (pages[file] ?? 0) - 1
            }
        }
        #expect(try Self.pdfPages(f.firstPack) == previousEnd, "the pack ends with the last document")
        #expect(f.first.result.stdout.contains("wrote pack-a4.pdf (\(previousEnd ?? 0) pages)"))
    }

    /// Progress on a pipe: one plain line per file, "[i/N] wrote FILE (P pages)", no bar.
    @Test func progressIsPlainLinesWhenNotATerminal() throws {
        let f = try Self.made()
        let output = f.first.result.stdout
        #expect(!output.contains("\r") && !output.contains("\u{1B}"))
        let lines = output.split(separator: "\n").map(String.init).dropLast()
        let pattern = /^\[(\d+)\/(\d+)\] wrote (\S+) \((\d+) pages?\)$/
        var counts: [Int] = []
        var files: [String: Int] = [:]
        for line in lines {
            let match = try #require(line.wholeMatch(of: pattern), "not a progress line: \(line)")
            #expect(Int(match.2) == 126)
            counts.append(Int(match.1)!)
            files[String(match.3)] = Int(match.4)
        }
        #expect(lines.count == 127)
        #expect(counts.dropLast().sorted() == Array(1...126))
        #expect(counts.last == 126 && lines.last?.contains("wrote pack-a4.pdf") == true)
        for entry in f.first.manifest { #expect(files[entry.file] == entry.pages, "\(entry.file)") }
    }

    // MARK: Second run

    @Test func aSecondRunWritesNothing() throws {
        let f = try Self.made()
        #expect(f.second.result.status == 0, "\(f.second.result.stderr)")
        #expect(Self.lastLine(f.second.result.stdout).hasPrefix("0 written, 127 skipped (unchanged), 0 failed"),
                "\(Self.lastLine(f.second.result.stdout))")
        let lines = f.second.result.stdout.split(separator: "\n").dropLast()
        #expect(lines.count == 127 && lines.allSatisfy { $0.contains("] unchanged ") }, "\(lines.prefix(3))")
        #expect(f.second.manifest == f.first.manifest)
        var before = f.first.stamps, after = f.second.stamps
        let manifestBefore = before.removeValue(forKey: "manifest.json")
        let manifestAfter = after.removeValue(forKey: "manifest.json")
        #expect(after == before, "changed: \(after.filter { before[$0.key] != $0.value }.keys.sorted())")
        #expect(manifestAfter == manifestBefore, "manifest.json was rewritten")
    }

    // MARK: Third run: one article touched

    @Test func touchingOneArticleRerendersOnlyItsFiles() throws {
        let f = try Self.made()
        #expect(f.third.result.status == 0, "\(f.third.result.stderr)")
        #expect(Self.lastLine(f.third.result.stdout).hasPrefix("7 written, 120 skipped (unchanged), 0 failed"),
                "\(Self.lastLine(f.third.result.stdout))")
        let changed = Set(f.third.stamps.filter { f.second.stamps[$0.key] != $0.value }.keys)
        let expected = Set(Self.documents.flatMap { document in
            Self.languages.values.map { "\(f.touchedSlug)/\(document)-\($0)-a4.pdf" }
        })
        #expect(changed.subtracting(["manifest.json"]) == expected.union(["pack-a4.pdf"]))
        #expect(Set(f.third.stamps.keys) == Set(f.second.stamps.keys))

        // The touched article's entries carry the new article hash and the new files' checksums.
        let newHash = try Self.sha256([f.touchedPath], in: Sample.root)[f.touchedPath]
        let sums = try Self.sha256(Array(expected), in: f.folder)
        for entry in f.third.manifest {
            if entry.article == f.touchedSlug {
                #expect(entry.articleHash == newHash)
                #expect(entry.sha256 == sums[entry.file], "\(entry.file)")
            } else {
                #expect(f.first.manifest.contains(entry), "\(entry.file) should be unchanged")
            }
        }
        #expect(f.third.manifest.count == 126)
        // The pack is still sound after the rebuild.
        #expect(try Sample.run("qpdf", ["--check", f.folder.appendingPathComponent("pack-a4.pdf").path]).status == 0)
    }

    // MARK: Nothing half-written

    @Test func noTemporaryFileIsLeftBehind() throws {
        let f = try Self.made()
        for run in [f.first, f.second, f.third] {
            let hidden = run.stamps.keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }
            #expect(hidden.isEmpty, "\(hidden)")
        }
        let now = Self.files(in: f.folder).filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(now.isEmpty, "\(now)")
    }

    // MARK: Failures

    /// A broken article is reported with its place; the good ones are all made, and a
    /// document that cannot fit fails alone while the same article's other documents are made.
    @Test func aBrokenArticleFailsAloneAndTheRestIsMade() throws {
        let root = try Self.freshFolder("pack-broken")
        let folder = root.appendingPathComponent("out")
        var articles = ArticleGenerator.articles(5, seed: 99)
        // A misspelt field in one.
        let broken = articles[2]
        articles[2].yaml = broken.yaml.replacingOccurrences(of: "\ndisclaimer:\n", with: "\ndisclaimr:\n")
        #expect(articles[2].yaml != broken.yaml)
        // Far too many key points for a one-page summary in another.
        var generator = ArticleGenerator(seed: 5)
        let points = (0..<9).map { _ in generator.text(sentences: 3...3, words: 18...20) }
        let takeaways = "key_takeaways:\n" + points.map { ArticleGenerator.textItem($0, indent: 0).joined(separator: "\n") }
            .joined(separator: "\n") + "\n"
        let tooLong = articles[3]
        articles[3].yaml = ValidateTests.removingField("key_takeaways", from: tooLong.yaml)
            .replacingOccurrences(of: "\nwarning_signs:\n", with: "\n\(takeaways)warning_signs:\n")
        let paths = try Self.write(articles, to: root)

        let result = try Self.pack(paths, into: folder)
        #expect(result.status == 1)

        // The broken article: its error with file, line and column, and no file of it.
        let (line, column) = try ValidateTests.position(of: "disclaimr:", in: articles[2].yaml)
        #expect(result.stderr.contains("failed: \(paths[2])\n"), "\(result.stderr)")
        #expect(result.stderr.contains("\(paths[2]):\(line):\(column): error: unknown field 'disclaimr'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(broken.slug).path))

        // The one-page summary that cannot fit: that file fails, the article's other documents are made.
        let entries = try Self.manifest(in: folder)
        #expect(!entries.contains { $0.article == broken.slug })
        let failedSummaries = ["en", "en-bn"].map { "\(tooLong.slug)/summary-\($0)-a4.pdf" }
            .filter { result.stderr.contains("failed: \($0)\n") }
        #expect(failedSummaries.contains("\(tooLong.slug)/summary-en-bn-a4.pdf"), "\(result.stderr)")
        #expect(result.stderr.contains("needs"), "\(result.stderr)")
        for file in failedSummaries {
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path))
            #expect(!entries.contains { $0.file == file })
        }

        // Every other file is made and listed.
        var expected: Set<String> = []
        for article in articles where article.slug != broken.slug {
            for document in Self.documents {
                for language in Self.languages.values { expected.insert("\(article.slug)/\(document)-\(language)-a4.pdf") }
            }
        }
        expected.subtract(failedSummaries)
        #expect(Set(entries.map(\.file)) == expected)
        #expect(Set(Self.files(in: folder)) == expected.union(["manifest.json", "pack-a4.pdf"]))
        let failures = 1 + failedSummaries.count
        #expect(Self.lastLine(result.stdout).hasPrefix("\(expected.count + 1) written, 0 skipped (unchanged), \(failures) failed"),
                "\(Self.lastLine(result.stdout))")
        let outline = try #require(try Self.outline(folder.appendingPathComponent("pack-a4.pdf").path))
        #expect(outline.map(\.title) == ["Contents"] + articles.filter { $0.slug != broken.slug }.map(\.title))
        #expect(outline.flatMap(\.kids).allSatisfy { $0.page % 2 == 1 })
        #expect(result.stdout.contains("FAILED"))
    }

    /// Two article files with one slug would write the same files: the manifest must never
    /// list one file twice, nor a checksum that is not the file's.
    @Test func twoArticlesWithOneSlugDoNotCorruptTheManifest() throws {
        let root = try Self.freshFolder("pack-duplicate")
        let folder = root.appendingPathComponent("out")
        var articles = ArticleGenerator.articles(2, seed: 11)
        articles[1].yaml = articles[1].yaml.replacingOccurrences(of: "slug: \"\(articles[1].slug)\"",
                                                                 with: "slug: \"\(articles[0].slug)\"")
        articles[1].slug += "-copy"   // a distinct file name
        let paths = try Self.write(articles, to: root)
        let result = try Self.pack(paths, into: folder, options: ["--docs", "summary", "--lang", "en", "--jobs", "2"])
        let entries = try Self.manifest(in: folder)
        let sums = try Self.sha256(entries.map(\.file), in: folder)
        #expect(Set(entries.map(\.file)).count == entries.count, "\(entries.map(\.file))")
        #expect(entries.allSatisfy { sums[$0.file] == $0.sha256 })
        #expect(result.status == 1 && result.stderr.contains(articles[0].slug), "\(result.stderr)")
    }

    /// A file deleted or altered by hand since the last run is made again; the rest is skipped.
    @Test func aDeletedOrAlteredFileIsMadeAgain() throws {
        let root = try Self.freshFolder("pack-repair")
        let folder = root.appendingPathComponent("out")
        let articles = ArticleGenerator.articles(2, seed: 31)
        let paths = try Self.write(articles, to: root)
        let options = ["--docs", "summary,card", "--lang", "en", "--jobs", "2"]
        let resources = try Self.snapshot()
        #expect(try Self.pack(paths, into: folder, options: options, resources: resources).status == 0)
        let deleted = "\(articles[0].slug)/card-en-a4.pdf", altered = "\(articles[1].slug)/summary-en-a4.pdf"
        try FileManager.default.removeItem(at: folder.appendingPathComponent(deleted))
        try Data("%PDF-1.5 not the file the manifest describes".utf8).write(to: folder.appendingPathComponent(altered))
        let before = Self.stamps(in: folder)
        let again = try Self.pack(paths, into: folder, options: options, resources: resources)
        #expect(again.status == 0)
        #expect(Self.lastLine(again.stdout).hasPrefix("3 written, 2 skipped (unchanged), 0 failed"), "\(again.stdout)")
        let after = Self.stamps(in: folder)
        let changed = Set(after.filter { before[$0.key] != $0.value }.keys).subtracting(["manifest.json"])
        #expect(changed == [deleted, altered, "pack-a4.pdf"])
        let entries = try Self.manifest(in: folder)
        let sums = try Self.sha256(entries.map(\.file), in: folder)
        #expect(entries.allSatisfy { sums[$0.file] == $0.sha256 })
    }

    /// Without the combined PDF only the files are made, and an earlier run's combined PDF,
    /// which would no longer hold what the pack holds, goes.
    @Test func theCombinedPDFIsOptional() throws {
        let root = try Self.freshFolder("pack-no-combined")
        let folder = root.appendingPathComponent("out")
        let paths = try Self.write(ArticleGenerator.articles(2, seed: 47), to: root)
        let options = ["--docs", "summary", "--lang", "en", "--jobs", "2"]
        let resources = try Self.snapshot()
        #expect(try Self.pack(paths, into: folder, options: options, resources: resources).status == 0)
        #expect(Self.stamps(in: folder).keys.contains("pack-a4.pdf"))
        let files = try Self.pack(paths, into: folder, options: options + ["--no-combined"], resources: resources)
        #expect(files.status == 0, "\(files.stderr)")
        let made = Set(Self.stamps(in: folder).keys)
        #expect(!made.contains("pack-a4.pdf"), "\(made)")
        #expect(made.count == 3, "two summaries and the manifest: \(made)")
    }
}
