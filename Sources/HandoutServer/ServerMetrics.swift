// What /metrics reports, in Prometheus text format: renders and their durations by
// document, failed renders, requests turned away when busy, and the article files read.
import Prometheus

final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    func rendered(document: String, nanoseconds: Int64, failed: Bool) {
        let labels = [("document", document)]
        registry.makeCounter(name: "handout_renders_total", labels: labels, help: "Documents rendered").increment()
        registry.makeDurationHistogram(name: "handout_render_duration_seconds", labels: labels,
                                       buckets: [.milliseconds(50), .milliseconds(100), .milliseconds(250),
                                                 .milliseconds(500), .seconds(1), .seconds(2), .seconds(5)],
                                       help: "Time to render one document").recordNanoseconds(nanoseconds)
        if failed {
            registry.makeCounter(name: "handout_render_errors_total", labels: labels, help: "Renders that failed").increment()
        }
    }

    func turnedAway() {
        registry.makeCounter(name: "handout_overloaded_total", help: "Requests answered 503 because the queue was full")
            .increment()
    }

    /// One article file read from disk (at start-up, or because it changed).
    func articleRead() {
        registry.makeCounter(name: "handout_article_reads_total", help: "Article files read from disk").increment()
    }

    func articlesServed(_ count: Int) {
        registry.makeGauge(name: "handout_articles", help: "Articles being served").set(Int64(count))
    }

    var text: String { registry.emitToString() }
}
