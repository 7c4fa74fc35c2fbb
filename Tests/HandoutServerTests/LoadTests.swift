// Behaviour under load, with one worker and a queue of one: requests past the queue are
// turned away with 503 and Retry-After, identical requests in flight share one render,
// and a render past the time limit is answered 504.
import Foundation
import HandoutServer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Load")
struct LoadTests {
    /// One request that reads the articles folder, before the concurrent ones (see
    /// `concurrentFirstRequests` for why).
    static func loadLibrary(_ client: any TestClientProtocol) async throws {
        let list = try await client.get("/api/articles")
        #expect(list.status == .ok)
        #expect(list.text.contains(Fixture.slug))
    }

    static func concurrently(_ client: any TestClientProtocol, _ uris: [String]) async throws -> [(String, TestResponse)] {
        try await withThrowingTaskGroup(of: (String, TestResponse).self) { group in
            for uri in uris { group.addTask { (uri, try await client.get(uri)) } }
            var all: [(String, TestResponse)] = []
            for try await item in group { all.append(item) }
            return all
        }
    }

    @Test("The first requests to a fresh server, arriving together, all find the article")
    func concurrentFirstRequests() async throws {
        try await Fixture.withServer { client, _ in
            let uris = ["/articles/hemifacial-spasm", "/api/articles", "/articles/hemifacial-spasm?ui=bn", "/?q=spasm",
                        "/articles/hemifacial-spasm/document?doc=card", "/articles/hemifacial-spasm", "/api/articles",
                        "/articles/hemifacial-spasm/handout.png?page=1"]
            let responses = try await Self.concurrently(client, uris)
            // The library reads the folder before the first request, so none sees it empty.
            for (uri, response) in responses {
                #expect(response.status == .ok || response.status == .seeOther, "\(uri): \(response.status.code) \(response.errorMessage)")
                #expect(!response.text.contains("No article"), "\(uri)")
                #expect(response.text.contains(Fixture.slug) || response.status == .seeOther || Bytes.isPNG(response.bytes),
                        "\(uri)")
            }
            // Once the first read is done, every request finds it.
            for uri in uris {
                let again = try await client.get(uri)
                #expect(again.status == .ok || again.status == .seeOther, "\(uri) again")
            }
        }
    }

    @Test("Past one running and one waiting render, requests get 503 with Retry-After; the others succeed")
    func overloaded() async throws {
        try await Fixture.withServer({ $0.workers = 1; $0.queueLimit = 1 }) { client, _ in
            try await Self.loadLibrary(client)
            // Seven different documents (so none is shared with another request), all at once, in
            // large print: each render takes long enough that all seven arrive while the first runs.
            let uris = Fixture.documents.map { "/articles/hemifacial-spasm/\($0).pdf?lang=en%2Bbn&large-print=1" }
            let responses = try await Self.concurrently(client, uris)
            let ok = responses.filter { $0.1.status == .ok }
            let busy = responses.filter { $0.1.status == .serviceUnavailable }
            #expect(ok.count + busy.count == uris.count, "only 200 and 503: \(responses.map { ($0.0, $0.1.status.code) })")
            #expect(ok.count >= 1)
            #expect(busy.count >= 1)
            // One running and one waiting at most: the rest are turned away.
            #expect(ok.count <= 2, "\(ok.map(\.0))")
            for (_, response) in ok { #expect(Bytes.isPDF(response.bytes)) }
            for (uri, response) in busy {
                #expect(response.headers[.retryAfter] == "2", "\(uri)")
                #expect(response.errorMessage.contains("Busy"), "\(uri)")
            }
            let metrics = try await client.get("/metrics").text
            #expect(Prometheus.value(metrics, "handout_overloaded_total") == Double(busy.count))

            // Once the work is done, the turned-away requests succeed on a retry.
            for (uri, _) in busy {
                let retry = try await client.get(uri)
                #expect(retry.status == .ok, "\(uri) on retry")
            }
        }
    }

    @Test("Identical concurrent requests are rendered once and get identical bytes")
    func coalesced() async throws {
        try await Fixture.withServer({ $0.workers = 1; $0.queueLimit = 1 }) { client, _ in
            try await Self.loadLibrary(client)
            let uri = "/articles/hemifacial-spasm/handout.pdf?lang=en%2Bbn&paper=letter"
            let responses = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for _ in 0..<6 { group.addTask { try await client.get(uri) } }
                var all: [TestResponse] = []
                for try await response in group { all.append(response) }
                return all
            }
            #expect(responses.count == 6)
            #expect(responses.allSatisfy { $0.status == .ok }, "\(responses.map(\.status.code))")
            let first = try #require(responses.first)
            #expect(Bytes.isPDF(first.bytes))
            #expect(responses.allSatisfy { $0.bytes == first.bytes })
            #expect(Set(responses.compactMap { $0.headers[.eTag] }).count == 1)
            let metrics = try await client.get("/metrics").text
            #expect(Prometheus.value(metrics, "handout_renders_total", ["document": "handout"]) == 1)
            #expect(Prometheus.value(metrics, "handout_overloaded_total") == nil)
        }
    }

    @Test("A render past the time limit is abandoned with 504 and a clear message")
    func timeLimit() async throws {
        try await Fixture.withServer({ $0.workers = 1; $0.queueLimit = 1; $0.timeLimit = 0.001 }) { client, _ in
            let response = try await client.get("/articles/hemifacial-spasm/handout.pdf")
            #expect(response.status == .gatewayTimeout)
            #expect(!Bytes.isPDF(response.bytes))
            let message = response.errorMessage
            #expect(message.contains("took longer than"))
            #expect(message.contains("abandoned"))
            #expect(message.contains("0.001 s"), "the message states the limit actually in force: \(message)")
        }
    }

    @Test("An abandoned render still finishes: a retry after the 504 gets the PDF from the cache")
    func retryAfterTimeout() async throws {
        try await Fixture.withServer({ $0.workers = 1; $0.queueLimit = 1; $0.timeLimit = 0.001 }) { client, _ in
            let uri = "/articles/hemifacial-spasm/card.pdf?lang=en"
            #expect(try await client.get(uri).status == .gatewayTimeout)
            var retry = try await client.get(uri)
            for _ in 0..<300 where retry.status == .gatewayTimeout {
                try await Task.sleep(nanoseconds: 100_000_000)
                retry = try await client.get(uri)
            }
            #expect(retry.status == .ok)
            #expect(Bytes.isPDF(retry.bytes))
            let metrics = try await client.get("/metrics").text
            #expect(Prometheus.value(metrics, "handout_renders_total", ["document": "card"]) == 1)
        }
    }
}
