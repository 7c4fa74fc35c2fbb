// The JSON API (the article list, rendering a posted article) and /metrics.
import Foundation
import HandoutServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("API and metrics")
struct APITests {
    @Test("/api/articles lists the sample: slug, titles, documents, languages")
    func articleList() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.get("/api/articles")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let list = try #require(try response.json() as? [[String: Any]])
            #expect(list.count == 1)
            let article = try #require(list.first)
            #expect(article["slug"] as? String == Fixture.slug)
            let title = try #require(article["title"] as? [String: Any])
            #expect(title["en"] as? String == Fixture.titleEN)
            #expect(title["bn"] as? String == Fixture.titleBN)
            #expect(article["documents"] as? [String] == Fixture.documents)
            #expect(article["languages"] as? [String] == ["en", "bn", "en+bn"])
            #expect(article["lastReviewed"] as? String == "2026-11-20")
            // How far the Bangla is: the sample is complete.
            let bangla = try #require(article["bangla"] as? [String: Int])
            #expect(bangla["missing"] == 0 && bangla["needs_review"] == 0 && (bangla["translated"] ?? 0) > 100, "\(bangla)")
        }
    }

    @Test("POST /api/render with a valid article is 200 and a PDF")
    func renderPosted() async throws {
        try await Fixture.withServer { client, _ in
            let text = Fixture.sample(replacing: [("slug: hemifacial-spasm", "slug: posted-preview")])
            let response = try await client.postArticle(text, to: "/api/render?doc=card&lang=en")
            #expect(response.status == .ok, "\(response.errorMessage)")
            #expect(response.headers[.contentType] == "application/pdf")
            #expect(Bytes.isPDF(response.bytes))
            #expect(response.headers[.contentDisposition] == "inline; filename=\"posted-preview-card.pdf\"")
            #expect(response.headers[.eTag] != nil)
            // Posting does not add the article to the library.
            let list = try await client.get("/api/articles").text
            #expect(!list.contains("posted-preview"))
        }
    }

    @Test("POST /api/render with an invalid article is 422 with JSON diagnostics (line, column, message)")
    func renderInvalid() async throws {
        try await Fixture.withServer { client, _ in
            // Broken YAML (an unclosed quote), and a valid YAML that is not a valid article.
            let broken = Fixture.sample(replacing: [("en: \"Hemifacial spasm\"", "en: \"Hemifacial spasm")])
            let incomplete = "slug: Bad Slug\ntitle:\n  en: Only a title\n"
            for body in [broken, incomplete] {
                let response = try await client.postArticle(body)
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let object = try #require(try response.json() as? [String: Any])
                let errors = try #require(object["errors"] as? [[String: Any]])
                #expect(!errors.isEmpty)
                for error in errors {
                    #expect((error["message"] as? String)?.isEmpty == false)
                    #expect(error["severity"] as? String == "error")
                }
                let located = errors.filter { ($0["line"] as? Int ?? 0) >= 1 && ($0["column"] as? Int ?? 0) >= 1 }
                #expect(!located.isEmpty, "some error has a line and column: \(response.text)")
            }
        }
    }

    @Test("POST /api/render with an empty body is 422")
    func renderEmpty() async throws {
        try await Fixture.withServer { client, _ in
            let response = try await client.postArticle(nil)
            #expect(response.status == .unprocessableContent)
            let object = try #require(try response.json() as? [String: Any])
            #expect((object["errors"] as? [Any])?.isEmpty == false)
        }
    }

    @Test("/metrics parses as Prometheus text and counts the renders actually made")
    func metrics() async throws {
        try await Fixture.withServer { client, _ in
            let empty = try await client.get("/metrics")
            #expect(empty.status == .ok)
            #expect(empty.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(Prometheus.parse(empty.text).bad.isEmpty)

            // The same PDF twice: one render, the second from the cache.
            let uri = "/articles/hemifacial-spasm/handout.pdf?lang=en"
            #expect(try await client.get(uri).status == .ok)
            #expect(try await client.get(uri).status == .ok)
            var text = try await client.get("/metrics").text
            var parsed = Prometheus.parse(text)
            #expect(parsed.bad.isEmpty, "lines that are not Prometheus samples: \(parsed.bad)")
            #expect(!parsed.samples.isEmpty)
            #expect(Prometheus.value(text, "handout_renders_total", ["document": "handout"]) == 1)
            #expect(Prometheus.value(text, "handout_render_duration_seconds_count", ["document": "handout"]) == 1)
            #expect(Prometheus.value(text, "handout_render_errors_total", ["document": "handout"]) == nil)

            // A different language is a second render; a 304 is not one.
            let bangla = try await client.get("/articles/hemifacial-spasm/handout.pdf?lang=bn")
            #expect(bangla.status == .ok)
            let tag = try #require(bangla.headers[.eTag])
            #expect(try await client.get("/articles/hemifacial-spasm/handout.pdf?lang=bn", headers: [.ifNoneMatch: tag]).status
                == .notModified)
            #expect(try await client.get("/articles/hemifacial-spasm/card.pdf?lang=en").status == .ok)
            text = try await client.get("/metrics").text
            parsed = Prometheus.parse(text)
            #expect(parsed.bad.isEmpty, "lines that are not Prometheus samples: \(parsed.bad)")
            #expect(Prometheus.value(text, "handout_renders_total", ["document": "handout"]) == 2)
            #expect(Prometheus.value(text, "handout_renders_total", ["document": "card"]) == 1)
            // Histogram buckets are cumulative and end with +Inf equal to the count.
            let buckets = parsed.samples.filter { $0.name == "handout_render_duration_seconds_bucket" && $0.labels["document"] == "handout" }
            #expect(buckets.count >= 2)
            #expect(buckets.first { $0.labels["le"] == "+Inf" }?.value == 2)
            #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.value <= $1.value })
            // Every sample line has a HELP/TYPE family declared before it.
            #expect(text.contains("# TYPE handout_renders_total counter"))
        }
    }

    @Test("The Prometheus parser itself rejects lines that are not samples")
    func parserSelfCheck() {
        let good = """
        # HELP x_total things
        # TYPE x_total counter
        x_total{a="b",c="d"} 3
        y 1.5
        z_bucket{le="+Inf"} 4
        """
        #expect(Prometheus.parse(good).bad.isEmpty)
        #expect(Prometheus.parse(good).samples.count == 3)
        #expect(Prometheus.value(good, "x_total", ["a": "b", "c": "d"]) == 3)
        for line in ["x_total{a=b} 3", "x_total 3 4 5", "1x 3", "x_total{a=\"b\"}3", "x_total", "x_total abc"] {
            #expect(Prometheus.parse(line).bad == [line], "\(line)")
        }
    }
}
