// autogen-bench: benchmarks that print figures (see BENCHMARKS.md).
//
//   autogen-bench introspect --url URL [--runs N] [--warmup N] [--schema S]
//   autogen-bench model-read --file model.swift [--runs N]
//   autogen-bench json --url URL [--runs N] [--schema S]
//   autogen-bench verify [--revisions N] [--tables-per-revision N] [--url postgresql://...]
//   autogen-bench online --url postgresql://... [--rows N] [--runs N]
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let modes: [String: ([String]) -> Void] = [
    "graph": runGraphBench,
    "compare": runCompareBench,
    "introspect": runIntrospectBench,
    "template": runTemplateBench,
    "runtime": runRuntimeBench,
    "model-read": runModelReadBench,
    "json": runJSONBench,
    "verify": runVerifyBench,
    "online": runOnlineBench,
]
guard let mode = arguments.first, let run = modes[mode] else {
    FileHandle.standardError.write(
        Data("usage: autogen-bench \(modes.keys.sorted().joined(separator: "|")) [options]\n".utf8))
    exit(2)
}
run(Array(arguments.dropFirst()))
