// Slow and idle connections, over real TCP on loopback: a client that sends half its headers,
// or a body shorter than its Content-Length, is cut off after the server's time limits
// instead of holding a connection (and a file descriptor) for as long as it likes.
import Foundation
@testable import HandoutServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

@Suite("Connections")
struct ConnectionTests {
    /// Sends `bytes` on a raw connection and returns all the server answers until it closes the
    /// connection, or nil if it is still open after `patience` seconds. The patience is long: while
    /// other suites hold the test process's few threads with slow work, this task is not run,
    /// and a short limit would fire before the read that sees the (long done) close.
    static func exchange(port: Int, _ bytes: String, patience: Double = 150) async throws -> String? {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        // The server may close first (that is what is tested): closing our side then finds the
        // channel closed already, which is no failure; the answer read before counts.
        nonisolated(unsafe) var answer: String?
        do {
            try await channel.executeThenClose { inbound, outbound in
                // On a loaded machine this task may not run again before the server's idle timer
                // has closed the new connection: closed before the request went out is "".
                do { try await outbound.write(ByteBuffer(string: bytes)) } catch { answer = ""; return }
                answer = try? await withTimeLimit(patience, else: CancellationError()) {
                    var text = ""
                    // A reset is the server closing too (a busy machine can turn a close into one):
                    // what was read before it is the answer.
                    do { for try await chunk in inbound { text += String(buffer: chunk) } } catch {}
                    return text
                }
            }
        } catch ChannelError.ioOnClosedChannel {}
        return answer
    }

    static func withLiveServer(_ configure: @Sendable (inout ServerSettings) -> Void,
                               _ body: @Sendable (_ port: Int) async throws -> Void) async throws {
        let (parent, articles) = try Fixture.makeFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        var settings = ServerSettings(articles: articles, port: 0, renderToken: Fixture.renderToken, resources: Fixture.resources)
        configure(&settings)
        try await buildApplication(settings).test(.live) { client in try await body(try #require(client.port)) }
    }

    @Test("A client that sends half its headers and stops is disconnected after the idle timeout")
    func slowHeaders() async throws {
        try await Self.withLiveServer({ $0.idleTimeout = 2 }) { port in
            let answer = try await Self.exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            #expect(answer != nil, "the connection was still open after 150 s")
        }
    }

    @Test("An idle keep-alive connection is closed after the idle timeout, once its answer is sent")
    func idleKeepAlive() async throws {
        try await Self.withLiveServer({ $0.idleTimeout = 2 }) { port in
            // Closed before the request went out (a starved test task) says nothing: ask again.
            var answer: String?
            for _ in 0..<3 where answer?.isEmpty ?? true {
                answer = try await Self.exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            }
            #expect(answer?.hasPrefix("HTTP/1.1 200") == true, "\(answer ?? "still open")")
            #expect(answer?.hasSuffix("ok\narticles: 1\n") == true)
        }
    }

    @Test("A posted body shorter than its Content-Length is answered 408 after the body timeout")
    func shortBody() async throws {
        try await Self.withLiveServer({ $0.bodyTimeout = 0.5; $0.idleTimeout = 30 }) { port in
            let head = "POST /api/render HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(Fixture.renderToken)\r\n"
                + "Content-Type: application/yaml\r\nContent-Length: 5000\r\n\r\n"
            let answer = try #require(try await Self.exchange(port: port, head + "slug: only-the-start"))
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer)")
            #expect(answer.contains("did not arrive within 0.5 s"))
        }
    }
}
