// The print service: `buildApplication` is used by `handout serve` and by the tests.
import Foundation
import HandoutKit
import Hummingbird

public struct ServerSettings: Sendable {
    public var articles: URL
    public var host: String
    public var port: Int
    /// Renders at once (default: one per core).
    public var workers: Int
    /// Renders that may wait; past that, 503 with Retry-After.
    public var queueLimit: Int
    /// Seconds a request waits for its render before giving up.
    public var timeLimit: Double
    /// Posted articles that may wait behind the one being rendered (their own queue).
    public var postQueueLimit: Int
    public var bodyLimit: Int
    /// Seconds a posted body may take to arrive; past it, 408.
    public var bodyTimeout: Double
    /// Seconds a connection may sit without a request (or with headers half sent) before it is closed.
    public var idleTimeout: Double
    /// The secret a `POST /api/render` must carry (`Authorization: Bearer …`); nil turns posting off.
    public var renderToken: String?
    /// Seconds between looks at the articles folder; a changed file is read at the second look
    /// that finds it unchanged.
    public var recheck: Double
    /// The most texts (paragraphs, items, headings) a posted article may have: ten times a long
    /// article, so a real one always fits and a huge one is refused before any layout.
    public var postTextLimit: Int
    /// The clinic the server prints for: its name and numbers on every document.
    public var clinic: Clinic?
    public var resources: Resources

    public init(articles: URL, host: String = "127.0.0.1", port: Int = 8080,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, queueLimit: Int = 16,
                timeLimit: Double = 20, postQueueLimit: Int = 2, bodyLimit: Int = 1_000_000, bodyTimeout: Double = 10, idleTimeout: Double = 30, renderToken: String? = nil,
                recheck: Double = 1, postTextLimit: Int = 2000, clinic: Clinic? = nil, resources: Resources = .standard()) {
        self.articles = articles
        self.host = host
        self.port = port
        self.workers = workers
        self.queueLimit = queueLimit
        self.timeLimit = timeLimit
        self.postQueueLimit = postQueueLimit
        self.bodyLimit = bodyLimit
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.renderToken = renderToken
        self.recheck = recheck
        self.postTextLimit = postTextLimit
        self.clinic = clinic
        self.resources = resources
    }
}

/// The server, ready to run or to test.
public func buildApplication(_ settings: ServerSettings) -> some ApplicationProtocol {
    let metrics = ServerMetrics()
    let service = RenderService(pool: PublisherPool(resources: settings.resources), workers: settings.workers,
                                queueLimit: settings.queueLimit, postQueueLimit: settings.postQueueLimit, timeLimit: settings.timeLimit, metrics: metrics)
    let library = ArticleLibrary(folder: settings.articles, recheck: .milliseconds(Int64(settings.recheck * 1000)), metrics: metrics)
    let routes = Routes(library: library, service: service, metrics: metrics,
                        bodyLimit: settings.bodyLimit, bodyTimeout: settings.bodyTimeout, renderToken: settings.renderToken, postTextLimit: settings.postTextLimit,
                        clinic: settings.clinic, webFonts: Routes.webFonts(in: settings.resources.fonts),
                        labels: try? Labels.load(path: settings.resources.layouts.appendingPathComponent("labels.yaml").path))
    return Application(responder: HTTPManners(inner: routes.router().buildResponder(), routes: Routes.table),
                       server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(settings.idleTimeout * 1000)))),
                       configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Handout"),
                       services: [library])
}
