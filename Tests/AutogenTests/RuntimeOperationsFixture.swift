import ModelDSL

@testable import Autogen

/// A schema and a list of ops that covers every `MigrationOp` case, valid in order on that
/// schema; the operations-API test renders them and replays the rendered calls.
enum RuntimeOperationsFixture {
    static let start = Schema(tables: [
        Table(
            name: "account", columns: [Column("id", .integer, nullable: false)], primaryKey: PrimaryKey(columns: ["id"])
        )
    ])

    static let people = TableRef("people")

    /// Ops before the drops that name whole objects (those are computed from the state).
    static var opsBeforeDrops: [MigrationOp] {
        let person = Table(
            name: "person",
            columns: [
                Column("id", .integer, nullable: false), Column("mood", .enumeration("mood", schema: nil)),
                Column("name", .text, nullable: false),
            ],
            primaryKey: PrimaryKey(columns: ["id"]), uniques: [Unique(name: "person_name_key", columns: ["name"])],
            checks: [Check(name: "ck_person_id", expression: "id > 0")], indexes: [Index("ix_person_mood", "mood")],
            comment: "people")
        let name = Column("name", .text, nullable: false)
        let renamed = ColumnAlteration(
            table: people, existing: name, name: Change(from: "name", to: "full_name"),
            type: Change(from: .text, to: .varchar(100)), nullable: Change(from: false, to: true),
            defaultValue: Change(from: nil, to: .string("x")), comment: Change(from: nil, to: "c"))
        let dropped = ColumnAlteration(
            table: people, existing: renamed.resulting, defaultValue: Change(from: .string("x"), to: nil),
            comment: Change(from: "c", to: nil))
        let identity = ColumnAlteration(
            table: people, existing: Column("id", .integer, nullable: false),
            identity: Change(from: nil, to: .byDefault), statistics: Change(from: nil, to: 500))
        let fk = ForeignKey(["id"], references: "account", ["id"], onDelete: .cascade, name: "people_id_fkey")
        let unnamedFK = ForeignKey(["id"], references: "account", ["id"])
        return [
            .createSchema("billing"),
            .createExtension(Extension("pgcrypto", schema: "billing")),
            .createSequence(DatabaseSequence("invoice_no", schema: "billing", start: 1000)),
            .alterSequence(
                DatabaseSequence("invoice_no", schema: "billing", start: 1000),
                Change(from: SequenceOptions(start: 1000), to: SequenceOptions(start: 1000, increment: 10))),
            .createDomain(Self.positive),
            .alterDomain(Change(from: Self.positive, to: Self.positive.notNull())),
            .createCompositeType(Self.address),
            .alterCompositeType(Change(from: Self.address, to: Self.addressWithZip)),
            .createEnum(EnumType("mood", ["happy", "sad"])),
            .createTable(person),
            .createTable(Table(name: "audit", schema: "billing", columns: [Column("id", .bigint, nullable: false)])),
            .renameTable(TableRef("person"), to: "people"),
            .setTableUnlogged(people, Change(from: false, to: true)),
            .setTableStorage(people, Change(from: [:], to: ["fillfactor": "70"])),
            .addColumn(people, Column("age", .integer, nullable: false, default: 0)),
            .alterColumn(renamed),
            .alterColumn(dropped),
            .alterColumn(identity),
            .createIndex(people, Index("ix_people_full_name", "full_name"), concurrently: true),
            .createIndex(people, Index(on: "id")),
            .dropIndex(people, Index(on: "id")),
            .dropPrimaryKey(people, PrimaryKey(columns: ["id"], name: "people_pkey")),
            .addPrimaryKey(people, PrimaryKey(columns: ["id"], name: "people_pkey")),
            .addUnique(people, Unique(name: nil, columns: ["full_name"])),
            .dropUnique(people, Unique(name: nil, columns: ["full_name"])),
            .addForeignKey(people, fk),
            .addForeignKey(people, unnamedFK),
            .dropForeignKey(people, unnamedFK),
            .addCheck(people, Check(name: nil, expression: "id < 100")),
            .dropCheck(people, Check(name: nil, expression: "id < 100")),
            .alterEnum(
                EnumType("mood", ["happy", "sad"]),
                values: Change(from: ["happy", "sad"], to: ["happy", "sad", "meh"]),
                usedBy: [EnumColumnUse(table: people, column: "mood")]),
            .setTableComment(people, Change(from: "people", to: "folks")),
            .execute(sql: "UPDATE people SET mood = 'happy'", reverse: nil),
            .bulkInsert(people, columns: ["id", "full_name"], rows: [[1, "a"], [2, nil]]),
            .bulkDelete(people, columns: ["id", "full_name"], rows: [[1, "a"], [2, nil]]),
            .createView(View("active_people", "SELECT id FROM people").comment("some")),
            .createView(Self.peopleCount),
            .replaceView(
                Change(
                    from: View("active_people", "SELECT id FROM people").comment("some"),
                    to: View("active_people", "SELECT id, full_name FROM people"))),
            .renameView(View("active_people", "SELECT id, full_name FROM people"), to: "some_people"),
            .createFunction(Self.touch),
            .replaceFunction(Change(from: Self.touch, to: Self.touchAgain)),
            .renameFunction(Self.touchAgain, to: "touch_people"),
            .createTrigger(Self.peopleTouch),
            .replaceTrigger(Change(from: Self.peopleTouch, to: Self.peopleTouchAgain)),
            .renameTrigger(Self.peopleTouchAgain, to: "people_touched"),
            .setRowLevelSecurity(people, Change(from: .off, to: RowLevelSecurity(enabled: true, forced: true))),
            .createPolicy(Self.peopleRead),
            .replacePolicy(Change(from: Self.peopleRead, to: Self.peopleReadAgain)),
            .renamePolicy(Self.peopleReadAgain, to: "people_visible"),
        ]
    }

    static let peopleRead = Policy("people_read", on: "people", for: .select, using: "id > 0")
    static let peopleReadAgain = Policy(
        "people_read", on: "people", for: .select, permissive: false, to: ["app"], using: "id > 1",
        withCheck: "true")

    static let touch = Function(
        "touch", returns: "trigger", language: "plpgsql", comment: "stamps",
        body: "BEGIN NEW.full_name := upper(NEW.full_name); RETURN NEW; END")
    static let touchAgain = Function(
        "touch", returns: "trigger", language: "plpgsql", securityDefiner: true, settings: ["search_path=public"],
        body: "BEGIN NEW.full_name := lower(NEW.full_name); RETURN NEW; END")
    static let peopleTouch = Trigger("people_touch", on: "people", .before, [.insert], execute: "touch()")
    static let peopleTouchAgain = Trigger(
        "people_touch", on: "people", .before, [.insert, .update], updateOf: ["full_name"],
        when: "NEW.full_name IS NOT NULL", execute: "touch_people()", comment: "upper case")

    static let peopleCount = MaterializedView(
        "people_count", schema: "billing", "SELECT count(*) AS n FROM people", withData: false,
        indexes: [Index("people_count_n", "n")])

    /// Every op, the drops by name carrying what the state says they drop.
    static let positive = Domain("positive", .integer, schema: "billing").check("positive_check", "VALUE > 0")
    static let address = CompositeType("address", schema: "billing", attributes: [Column("street", .text)])
    static let addressWithZip = CompositeType(
        "address", schema: "billing", attributes: [Column("street", .text), Column("zip", .varchar(10))])

    static func ops() throws -> [MigrationOp] {
        var ops = opsBeforeDrops
        let state = try start.applying(ops)
        guard let table = state.table("people"), let mood = state.enumType("mood"),
            let audit = state.table("audit", schema: "billing")
        else { throw ApplyError("fixture state lacks people, mood or billing.audit") }
        let age = table.column("age") ?? Column("age", .integer)
        let index = table.indexes.first { $0.name == "ix_people_full_name" } ?? Index(on: "x")
        let unique = table.uniques.first { $0.name == "person_name_key" } ?? Unique(on: "x")
        let fk = table.foreignKeys.first { $0.name == "people_id_fkey" } ?? ForeignKey([], references: "", [])
        let check = table.checks.first { $0.name == "ck_person_id" } ?? Check(name: nil, expression: "")
        var afterColumn = table
        afterColumn.columns.removeAll { $0.name == "age" }
        afterColumn.indexes.removeAll { $0.name == index.name }
        afterColumn.uniques.removeAll { $0.name == unique.name }
        afterColumn.foreignKeys.removeAll { $0.name == fk.name }
        afterColumn.checks.removeAll { $0.name == check.name }
        afterColumn.rowLevelSecurity = .off
        var touched = Self.peopleTouchAgain
        touched.name = "people_touched"
        var touchPeople = Self.touchAgain
        touchPeople.name = "touch_people"
        var visible = Self.peopleReadAgain
        visible.name = "people_visible"
        ops += [
            .dropPolicy(visible),
            .setRowLevelSecurity(people, Change(from: RowLevelSecurity(enabled: true, forced: true), to: .off)),
            .dropTrigger(touched),
            .dropFunction(touchPeople),
            .dropView(View("some_people", "SELECT id, full_name FROM people")),
            .dropView(Self.peopleCount),
            .dropColumn(people, age),
            .dropIndex(people, index, concurrently: true),
            .dropUnique(people, unique),
            .dropForeignKey(people, fk),
            .addExclusion(people, Exclusion("people_no_twin", "USING gist (id WITH =)")),
            .dropExclusion(people, Exclusion("people_no_twin", "USING gist (id WITH =)")),
            .setConstraintValidated(people, .check(check.notValid()), Change(from: false, to: true)),
            .dropCheck(people, check),
            .dropTable(afterColumn),
            .dropTable(audit),
            .dropEnum(mood),
            .dropCompositeType(Self.addressWithZip),
            .dropDomain(Self.positive.notNull()),
            .dropSequence(DatabaseSequence("invoice_no", schema: "billing", start: 1000, increment: 10)),
            .dropExtension(Extension("pgcrypto", schema: "billing")),
            .dropSchema("billing"),
        ]
        return ops
    }
}
