// The HTTP routes: the web page, the PDF and PNG routes, the JSON API, health and metrics.
// Every parameter is checked before use; articles are found by slug, never by path.
import Diagnostics
import Foundation
import HandoutKit
import Hummingbird

struct Routes: Sendable {
    let library: ArticleLibrary
    let service: RenderService
    let metrics: ServerMetrics
    let bodyLimit: Int
    let bodyTimeout: Double
    let renderToken: String?
    let postTextLimit: Int
    let clinic: Clinic?
    /// The Bangla web fonts by file name, read at start-up: a phone or a clinic's PC without
    /// a Bangla font would show the page's Bangla as empty boxes.
    let webFonts: [String: Data]
    /// The documents' words, for dates in the page's language (nil if the layouts folder is broken).
    let labels: Labels?

    /// Every route's path and methods, for 405 with Allow.
    static let table: [(path: [Substring], methods: [HTTPRequest.Method])] = [
        ("/", [.get]), ("/style.css", [.get]), ("/fonts/:file", [.get]), ("/healthz", [.get]), ("/metrics", [.get]), ("/api/articles", [.get]),
        ("/api/render", [.post]), ("/articles/:slug", [.get]), ("/articles/:slug/print", [.post]), ("/articles/:slug/:file", [.get]),
    ].map { ($0.0.split(separator: "/"), $0.1) }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { request, _ in try self.indexPage(request) }
        router.get("/style.css") { _, _ in Self.response(Pages.css, type: "text/css; charset=utf-8") }
        router.get("/fonts/:file") { request, context in try self.webFont(request, file: context.parameters.require("file")) }
        router.get("/healthz") { _, _ in
            let catalog = self.library.current
            var response = Self.response(Self.healthText(catalog, folder: self.library.folder), type: "text/plain; charset=utf-8")
            response.status = Self.healthStatus(catalog)
            return response
        }
        router.get("/metrics") { _, _ in Self.response(self.metrics.text, type: "text/plain; version=0.0.4") }
        router.get("/api/articles") { _, _ in try self.articleList() }
        router.post("/api/render") { request, _ in try await self.renderPosted(request) }
        router.get("/articles/:slug") { request, context in try await self.articlePage(request, slug: context.parameters.require("slug")) }
        router.post("/articles/:slug/print") { request, context in
            try await self.printForPatient(request, slug: context.parameters.require("slug"))
        }
        router.get("/articles/:slug/:file") { request, context in
            try await self.document(request, slug: context.parameters.require("slug"), file: context.parameters.require("file"))
        }
        return router
    }

    /// "ok" while the server serves articles, then how many, then each file not served as it
    /// stands on disk: a readiness probe reads the status, an operator the lines.
    static func healthText(_ catalog: ArticleLibrary.Catalog, folder: URL) -> String {
        let first = catalog.sorted.isEmpty ? "not ready: no article is served from \(folder.path)" : "ok"
        return ([first, "articles: \(catalog.sorted.count)"] + catalog.problems.map { "problem: \($0)" })
            .joined(separator: "\n") + "\n"
    }

    /// 503 while no article is served: a replica with an empty or unreadable folder is taken
    /// out of the load balancer rather than answering every clinic "No article".
    static func healthStatus(_ catalog: ArticleLibrary.Catalog) -> HTTPResponse.Status {
        catalog.sorted.isEmpty ? .serviceUnavailable : .ok
    }

    // MARK: Pages

    func indexPage(_ request: Request) throws -> Response {
        let ui = try UILanguage(request)
        // Forms send spaces as "+"; the query decoder leaves them.
        let query = (request.uri.queryParameters.get("q").map { String($0) } ?? "").replacingOccurrences(of: "+", with: " ")
        let entries = library.all.filter { $0.matches(query) }
        return Self.html(Pages.index(entries, query: query, ui: ui))
    }

    /// The article's page, previewing the document, language and paper chosen (`?doc=&lang=&paper=`),
    /// with how many pages and sheets it prints on.
    func articlePage(_ request: Request, slug: String) async throws -> Response {
        let ui = try UILanguage(request)
        guard Self.isSlug(slug), let entry = library.entry(slug) else { throw HTTPError(.notFound, message: "No article '\(slug)'") }
        let query = request.uri.queryParameters
        let document = try query.get("doc").map { try Self.document(String($0), of: entry.article) } ?? .handout
        // Without a choice, the page's own language: Bangla alone on the Bangla page.
        let chosen = try options(document: document) { name in
            query.get(name).map { String($0) } ?? (name == "lang" ? (ui == .bn ? "bn" : "en+bn") : nil)
        }
        // The count is a courtesy: when the service is busy the page still comes, without it.
        let pages = try? await service.pageCount(for: RenderKey(slug: slug, articleHash: entry.hash, options: chosen),
                                                 article: entry.article)
        return Self.html(Pages.article(entry.article, ui: ui, labels: labels, chosen: chosen, pages: pages))
    }

    // MARK: Documents

    /// `/articles/SLUG/DOC.pdf` or `DOC.png?page=N`, with lang, paper, large-print, download.
    func document(_ request: Request, slug: String, file: String) async throws -> Response {
        guard Self.isSlug(slug), let entry = library.entry(slug) else { throw HTTPError(.notFound, message: "No article '\(slug)'") }
        if file == "document" { return try choose(request, slug: slug) }
        let parts = file.split(separator: ".", maxSplits: 1).map { String($0) }
        guard parts.count == 2, let document = DocumentKind(rawValue: parts[0]), ["pdf", "png"].contains(parts[1]) else {
            throw HTTPError(.notFound, message: "No document '\(file)': use one of \(DocumentKind.allCases.map { "\($0.rawValue).pdf" }.joined(separator: ", "))")
        }
        _ = try Self.document(document.rawValue, of: entry.article)
        let options = try options(request, document: document)
        var page: Int?
        if parts[1] == "png" {
            let text = request.uri.queryParameters.get("page").map { String($0) } ?? "1"
            guard let number = Int(text), (1...500).contains(number) else {
                throw HTTPError(.badRequest, message: "page must be a page number, e.g. page=1")
            }
            page = number
        }
        let key = RenderKey(slug: slug, articleHash: entry.hash, options: options, previewPage: page)
        let data = try await render(key, article: entry.article)
        let name = "\(slug)-\(document.rawValue)-\(options.mode.fileName)-\(options.paper.rawValue)\(options.largePrint ? "-large" : "").\(parts[1])"
        let download = request.uri.queryParameters.get("download") == "1"
        // A Bangla document is saved under its Bangla title (RFC 6266 filename*), the ASCII name beside it.
        var disposition = "\(download ? "attachment" : "inline"); filename=\"\(name)\""
        if options.mode != .en, let title = entry.article.title.bn {
            let bangla = "\(title.split(separator: " ").joined(separator: "-"))-\(document.rawValue)-\(options.mode.fileName).\(parts[1])"
            disposition += "; filename*=UTF-8''\(Self.percentEncoded(bangla))"
        }
        return Self.file(data, request: request, type: page == nil ? "application/pdf" : "image/png", disposition: disposition)
    }

    /// The document `name` names, and one `article` can make: 400 for a name that is no
    /// document, 404 for one the article has nothing for (a nutrition guide without a diet section).
    static func document(_ name: String?, of article: Article?) throws -> DocumentKind {
        guard let name, let document = DocumentKind(rawValue: name) else {
            throw HTTPError(.badRequest, message: "doc must be one of \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let article, let missing = document.missing(in: article) { throw HTTPError(.notFound, message: missing.message) }
        return document
    }

    /// The web page's form: on to the chosen document's address.
    func choose(_ request: Request, slug: String) throws -> Response {
        let query = request.uri.queryParameters
        let document = try Self.document(query.get("doc").map { String($0) }, of: library.entry(slug)?.article)
        // The page offers "fillable" beside every document: it applies to the forms only.
        let fillable = query.get("fillable") == "1" && RenderOptions.fillableDocuments.contains(document)
        let options = try options(document: document) { name in
            name == "fillable" ? (fillable ? "1" : "0") : query.get(name).map { String($0) }
        }
        let download = query.get("download") == "1" ? "1" : "0"
        let lang = options.mode.rawValue.replacingOccurrences(of: "+", with: "%2B")
        // Preview: back to the article's page, showing the chosen document.
        if query.get("preview") == "1" {
            let ui = (try? UILanguage(request)) ?? .en
            let page = "/articles/\(slug)?doc=\(document.rawValue)&lang=\(lang)&paper=\(options.paper.rawValue)&large-print=\(options.largePrint ? 1 : 0)&ui=\(ui.rawValue)"
            return Response(status: .seeOther, headers: [.location: page])
        }
        let location = "/articles/\(slug)/\(document.rawValue).pdf?lang=\(lang)&paper=\(options.paper.rawValue)&large-print=\(options.largePrint ? 1 : 0)"
            + (options.fillable ? "&fillable=1" : "") + "&download=\(download)"
        return Response(status: .seeOther, headers: [.location: location])
    }

    /// An article file in the body (an editor's preview): the PDF, or 422 with the diagnostics.
    func renderPosted(_ request: Request) async throws -> Response {
        try checkPoster(request)
        // A body shorter than its Content-Length would otherwise hold the connection for ever.
        let limit = bodyLimit
        let body = try await withTimeLimit(bodyTimeout, else: HTTPError(.requestTimeout, message: "The article did not arrive within \(String(format: "%g", bodyTimeout)) s")) {
            var request = request
            return try await request.collectBody(upTo: limit)
        }
        let data = Data(body.readableBytesView)
        let documentName = request.uri.queryParameters.get("doc").map { String($0) } ?? "handout"
        let document = try Self.document(documentName, of: nil)
        let options = try options(request, document: document)
        let article: Article
        do {
            article = try ArticleLoader.load(data: data, file: "posted.yaml").article
        } catch {
            return try Self.json(["errors": error.diagnostics.map(\.jsonObject)], status: .unprocessableContent)
        }
        // Layout is what costs time and memory; counting texts is cheap and bounds it.
        let count = article.allTexts.count
        guard count <= postTextLimit else {
            throw HTTPError(.contentTooLarge, message: "The article has \(count) texts; a posted one may have at most \(postTextLimit). Render it with 'handout render' instead")
        }
        let key = RenderKey(slug: "posted-" + sha256Hex(data), articleHash: sha256Hex(data), options: options, previewPage: nil)
        let pdf = try await render(key, article: article, lane: .posted)
        return Self.file(pdf, request: request, type: "application/pdf",
                         disposition: "inline; filename=\"\(article.metadata.slug)-\(document.rawValue).pdf\"")
    }

    /// Media types an article file is posted as; JSON is YAML too.
    static let articleTypes: Set<String> = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json"]

    /// Only an editor holding the server's token may post, and only an article file. Both need
    /// headers a form on another site cannot send without the browser asking first, so a page a
    /// receptionist visits cannot post work here.
    private func checkPoster(_ request: Request) throws {
        guard let renderToken else {
            throw HTTPError(.forbidden, message: "Posting articles is turned off: start the server with --render-token or HANDOUT_RENDER_TOKEN")
        }
        let given = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        guard let given, Self.sameSecret(given, renderToken) else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"handout\""],
                            message: "Posting needs the server's render token: Authorization: Bearer TOKEN")
        }
        let type = request.headers[.contentType]?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard Self.articleTypes.contains(type) else {
            throw HTTPError(.unsupportedMediaType, message: "Post an article file as application/yaml or application/json, not '\(type)'")
        }
    }

    /// Compares every byte whatever the first difference, so timing does not leak the token.
    static func sameSecret(_ given: String, _ secret: String) -> Bool {
        let a = Array(given.utf8), b = Array(secret.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func render(_ key: RenderKey, article: Article, lane: Lane = .library) async throws -> Data {
        do {
            return try await service.bytes(for: key, article: article, lane: lane)
        } catch RenderFailure.overloaded {
            metrics.turnedAway()
            throw HTTPError(.serviceUnavailable, headers: [.retryAfter: "2"], message: "Busy: please try again in a moment")
        } catch RenderFailure.timedOut(let seconds) {
            throw HTTPError(.gatewayTimeout, message: "The document took longer than \(String(format: "%g", seconds)) s and was abandoned")
        } catch RenderFailure.invalid(let diagnostics) {
            throw HTTPError(.unprocessableContent, message: diagnostics.map(\.description).joined(separator: "\n"))
        } catch RenderFailure.noSuchPage(let count) {
            throw HTTPError(.badRequest, message: "page must be from 1 to \(count)")
        }
    }

    func articleList() throws -> Response {
        try Self.json(library.all.map(ArticleSummary.init))
    }

    /// One article in `GET /api/articles`. Encoded from a type, not a dictionary: the list of
    /// a large library is asked for often and Foundation's dictionary writer is slow.
    struct ArticleSummary: Encodable {
        struct Title: Encodable {
            var en: String
            /// Left out when there is no Bangla title.
            var bn: String?
        }

        var slug: String
        var title: Title
        /// The documents the article can make.
        var documents: [String]
        var languages: [String]
        var bangla: ArticleLibrary.BanglaCount
        var lastReviewed: String?

        init(_ entry: ArticleLibrary.Entry) {
            let article = entry.article
            slug = article.metadata.slug
            title = Title(en: article.title.en, bn: article.title.bn)
            documents = DocumentKind.made(from: article).map(\.rawValue)
            languages = entry.bangla.left == 0 ? ["en", "bn", "en+bn"] : ["en"]
            bangla = entry.bangla
            lastReviewed = article.metadata.lastReviewed.map { "\($0)" }
        }
    }

    // MARK: Parameters

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    func options(_ request: Request, document: DocumentKind) throws -> RenderOptions {
        let query = request.uri.queryParameters
        return try options(document: document) { query.get($0).map { String($0) } }
    }

    /// The render options from named values (a query string, or a form's body).
    func options(document: DocumentKind, _ value: (String) -> String?) throws -> RenderOptions {
        let langText = value("lang") ?? "en+bn"
        // A "+" in a query string may arrive as a space.
        guard let mode = LanguageMode(rawValue: langText.replacingOccurrences(of: " ", with: "+")) else {
            throw HTTPError(.badRequest, message: "lang must be en, bn or en+bn")
        }
        guard let paper = Paper(rawValue: value("paper") ?? "a4") else {
            throw HTTPError(.badRequest, message: "paper must be a4 or letter")
        }
        let large = value("large-print") ?? "0"
        guard ["0", "1"].contains(large) else { throw HTTPError(.badRequest, message: "large-print must be 0 or 1") }
        let fillable = value("fillable") ?? "0"
        guard ["0", "1"].contains(fillable) else { throw HTTPError(.badRequest, message: "fillable must be 0 or 1") }
        if fillable == "1", !RenderOptions.fillableDocuments.contains(document) {
            throw HTTPError(.badRequest, message: "fillable is for \(RenderOptions.fillableDocuments.map(\.rawValue).joined(separator: ", ")), not the \(document.rawValue)")
        }
        return RenderOptions(document: document, mode: mode, paper: paper, largePrint: large == "1", clinic: clinic,
                             fillable: fillable == "1")
    }

    // MARK: Responses

    /// A file with a strong ETag from its content; a matching If-None-Match gets 304.
    /// A Bangla web font: kept by the browser for a week, revalidated by its ETag.
    func webFont(_ request: Request, file: String) throws -> Response {
        guard let data = webFonts[file] else { throw HTTPError(.notFound, message: "No font '\(file)'") }
        var response = Self.file(data, request: request, type: "font/ttf", disposition: "inline; filename=\"\(file)\"")
        response.headers[.cacheControl] = "public, max-age=604800"
        return response
    }

    /// The fonts the page's style sheet names, from the fonts folder.
    static func webFonts(in folder: URL) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: Pages.webFontFiles.compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, $0) }
        })
    }

    static func file(_ data: Data, request: Request, type: String, disposition: String) -> Response {
        let tag = "\"\(sha256Hex(data).prefix(32))\""
        // If-None-Match compares weakly: W/"x" matches "x", and * matches anything.
        let wanted = request.headers[.ifNoneMatch]?.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
        } ?? []
        if wanted.contains(tag) || wanted.contains("*") {
            return Response(status: .notModified, headers: [.eTag: tag])
        }
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: disposition, .eTag: tag,
                                               .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// RFC 5987 encoding: every byte but the letters, digits and a few marks as %XX.
    static func percentEncoded(_ text: String) -> String {
        let kept = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        return text.utf8.map { kept.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }

    static func response(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// HTML with a strict policy: nothing but this server's own styles, images and forms.
    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy: "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            .init("X-Content-Type-Options")!: "nosniff",
        ], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ object: Any, status: HTTPResponse.Status) throws -> Response {
        json(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), status: status)
    }

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return json(try encoder.encode(value), status: .ok)
    }

    static func json(_ data: Data, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

