import Foundation
import Testing

@testable import Autogen

@Suite("Script directory: scanning version locations and placing new revisions")
struct ScriptDirectoryTests {
    @Test("scans every .swift file recursively in sorted order, skipping non-revisions and dot files")
    func scan() throws {
        let folder = try ScriptTempFolder()
        try folder.write("versions/b2_second.swift", revisionFileText(id: "b2", downRevisions: ["a1"]))
        try folder.write("versions/a1_first.swift", revisionFileText(id: "a1"))
        try folder.write("versions/helpers.swift", "enum Helpers { static let name = \"x\" }\n")
        try folder.write("versions/2026/c3_third.swift", revisionFileText(id: "c3", downRevisions: ["b2"]))
        try folder.write("versions/README.md", "static let id = \"nope\"\n")
        try folder.write("versions/.hidden.swift", revisionFileText(id: "zz"))
        try folder.write(
            "more/d4_fourth.swift", revisionFileText(id: "d4", downRevisions: ["c3"], branchLabels: ["more"]))
        let locations = [folder.path + "/versions", folder.path + "/more", folder.path + "/absent"]
        let files = try ScriptDirectory.revisionFiles(in: locations)
        #expect(
            files == [
                folder.path + "/versions/a1_first.swift", folder.path + "/versions/b2_second.swift",
                folder.path + "/versions/helpers.swift", folder.path + "/versions/2026/c3_third.swift",
                folder.path + "/more/d4_fourth.swift",
            ])
        let directory = try ScriptDirectory(versionLocations: locations)
        #expect(directory.headers.map(\.id) == ["a1", "b2", "c3", "d4"])
        #expect(directory.graph.heads == ["d4"])
        #expect(directory.graph.node("c3")?.path == folder.path + "/versions/2026/c3_third.swift")
        #expect(try directory.graph.resolve("more@base+1") == ["a1"])
    }

    @Test("a malformed revision file stops the scan with its file and line")
    func malformedFile() throws {
        let folder = try ScriptTempFolder()
        try folder.write("versions/a1.swift", revisionFileText(id: "a1"))
        let bad = try folder.write(
            "versions/b2.swift",
            revisionFileText(id: "b2").replacingOccurrences(of: "[String] = []", with: "[String] = nil"))
        do {
            _ = try ScriptDirectory(versionLocations: [folder.path + "/versions"])
            Issue.record("accepted a malformed file")
        } catch {
            #expect(
                "\(error)"
                    == "\(bad):11:42: malformed 'static let downRevisions': expected a list of string literals such as [\"ab12\"]"
            )
        }
    }

    @Test("graph errors from files name the file and line")
    func graphErrorFromFiles() throws {
        let folder = try ScriptTempFolder()
        try folder.write("versions/a1.swift", revisionFileText(id: "a1"))
        let second = try folder.write("versions/x/a1_copy.swift", revisionFileText(id: "a1"))
        do {
            _ = try ScriptDirectory(versionLocations: [folder.path + "/versions"])
            Issue.record("accepted a duplicate id")
        } catch {
            #expect(
                "\(error)"
                    == "\(second):10: duplicate revision id 'a1', also declared at \(folder.path)/versions/a1.swift:10")
        }
    }

    @Test("a new revision goes to --version-path, else its head's location, else the first")
    func newRevisionLocation() throws {
        let folder = try ScriptTempFolder()
        try folder.write("versions/a1.swift", revisionFileText(id: "a1"))
        try folder.write("more/sub/m1.swift", revisionFileText(id: "m1", branchLabels: ["more"]))
        let versions = folder.path + "/versions"
        let more = folder.path + "/more"
        let directory = try ScriptDirectory(versionLocations: [versions, more])
        let date = try CreateDate(Date(timeIntervalSince1970: 1_795_722_000), timeZone: "UTC")
        #expect(try directory.versionLocation(downRevisions: []) == versions)
        #expect(try directory.versionLocation(downRevisions: ["m1"]) == more)
        #expect(try directory.versionLocation(downRevisions: ["a1"]) == versions)
        #expect(try directory.versionLocation(downRevisions: ["a1"], versionPath: more + "/") == more)
        #expect(
            try directory.pathForNewRevision(id: "n2", message: "Add users!", createDate: date, downRevisions: ["m1"])
                == more + "/n2_add_users.swift")
        let naming = try RevisionFileNaming(fileTemplate: "%(year)d/%(rev)s", timeZone: "UTC")
        #expect(
            try directory.pathForNewRevision(
                id: "n2", message: "x", createDate: date, downRevisions: [], naming: naming)
                == versions + "/2026/n2.swift")
        #expect(throws: ScriptDirectoryError.notAVersionLocation(path: "/elsewhere", locations: [versions, more])) {
            try directory.versionLocation(downRevisions: [], versionPath: "/elsewhere")
        }
        #expect(throws: ScriptDirectoryError.idExists(id: "a1", path: versions + "/a1.swift")) {
            try directory.pathForNewRevision(id: "a1", message: "x", createDate: date, downRevisions: [])
        }
        try folder.write("versions/n3_x.swift", "// not a revision\n")
        #expect(throws: ScriptDirectoryError.fileExists(path: versions + "/n3_x.swift")) {
            try directory.pathForNewRevision(id: "n3", message: "x", createDate: date, downRevisions: [])
        }
        #expect(throws: ScriptDirectoryError.noVersionLocations) {
            try ScriptDirectory(versionLocations: []).versionLocation(downRevisions: [])
        }
        #expect(
            "\(ScriptDirectoryError.notAVersionLocation(path: "/elsewhere", locations: ["a", "b"]))"
                == "version path /elsewhere is not one of the version locations (a, b)")
        #expect(
            "\(ScriptDirectoryError.idExists(id: "a1", path: "v/a1.swift"))"
                == "revision id 'a1' already exists in v/a1.swift")
        #expect(
            "\(ScriptDirectoryError.fileExists(path: "v/x.swift"))"
                == "v/x.swift already exists; choose another message or file_template")
    }

    @Test("a location that cannot be listed is an error naming it")
    func unlistable() throws {
        let folder = try ScriptTempFolder()
        let file = try folder.write("plain.txt", "x")
        #expect(throws: ScriptDirectoryError.cannotList(path: file, reason: "Not a directory")) {
            try ScriptDirectory.revisionFiles(in: [file])
        }
    }
}
