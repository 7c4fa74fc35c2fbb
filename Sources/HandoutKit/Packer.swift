// `handout pack`: every combination of articles × documents × languages × papers, rendered
// in parallel, each to its own file; one combined print-ready PDF per paper (cover,
// contents, bookmarks, every document on a right-hand page); and manifest.json. A second
// run skips what has not changed. A bad article is reported and the others go on.
import ArticleModel
import Diagnostics
import Documents
import Foundation
import LayoutEngine
import Rendering

public struct PackRequest: Sendable {
    public var articles: [String]
    public var documents: [DocumentKind]
    public var modes: [LanguageMode]
    public var papers: [Paper]
    public var folder: URL
    /// How many renders run at once.
    public var workers: Int

    public init(articles: [String], documents: [DocumentKind], modes: [LanguageMode], papers: [Paper], folder: URL,
                workers: Int) {
        self.articles = articles
        self.documents = documents
        self.modes = modes
        self.papers = papers
        self.folder = folder
        self.workers = max(1, workers)
    }
}

/// What happened to one file of the pack.
public enum PackEvent: Sendable {
    case written(String, pages: Int)
    case skipped(String)
    case failed(String, [Diagnostic])
}

public struct PackReport: Sendable {
    public var manifest: Manifest
    public var written: Int
    public var skipped: Int
    /// Each failure with its diagnostics (an article that does not load, a document that does not fit).
    public var failures: [(subject: String, diagnostics: [Diagnostic])]
}

public final class Packer: Sendable {
    let resources: Resources
    let pool: PublisherPool

    public init(resources: Resources = .standard()) {
        self.resources = resources
        pool = PublisherPool(resources: resources)
    }

    struct Job {
        var article: Article
        var articleHash: String
        var options: RenderOptions
        var file: String
    }

    /// Renders the pack; `progress` hears about every file as it is done (from any thread).
    public func run(_ request: PackRequest, progress: @escaping @Sendable (PackEvent, _ done: Int, _ total: Int) -> Void)
        throws(DiagnosticError) -> PackReport {
        var failures: [(String, [Diagnostic])] = []
        let jobs = try plan(request, failures: &failures)
        let previous = Manifest.read(in: request.folder)
        let results = ResultBox<Result<(Manifest.Entry, Bool), DiagnosticError>>(count: jobs.count)
        let counter = ResultBox<Int>(count: 1)

        DispatchQueue.concurrentPerform(iterations: min(request.workers, max(1, jobs.count))) { worker in
            var index = worker
            while index < jobs.count {
                let outcome = self.produce(jobs[index], folder: request.folder, previous: previous)
                results.set(index, outcome)
                let done = counter.increment()
                switch outcome {
                case .success(let (entry, wrote)):
                    progress(wrote ? .written(entry.file, pages: entry.pages) : .skipped(entry.file), done, jobs.count)
                case .failure(let error):
                    progress(.failed(jobs[index].file, error.diagnostics), done, jobs.count)
                }
                index += request.workers
            }
        }

        var entries: [Manifest.Entry] = []
        var written = 0, skipped = 0
        for (job, outcome) in zip(jobs, results.values) {
            switch outcome {
            case .success(let (entry, wrote))?:
                entries.append(entry)
                if wrote { written += 1 } else { skipped += 1 }
            case .failure(let error)?:
                failures.append((job.file, error.diagnostics))
            case nil:
                break
            }
        }
        for paper in request.papers {
            let name = "pack-\(paper.rawValue).pdf"
            let parts = jobs.filter { $0.options.paper == paper }
                .filter { job in entries.contains { $0.file == job.file } }
            guard !parts.isEmpty else { continue }
            let exists = FileManager.default.fileExists(atPath: request.folder.appendingPathComponent(name).path)
            if written == 0 && exists && Set(previous.files.map(\.file)) == Set(entries.map(\.file)) {
                skipped += 1
                progress(.skipped(name), jobs.count, jobs.count)
                continue
            }
            do {
                let pages = try combine(parts, entries: entries, paper: paper, to: request.folder.appendingPathComponent(name))
                written += 1
                progress(.written(name, pages: pages), jobs.count, jobs.count)
            } catch {
                failures.append((name, error.diagnostics))
            }
        }
        let manifest = Manifest(files: entries.sorted { $0.file < $1.file })
        let manifestPath = request.folder.appendingPathComponent(Manifest.name).path
        if FileManager.default.contents(atPath: manifestPath) != manifest.json {
            try AtomicFile.write(manifest.json, to: manifestPath)
        }
        return PackReport(manifest: manifest, written: written, skipped: skipped, failures: failures)
    }

    /// Loads each article once and lists its files; an article that does not load is a failure, not a stop.
    func plan(_ request: PackRequest, failures: inout [(String, [Diagnostic])]) throws(DiagnosticError) -> [Job] {
        var jobs: [Job] = []
        var slugs: [String: String] = [:]   // slug → the file that has it
        for path in request.articles {
            guard let data = FileManager.default.contents(atPath: path) else {
                failures.append((path, [.error("no such file '\(path)'", hint: "check the path and spelling")]))
                continue
            }
            let article: Article
            do {
                article = try ArticleLoader.load(data: data, file: path).article
            } catch {
                failures.append((path, error.diagnostics))
                continue
            }
            if let first = slugs[article.metadata.slug] {
                failures.append((path, [.error("the slug '\(article.metadata.slug)' is already used by \(first)",
                                                hint: "give each article its own slug; the files would overwrite each other")]))
                continue
            }
            slugs[article.metadata.slug] = path
            for document in request.documents {
                for mode in request.modes {
                    for paper in request.papers {
                        let language = mode.rawValue.replacingOccurrences(of: "+", with: "-")
                        jobs.append(Job(article: article, articleHash: sha256Hex(data),
                                        options: RenderOptions(document: document, mode: mode, paper: paper),
                                        file: "\(article.metadata.slug)/\(document.rawValue)-\(language)-\(paper.rawValue).pdf"))
                    }
                }
            }
        }
        return jobs
    }

    /// Renders one file, unless the manifest shows the same inputs made the file that is there.
    func produce(_ job: Job, folder: URL, previous: Manifest) -> Result<(Manifest.Entry, Bool), DiagnosticError> {
        let layoutHash = self.layoutHash(job.options.document)
        let target = folder.appendingPathComponent(job.file)
        if let old = previous.files.first(where: { $0.file == job.file }), old.articleHash == job.articleHash,
           old.layoutHash == layoutHash, let existing = try? Data(contentsOf: target), sha256Hex(existing) == old.sha256 {
            return .success((old, false))
        }
        do throws(DiagnosticError) {
            let rendered = try withPublisher { publisher throws(DiagnosticError) in try publisher.render(job.article, options: job.options) }
            try AtomicFile.write(rendered.pdf, to: target.path)
            let entry = Manifest.Entry(file: job.file, sha256: sha256Hex(rendered.pdf), pages: rendered.pageCount,
                                       article: job.article.metadata.slug, document: job.options.document.rawValue,
                                       language: job.options.mode.rawValue, paper: job.options.paper.rawValue,
                                       articleHash: job.articleHash, layoutHash: layoutHash)
            return .success((entry, true))
        } catch {
            return .failure(error)
        }
    }

    /// The layout file and the labels: what, besides the article, decides a document's look.
    func layoutHash(_ document: DocumentKind) -> String {
        let files = [document.layoutFile, "labels.yaml"].map { resources.layouts.appendingPathComponent($0) }
        return sha256Hex(files.reduce(into: Data()) { $0.append((try? Data(contentsOf: $1)) ?? Data()) })
    }

    /// The cover and contents, then every document laid out again one at a time (so memory
    /// stays flat), each starting on an odd page, each with a bookmark.
    func combine(_ jobs: [Job], entries: [Manifest.Entry], paper: Paper, to target: URL) throws(DiagnosticError) -> Int {
        let pages = Dictionary(entries.map { ($0.file, $0.pages) }, uniquingKeysWith: { a, _ in a })
        let date = jobs.map(\.article.metadata.lastReviewed).max() ?? CalendarDate(year: 2000, month: 1, day: 1)!
        func cover(_ starts: [Int]) throws(DiagnosticError) -> LayoutResult {
            let entries = zip(jobs, starts).map { job, start in
                PackCover.Entry(title: job.article.title.en, detail: Self.detail(job.options), page: start)
            }
            return try withPublisher { publisher throws(DiagnosticError) in
                try publisher.cover(entries: entries, date: date, paper: paper)
            }
        }
        // The contents' length decides where documents start; numbers do not change its length.
        let frontPages = try cover(jobs.map { _ in 0 }).pages.count
        var starts: [Int] = []
        var next = frontPages + 1
        for job in jobs {
            if next % 2 == 0 { next += 1 }
            starts.append(next)
            next += pages[job.file] ?? 0
        }
        let writer = PDFWriter(info: DocumentInfo(title: "Handout pack (\(paper.rawValue))", author: "Handout",
                                                  subject: "Print-ready pack", keywords: "", creator: "Handout",
                                                  date: "\(date)T00:00:00"))
        let front = try cover(starts)
        writer.add(front.pages, bookmarks: false)
        writer.addBookmark("Contents", page: 1)
        var articleBookmarks: [String: Int] = [:]
        for (job, start) in zip(jobs, starts) {
            let rendered = try withPublisher { publisher throws(DiagnosticError) in
                try publisher.layout(job.article, options: job.options).0
            }
            while writer.pageCount + 1 < start { writer.addBlankPage(size: rendered.pages.first?.size ?? paper.size) }
            let slug = job.article.metadata.slug
            let parent = articleBookmarks[slug] ?? writer.addBookmark(job.article.title.en, page: start)
            articleBookmarks[slug] = parent
            writer.addBookmark(Self.detail(job.options), page: start, parent: parent)
            writer.add(rendered.pages, bookmarks: false)
        }
        try AtomicFile.write(writer.finish(), to: target.path)
        return writer.pageCount
    }

    static func detail(_ options: RenderOptions) -> String {
        "\(options.document.rawValue) · \(options.mode.rawValue) · \(options.paper.rawValue)"
    }

    private func withPublisher<T>(_ body: (Publisher) throws(DiagnosticError) -> T) throws(DiagnosticError) -> T {
        try pool.withPublisher(body)
    }
}

/// Results filled in by concurrent workers, one slot each.
private final class ResultBox<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }
    var values: [Value?] { lock.withLock { slots } }
}

extension ResultBox where Value == Int {
    /// Counts finished jobs.
    func increment() -> Int {
        lock.withLock {
            slots[0] = (slots[0] ?? 0) + 1
            return slots[0]!
        }
    }
}
