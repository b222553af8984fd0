// `autogen-bench template`: times rendering one revision file from the default template.
//
//   autogen-bench template [--renders 1000] [--warmup 20]
//
// It parses the shipped `generic/script.swift.mako` (the text embedded in the binary) once,
// timing the parse, then renders the same revision (one parent, a create-table upgrade and
// its downgrade) `renders` times after `warmup` untimed renders, and prints one JSON line
// with the parse time and the median and p99 time per render, in ms.
import Autogen
import Foundation

func runTemplateBench(_ arguments: [String]) {
    var renders = 1000
    var warmup = 20
    var args = arguments[...]
    while let arg = args.popFirst() {
        switch arg {
        case "--renders": renders = max(1, Int(args.popFirst() ?? "") ?? renders)
        case "--warmup": warmup = max(0, Int(args.popFirst() ?? "") ?? warmup)
        default:
            FileHandle.standardError.write(Data("usage: autogen-bench template [--renders N] [--warmup N]\n".utf8))
            exit(2)
        }
    }
    guard let source = BuiltinTemplates.files["generic/script.swift.mako"] else {
        FileHandle.standardError.write(Data("autogen-bench: no embedded generic/script.swift.mako\n".utf8))
        exit(1)
    }
    let context: [String: TemplateValue] = [
        "up_revision": "3512b954651e",
        "down_revision": ["27c6a30d7c24"],
        "branch_labels": [],
        "depends_on": [],
        "create_date": "2026-11-26 19:40:00.123456",
        "message": "add account",
        "type_name": "Revision_3512b954651e",
        "imports": "",
        "upgrades": """
        try op.createTable("account") {
            Column("id", .integer).primaryKey()
            Column("name", .varchar(50)).notNull()
        }
        """,
        "downgrades": "try op.dropTable(\"account\")",
    ]
    let clock = ContinuousClock()
    func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e3 + Double(attoseconds) / 1e15
    }
    do {
        let parseStart = clock.now
        let template = try Template(source: source, name: "script.swift.mako")
        let parseMs = milliseconds(clock.now - parseStart)
        var bytes = 0
        for _ in 0..<warmup { bytes = try template.render(context).utf8.count }
        var times: [Double] = []
        times.reserveCapacity(renders)
        for _ in 0..<renders {
            let start = clock.now
            let text = try template.render(context)
            times.append(milliseconds(clock.now - start))
            bytes = text.utf8.count
        }
        times.sort()
        let median = times[times.count / 2]
        let p99 = times[min(times.count - 1, Int((Double(times.count) * 0.99).rounded(.up)) - 1)]
        func format(_ value: Double) -> String { String(format: "%.4f", value) }
        print(
            #"{"mode": "template", "renders": \#(renders), "parse_ms": \#(format(parseMs)), "median_render_ms": \#(format(median)), "p99_render_ms": \#(format(p99)), "output_bytes": \#(bytes)}"#
        )
    } catch {
        FileHandle.standardError.write(Data("autogen-bench: \(error)\n".utf8))
        exit(1)
    }
}
