// What every response owes the client, whatever route made it: HEAD answered like GET
// without the body, 405 with Allow for a path that exists under other methods, gzip for
// pages, JSON and text when the client takes it, and the security headers (no sniffing,
// no referrer, a strict policy for anything that is not a page).
import CompressNIO
import Foundation
import Hummingbird

/// Wraps the router, so it sees every request, those no route takes included.
struct HTTPManners<Inner: HTTPResponder>: HTTPResponder where Inner.Context: RequestContext {
    let inner: Inner
    /// Each route's path (":name" matches one part) and the methods it answers.
    let routes: [(path: [Substring], methods: [HTTPRequest.Method])]

    func respond(to request: Request, context: Inner.Context) async throws -> Response {
        var request = request
        let head = request.method == .head
        if head {
            var asGet = request.head
            asGet.method = .get
            request = Request(head: asGet, body: request.body)
        }
        var response: Response
        do {
            response = try await inner.respond(to: request, context: context)
        } catch let error as HTTPError {
            // Errors become responses here, so they get the headers too.
            response = try error.response(from: request, context: context)
        }
        // No route for this method, but one for others: say which (405 with Allow).
        if response.status == .notFound, let allowed = methods(for: request.uri.path), !allowed.contains(request.method) {
            let allow = (allowed + (allowed.contains(.get) ? [.head] : [])).map(\.rawValue).joined(separator: ", ")
            response = Response(status: .methodNotAllowed, headers: [.allow: allow, .contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "\(request.method.rawValue) is not allowed here: use \(allow)\n")))
        }
        if response.status.code >= 400, ErrorPages.wanted(by: request) {
            response = try await ErrorPages.page(for: response, request: request)
        }
        Self.secure(&response.headers)
        response = try await Self.compressed(response, accepting: request.headers[.acceptEncoding])
        if head {
            let length = response.body.contentLength
            response.body = ResponseBody()
            if let length { response.headers[.contentLength] = String(length) }
        }
        return response
    }

    /// The methods of the route `path` belongs to; nil when none has it. A route spelled out
    /// ("/articles/:slug/print") wins over one with a parameter in its place, as in the router.
    func methods(for path: String) -> [HTTPRequest.Method]? {
        let parts = path.split(separator: "/")
        let matching = routes.filter { route in
            route.path.count == parts.count && zip(route.path, parts).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }
        let parameters = { (route: (path: [Substring], methods: [HTTPRequest.Method])) in route.path.filter { $0.hasPrefix(":") }.count }
        guard let fewest = matching.map(parameters).min() else { return nil }
        return matching.filter { parameters($0) == fewest }.flatMap(\.methods)
    }

    /// Pages, JSON and text as gzip when the client accepts it: they shrink to a fifth or
    /// less, which counts on a clinic's mobile data. PDFs and PNGs are compressed already.
    static func compressed(_ response: Response, accepting: String?) async throws -> Response {
        guard let type = response.headers[.contentType], type.hasPrefix("text/") || type.hasPrefix("application/json"),
              response.headers[.contentEncoding] == nil else { return response }
        var response = response
        // Caches in between must keep the two versions apart.
        response.headers[.vary] = "Accept-Encoding"
        guard acceptsGzip(accepting), (response.body.contentLength ?? 0) >= 256 else { return response }
        let collected = HTTPMannersBody.Collector()
        try await response.body.write(collected)
        var plain = collected.buffer
        let gzip = try plain.compress(with: .gzip())
        response.body = ResponseBody(byteBuffer: gzip)
        response.headers[.contentEncoding] = "gzip"
        response.headers[.contentLength] = String(gzip.readableBytes)
        return response
    }

    /// Whether an Accept-Encoding value takes gzip (by name or `*`, with a quality above 0).
    static func acceptsGzip(_ value: String?) -> Bool {
        guard let value else { return false }
        return value.split(separator: ",").contains { part in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let name = pieces.first, name == "gzip" || name == "*" else { return false }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
    }


    static func secure(_ headers: inout HTTPFields) {
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'none'" }
    }
}

/// Response bodies read back in the server (to compress them, or to turn an error into a page).
enum HTTPMannersBody {
    /// Gathers a response body that is already in memory (pages, JSON and text always are).
    final class Collector: ResponseBodyWriter {
        var buffer = ByteBuffer()
        func write(_ part: ByteBuffer) async throws { buffer.writeImmutableBuffer(part) }
        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
