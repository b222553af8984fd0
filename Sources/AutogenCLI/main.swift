import Autogen
import Foundation

// Started by `verify` to remove its scratch database should it be killed.
if let status = ScratchDatabase.watchIfAsked(ProcessInfo.processInfo.environment) { exit(status) }
// `autogen -c prod.ini upgrade head` as in Alembic: global options may come first.
let arguments = LeadingGlobalOptions.moved(Array(CommandLine.arguments.dropFirst()))
// The commands that need the model or the revision bodies run in the project's compiled
// migration environment; the rest run here.
if EnvironmentDispatch.handles(arguments) {
    exit(EnvironmentDispatch.run(arguments))
}
AutogenCommand.run(arguments)
