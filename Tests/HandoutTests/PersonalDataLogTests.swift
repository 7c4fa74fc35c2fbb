// A patient's name typed into the print form reaches the PDF and nothing else the server
// writes: the real `handout serve`, at its most talkative log level (trace), is sent a
// print with a name, and everything it wrote to standard output and error is searched for
// the name, plainly and percent-encoded.
import Foundation
import TestSupport
import Testing

@Suite struct PersonalDataLogTests {
    @Test func aPatientsNameNeverReachesTheServersLog() throws {
        let folder = Sample.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)")
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Sample.articlePath, toPath: articles.appendingPathComponent("hemifacial-spasm.yaml").path)
        let port = try Sample.run("python3", ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let log = folder.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        server.arguments = ["serve", "--articles", articles.path, "--port", port]
        server.environment = ProcessInfo.processInfo.environment.merging(["LOG_LEVEL": "trace"]) { _, new in new }
        server.currentDirectoryURL = Sample.root
        server.standardOutput = handle
        server.standardError = handle
        try server.run()
        defer {
            if server.isRunning { server.terminate() }
            server.waitUntilExit()
            try? handle.close()
        }
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<100 where !ready {
            ready = (try Sample.run("curl", ["-fsS", "-o", "/dev/null", "\(base)/healthz"])).status == 0
            if !ready { Thread.sleep(forTimeInterval: 0.1) }
        }
        try #require(ready, "the server did not answer /healthz")

        let name = "Zubaida Quraishi-Patient"
        let pdf = folder.appendingPathComponent("print.pdf")
        let posted = try Sample.run("curl", ["-fsS", "-o", pdf.path, "-X", "POST", "--data-urlencode", "doc=checklist",
                                             "--data-urlencode", "lang=en", "--data-urlencode", "patient-name=\(name)",
                                             "--data-urlencode", "note=Private note for \(name)",
                                             "\(base)/articles/hemifacial-spasm/print"])
        #expect(posted.status == 0, "\(posted.stderr)")
        #expect(try Sample.run("pdftotext", [pdf.path, "-"]).stdout.contains(name))
        // A refused form too: its error must not repeat the name either.
        let refused = try Sample.run("curl", ["-sS", "-X", "POST", "--data-urlencode", "doc=checklist",
                                              "--data-urlencode", "patient-name=\(String(repeating: name, count: 4))",
                                              "\(base)/articles/hemifacial-spasm/print"])
        #expect(!refused.stdout.contains("Zubaida"))

        server.terminate()
        server.waitUntilExit()
        let written = try String(contentsOf: log, encoding: .utf8)
        #expect(written.contains("Server started"), "the log was captured: \(written.prefix(300))")
        for form in ["Zubaida", "Quraishi", "Zubaida%20Quraishi", "Zubaida+Quraishi"] {
            #expect(!written.contains(form), "the log has '\(form)'")
        }
    }
}
