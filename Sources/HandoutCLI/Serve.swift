// `handout serve`: the print service and web page for clinics.
import ArgumentParser
import Foundation
import HandoutServer
import Hummingbird

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
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

    func validate() throws {
        var folder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: articles, isDirectory: &folder), folder.boolValue else {
            throw ValidationError("--articles '\(articles)' is not a folder")
        }
    }

    func run() async throws {
        let settings = ServerSettings(articles: URL(fileURLWithPath: articles), host: host, port: port, queueLimit: queue,
                                      timeLimit: timeLimit)
        print("Handout is serving \(articles) at http://\(host):\(port)/")
        try await buildApplication(settings).runService()
    }
}
