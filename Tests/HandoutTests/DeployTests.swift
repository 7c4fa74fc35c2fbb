// The deployment files in deploy/: the Kubernetes manifests pass kubernetes-validate's
// strict schemas for Kubernetes 1.31, and the pack Jobs agree on the shard count; the
// nginx configuration, made runnable by deploy/nginx/render-conf.sh, passes `nginx -t`
// and does what its comments say in front of two stand-in replicas (retries a GET, never
// a POST; caches PDFs and revalidates them by ETag). Each check is shown failing on a
// broken copy. kubernetes-validate (PyPI) and nginx (Debian) come from scripts/setup.sh.
import Foundation
import TestSupport
import Testing

@Suite struct DeployTests {
    /// The Kubernetes version the manifests are written for and validated against.
    static let kubernetesVersion = "1.31.0"
    static let kubernetesFolder = "deploy/kubernetes"
    static let renderConf = Sample.root.appendingPathComponent("deploy/nginx/render-conf.sh").path

    // MARK: Kubernetes

    static func manifests() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Sample.root.appendingPathComponent(kubernetesFolder).path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(kubernetesFolder)/\($0)" }
    }

    /// kubernetes-validate on `files` (paths from the repository root).
    static func validate(_ files: [String]) throws -> Sample.Result {
        try Sample.run("python3", ["-m", "kubernetes_validate", "--strict", "-k", kubernetesVersion] + files,
                       directory: Sample.root)
    }

    /// False, with a failure that says what to install, when kubernetes-validate is missing.
    static func haveKubernetesValidate() throws -> Bool {
        let probe = try Sample.run("python3", ["-c", "import kubernetes_validate"])
        if probe.status != 0 {
            Issue.record("kubernetes-validate is not installed: run scripts/setup.sh (python3 -m pip install kubernetes-validate)")
        }
        return probe.status == 0
    }

    @Test func kubernetesManifestsPassStrictValidation() throws {
        guard try Self.haveKubernetesValidate() else { return }
        let files = try Self.manifests()
        #expect(files.map { ($0 as NSString).lastPathComponent }
                == ["deployment.yaml", "hpa.yaml", "pack-job.yaml", "pack-merge-job.yaml", "service.yaml"])
        let result = try Self.validate(files)
        let output = result.stdout + result.stderr
        #expect(result.status == 0, "kubernetes-validate failed:\n\(output)")
        #expect(!output.contains("ERROR"), "\(output)")
        for file in files { #expect(output.contains("INFO \(file) passed for resource"), "\(file) not reported valid:\n\(output)") }
        // Every resource was checked, against the version asked for (a manifest that
        // parsed as nothing would pass silently).
        let version = Self.kubernetesVersion.split(separator: ".").prefix(2).joined(separator: ".")
        for resource in ["deployment/handout", "poddisruptionbudget/handout", "service/handout",
                         "horizontalpodautoscaler/handout", "persistentvolumeclaim/handout-packs",
                         "job/handout-pack", "job/handout-pack-merge"] {
            #expect(output.contains("passed for resource \(resource) against version \(version)"), "\(resource):\n\(output)")
        }
    }

    /// The same check fails on a copy of deployment.yaml with a misspelt field or a wrong type.
    @Test(arguments: [("  replicas: 3\n", "  replicas: 3\n  replica: 3\n", "'replica' was unexpected"),
                      ("  replicas: 3\n", "  replicas: three\n", "'three' is not of type 'integer'")])
    func aBrokenManifestFailsValidation(old: String, new: String, complaint: String) throws {
        guard try Self.haveKubernetesValidate() else { return }
        let text = try String(contentsOf: Sample.root.appendingPathComponent("\(Self.kubernetesFolder)/deployment.yaml"), encoding: .utf8)
        #expect(text.contains(old))
        let folder = Sample.temporaryDirectory.appendingPathComponent("deploy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let broken = folder.appendingPathComponent("deployment.yaml")
        try text.replacingOccurrences(of: old, with: new).write(to: broken, atomically: true, encoding: .utf8)
        let result = try Self.validate([broken.path])
        let output = result.stdout + result.stderr
        #expect(result.status != 0, "a broken manifest passed:\n\(output)")
        #expect(output.contains("ERROR \(broken.path) did not validate for resource deployment/handout"), "\(output)")
        #expect(output.contains(complaint), "\(output)")
    }

    /// What kubernetes-validate cannot see: the settings the deployment relies on.
    struct Facts: Decodable {
        var replicas: Int
        var command: [String]
        var probes: [String]
        var runAsNonRoot: Bool
        var readOnlyRoot: [Bool]
        var escalation: [Bool]
        var requests: [String: String]
        var limits: [String: String]
        var hpa: [Int]
        var servicePort: String
        var completionMode: String
        var completions: Int
        var parallelism: Int
        var packCommand: String
        var mergeCommand: [String]
        var claims: [String]
        var claimDefined: String
        var articlesMounted: [Bool]
    }

    static let factsScript = """
        import json, sys, yaml
        docs = {}
        for name in sys.argv[1:]:
            for doc in yaml.safe_load_all(open(name)):
                if doc: docs[(doc["kind"], doc["metadata"]["name"])] = doc
        dep = docs[("Deployment", "handout")]["spec"]
        pod = dep["template"]["spec"]
        server = pod["containers"][0]
        pack = docs[("Job", "handout-pack")]["spec"]
        merge = docs[("Job", "handout-pack-merge")]["spec"]
        hpa = docs[("HorizontalPodAutoscaler", "handout")]["spec"]
        claims = [v["persistentVolumeClaim"]["claimName"] for job in (pack, merge)
                  for v in job["template"]["spec"]["volumes"] if "persistentVolumeClaim" in v]
        containers = [c for spec in (pod, pack["template"]["spec"], merge["template"]["spec"])
                      for c in spec.get("initContainers", []) + spec["containers"]]
        print(json.dumps({
            "replicas": dep["replicas"],
            "command": server["command"],
            "probes": [server[p]["httpGet"]["path"] for p in ("readinessProbe", "livenessProbe")],
            "runAsNonRoot": pod["securityContext"]["runAsNonRoot"],
            "readOnlyRoot": [c["securityContext"]["readOnlyRootFilesystem"] for c in containers],
            "escalation": [c["securityContext"]["allowPrivilegeEscalation"] for c in containers],
            "requests": server["resources"]["requests"], "limits": server["resources"]["limits"],
            "hpa": [hpa["minReplicas"], hpa["maxReplicas"]],
            "servicePort": docs[("Service", "handout")]["spec"]["ports"][0]["targetPort"],
            "completionMode": pack["completionMode"], "completions": pack["completions"],
            "parallelism": pack["parallelism"],
            "packCommand": " ".join(pack["template"]["spec"]["containers"][0]["command"]),
            "mergeCommand": merge["template"]["spec"]["containers"][0]["command"],
            "claims": claims,
            "claimDefined": docs[("PersistentVolumeClaim", "handout-packs")]["metadata"]["name"],
            "articlesMounted": ["/articles" in [m["mountPath"] for m in job["template"]["spec"]["containers"][0]["volumeMounts"]]
                                for job in (pack, merge)],
        }))
        """

    @Test func manifestsSayWhatTheServiceNeeds() throws {
        guard try Self.haveKubernetesValidate() else { return } // it brings PyYAML
        let result = try Sample.run("python3", ["-c", Self.factsScript] + (try Self.manifests()), directory: Sample.root)
        try #require(result.status == 0, "\(result.stderr)")
        let facts = try JSONDecoder().decode(Facts.self, from: Data(result.stdout.utf8))
        #expect(facts.replicas == 3)
        #expect(facts.command == ["/app/handout", "serve", "--host", "0.0.0.0", "--port", "8080", "--articles", "/articles"])
        #expect(facts.probes == ["/healthz", "/healthz"])
        #expect(facts.runAsNonRoot)
        #expect(!facts.readOnlyRoot.isEmpty && facts.readOnlyRoot.allSatisfy { $0 })
        #expect(facts.escalation.count == facts.readOnlyRoot.count && facts.escalation.allSatisfy { !$0 })
        #expect(facts.requests == ["cpu": "500m", "memory": "128Mi"] && facts.limits == ["memory": "512Mi"])
        #expect(facts.hpa == [2, 10])
        #expect(facts.servicePort == "http")
        // The pack Job: pod K of N renders part K+1 of N into part-K; the merge names every part.
        #expect(facts.completionMode == "Indexed")
        #expect(facts.completions == facts.parallelism)
        let n = facts.completions
        #expect(facts.packCommand.contains(#"/app/handout pack /articles --shard "$((JOB_COMPLETION_INDEX + 1))/\#(n)""#),
                "\(facts.packCommand)")
        #expect(facts.packCommand.contains(#"-o "/packs/part-$JOB_COMPLETION_INDEX""#), "\(facts.packCommand)")
        #expect(facts.mergeCommand == ["/app/handout", "pack", "merge"] + (0..<n).map { "/packs/part-\($0)" } + ["-o", "/packs/all"])
        #expect(facts.claims == ["handout-packs", "handout-packs"] && facts.claimDefined == "handout-packs")
        // The merge reads the articles again, at the paths the parts recorded.
        #expect(facts.articlesMounted == [true, true])
    }

    // MARK: nginx

    /// nginx's path, or nil with a failure that says what to install.
    static func nginx() -> String? {
        let found = ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        if found == nil { Issue.record("nginx is not installed: run scripts/setup.sh (apt-get install nginx)") }
        return found
    }

    /// A fresh folder with a whole nginx.conf made from deploy/nginx/handout.conf.
    static func rendered(listen: String, servers: [String]) throws -> URL {
        let folder = Sample.temporaryDirectory.appendingPathComponent("nginx-\(UUID().uuidString)")
        let result = try Sample.run(renderConf, [folder.path, listen] + servers)
        try #require(result.status == 0, "render-conf.sh failed: \(result.stderr)")
        return folder
    }

    static func nginxTest(_ nginx: String, _ folder: URL) throws -> Sample.Result {
        try Sample.run(nginx, ["-t", "-p", folder.path, "-e", folder.appendingPathComponent("error.log").path,
                               "-c", folder.appendingPathComponent("nginx.conf").path])
    }

    @Test func nginxConfigurationPassesNginxTest() throws {
        guard let nginx = Self.nginx() else { return }
        let folder = try Self.rendered(listen: "127.0.0.1:18080", servers: ["127.0.0.1:18081", "127.0.0.1:18082"])
        let conf = try String(contentsOf: folder.appendingPathComponent("nginx.conf"), encoding: .utf8)
        // The replicas replaced, with the checked-in parameters; nothing left of the examples.
        #expect(conf.contains("server 127.0.0.1:18081 max_fails=2 fail_timeout=5s;"))
        #expect(conf.contains("server 127.0.0.1:18082 max_fails=2 fail_timeout=5s;"))
        #expect(!conf.contains("198.51.100.") && !conf.contains("/var/cache/nginx") && !conf.contains("/var/log/nginx"))
        #expect(conf.contains("listen 127.0.0.1:18080;"))
        let result = try Self.nginxTest(nginx, folder)
        #expect(result.status == 0, "nginx -t failed:\n\(result.stderr)")
        #expect(result.stderr.contains("test is successful"), "\(result.stderr)")
    }

    /// nginx -t fails on a rendered configuration with a bad value; render-conf.sh fails
    /// on a handout.conf that has lost a line it replaces.
    @Test func aBrokenNginxConfigurationFails() throws {
        guard let nginx = Self.nginx() else { return }
        let folder = try Self.rendered(listen: "127.0.0.1:18080", servers: ["127.0.0.1:18081"])
        let file = folder.appendingPathComponent("nginx.conf")
        let conf = try String(contentsOf: file, encoding: .utf8)
        #expect(conf.contains("proxy_cache_revalidate on;"))
        try conf.replacingOccurrences(of: "proxy_cache_revalidate on;", with: "proxy_cache_revalidate always;")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try Self.nginxTest(nginx, folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("invalid value \"always\""), "\(result.stderr)")

        let copy = Sample.temporaryDirectory.appendingPathComponent("nginx-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        let source = try String(contentsOfFile: Sample.root.appendingPathComponent("deploy/nginx/handout.conf").path, encoding: .utf8)
        try source.replacingOccurrences(of: "    listen 80;\n", with: "    listen 8000;\n")
            .write(to: copy.appendingPathComponent("handout.conf"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Self.renderConf, toPath: copy.appendingPathComponent("render-conf.sh").path)
        let render = try Sample.run(copy.appendingPathComponent("render-conf.sh").path,
                                    [copy.appendingPathComponent("out").path, "127.0.0.1:18080", "127.0.0.1:18081"])
        #expect(render.status != 0)
        #expect(render.stderr.contains("no line matching"), "\(render.stderr)")
    }

    /// Two stand-in replicas on loopback: one answers as the server does (strong ETag,
    /// no-cache, 304 on a match), one reads each request and hangs up without answering;
    /// and "run", which runs nginx as its child. Each unblocks signals first (the test
    /// runner's threads block SIGTERM, and a child inherits that) and ends itself, and
    /// nginx, when the test process goes away or after 120 s, so nothing outlives a killed run.
    static let helperScript = """
        import os, signal, socketserver, subprocess, sys, threading, time
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        parent, child = os.getppid(), None
        def end(*args):
            if child and child.poll() is None:
                child.terminate()
                try: child.wait(5)
                except subprocess.TimeoutExpired: child.kill()
            os._exit(0)
        def watchdog():
            deadline = time.time() + 120
            while os.getppid() == parent and time.time() < deadline: time.sleep(0.2)
            end()
        signal.signal(signal.SIGTERM, end)
        threading.Thread(target=watchdog, daemon=True).start()
        if sys.argv[1] == "run":
            child = subprocess.Popen(sys.argv[2:])
            while child.poll() is None: time.sleep(0.1)  # not wait(): end() could not take its lock
            os._exit(0)
        mode, log, port_file = sys.argv[1:4]
        BODY, TAG = b"%PDF-1.7 stand-in\\n" * 500, '"stand-in-tag"'
        lock = threading.Lock()
        def note(line):
            with lock, open(log, "a") as f: f.write(line + "\\n")
        class Replica(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *args): pass
            def answer(self, status, headers, body=b""):
                self.send_response(status)
                for name, value in headers: self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def do_GET(self):
                note("GET %s %s" % (self.path, self.headers.get("If-None-Match", "-")))
                if self.path.split("?")[0].endswith(".pdf"):
                    if self.headers.get("If-None-Match") == TAG:
                        return self.answer(304, [("ETag", TAG)])
                    return self.answer(200, [("Content-Type", "application/pdf"), ("ETag", TAG), ("Cache-Control", "no-cache")], BODY)
                self.answer(200, [("Content-Type", "text/plain")], b"ok\\n")
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                note("POST %s" % self.path)
                self.answer(200, [("Content-Type", "application/pdf")], BODY)
        class HangUp(socketserver.BaseRequestHandler):
            def handle(self):
                note("HANGUP " + self.request.recv(65536).split(b"\\r\\n", 1)[0].decode())
        if mode == "good":
            server = ThreadingHTTPServer(("127.0.0.1", 0), Replica)
        else:
            server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), HangUp)
        server.daemon_threads = True
        with open(port_file + ".tmp", "w") as f: f.write(str(server.server_address[1]))
        os.rename(port_file + ".tmp", port_file)
        server.serve_forever()
        """

    /// nginx from the rendered configuration in front of the two stand-ins; `stop` ends all three.
    final class Proxy {
        let folder: URL
        var processes: [Process] = []
        var good = "", hangUp = "", base = "", python = ""

        init() throws {
            folder = Sample.temporaryDirectory.appendingPathComponent("proxy-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        /// Starts the helper script with `arguments`.
        func helper(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [path("helper.py")] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }

        /// Waits for `file` to appear (a replica's port), up to 10 s.
        func port(_ file: String) throws -> String {
            for _ in 0..<200 {
                if let text = try? String(contentsOfFile: path(file), encoding: .utf8), !text.isEmpty { return text }
                Thread.sleep(forTimeInterval: 0.05)
            }
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path(file)])
        }

        func launch(nginx: String) throws {
            try "".write(toFile: path("replicas.log"), atomically: true, encoding: .utf8)
            python = try Sample.run("/bin/sh", ["-c", "command -v python3"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try DeployTests.helperScript.write(toFile: path("helper.py"), atomically: true, encoding: .utf8)
            try helper(["good", path("replicas.log"), path("good.port")])
            try helper(["hangup", path("replicas.log"), path("hangup.port")])
            good = "127.0.0.1:\(try port("good.port"))"
            hangUp = "127.0.0.1:\(try port("hangup.port"))"
            let free = try Sample.run(python, ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
            let listen = "127.0.0.1:\(free.stdout.trimmingCharacters(in: .whitespacesAndNewlines))"
            base = "http://\(listen)"
            let conf = folder.appendingPathComponent("nginx")
            let render = try Sample.run(DeployTests.renderConf, [conf.path, listen, hangUp, good])
            try #require(render.status == 0, "\(render.stderr)")
            // In the foreground, under the helper, which stops it and its workers.
            try helper(["run", nginx, "-p", conf.path, "-e", conf.appendingPathComponent("error.log").path,
                        "-c", conf.appendingPathComponent("nginx.conf").path, "-g", "daemon off;"])
            for _ in 0..<100 {
                if (try? request("/healthz"))?.status == 200 { return }
                Thread.sleep(forTimeInterval: 0.1)
            }
            Issue.record("nginx did not answer at \(base): \((try? String(contentsOf: conf.appendingPathComponent("error.log"), encoding: .utf8)) ?? "")")
        }

        /// SIGTERM to each helper (nginx's stops nginx first), SIGKILL after 10 s.
        func stop() {
            for process in processes.reversed() where process.isRunning {
                process.terminate()
                for _ in 0..<100 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
            }
        }

        struct Answer {
            var status: Int
            var headers: [String: String]
            var body: Data
        }

        func request(_ target: String, method: String = "GET", headers: [String] = [], body: String? = nil) throws -> Answer {
            let id = UUID().uuidString
            var arguments = ["-sS", "-X", method, "-o", path("\(id).body"), "-D", path("\(id).head")]
            for header in headers { arguments += ["-H", header] }
            if let body { arguments += ["--data-binary", body, "-H", "Content-Type: application/yaml"] }
            let result = try Sample.run("curl", arguments + [base + target])
            guard result.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSDebugDescriptionErrorKey: result.stderr]) }
            let lines = try String(contentsOfFile: path("\(id).head"), encoding: .utf8).components(separatedBy: "\r\n")
            let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
            var fields: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let data = FileManager.default.contents(atPath: path("\(id).body")) ?? Data()
            return Answer(status: status, headers: fields, body: data)
        }

        var replicaLog: [String] {
            ((try? String(contentsOfFile: path("replicas.log"), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }

        var accessLog: [String] {
            let file = folder.appendingPathComponent("nginx/access.log").path
            return ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    @Test func nginxCachesPDFsAndRevalidatesThemByETag() throws {
        guard let nginx = Self.nginx() else { return }
        let proxy = try Proxy()
        defer { proxy.stop() }
        try proxy.launch(nginx: nginx)
        let pdf = "/articles/some-article/handout.pdf?lang=en&paper=a4"
        let tag = "\"stand-in-tag\""
        let first = try proxy.request(pdf)
        #expect(first.status == 200 && first.headers["x-cache-status"] == "MISS")
        #expect(first.headers["etag"] == tag && first.headers["cache-control"] == "no-cache")
        #expect(first.body.count == 18 * 500 && first.body.starts(with: Data("%PDF-".utf8)))
        let second = try proxy.request(pdf)
        #expect(second.status == 200 && second.headers["x-cache-status"] == "HIT" && second.body == first.body)
        // A client's own If-None-Match is answered by nginx from the stored copy.
        let conditional = try proxy.request(pdf, headers: ["If-None-Match: \(tag)"])
        #expect(conditional.status == 304 && conditional.body.isEmpty)
        // Past the 1 s of validity nginx asks the replica with the ETag; its 304 refreshes the
        // copy. nginx counts whole seconds, so "1 s" ends 1 to 2 s after the copy was stored.
        Thread.sleep(forTimeInterval: 2.2)
        let third = try proxy.request(pdf)
        #expect(third.status == 200 && third.headers["x-cache-status"] == "REVALIDATED" && third.body == first.body)
        let asked = proxy.replicaLog.filter { $0.hasPrefix("GET \(pdf) ") }
        #expect(asked == ["GET \(pdf) -", "GET \(pdf) \(tag)"], "what the replica was asked: \(proxy.replicaLog)")

        // /metrics and /api/render are passed through every time, never stored.
        for _ in 0..<2 {
            let metrics = try proxy.request("/metrics")
            #expect(metrics.status == 200 && metrics.headers["x-cache-status"] == nil)
        }
        #expect(proxy.replicaLog.filter { $0 == "GET /metrics -" }.count == 2, "\(proxy.replicaLog)")
    }

    @Test func nginxRetriesAGetOnAnotherReplicaButNeverAPost() throws {
        guard let nginx = Self.nginx() else { return }
        let proxy = try Proxy()
        defer { proxy.stop() }
        try proxy.launch(nginx: nginx)
        // 16 addresses: about half hash to the replica that hangs up. Every GET succeeds.
        for n in 0..<16 {
            let answer = try proxy.request("/articles/some-article/card.pdf?n=\(n)")
            #expect(answer.status == 200, "GET \(n): \(answer.status)")
        }
        let retried = proxy.accessLog.filter { $0.contains("upstream=\"\(proxy.hangUp), \(proxy.good)\"") }
        #expect(!retried.isEmpty, "no GET was retried: \(proxy.accessLog)")
        #expect(retried.allSatisfy { $0.contains("ustatus=\"502, 200\"") }, "\(retried)")
        // The replica that failed twice is left out for fail_timeout (5 s); then a POST that
        // hashes to it is sent there once and its failure answered 502, not sent elsewhere.
        Thread.sleep(forTimeInterval: 5.5)
        var statuses: [Int] = []
        for n in 0..<16 {
            statuses.append(try proxy.request("/api/render?doc=card&n=\(n)", method: "POST", body: "slug: x\n").status)
        }
        #expect(statuses.contains(502), "no POST reached the replica that hangs up: \(statuses)")
        #expect(Set(statuses).isSubset(of: [200, 502]), "\(statuses)")
        let posts = proxy.accessLog.filter { $0.contains("\"POST /api/render") }
        #expect(posts.count == 16)
        #expect(posts.allSatisfy { !$0.contains(", ") }, "a POST was tried on two replicas: \(posts)")
        #expect(proxy.replicaLog.filter { $0.hasPrefix("POST ") }.count == statuses.filter { $0 == 200 }.count)
    }
}
