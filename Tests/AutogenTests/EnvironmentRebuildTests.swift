import Foundation
import Testing

@testable import Autogen

/// An environment whose compiled revisions do not match the revision files goes back to
/// autogen once to be rebuilt, instead of failing until a source is touched (issue #10 item 6).
@Suite struct EnvironmentRebuildTests {
    @Test func onlyADisagreementAsksForARebuild() {
        #expect(EnvironmentRebuild.isStale(MigrationError.revisionsDisagree("revision a1 is compiled twice")))
        #expect(!EnvironmentRebuild.isStale(MigrationError.target("no revision zz")))
        #expect(!EnvironmentRebuild.isStale(EnvironmentError.irreversible))
    }

    @Test func theRunAfterTheRebuildReportsInsteadOfHandingBackAgain() {
        let dispatcher = [EnvironmentRebuild.dispatcherVariable: "/usr/local/bin/autogen"]
        #expect(EnvironmentRebuild.dispatcher(dispatcher) == "/usr/local/bin/autogen")
        #expect(EnvironmentRebuild.dispatcher([:]) == nil, "not started by autogen")
        #expect(EnvironmentRebuild.dispatcher([EnvironmentRebuild.dispatcherVariable: ""]) == nil)
        let rebuilt = dispatcher.merging([EnvironmentRebuild.staleVariable: "1"]) { $1 }
        #expect(EnvironmentRebuild.dispatcher(rebuilt) == nil, "already rebuilt once")
        #expect(EnvironmentRebuild.isRequested(rebuilt))
        #expect(!EnvironmentRebuild.isRequested(dispatcher))
    }

    @Test func aRevisionFileTheEnvironmentWasNotBuiltWithIsHandedBackBeforeAnythingIsPrinted() async throws {
        let (folder, ini) = try EnvironmentCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try revisionFileText(id: "a1", message: "add account")
            .write(toFile: folder + "/migrations/versions/a1_add_account.swift", atomically: true, encoding: .utf8)
        let handedBack = LogLines()
        let err = LogLines()
        let output = EnvironmentOutput(out: { _ in }, err: { err.append($0) })
        var context = EnvironmentContext(schema: EnvironmentCommandTests.model, revisions: [], output: output)
        context.handBack = { arguments in handedBack.append(arguments.joined(separator: " ")) }

        let status = await AutogenEnvironment.run(arguments: ["current", "-c", ini], context: context)
        #expect(handedBack.all == ["current -c \(ini)"])
        // The hand-back returned (autogen could not be started): the disagreement is the error, as before.
        #expect(status == 1)
        #expect(err.all.count == 1, "\(err.all)")
        #expect(
            err.all.first?.hasPrefix("error: compiled revisions do not match the revision files: revision a1 ") == true)

        // Other errors are not.
        var built = EnvironmentContext(schema: EnvironmentCommandTests.model, revisions: [RevA1.self], output: output)
        built.handBack = context.handBack
        #expect(await AutogenEnvironment.run(arguments: ["upgrade", "zz", "-c", ini], context: built) == 1)
        #expect(handedBack.all.count == 1)
    }
}
