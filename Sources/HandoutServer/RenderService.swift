// Renders for the server, off the event loop: at most one render per core at a time, a
// bounded queue behind them (past it: "busy, retry later"), identical requests in flight
// rendered once, recent results kept, and a time limit after which a caller stops waiting.
// Editors' posted articles wait in a small queue of their own, so they never hold up a clinic.
import CMalloc
import Diagnostics
import Foundation
import HandoutKit

/// What to render: the article's content hash makes a changed file a new key.
struct RenderKey: Hashable, Sendable {
    var slug: String
    var articleHash: String
    var options: RenderOptions
    /// nil for the PDF; a page number for a PNG preview.
    var previewPage: Int?
    /// Several documents as one PDF (a patient's papers); empty for `options.document` alone.
    var bundle: [DocumentKind] = []
    /// In a bundle, each document starts on an odd page.
    var newSheet = false
}

/// Which queue a render waits in.
enum Lane: Sendable {
    /// The library's documents, which clinics print.
    case library
    /// Editors' posted previews: one at a time, a short queue, and not kept in the cache.
    case posted
    /// A clinic's print for one patient: the library's workers, but never cached nor shared
    /// with another request, since it holds personal data.
    case personal
}

enum RenderFailure: Error, Sendable {
    case overloaded
    case timedOut(seconds: Double)
    case invalid([Diagnostic])
    case noSuchPage(Int)
}

final class RenderService: Sendable {
    let pool: PublisherPool
    let gate: Gate
    let postGate: Gate
    let inFlight = InFlight()
    let cache = ResultCache<Data>(capacity: 64)
    /// How many pages each recent library document has, for the page's "N pages" line.
    let pageCounts = ResultCache<Int>(capacity: 512)
    let timeLimit: Double
    let metrics: ServerMetrics
    private let queue = DispatchQueue(label: "handout.render", attributes: .concurrent)

    init(pool: PublisherPool, workers: Int, queueLimit: Int, postQueueLimit: Int, timeLimit: Double, metrics: ServerMetrics) {
        self.pool = pool
        gate = Gate(slots: workers, queueLimit: queueLimit)
        postGate = Gate(slots: 1, queueLimit: postQueueLimit)
        self.timeLimit = timeLimit
        self.metrics = metrics
    }

    /// The bytes for `key`: from the cache, from a render already under way, or rendered now.
    func bytes(for key: RenderKey, article: Article, lane: Lane = .library) async throws -> Data {
        if lane == .library, let cached = cache[key] { return cached }
        let gate = lane == .posted ? postGate : gate
        let start = {
            Task {
                try await gate.enter()
                defer { Task { await gate.leave() } }
                defer { if lane == .posted { Self.returnFreedMemory() } }
                let data = try await self.render(key, article: article)
                if lane == .library { self.cache[key] = data }
                return data
            }
        }
        let shared = lane != .personal
        let task = shared ? await inFlight.task(for: key, start: start) : start()
        defer { if shared { Task { await inFlight.finish(key) } } }
        return try await withTimeLimit(timeLimit, else: RenderFailure.timedOut(seconds: timeLimit)) { try await task.value }
    }

    /// A posted article can be ten times a long one; glibc keeps the memory its layout freed
    /// for later use, so a burst of posts would leave the server hundreds of MB larger.
    /// Give it back to the system once a post is done.
    private static func returnFreedMemory() {
        malloc_trim(0)
    }

    /// Renders on a worker thread, timing it for the metrics.
    private func render(_ key: RenderKey, article: Article) async throws -> Data {
        let document = key.options.document.rawValue
        let start = DispatchTime.now().uptimeNanoseconds
        let result: Result<(data: Data, pages: Int), RenderFailure> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Self.produce(key, article: article, pool: self.pool))
            }
        }
        metrics.rendered(document: document, nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - start),
                         failed: (try? result.get()) == nil)
        let made = try result.get()
        if key.options.patient == nil { pageCounts[key] = made.pages }
        return made.data
    }

    /// How many pages the document of `key` has: rendered (and kept) if it has not been yet.
    func pageCount(for key: RenderKey, article: Article) async throws -> Int {
        if let known = pageCounts[key] { return known }
        _ = try await bytes(for: key, article: article)
        return pageCounts[key] ?? 0
    }

    private static func produce(_ key: RenderKey, article: Article, pool: PublisherPool) -> Result<(data: Data, pages: Int), RenderFailure> {
        do {
            // The preview is drawn while the Publisher is held: its pages' text belongs to
            // the Publisher's Pango objects, which another request may use once it is back.
            return try pool.withPublisher { publisher throws(DiagnosticError) -> Result<(data: Data, pages: Int), RenderFailure> in
                let rendered = key.bundle.isEmpty ? try publisher.render(article, options: key.options)
                    : try publisher.render(article, documents: key.bundle, options: key.options, newSheet: key.newSheet)
                let pages = rendered.sheets
                guard let page = key.previewPage else { return .success((rendered.pdf, pages.count)) }
                guard (1...pages.count).contains(page) else { return .failure(.noSuchPage(pages.count)) }
                return .success((PNGRendererBridge.png(rendered, page: page), pages.count))
            }
        } catch {
            return .failure(.invalid(error.diagnostics))
        }
    }
}

/// `body`'s result, or `failure` thrown once `seconds` have passed without one.
func withTimeLimit<T: Sendable>(_ seconds: Double, else failure: any Error & Sendable,
                                _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            throw failure
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// A thumbnail: the first page at a low resolution.
enum PNGRendererBridge {
    static func png(_ rendered: Rendered, page: Int) -> Data {
        var one = rendered
        one.sheets = [rendered.sheets[page - 1]]
        return one.images(dpi: 48)[0]
    }
}

/// At most `slots` renders at once and `queueLimit` waiting; more are turned away.
actor Gate {
    let slots: Int
    let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(slots: Int, queueLimit: Int) {
        self.slots = max(1, slots)
        self.queueLimit = queueLimit
    }

    func enter() async throws {
        if running < slots {
            running += 1
            return
        }
        guard waiting.count < queueLimit else { throw RenderFailure.overloaded }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()   // the slot passes straight to the next in line
        }
    }
}

/// Renders under way, so that identical requests share one.
actor InFlight {
    private var tasks: [RenderKey: Task<Data, any Error>] = [:]

    func task(for key: RenderKey, start: () -> Task<Data, any Error>) -> Task<Data, any Error> {
        if let running = tasks[key] { return running }
        let task = start()
        tasks[key] = task
        return task
    }

    func finish(_ key: RenderKey) {
        tasks[key] = nil
    }
}

/// The most recent results, oldest dropped first.
final class ResultCache<Value>: @unchecked Sendable {
    let capacity: Int
    private var entries: [RenderKey: Value] = [:]
    private var order: [RenderKey] = []
    private let lock = NSLock()

    init(capacity: Int) {
        self.capacity = capacity
    }

    subscript(key: RenderKey) -> Value? {
        get { lock.withLock { entries[key] } }
        set {
            lock.withLock {
                guard let newValue else { return }
                if entries.updateValue(newValue, forKey: key) == nil { order.append(key) }
                while order.count > capacity { entries[order.removeFirst()] = nil }
            }
        }
    }
}
