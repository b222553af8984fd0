// The migration environment's entry point: it hands the target schema (model.swift) and the
// compiled revisions (versions/, listed by the RevisionIndex plugin) to autogen, which runs
// the command line it was started with.
import Autogen

@main
struct Environment {
    static func main() async {
        await AutogenEnvironment.main(schema: schema, revisions: AutogenRevisionIndex.revisions)
    }
}
