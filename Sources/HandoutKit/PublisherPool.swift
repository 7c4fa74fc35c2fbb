// Publishers hold Pango objects, which are not thread-safe: each render borrows one for
// itself and gives it back. Packs and the server share this.
import Diagnostics
import Foundation

public final class PublisherPool: @unchecked Sendable {
    let resources: Resources
    private var idle: [Publisher] = []
    private let lock = NSLock()

    public init(resources: Resources = .standard()) {
        self.resources = resources
    }

    /// Runs `body` with a publisher no other thread is using.
    public func withPublisher<T>(_ body: (Publisher) throws(DiagnosticError) -> T) throws(DiagnosticError) -> T {
        let publisher: Publisher
        if let ready = lock.withLock({ idle.popLast() }) { publisher = ready } else { publisher = try Publisher(resources: resources) }
        defer { lock.withLock { idle.append(publisher) } }
        return try body(publisher)
    }
}
