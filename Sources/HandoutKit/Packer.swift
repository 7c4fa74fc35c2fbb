// `handout pack`: every combination of articles × documents × languages × papers, rendered
// in parallel, each to its own file; one combined print-ready PDF per paper (cover,
// contents, bookmarks, every document on a right-hand page); and manifest.json. A second
// run skips what has not changed. A bad article is reported and the others go on.
// A pack can be made in parts on several machines (`shard`) and joined (PackMerge.swift).
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
    /// Only this part's articles, and no combined PDF (`pack merge` makes it).
    public var shard: PackShard?
    /// The clinic printing the pack: on every page of every file.
    public var clinic: ClinicFile?
    /// One print-ready PDF per paper with every file in it; without it, only the files (faster
    /// for a library that is served or printed file by file).
    public var combined: Bool

    public init(articles: [String], documents: [DocumentKind], modes: [LanguageMode], papers: [Paper], folder: URL,
                workers: Int, shard: PackShard? = nil, clinic: ClinicFile? = nil, combined: Bool = true) {
        self.combined = combined
        self.articles = articles
        self.documents = documents
        self.modes = modes
        self.papers = papers
        self.folder = folder
        self.workers = max(1, workers)
        self.shard = shard
        self.clinic = clinic
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

    /// An article as the plan reads it: what file names, the manifest and the cover need.
    /// The article itself is read again where it is rendered, so however many articles a
    /// pack has, only those being worked on are in memory.
    struct PlannedArticle: Sendable {
        var path: String
        var hash: String
        var slug: String
        var title: String
        var documentDate: CalendarDate
        /// The documents the article can make: a guide needs the article's words on its subject.
        var documents: [DocumentKind]

        var reference: Manifest.Article { Manifest.Article(slug: slug, path: path) }

        func load() throws(DiagnosticError) -> Article { try ArticleLoader.load(path: path).article }
    }

    struct Job: Sendable {
        var article: PlannedArticle
        var options: RenderOptions
        var file: String
        var clinic: ClinicFile?
    }

    /// Renders the pack; `progress` hears about every file as it is done (from any thread).
    public func run(_ request: PackRequest, progress: @escaping @Sendable (PackEvent, _ done: Int, _ total: Int) -> Void)
        throws(DiagnosticError) -> PackReport {
        var failures: [(String, [Diagnostic])] = []
        let (articles, jobs) = plan(request, failures: &failures)
        let previous = try skipUnchanged(jobs, in: request)
        var tally = collect(render(jobs, request, previous: previous, progress: progress), of: jobs, failures: &failures)
        if request.shard == nil, request.combined {
            combine(jobs, request, previous: previous, tally: &tally, failures: &failures, progress: progress)
        } else if request.shard == nil {
            // A combined PDF left by an earlier run would no longer hold what the pack holds.
            for paper in request.papers { try? FileManager.default.removeItem(at: request.folder.appendingPathComponent("pack-\(paper.rawValue).pdf")) }
        }
        let manifest = try writeManifest(Manifest(files: tally.entries, articles: articles.map(\.reference),
                                                  shard: request.shard?.description, clinic: request.clinic?.reference),
                                         in: request.folder)
        return PackReport(manifest: manifest, written: tally.written, skipped: tally.skipped, failures: failures)
    }

    /// What the run made so far: the manifest's entries, files written and skipped.
    struct Tally {
        var entries: [Manifest.Entry] = []
        var written = 0
        var skipped = 0
    }

    /// Clears what a killed run left, and reads the last run's manifest: unchanged files
    /// are skipped against it. Files made from changed inputs leave the manifest before
    /// they are replaced, so a run stopped part-way never leaves it describing a file that
    /// is no longer there.
    func skipUnchanged(_ jobs: [Job], in request: PackRequest) throws(DiagnosticError) -> [String: Manifest.Entry] {
        let manifestPath = request.folder.appendingPathComponent(Manifest.name).path
        AtomicFile.removeLeftovers(of: jobs.map { request.folder.appendingPathComponent($0.file).path } + [manifestPath]
            + request.papers.map { request.folder.appendingPathComponent("pack-\($0.rawValue).pdf").path })
        let previousManifest = Manifest.read(in: request.folder)
        let previous = Dictionary(previousManifest.files.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        let replaced = Set(jobs.filter { job in
            previous[job.file].map { $0.articleHash != job.article.hash || $0.layoutHash != layoutHash(job) } ?? false
        }.map(\.file))
        if !replaced.isEmpty {
            try AtomicFile.write(Manifest(files: previousManifest.files.filter { !replaced.contains($0.file) }).json, to: manifestPath)
        }
        return previous
    }

    /// Renders every job on the workers, one article to a worker at a time (it is read once
    /// for all of its files), saying each outcome as it comes.
    func render(_ jobs: [Job], _ request: PackRequest, previous: [String: Manifest.Entry],
                progress: @escaping @Sendable (PackEvent, _ done: Int, _ total: Int) -> Void)
        -> [Result<(Manifest.Entry, Bool), DiagnosticError>?] {
        let results = ResultBox<Result<(Manifest.Entry, Bool), DiagnosticError>>(count: jobs.count)
        let counter = ResultBox<Int>(count: 1)
        let groups = Self.groups(jobs)
        Self.parallel(groups.count, workers: request.workers) { group in
            var article: Result<Article, DiagnosticError>?
            for index in groups[group] {
                let outcome = self.produce(jobs[index], folder: request.folder, previous: previous[jobs[index].file]) {
                    () throws(DiagnosticError) -> Article in
                    if article == nil { article = Result { () throws(DiagnosticError) in try jobs[index].article.load() } }
                    return try article!.get()
                }
                results.set(index, outcome)
                let done = counter.increment()
                switch outcome {
                case .success(let (entry, wrote)):
                    progress(wrote ? .written(entry.file, pages: entry.pages) : .skipped(entry.file), done, jobs.count)
                case .failure(let error):
                    progress(.failed(jobs[index].file, error.diagnostics), done, jobs.count)
                }
            }
        }
        return results.values
    }

    /// The outcomes counted: entries for the manifest, failures with their file.
    func collect(_ outcomes: [Result<(Manifest.Entry, Bool), DiagnosticError>?], of jobs: [Job],
                 failures: inout [(String, [Diagnostic])]) -> Tally {
        var tally = Tally()
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .success(let (entry, wrote))?:
                tally.entries.append(entry)
                if wrote { tally.written += 1 } else { tally.skipped += 1 }
            case .failure(let error)?:
                failures.append((job.file, error.diagnostics))
            case nil:
                break
            }
        }
        return tally
    }

    /// The print PDF for each paper, made again only when a document changed.
    func combine(_ jobs: [Job], _ request: PackRequest, previous: [String: Manifest.Entry], tally: inout Tally,
                 failures: inout [(String, [Diagnostic])], progress: (PackEvent, _ done: Int, _ total: Int) -> Void) {
        let made = Set(tally.entries.map(\.file))
        for paper in request.papers {
            let name = "pack-\(paper.rawValue).pdf"
            let parts = jobs.filter { $0.options.paper == paper && made.contains($0.file) }
            guard !parts.isEmpty else { continue }
            let exists = FileManager.default.fileExists(atPath: request.folder.appendingPathComponent(name).path)
            if tally.written == 0 && exists && Set(previous.keys) == made {
                tally.skipped += 1
                progress(.skipped(name), jobs.count, jobs.count)
                continue
            }
            do {
                let pages = try combine(parts, entries: tally.entries, paper: paper, workers: request.workers,
                                        to: request.folder.appendingPathComponent(name))
                tally.written += 1
                progress(.written(name, pages: pages), jobs.count, jobs.count)
            } catch {
                failures.append((name, error.diagnostics))
            }
        }
    }

    /// The manifest (its files sorted by name), written only when it changed.
    func writeManifest(_ unsorted: Manifest, in folder: URL) throws(DiagnosticError) -> Manifest {
        var manifest = unsorted
        manifest.files.sort { $0.file < $1.file }
        let path = folder.appendingPathComponent(Manifest.name).path
        if FileManager.default.contents(atPath: path) != manifest.json { try AtomicFile.write(manifest.json, to: path) }
        return manifest
    }

    /// Reads every article (on every worker) and lists the files of those in the request's
    /// part; an article that does not load, or repeats another's slug, is a failure, not a stop.
    /// Every part reads every article, so each reports the same failures and lists the same
    /// articles, which `pack merge` checks.
    func plan(_ request: PackRequest, failures: inout [(String, [Diagnostic])]) -> (articles: [PlannedArticle], jobs: [Job]) {
        let read = ResultBox<Result<PlannedArticle, DiagnosticError>>(count: request.articles.count)
        Self.parallel(request.articles.count, workers: request.workers) { index in
            read.set(index, Result { () throws(DiagnosticError) in try Self.planned(request.articles[index]) })
        }
        var articles: [PlannedArticle] = []
        var slugs: [String: String] = [:]   // slug → the file that has it
        for (path, outcome) in zip(request.articles, read.values) {
            let article: PlannedArticle
            switch outcome {
            case .success(let planned)?: article = planned
            case .failure(let error)?: failures.append((path, error.diagnostics)); continue
            case nil: continue
            }
            if let first = slugs[article.slug] {
                failures.append((path, [.error("the slug '\(article.slug)' is already used by \(first)",
                                                hint: "give each article its own slug; the files would overwrite each other")]))
                continue
            }
            slugs[article.slug] = path
            articles.append(article)
        }
        let jobs = articles.filter { request.shard?.holds($0.slug) ?? true }.flatMap { article in
            Self.jobs(for: article, clinic: request.clinic) { request.documents.contains($0.document) && request.modes.contains($0.mode)
                && request.papers.contains($0.paper) }
        }
        return (articles, jobs)
    }

    /// An article's files in pack order (documents, then languages, then papers, each in the
    /// order Handout lists them, whatever the order asked for), those that `wanted` keeps.
    static func jobs(for article: PlannedArticle, clinic: ClinicFile?, where wanted: (RenderOptions) -> Bool) -> [Job] {
        article.documents.flatMap { document in
            LanguageMode.allCases.flatMap { mode in
                Paper.allCases.map { RenderOptions(document: document, mode: mode, paper: $0, clinic: clinic?.clinic) }
            }
        }.filter(wanted).map { options in
            Job(article: article, options: options,
                file: "\(article.slug)/\(options.document.rawValue)-\(options.mode.fileName)-\(options.paper.rawValue).pdf",
                clinic: clinic)
        }
    }

    static func planned(_ path: String) throws(DiagnosticError) -> PlannedArticle {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(.error("no such file '\(path)'", hint: "check the path and spelling"))
        }
        let article = try ArticleLoader.load(data: data, file: path).article
        return PlannedArticle(path: path, hash: sha256Hex(data), slug: article.metadata.slug, title: article.title.en,
                              documentDate: article.metadata.documentDate, documents: DocumentKind.made(from: article))
    }

    /// The jobs of each article, in order: consecutive runs of the same article.
    static func groups(_ jobs: [Job]) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0
        for index in jobs.indices where index + 1 == jobs.count || jobs[index + 1].article.path != jobs[index].article.path {
            groups.append(start..<(index + 1))
            start = index + 1
        }
        return groups
    }

    /// Renders one file, unless the manifest shows the same inputs made the file that is there.
    func produce(_ job: Job, folder: URL, previous old: Manifest.Entry?,
                 article: () throws(DiagnosticError) -> Article) -> Result<(Manifest.Entry, Bool), DiagnosticError> {
        let layoutHash = self.layoutHash(job)
        let target = folder.appendingPathComponent(job.file)
        if let old, old.articleHash == job.article.hash, old.layoutHash == layoutHash,
           let existing = try? Data(contentsOf: target), sha256Hex(existing) == old.sha256 {
            return .success((old, false))
        }
        do throws(DiagnosticError) {
            let source = try article()
            let rendered = try withPublisher { publisher throws(DiagnosticError) in try publisher.render(source, options: job.options) }
            try AtomicFile.write(rendered.pdf, to: target.path)
            let entry = Manifest.Entry(file: job.file, sha256: sha256Hex(rendered.pdf), pages: rendered.pageCount,
                                       article: job.article.slug, document: job.options.document.rawValue,
                                       language: job.options.mode.rawValue, paper: job.options.paper.rawValue,
                                       articleHash: job.article.hash, layoutHash: layoutHash)
            return .success((entry, true))
        } catch {
            return .failure(error)
        }
    }

    /// The layout file, the labels and the clinic profile: what, besides the article, decides
    /// a document's look. (Without a clinic the hash is the layout's alone, as before there were clinics.)
    func layoutHash(_ job: Job) -> String {
        let files = [job.options.document.layoutFile, "labels.yaml"].map { resources.layouts.appendingPathComponent($0) }
        var inputs = files.reduce(into: Data()) { $0.append((try? Data(contentsOf: $1)) ?? Data()) }
        if let clinic = job.clinic { inputs.append(Data(clinic.sha256.utf8)) }
        return sha256Hex(inputs)
    }

    /// `body(0..<count)` on `workers` threads at once, each taking every `workers`-th index.
    static func parallel(_ count: Int, workers: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: min(workers, max(1, count))) { worker in
            for index in stride(from: worker, to: count, by: workers) { body(index) }
        }
    }

    /// The cover and contents, then every document laid out again (a few at a time, on
    /// every worker) and drawn straight into the file, each starting on an odd page, each
    /// with a bookmark. Memory stays flat however long the pack: a print pack has no
    /// structure tree or links, which Cairo would hold until the end.
    func combine(_ jobs: [Job], entries: [Manifest.Entry], paper: Paper, workers: Int,
                 to target: URL) throws(DiagnosticError) -> Int {
        let pages = Dictionary(entries.map { ($0.file, $0.pages) }, uniquingKeysWith: { a, _ in a })
        let date = jobs.map(\.article.documentDate).max() ?? CalendarDate(year: 2000, month: 1, day: 1)!
        func cover(_ starts: [Int]) throws(DiagnosticError) -> LayoutResult {
            let entries = zip(jobs, starts).map { job, start in
                PackCover.Entry(title: job.article.title, detail: Self.detail(job.options), page: start)
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
        let info = DocumentInfo(title: "Handout pack (\(paper.rawValue))", author: "Handout", subject: "Print-ready pack",
                                keywords: "", creator: "Handout", date: "\(date)T00:00:00")
        var failure: DiagnosticError?
        var pageCount = 0
        do throws(DiagnosticError) {
            try AtomicFile.write(to: target.path) { descriptor in
                let writer = PDFWriter(info: info, printingTo: descriptor)
                do throws(DiagnosticError) {
                    // Drawn and let go before the documents: the contents grow with the pack.
                    writer.add(try cover(starts).pages, bookmarks: false)
                    writer.addBookmark("Contents", page: 1)
                    try addDocuments(jobs, starts: starts, paper: paper, workers: workers, to: writer)
                } catch {
                    failure = error
                }
                pageCount = writer.pageCount
                return writer.finish() != nil && failure == nil
            }
        } catch {
            throw failure ?? error
        }
        return pageCount
    }

    /// Lays the documents out a few articles at a time (one to a worker, each read once)
    /// and draws each batch in order.
    private func addDocuments(_ jobs: [Job], starts: [Int], paper: Paper, workers: Int,
                              to writer: PDFWriter) throws(DiagnosticError) {
        let groups = Self.groups(jobs)
        var articleBookmarks: [String: Int] = [:]
        for batch in stride(from: 0, to: groups.count, by: workers) {
            let batchGroups = Array(groups[batch..<min(batch + workers, groups.count)])
            let layouts = ResultBox<Result<[LayoutResult], DiagnosticError>>(count: batchGroups.count)
            Self.parallel(batchGroups.count, workers: workers) { slot in
                layouts.set(slot, Result { () throws(DiagnosticError) -> [LayoutResult] in
                    let article = try jobs[batchGroups[slot].lowerBound].article.load()
                    return try batchGroups[slot].map { index throws(DiagnosticError) in
                        try self.withPublisher { publisher throws(DiagnosticError) in
                            try publisher.layout(article, options: jobs[index].options).0
                        }
                    }
                })
            }
            for (group, layout) in zip(batchGroups, layouts.values) {
                for (index, rendered) in zip(group, try layout!.get()) {
                    let job = jobs[index]
                    while writer.pageCount + 1 < starts[index] { writer.addBlankPage(size: rendered.pages.first?.size ?? paper.size) }
                    let parent = articleBookmarks[job.article.slug] ?? writer.addBookmark(job.article.title, page: starts[index])
                    articleBookmarks[job.article.slug] = parent
                    writer.addBookmark(Self.detail(job.options), page: starts[index], parent: parent)
                    writer.add(rendered.pages, bookmarks: false)
                }
            }
        }
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
