// The articles a server offers: the YAML files directly in one folder, looked up by slug
// (never by a path from a request). A watcher beside the HTTP server looks at the folder
// once a second and reads only the files that changed; a request reads the catalogue as it
// stands and never waits for a reload.
import Diagnostics
import Foundation
import HandoutKit
import ServiceLifecycle

final class ArticleLibrary: Service, @unchecked Sendable {
    struct Entry: Sendable {
        var article: Article
        /// SHA-256 of the file: part of every cache key and ETag.
        var hash: String
        /// The file it was read from.
        var file: String
        /// The Bangla translation's state, counted once when the file is read, not per request.
        var bangla: BanglaCount
        /// What a search looks in: the slug, and the title, summary, key points and definition
        /// in both languages, made once when the file is read (see `searchable`).
        var searchText: String

        init(article: Article, hash: String, file: String) {
            self.article = article
            self.hash = hash
            self.file = file
            bangla = BanglaCount(article)
            let texts = [article.title] + article.summary + article.keyTakeaways + article.definition
            searchText = Self.searchable(([article.metadata.slug] + texts.flatMap { [$0.en, $0.bn ?? ""] }).joined(separator: " "))
        }

        /// Every word of the query is somewhere in the article's search text, in any case and
        /// either spelling of য় (one letter, or য with a nukta).
        func matches(_ query: String) -> Bool {
            Self.searchable(query).split(separator: " ").allSatisfy { searchText.contains($0) }
        }

        /// Lower case, one canonical spelling (NFC writes য় as য + nukta), markup and runs of
        /// spaces gone.
        static func searchable(_ text: String) -> String {
            text.plainText.lowercased().composed
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
    }

    /// Also what `/api/articles` says under "bangla".
    struct BanglaCount: Sendable, Encodable {
        var translated = 0
        var needsReview = 0
        var missing = 0

        enum CodingKeys: String, CodingKey {
            case translated, needsReview = "needs_review", missing
        }
        /// Texts still to translate or to check again.
        var left: Int { missing + needsReview }

        init(_ article: Article) {
            for part in ArticleTranslation.status(article) {
                translated += part.translated
                needsReview += part.needs_review
                missing += part.missing
            }
        }
    }

    /// What requests see; replaced whole after each look at the folder.
    struct Catalog: Sendable {
        var bySlug: [String: Entry] = [:]
        /// Sorted by slug, for the index page and the API list.
        var sorted: [Entry] = []
        /// One line for each file not served as it stands on disk, for the log and /healthz.
        var problems: [String] = []
    }

    /// One file as the watcher knows it.
    private struct FileState {
        /// The stamp at the last look.
        var seen: ArticleFolder.Stamp
        /// The stamp of the version last read, good or bad.
        var read: ArticleFolder.Stamp?
        /// The last version that loaded: still served while a later edit does not load.
        var entry: Entry?
        var problem: String?
    }

    let folder: URL
    let recheck: Duration
    private let metrics: ServerMetrics
    private let lock = NSLock()
    private var catalog = Catalog()
    // Touched only by `look`, which never runs twice at once: once in init, then in `run`.
    private var files: [String: FileState] = [:]
    private var reported: Set<String> = []
    /// Where a new problem is told: the server's log (standard error) unless a test listens.
    private let report: @Sendable (String) -> Void

    init(folder: URL, recheck: Duration = .seconds(1), metrics: ServerMetrics,
         report: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data("\($0)\n".utf8)) }) {
        self.folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        self.recheck = recheck
        self.metrics = metrics
        self.report = report
        look(settle: false)
    }

    var current: Catalog { lock.withLock { catalog } }
    var all: [Entry] { current.sorted }
    func entry(_ slug: String) -> Entry? { current.bySlug[slug] }

    /// Looks at the folder every `recheck` until the server shuts down.
    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: self.recheck)
                self.look(settle: true)
            }
        }
    }

    /// Reads the files that changed since the last look. With `settle`, a changed file is read
    /// only once its stamp has stayed the same for one interval, so a file still being written
    /// is not read half-way; at start-up everything is read at once.
    func look(settle: Bool) {
        var next: [String: FileState] = [:]
        for (path, stamp) in ArticleFolder.files(in: folder) {
            let steady = !settle || files[path]?.seen == stamp
            var state = files[path] ?? FileState(seen: stamp)
            state.seen = stamp
            if steady, state.read != stamp { read(path, stamp: stamp, into: &state) }
            next[path] = state
        }
        files = next
        publish()
    }

    private func read(_ path: String, stamp: ArticleFolder.Stamp, into state: inout FileState) {
        state.read = stamp
        metrics.articleRead()
        guard let data = FileManager.default.contents(atPath: path) else {
            state.problem = "\(path): could not be read"
            return
        }
        do {
            let article = try ArticleLoader.load(data: data, file: path).article
            state.entry = Entry(article: article, hash: sha256Hex(data), file: path)
            state.problem = nil
        } catch {
            state.problem = error.diagnostics.map { "\($0)" }.joined(separator: "\n")
        }
    }

    /// Builds the catalogue from the files' last good versions. When two files give the same
    /// slug, the first by file name is served, whatever order they were read in.
    private func publish() {
        var bySlug: [String: Entry] = [:]
        var problems: [String] = []
        for path in files.keys.sorted() {
            guard let state = files[path] else { continue }
            if let problem = state.problem {
                problems.append(problem + (state.entry == nil ? " (not served)" : " (the last good version is served)"))
            }
            guard let entry = state.entry else { continue }
            let slug = entry.article.metadata.slug
            if let first = bySlug[slug] {
                problems.append("\(path): slug '\(slug)' is also in \(first.file), which is served (the first file by name wins)")
                continue
            }
            bySlug[slug] = entry
        }
        let sorted = bySlug.values.sorted { $0.article.metadata.slug < $1.article.metadata.slug }
        lock.withLock { catalog = Catalog(bySlug: bySlug, sorted: sorted, problems: problems) }
        metrics.articlesServed(sorted.count)
        // Each problem once, when it appears, not at every look.
        for problem in problems where !reported.contains(problem) { report(problem) }
        reported = Set(problems)
    }
}
