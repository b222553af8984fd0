// swift-format-ignore-file
// (the calls between the markers must stay exactly as SwiftRenderer writes them)
import Foundation
import ModelDSL
import Testing

@testable import Autogen

/// The operations API against `SwiftRenderer`: the calls below are exactly the text the
/// renderer writes for `RuntimeOperationsFixture.ops()` (the test reads them from this
/// file), and running them records exactly those ops, so renderer and API cannot drift.
@Suite struct RuntimeOperationsTests {
    /// The fixture's ops, recorded by calling the API as a revision body would.
    static func recordedByHand() throws -> [MigrationOp] {
        let op = Operations(schema: RuntimeOperationsFixture.start)
        // BEGIN RENDERED
        try op.createSchema("billing")
        try op.createExtension("pgcrypto", schema: "billing")
        try op.createSequence(DatabaseSequence("invoice_no", schema: "billing", start: 1000))
        try op.alterSequence(DatabaseSequence("invoice_no", schema: "billing", start: 1000, increment: 10), existing: DatabaseSequence("invoice_no", schema: "billing", start: 1000))
        try op.createDomain(Domain("positive", .integer, schema: "billing").check("positive_check", "VALUE > 0"))
        try op.alterDomain(Domain("positive", .integer, schema: "billing").notNull().check("positive_check", "VALUE > 0"), existing: Domain("positive", .integer, schema: "billing").check("positive_check", "VALUE > 0"))
        try op.createCompositeType(CompositeType("address", schema: "billing", attributes: [Column("street", .text)]))
        try op.alterCompositeType(CompositeType("address", schema: "billing", attributes: [Column("street", .text), Column("zip", .varchar(10))]), existing: CompositeType("address", schema: "billing", attributes: [Column("street", .text)]))
        try op.createEnum(Enum("mood", ["happy", "sad"]))
        try op.createTable("person", comment: "people") {
            Column("id", .integer).primaryKey()
            Column("mood", .enumeration("mood"))
            Column("name", .text).notNull()
            Unique("person_name_key", "name")
            Check("ck_person_id", "id > 0")
            Index("ix_person_mood", "mood")
        }
        try op.createTable("audit", schema: "billing") {
            Column("id", .bigint).notNull()
        }
        try op.renameTable("person", to: "people")
        try op.setTableUnlogged("people", true)
        try op.setTableStorage("people", ["fillfactor": "70"], existing: [:])
        try op.addColumn("people", Column("age", .integer).notNull().default(0))
        try op.alterColumn("people", "name", newName: "full_name", type: .varchar(100), nullable: true, default: .set("x"), comment: .set("c"), existing: Column("name", .text).notNull())
        try op.alterColumn("people", "full_name", default: .drop, comment: .drop, existing: Column("full_name", .varchar(100)).default("x").comment("c"))
        try op.alterColumn("people", "id", identity: .set(.byDefault), statistics: .set(500), existing: Column("id", .integer).notNull())
        try op.createIndex(Index("ix_people_full_name", "full_name"), on: "people", concurrently: true)
        try op.createIndex(Index(on: "id"), on: "people")
        try op.dropIndex(matching: Index(on: "id"), on: "people")
        try op.dropConstraint("people_pkey", on: "people", type: .primaryKey)
        try op.createPrimaryKey(PrimaryKey("id", name: "people_pkey"), on: "people")
        try op.createUniqueConstraint(Unique(on: "full_name"), on: "people")
        try op.dropConstraint(matching: Unique(on: "full_name"), on: "people")
        try op.createForeignKey(ForeignKey(["id"], references: "account", ["id"], onDelete: .cascade, name: "people_id_fkey"), on: "people")
        try op.createForeignKey(ForeignKey(["id"], references: "account", ["id"]), on: "people")
        try op.dropConstraint(matching: ForeignKey(["id"], references: "account", ["id"]), on: "people")
        try op.createCheckConstraint(Check(name: nil, expression: "id < 100"), on: "people")
        try op.dropConstraint(matching: Check(name: nil, expression: "id < 100"), on: "people")
        try op.alterEnum("mood", values: ["happy", "sad", "meh"], existingValues: ["happy", "sad"], columns: ["people.mood"])
        try op.setTableComment("people", "folks", existing: "people")
        try op.execute("UPDATE people SET mood = 'happy'")
        try op.bulkInsert("people", columns: ["id", "full_name"], rows: [[1, "a"], [2, nil]])
        try op.bulkDelete("people", columns: ["id", "full_name"], rows: [[1, "a"], [2, nil]])
        try op.createView(View("active_people", "SELECT id FROM people", comment: "some"))
        try op.createView(MaterializedView("people_count", schema: "billing", "SELECT count(*) AS n FROM people", withData: false, indexes: [Index("people_count_n", "n")]))
        try op.replaceView(View("active_people", "SELECT id, full_name FROM people"), existing: View("active_people", "SELECT id FROM people", comment: "some"))
        try op.renameView("active_people", to: "some_people")
        try op.createFunction(Function("touch", returns: "trigger", language: "plpgsql", comment: "stamps", body: "BEGIN NEW.full_name := upper(NEW.full_name); RETURN NEW; END"))
        try op.replaceFunction(Function("touch", returns: "trigger", language: "plpgsql", securityDefiner: true, settings: ["search_path=public"], body: "BEGIN NEW.full_name := lower(NEW.full_name); RETURN NEW; END"), existing: Function("touch", returns: "trigger", language: "plpgsql", comment: "stamps", body: "BEGIN NEW.full_name := upper(NEW.full_name); RETURN NEW; END"))
        try op.renameFunction(Function("touch", returns: "trigger", language: "plpgsql", securityDefiner: true, settings: ["search_path=public"], body: "BEGIN NEW.full_name := lower(NEW.full_name); RETURN NEW; END"), to: "touch_people")
        try op.createTrigger(Trigger("people_touch", on: "people", .before, [.insert], execute: "touch()"))
        try op.replaceTrigger(Trigger("people_touch", on: "people", .before, [.insert, .update], updateOf: ["full_name"], when: "NEW.full_name IS NOT NULL", execute: "touch_people()", comment: "upper case"), existing: Trigger("people_touch", on: "people", .before, [.insert], execute: "touch()"))
        try op.renameTrigger(Trigger("people_touch", on: "people", .before, [.insert, .update], updateOf: ["full_name"], when: "NEW.full_name IS NOT NULL", execute: "touch_people()", comment: "upper case"), to: "people_touched")
        try op.setRowLevelSecurity("people", RowLevelSecurity(enabled: true, forced: true), existing: .off)
        try op.createPolicy(Policy("people_read", on: "people", for: .select, using: "id > 0"))
        try op.replacePolicy(Policy("people_read", on: "people", for: .select, permissive: false, to: ["app"], using: "id > 1", withCheck: "true"), existing: Policy("people_read", on: "people", for: .select, using: "id > 0"))
        try op.renamePolicy(Policy("people_read", on: "people", for: .select, permissive: false, to: ["app"], using: "id > 1", withCheck: "true"), to: "people_visible")
        try op.dropPolicy(Policy("people_visible", on: "people", for: .select, permissive: false, to: ["app"], using: "id > 1", withCheck: "true"))
        try op.setRowLevelSecurity("people", .off, existing: RowLevelSecurity(enabled: true, forced: true))
        try op.dropTrigger(Trigger("people_touched", on: "people", .before, [.insert, .update], updateOf: ["full_name"], when: "NEW.full_name IS NOT NULL", execute: "touch_people()", comment: "upper case"))
        try op.dropFunction(Function("touch_people", returns: "trigger", language: "plpgsql", securityDefiner: true, settings: ["search_path=public"], body: "BEGIN NEW.full_name := lower(NEW.full_name); RETURN NEW; END"))
        try op.dropView("some_people")
        try op.dropView("people_count", schema: "billing", materialized: true)
        try op.dropColumn("people", "age")
        try op.dropIndex("ix_people_full_name", on: "people", concurrently: true)
        try op.dropConstraint("person_name_key", on: "people", type: .unique)
        try op.dropConstraint("people_id_fkey", on: "people", type: .foreignKey)
        try op.createExclusionConstraint(Exclusion("people_no_twin", "USING gist (id WITH =)"), on: "people")
        try op.dropExclusionConstraint(Exclusion("people_no_twin", "USING gist (id WITH =)"), on: "people")
        try op.validateConstraint(Check("ck_person_id", "id > 0").notValid(), on: "people")
        try op.dropConstraint("ck_person_id", on: "people", type: .check)
        try op.dropTable("people")
        try op.dropTable("audit", schema: "billing")
        try op.dropEnum("mood")
        try op.dropCompositeType("address", schema: "billing")
        try op.dropDomain("positive", schema: "billing")
        try op.dropSequence("invoice_no", schema: "billing")
        try op.dropExtension("pgcrypto")
        try op.dropSchema("billing")
        // END RENDERED
        return op.ops
    }

    @Test func renderedTextIsTheCallsBelow() throws {
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let lines = source.components(separatedBy: "\n")
        guard let begin = lines.firstIndex(of: "        // BEGIN RENDERED"),
            let end = lines.firstIndex(of: "        // END RENDERED")
        else {
            Issue.record("markers not found")
            return
        }
        let calls = lines[(begin + 1)..<end].map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : $0 }
        #expect(calls.joined(separator: "\n") == SwiftRenderer.render(try RuntimeOperationsFixture.ops()))
    }

    @Test func callsRecordTheRenderedOps() throws {
        let expected = try RuntimeOperationsFixture.ops()
        let recorded = try Self.recordedByHand()
        #expect(recorded.count == expected.count)
        for (got, want) in zip(recorded, expected) { #expect(got == want) }
    }

    /// An exhaustive switch: a new `MigrationOp` case breaks the build here until the
    /// fixture covers it.
    @Test func fixtureCoversEveryOpCase() throws {
        func number(_ op: MigrationOp) -> Int {
            switch op {
            case .createTable: 0
            case .dropTable: 1
            case .renameTable: 2
            case .addColumn: 3
            case .dropColumn: 4
            case .alterColumn: 5
            case .createIndex: 6
            case .dropIndex: 7
            case .addPrimaryKey: 8
            case .dropPrimaryKey: 9
            case .addUnique: 10
            case .dropUnique: 11
            case .addForeignKey: 12
            case .dropForeignKey: 13
            case .addCheck: 14
            case .dropCheck: 15
            case .createEnum: 16
            case .dropEnum: 17
            case .alterEnum: 18
            case .setTableComment: 19
            case .execute: 20
            case .bulkInsert: 21
            case .bulkDelete: 22
            case .createSchema: 23
            case .dropSchema: 24
            case .setTableUnlogged: 25
            case .createExtension: 26
            case .dropExtension: 27
            case .createSequence: 28
            case .dropSequence: 29
            case .alterSequence: 30
            case .setConstraintValidated: 31
            case .createDomain: 32
            case .dropDomain: 33
            case .alterDomain: 34
            case .createCompositeType: 35
            case .dropCompositeType: 36
            case .alterCompositeType: 37
            case .addExclusion: 38
            case .dropExclusion: 39
            case .setTableStorage: 40
            case .createView: 41
            case .dropView: 42
            case .replaceView: 43
            case .renameView: 44
            case .createFunction: 45
            case .dropFunction: 46
            case .replaceFunction: 47
            case .renameFunction: 48
            case .createTrigger: 49
            case .dropTrigger: 50
            case .replaceTrigger: 51
            case .renameTrigger: 52
            case .setRowLevelSecurity: 53
            case .createPolicy: 54
            case .dropPolicy: 55
            case .replacePolicy: 56
            case .renamePolicy: 57
            }
        }
        #expect(Set(try RuntimeOperationsFixture.ops().map(number)) == Set(0...57))
    }

    @Test func addColumnHoistsColumnConstraints() throws {
        let op = Operations()
        try op.addColumn("t", Column("org_id", .integer).references("org", "id", name: "t_org_id_fkey").unique(name: "t_org_id_key"))
        #expect(op.ops == [
            .addColumn(TableRef("t"), Column("org_id", .integer)),
            .addUnique(TableRef("t"), Unique("t_org_id_key", "org_id")),
            .addForeignKey(TableRef("t"), ForeignKey(["org_id"], references: "org", ["id"], name: "t_org_id_fkey")),
        ])
    }

    @Test func alterColumnWithoutExistingNeedsTheSchema() throws {
        #expect(throws: OperationsError.self) { try Operations().alterColumn("t", "c", nullable: false) }
        let op = Operations(schema: RuntimeOperationsFixture.start)
        try op.alterColumn("account", "id", type: .bigint)
        #expect(op.ops.count == 1)
    }

    @Test func rowsMustMatchColumns() throws {
        #expect(throws: OperationsError.self) { try Operations().bulkInsert("t", columns: ["a", "b"], rows: [[1]]) }
    }
}
