// A pack made in parts on several machines: `handout pack --shard K/N` on each, then
// `handout pack merge`. The real executable, on the sample and 11 generated articles:
// four parts merged are the same files as one run, byte for byte, manifest and combined
// PDF included; the split is by article and stable; a wrong set of parts, a damaged part
// or an article changed since is refused before anything is written.
import Foundation
import TestSupport
import Testing

@Suite struct PackShardTests {
    static let options = ["--docs", "summary,card", "--lang", "en,en+bn", "--paper", "a4,letter", "--jobs", "2"]

    /// The articles, one run, and four parts merged, made once for the tests below.
    struct Made: Sendable {
        var root: URL
        var articles: [String]
        var resources: [String: String]
        var whole: URL
        var parts: [URL]
        var merged: URL
        var partRuns: [Sample.Result]
        var mergeRun: Sample.Result
    }

    static let made: Result<Made, any Error> = Result {
        let root = try PackTests.freshFolder("shards")
        let sources = root.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let articles = [Sample.articlePath] + (try PackTests.write(ArticleGenerator.articles(11, seed: 77), to: sources))
        let resources = try PackTests.snapshot()
        let whole = root.appendingPathComponent("whole")
        let one = try PackTests.pack(articles, into: whole, options: options, resources: resources)
        precondition(one.status == 0, one.stderr)
        let parts = (1...4).map { root.appendingPathComponent("part-\($0)") }
        let partRuns = try zip(1..., parts).map { index, part in
            try PackTests.pack(articles, into: part, options: options + ["--shard", "\(index)/4"], resources: resources)
        }
        let merged = root.appendingPathComponent("merged")
        // In another order than made: the order of the parts does not matter.
        let mergeRun = try merge([parts[2], parts[0], parts[3], parts[1]], into: merged, resources: resources)
        return Made(root: root, articles: articles, resources: resources, whole: whole, parts: parts, merged: merged,
                    partRuns: partRuns, mergeRun: mergeRun)
    }

    static func merge(_ parts: [URL], into folder: URL, resources: [String: String]) throws -> Sample.Result {
        try ValidateTests.handout(["pack", "merge"] + parts.map(\.path) + ["-o", folder.path, "--jobs", "2"], environment: resources)
    }

    static func contents(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for file in PackTests.files(in: folder) { result[file] = try Data(contentsOf: folder.appendingPathComponent(file)) }
        return result
    }

    static func manifest(_ folder: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
            as? [String: Any])
    }

    /// The slugs whose files a part holds.
    static func slugs(in part: URL) -> Set<String> {
        Set(PackTests.files(in: part).filter { $0.contains("/") }.map { String($0.prefix { $0 != "/" }) })
    }

    @Test func fourPartsMergedAreTheSameFilesAsOneRunByteForByte() throws {
        let made = try Self.made.get()
        for run in made.partRuns { #expect(run.status == 0, "\(run.stderr)") }
        #expect(made.mergeRun.status == 0, "\(made.mergeRun.stderr)")
        let whole = try Self.contents(made.whole)
        let merged = try Self.contents(made.merged)
        // 12 articles × 2 documents × 2 languages × 2 papers, two combined PDFs and the manifest.
        #expect(whole.count == 12 * 8 + 3)
        #expect(Set(merged.keys) == Set(whole.keys))
        for (file, data) in whole { #expect(merged[file] == data, "\(file) differs") }
        #expect(merged["manifest.json"] == whole["manifest.json"])
        #expect(merged["pack-a4.pdf"] == whole["pack-a4.pdf"])
        #expect(PackTests.lastLine(made.mergeRun.stdout) == "98 written, 0 skipped (unchanged); manifest: \(made.merged.path)/manifest.json")
    }

    @Test func eachPartHoldsWholeArticlesEveryArticleIsInOnePartAndNoPartHasACombinedPDF() throws {
        let made = try Self.made.get()
        let held = made.parts.map(Self.slugs(in:))
        let all = held.reduce(into: Set<String>()) { $0.formUnion($1) }
        #expect(all.count == 12)
        #expect(held.map(\.count).reduce(0, +) == 12, "an article is in two parts")
        #expect(held.filter(\.isEmpty).count < 3, "the split puts (nearly) everything in one part: \(held)")
        for (index, part) in made.parts.enumerated() {
            let manifest = try Self.manifest(part)
            #expect(manifest["shard"] as? String == "\(index + 1)/4")
            #expect((manifest["articles"] as? [Any])?.count == 12, "every part lists every article")
            #expect(!FileManager.default.fileExists(atPath: part.appendingPathComponent("pack-a4.pdf").path))
            // Every file of a part is one of its articles' 8, and the manifest says so.
            let files = (manifest["files"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
            #expect(files.count == Self.slugs(in: part).count * 8)
        }
        #expect(try Self.manifest(made.whole)["shard"] == nil)
        #expect(try Self.manifest(made.merged)["shard"] == nil)
    }

    @Test func addingAnArticleMovesNoOtherBetweenParts() throws {
        let made = try Self.made.get()
        let extra = made.root.appendingPathComponent("extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        let addedSlug = "added-article"
        let sample = try String(contentsOfFile: Sample.articlePath, encoding: .utf8)
        let added = extra.appendingPathComponent("added.yaml").path
        try sample.replacingOccurrences(of: "slug: hemifacial-spasm", with: "slug: \(addedSlug)")
            .write(toFile: added, atomically: true, encoding: .utf8)
        for (index, part) in made.parts.enumerated() {
            let again = made.root.appendingPathComponent("again-\(index + 1)")
            let run = try PackTests.pack(made.articles + [added], into: again,
                                         options: ["--docs", "card", "--lang", "en", "--paper", "a4", "--shard", "\(index + 1)/4"],
                                         resources: made.resources)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Self.slugs(in: again).subtracting([addedSlug]) == Self.slugs(in: part))
        }
    }

    @Test func aMissingRepeatedOrWholePartIsRefusedAndNothingIsWritten() throws {
        let made = try Self.made.get()
        let cases: [([URL], String)] = [
            (Array(made.parts.prefix(3)), "needs each of 1/4, 2/4, 3/4, 4/4 once (missing: 4/4)"),
            (made.parts.prefix(3) + [made.parts[2]], "(missing: 4/4)"),
            ([made.whole], "is a whole pack, not a part"),
            ([made.root.appendingPathComponent("articles")], "has no readable manifest.json"),
        ]
        for (parts, message) in cases {
            let target = made.root.appendingPathComponent("refused-\(UUID().uuidString)")
            let run = try Self.merge(parts, into: target, resources: made.resources)
            #expect(run.status == 1)
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: target.path))
        }
    }

    @Test func aDamagedPartFileIsRefusedBeforeAnythingIsCopied() throws {
        let made = try Self.made.get()
        let copy = made.root.appendingPathComponent("damaged-part")
        try FileManager.default.copyItem(at: made.parts[3], to: copy)
        let file = try #require(PackTests.files(in: copy).first { $0.hasSuffix(".pdf") }, "part 4 is empty")
        try Data("%%damaged".utf8).append(to: copy.appendingPathComponent(file).path)
        let target = made.root.appendingPathComponent("from-damaged")
        let run = try Self.merge(Array(made.parts.prefix(3)) + [copy], into: target, resources: made.resources)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(copy.path)/\(file) is missing or does not match its part's manifest"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func anArticleChangedSinceThePartsWereMadeIsRefused() throws {
        let made = try Self.made.get()
        // Parts of a copy of the articles, then one article edited.
        let folder = made.root.appendingPathComponent("changing")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let articles = try made.articles.prefix(3).map { path in
            let copy = folder.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent)
            try FileManager.default.copyItem(atPath: path, toPath: copy.path)
            return copy.path
        }
        let parts = (1...2).map { folder.appendingPathComponent("part-\($0)") }
        for (index, part) in parts.enumerated() {
            let run = try PackTests.pack(articles, into: part, options: ["--docs", "card", "--lang", "en", "--shard", "\(index + 1)/2"],
                                         resources: made.resources)
            #expect(run.status == 0, "\(run.stderr)")
        }
        try Data("\n# edited\n".utf8).append(to: articles[1])
        let target = folder.appendingPathComponent("merged")
        let run = try Self.merge(parts, into: target, resources: made.resources)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(articles[1]) changed after the parts were made"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func aClinicPackInPartsIsTheSameAsOneRunAndAChangedProfileMakesEveryFileAgain() throws {
        let made = try Self.made.get()
        let folder = made.root.appendingPathComponent("clinic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let clinic = folder.appendingPathComponent("clinic.yaml")
        try "name: {en: \"Mirpur Family Clinic\"}\nemergency_number: \"16263\"\n".write(to: clinic, atomically: true, encoding: .utf8)
        let articles = Array(made.articles.prefix(4))
        let options = ["--docs", "card,summary", "--lang", "en", "--clinic", clinic.path]
        let whole = folder.appendingPathComponent("whole")
        #expect(try PackTests.pack(articles, into: whole, options: options, resources: made.resources).status == 0)
        let parts = (1...2).map { folder.appendingPathComponent("part-\($0)") }
        for (index, part) in parts.enumerated() {
            let run = try PackTests.pack(articles, into: part, options: options + ["--shard", "\(index + 1)/2"], resources: made.resources)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let merged = folder.appendingPathComponent("merged")
        let merge = try Self.merge(parts, into: merged, resources: made.resources)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try Self.contents(merged) == (try Self.contents(whole)))
        let print = try Sample.run("pdftotext", [merged.appendingPathComponent("pack-a4.pdf").path, "-"]).stdout
        #expect(Self.count("Mirpur Family Clinic", in: print) >= 4 * 2, "the clinic on the combined PDF's documents")
        #expect(print.contains("Call 16263 or go to hospital now if"))

        // Another emergency number: every file is made again, and old parts no longer merge.
        try "name: {en: \"Mirpur Family Clinic\"}\nemergency_number: \"999\"\n".write(to: clinic, atomically: true, encoding: .utf8)
        let again = try PackTests.pack(articles, into: whole, options: options, resources: made.resources)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(PackTests.lastLine(again.stdout).hasPrefix("\(4 * 2 + 1) written, 0 skipped"), "\(again.stdout)")
        let stale = try Self.merge(parts, into: folder.appendingPathComponent("stale"), resources: made.resources)
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("\(clinic.path) changed after the parts were made"), "\(stale.stderr)")
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func aShardThatIsNotKOfNIsABadOption() throws {
        let made = try Self.made.get()
        for bad in ["0/4", "5/4", "2", "a/b", "1/0"] {
            let run = try PackTests.pack([Sample.articlePath], into: made.root.appendingPathComponent("bad"),
                                         options: ["--shard", bad], resources: made.resources)
            #expect(run.status == 64)
            #expect(run.stderr.contains("--shard: '\(bad)' is not K/N with K from 1 to N, such as 2/4"), "\(run.stderr)")
        }
    }
}

extension Data {
    /// Appends these bytes to the file at `path`.
    func append(to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: self)
        try handle.close()
    }
}
