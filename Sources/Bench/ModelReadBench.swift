// `autogen-bench model-read`: times reading a model file with ModelReader, as an environment
// does for each command after an edit of model.swift alone.
//
//   autogen-bench model-read --file model.swift [--runs 9]
//
// Prints one JSON line: the file's size and lines, the number of schemas and tables read, and
// the median and minimum time per read in ms (text already in memory).
import Foundation
import ModelReader

func runModelReadBench(_ arguments: [String]) {
    var file: String?
    var runs = 9
    var args = arguments[...]
    while let arg = args.popFirst() {
        switch arg {
        case "--file": file = args.popFirst()
        case "--runs": runs = max(1, Int(args.popFirst() ?? "") ?? runs)
        default: file = nil
        }
    }
    guard let file, let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        FileHandle.standardError.write(Data("usage: autogen-bench model-read --file MODEL.swift [--runs N]\n".utf8))
        exit(2)
    }
    let clock = ContinuousClock()
    var times: [Double] = []
    var tables = 0
    var schemas = 0
    for _ in 0..<runs {
        let start = clock.now
        do {
            let read = try ModelReader(source: text)
            schemas = read.schemas.count
            tables = read.schemas.values.map(\.tables.count).reduce(0, +)
        } catch {
            FileHandle.standardError.write(Data("autogen-bench: \(file):\(error)\n".utf8))
            exit(1)
        }
        let (seconds, attoseconds) = (clock.now - start).components
        times.append(Double(seconds) * 1e3 + Double(attoseconds) / 1e15)
    }
    times.sort()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    print(
        #"{"bytes": \#(text.utf8.count), "lines": \#(lines), "schemas": \#(schemas), "tables": \#(tables), "#
            + #""median_ms": \#(String(format: "%.1f", times[times.count / 2])), "min_ms": \#(String(format: "%.1f", times[0]))}"#
    )
}
