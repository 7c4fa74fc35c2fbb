// `handout-server` (also started as `handout serve`): the print service and web page for
// clinics, an executable of its own so that rendering a handout loads no HTTP server.
import ArgumentParser
import Diagnostics
import Foundation
import HandoutKit
import HandoutServer
import Hummingbird

@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout-server",
        abstract: "Serve the web page and HTTP API that print handouts (see README: Print service).")

    @Option(help: "The folder of article files (YAML).")
    var articles: String

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: "Renders waiting before the server answers 503 (busy).")
    var queue = 16

    @Option(help: "Seconds a request waits for its render before it is abandoned.")
    var timeLimit: Double = 20

    @Option(help: "Seconds a connection may stay idle, or sending its headers, before it is closed.")
    var idleTimeout: Double = 30

    @Option(help: "Seconds a posted article may take to arrive (408 past it).")
    var bodyTimeout: Double = 10

    @Option(help: "Turn on POST /api/render for editors who send this token (or set HANDOUT_RENDER_TOKEN, which ps does not show).")
    var renderToken: String?

    @Option(help: "The clinic printing (clinic.yaml): its name, phone and emergency number on every page served.")
    var clinic: String?

    /// The render token from the option or the environment; nil leaves posting off.
    var token: String? { renderToken ?? ProcessInfo.processInfo.environment["HANDOUT_RENDER_TOKEN"] }

    func validate() throws {
        if let token, token.count < 16 {
            throw ValidationError("The render token must be at least 16 characters (e.g. from: openssl rand -hex 16)")
        }
        var folder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: articles, isDirectory: &folder), folder.boolValue else {
            throw ValidationError("--articles '\(articles)' is not a folder")
        }
    }

    func run() async throws {
        let profile: Clinic?
        do throws(DiagnosticError) {
            profile = try clinic.map(Clinic.load(path:))
        } catch {
            for diagnostic in error.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
            throw ExitCode.failure
        }
        let settings = ServerSettings(articles: URL(fileURLWithPath: articles), host: host, port: port, queueLimit: queue,
                                      timeLimit: timeLimit, bodyTimeout: bodyTimeout, idleTimeout: idleTimeout,
                                      renderToken: token, clinic: profile)
        print("Handout is serving \(articles) at http://\(host):\(port)/")
        try await buildApplication(settings).runService()
    }
}
