// `handout serve`: starts the print service, `handout-server`, the executable beside this
// one. The server is built apart so that `handout render` loads no HTTP server: 3.4 MB
// less memory and about 2 ms less per render.
import ArgumentParser
import Diagnostics
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web page and HTTP API that print handouts (runs handout-server; see README: Print service).")

    @Argument(parsing: .captureForPassthrough, help: "handout-server's options: handout serve --help lists them.")
    var options: [String] = []

    func run() throws {
        let server = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("handout-server").path
        let arguments = ([server] + options).map { strdup($0) } + [nil]
        execv(server, arguments)   // returns only if the server could not be started
        let reason = String(cString: strerror(errno))
        try report {
            throw DiagnosticError(.error("cannot start the print service \(server): \(reason)", hint: "build it beside handout: make build"))
        }
    }
}
