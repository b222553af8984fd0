import Foundation
import ModelDSL
import Testing

@testable import ModelReader

/// Fixtures/CoverageModel.swift is compiled into this target and read as text: the reader's
/// schemas must be the compiled ones, field for field.
@Suite struct ModelReaderCoverageTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/CoverageModel.swift")

    @Test func everyDeclarationReadsAsItCompiles() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let read = try ModelReader(source: text).schemas
        let compiled = [
            "coverageSchema": coverageSchema, "coverageDefaultNaming": coverageDefaultNaming,
            "coverageEmpty": coverageEmpty,
        ]
        #expect(Set(read.keys) == Set(compiled.keys))
        for (name, schema) in compiled {
            let reading = try #require(read[name])
            #expect(String(reflecting: reading) == String(reflecting: schema), "\(name)")
            #expect(reading == schema, "\(name)")
        }
    }

    @Test func theFixtureUsesEveryDeclaration() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        for name in ModelDeclarations.initializers.keys { #expect(text.contains(name + "("), "\(name)") }
        for (_, methods) in ModelDeclarations.methods {
            for name in methods.keys { #expect(text.contains("." + name + "("), "\(name)") }
        }
        for (_, constants) in ModelDeclarations.constants {
            for name in constants.keys { #expect(text.contains("." + name), "\(name)") }
        }
        for (_, functions) in ModelDeclarations.functions {
            for name in functions.keys { #expect(text.contains("." + name + "("), "\(name)") }
        }
    }
}
