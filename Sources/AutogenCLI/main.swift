import Autogen
import Foundation

// The commands that need the model or the revision bodies run in the project's compiled
// migration environment; the rest run here.
let arguments = Array(CommandLine.arguments.dropFirst())
if EnvironmentDispatch.handles(arguments) {
    exit(EnvironmentDispatch.run(arguments))
}
AutogenCommand.main()
