// The article library's watcher, driven one look at a time (no clock): only changed files
// are read, a file is read once it has stopped changing, a broken edit keeps the last good
// version in service, and two files with one slug are settled by file name and reported once.
import Foundation
import HandoutKit
import HTTPTypes
@testable import HandoutServer
import Testing

@Suite("Article library")
struct LibraryTests {
    /// A library on a fresh copy of the sample, with what it reports collected.
    final class Probe: @unchecked Sendable {
        let parent: URL
        let folder: URL
        let metrics = ServerMetrics()
        private let lock = NSLock()
        private var lines: [String] = []
        var library: ArticleLibrary!

        init() throws {
            (parent, folder) = try Fixture.makeFolder()
        }

        func start() -> ArticleLibrary {
            library = ArticleLibrary(folder: folder, metrics: metrics) { line in self.lock.withLock { self.lines.append(line) } }
            return library
        }

        var reported: [String] { lock.withLock { lines } }
        var reads: Double { Prometheus.value(metrics.text, "handout_article_reads_total") ?? 0 }
        var health: String { Routes.healthText(library.current, folder: library.folder) }

        func write(_ text: String, to name: String) throws {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        /// Two looks: the first sees the change, the second finds it settled and reads it.
        func settle() {
            library.look(settle: true)
            library.look(settle: true)
        }

        deinit { try? FileManager.default.removeItem(at: parent) }
    }

    static func titled(_ title: String, slug: String = Fixture.slug) -> String {
        Fixture.sample(replacing: [("slug: hemifacial-spasm", "slug: \(slug)"), ("en: \"Hemifacial spasm\"", "en: \"\(title)\"")])
    }

    static func title(_ library: ArticleLibrary, _ slug: String = Fixture.slug) -> String? {
        library.entry(slug)?.article.title.en
    }

    @Test("Touching one of 150 articles reads that one file again, and no other")
    func onlyChangedFilesAreRead() throws {
        let probe = try Probe()
        for index in 1..<150 { try probe.write(Self.titled("Article \(index)", slug: "article-\(index)"), to: "article-\(index).yaml") }
        let library = probe.start()
        #expect(library.all.count == 150)
        #expect(probe.reads == 150)

        probe.settle()
        #expect(probe.reads == 150)
        try probe.write(Self.titled("Article 7, edited", slug: "article-7"), to: "article-7.yaml")
        probe.settle()
        #expect(probe.reads == 151)
        #expect(Self.title(library, "article-7") == "Article 7, edited")
        #expect(library.all.count == 150)
    }

    @Test("A file is read only once it has stopped changing, so a half-saved version is never served")
    func halfSavedFileIsNotRead() throws {
        let probe = try Probe()
        let library = probe.start()
        let path = probe.folder.appendingPathComponent("hemifacial-spasm.yaml")
        let full = Self.titled("Hemifacial spasm (saved in two goes)")
        // An editor saving in place: the first half, a look, the rest, a look.
        try String(full.prefix(full.count / 2)).write(to: path, atomically: false, encoding: .utf8)
        library.look(settle: true)
        try full.write(to: path, atomically: false, encoding: .utf8)
        library.look(settle: true)
        #expect(probe.reads == 1)
        #expect(Self.title(library) == Fixture.titleEN)
        library.look(settle: true)
        #expect(probe.reads == 2)
        #expect(Self.title(library) == "Hemifacial spasm (saved in two goes)")
        #expect(probe.reported.isEmpty)
    }

    @Test("A broken edit keeps the last good version served, says so once, and a fix clears it")
    func brokenEditKeepsLastGood() throws {
        let probe = try Probe()
        let library = probe.start()
        let before = try #require(library.entry(Fixture.slug))
        try probe.write("slug: [unclosed\n", to: "hemifacial-spasm.yaml")
        probe.settle()
        probe.settle()
        let after = try #require(library.entry(Fixture.slug))
        #expect(after.hash == before.hash)
        #expect(probe.reported.count == 1)
        let problem = try #require(probe.reported.first)
        #expect(problem.contains("hemifacial-spasm.yaml:2:1: error: malformed YAML"))
        #expect(problem.hasSuffix("(the last good version is served)"))
        #expect(probe.health.contains("problem: \(problem)"))
        #expect(probe.health.hasPrefix("ok\narticles: 1\n"))

        try probe.write(Self.titled("Hemifacial spasm (mended)"), to: "hemifacial-spasm.yaml")
        probe.settle()
        #expect(Self.title(library) == "Hemifacial spasm (mended)")
        #expect(probe.health == "ok\narticles: 1\n")
        #expect(probe.reported.count == 1)
    }

    @Test("A file that never loaded is reported as not served")
    func brokenFromTheStart() throws {
        let probe = try Probe()
        try probe.write("title: {en: \"No slug\"}\n", to: "broken.yaml")
        let library = probe.start()
        #expect(library.all.map(\.article.metadata.slug) == [Fixture.slug])
        let problem = try #require(probe.reported.first)
        #expect(problem.contains("broken.yaml"))
        #expect(problem.hasSuffix("(not served)"))
        #expect(probe.health.contains("problem: \(problem)"))
    }

    @Test("Two files with one slug: the first by file name is served, whichever was read last, reported once",
          arguments: [("a-copy.yaml", true), ("z-copy.yaml", false)])
    func duplicateSlug(copy: String, copyWins: Bool) throws {
        let probe = try Probe()
        let library = probe.start()
        try probe.write(Self.titled("The copy"), to: copy)
        probe.settle()
        probe.settle()
        #expect(Self.title(library) == (copyWins ? "The copy" : Fixture.titleEN))
        // Touch the loser: being read last does not make it win.
        let loser = copyWins ? "hemifacial-spasm.yaml" : copy
        try probe.write(Self.titled(copyWins ? Fixture.titleEN : "The copy", slug: Fixture.slug) + "\n", to: loser)
        probe.settle()
        #expect(Self.title(library) == (copyWins ? "The copy" : Fixture.titleEN))
        #expect(probe.reported.count == 1)
        let problem = try #require(probe.reported.first)
        #expect(problem.contains("\(loser): slug 'hemifacial-spasm' is also in"))
        #expect(problem.contains("which is served (the first file by name wins)"))
        #expect(library.all.count == 1)
    }

    @Test("A removed file stops being served at the next look; with no article left the server is not ready")
    func removedFile() throws {
        let probe = try Probe()
        let library = probe.start()
        try FileManager.default.removeItem(at: probe.folder.appendingPathComponent("hemifacial-spasm.yaml"))
        library.look(settle: true)
        #expect(library.all.isEmpty)
        #expect(probe.health == "not ready: no article is served from \(library.folder.path)\narticles: 0\n")
        #expect(Routes.healthStatus(library.current) == .serviceUnavailable)
    }

    @Test("A Kubernetes ConfigMap's layout is served, and a new version swapped in is read")
    func configMapLayout() throws {
        let probe = try Probe()
        let fm = FileManager.default
        try fm.removeItem(at: probe.folder.appendingPathComponent("hemifacial-spasm.yaml"))
        // What the kubelet makes: the files in a hidden timestamped folder, "..data" linking
        // to it, and one link per file through "..data".
        func version(_ name: String, title: String) throws {
            let hidden = probe.folder.appendingPathComponent(name)
            try fm.createDirectory(at: hidden, withIntermediateDirectories: true)
            try Self.titled(title).write(to: hidden.appendingPathComponent("hemifacial-spasm.yaml"), atomically: true, encoding: .utf8)
            let temporary = probe.folder.appendingPathComponent("..data_tmp").path
            try fm.createSymbolicLink(atPath: temporary, withDestinationPath: name)
            #expect(rename(temporary, probe.folder.appendingPathComponent("..data").path) == 0)
        }
        try version("..2026_11_30_01_00_00.000000001", title: "From the ConfigMap")
        try fm.createSymbolicLink(atPath: probe.folder.appendingPathComponent("hemifacial-spasm.yaml").path,
                                  withDestinationPath: "..data/hemifacial-spasm.yaml")
        let library = probe.start()
        #expect(Self.title(library) == "From the ConfigMap")

        try version("..2026_11_30_02_00_00.000000002", title: "From the ConfigMap, updated")
        library.look(settle: true)
        // Still served while the new version settles: the link's name is the file, not its target.
        #expect(Self.title(library) == "From the ConfigMap")
        library.look(settle: true)
        #expect(Self.title(library) == "From the ConfigMap, updated")
        #expect(probe.reported.isEmpty)
    }

    @Test("Hidden files are not articles: an editor's lock link or backup beside the article")
    func hiddenFilesAreSkipped() throws {
        let probe = try Probe()
        try probe.write(Self.titled("Backup", slug: "backup"), to: ".hemifacial-spasm.yaml")
        try FileManager.default.createSymbolicLink(atPath: probe.folder.appendingPathComponent(".#hemifacial-spasm.yaml").path,
                                                   withDestinationPath: "user@host.1234")
        let library = probe.start()
        #expect(library.all.map(\.article.metadata.slug) == [Fixture.slug])
        #expect(probe.reported.isEmpty)
    }

    @Test("Search on real pages: NHS articles as imported are found by words of their summaries, not others'",
          arguments: [("conditions-acne", "spots oily skin"), ("conditions-achalasia", "SWALLOW food")])
    func searchOnImportedPages(page: String, words: String) throws {
        let corpus = Fixture.root.deletingLastPathComponent().appendingPathComponent("shared/corpora/articles/nhs-html")
        let entries = try ["conditions-acne", "conditions-achalasia"].map { name in
            let file = corpus.appendingPathComponent("\(name).html").path
            let data = try #require(FileManager.default.contents(atPath: file), "the corpus page \(file)")
            return ArticleLibrary.Entry(article: try PageImporter.importPage(data, file: file).article, hash: name, file: file)
        }
        let found = entries.filter { $0.matches(words) }.map(\.hash)
        #expect(found == [page], "'\(words)' found \(found)")
    }
}
