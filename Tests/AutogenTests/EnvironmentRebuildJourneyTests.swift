import Foundation
import Testing

@testable import Autogen

extension EndToEndTests {
    /// Every kind of source change is picked up through the binary, and nothing else rebuilds
    /// (issue #12): an env.swift edit, a new revision file, a deleted one, one put back with an
    /// old time, a model edit (one the reader does not read), a newer `autogen`. With the direct build each is a second or two.
    @Suite(.serialized) struct EnvironmentRebuildJourneyTests {
        @Test(.timeLimit(.minutes(10))) func eachSourceChangeRebuildsAndNothingElseDoes() throws {
            let manager = FileManager.default
            let folder = EndToEndTests.work + "/rebuilds"
            try manager.createDirectory(atPath: EndToEndTests.work, withIntermediateDirectories: true)
            try? manager.removeItem(atPath: folder)
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? manager.removeItem(atPath: folder) }
            #expect(try EndToEndTests.autogen(["init", "migrations"], in: folder).status == 0)

            let binary = folder + "/migrations/.build/release/env"
            func modified(_ path: String) -> Date? {
                (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            }
            // Each build links a new binary; only a model edit compiles the model again (the
            // direct build is incremental).
            func builds(
                _ label: String, modelCompiled: Bool = false, command: String = "current", _ change: () throws -> Void
            ) throws {
                let linked = modified(binary)
                try change()
                let run = try EndToEndTests.autogen([command], in: folder)
                // `check` refuses the database, behind the revisions written: 2.
                #expect(run.status == (command == "check" ? 2 : 0), "\(label): \(run)")
                #expect(run.err.contains("Building migration environment"), "\(label): not rebuilt: \(run)")
                #expect(modified(binary) != linked, "\(label): not linked again")
                let line = run.err.split(separator: "\n").first { $0.hasPrefix("Migration environment built") } ?? ""
                #expect(line.contains("model.swift") == modelCompiled, "\(label): \(line)")
                let again = try EndToEndTests.autogen(["current"], in: folder)
                #expect(!again.err.contains("Building"), "\(label): rebuilt with nothing changed: \(again)")
            }
            let env = folder + "/migrations/env.swift"
            let model = folder + "/migrations/model.swift"
            try builds("first command", modelCompiled: true) {}
            try builds("env.swift edited") {
                try (try String(contentsOfFile: env, encoding: .utf8) + "// edited\n")
                    .write(toFile: env, atomically: true, encoding: .utf8)
            }
            try builds("new revision file") {
                let written = try EndToEndTests.autogen(["revision", "-m", "one", "--rev-id", "r1"], in: folder)
                #expect(written.status == 0, "\(written)")
            }
            let revision = folder + "/migrations/versions/r1_one.swift"
            let text = try String(contentsOfFile: revision, encoding: .utf8)
            // (The compiler driver compiles everything again when a file is gone.)
            try builds("revision file deleted", modelCompiled: true) { try manager.removeItem(atPath: revision) }
            try builds("revision file put back with an old time") {
                try text.write(toFile: revision, atomically: true, encoding: .utf8)
                try manager.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1e9)], ofItemAtPath: revision)
            }
            // A model edit that the reader reads needs no build (ModelEditJourneyTests); one it
            // does not read is compiled for the commands that use the model (`current` does not).
            try (try String(contentsOfFile: model, encoding: .utf8) + "func helper() {}\n")
                .write(toFile: model, atomically: true, encoding: .utf8)
            let current = try EndToEndTests.autogen(["current"], in: folder)
            #expect(current.status == 0 && !current.err.contains("Building"), "\(current)")
            try builds("model edited", modelCompiled: true, command: "check") {}
            try builds("a newer autogen") {
                try manager.setAttributes([.modificationDate: Date()], ofItemAtPath: EndToEndTests.autogen)
            }
            // A file that is not a source (the README, the SQLite database) changes nothing.
            try "more\n".write(toFile: folder + "/migrations/README", atomically: true, encoding: .utf8)
            let untouched = try EndToEndTests.autogen(["current"], in: folder)
            #expect(!untouched.err.contains("Building"), "\(untouched)")
        }
    }
}
