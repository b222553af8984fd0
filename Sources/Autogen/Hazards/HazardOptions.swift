import ArgumentParser

extension HazardKind: ExpressibleByArgument {}

/// `--fail-on KIND` of `check` and `revision --autogenerate`: the hazard kinds that make the
/// command fail (exit 3) instead of passing or writing the revision.
struct HazardOptions: ParsableArguments {
    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Fail (exit 3) when a change has a hazard of this kind (repeatable): \(HazardKind.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "kind"))
    var failOn: [HazardKind] = []

    /// The exit status of a command refused for its hazards.
    static let refused: Int32 = 3

    /// The hazards among `hazards` whose kind `--fail-on` names.
    func refusing(_ hazards: [Hazard]) -> [Hazard] { hazards.filter { failOn.contains($0.kind) } }
}
