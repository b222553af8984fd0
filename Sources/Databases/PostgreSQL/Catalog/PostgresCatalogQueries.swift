/// The bulk catalog queries `PostgresCatalogReader` runs: one per kind of object, each over
/// every table of the chosen schemas at once (`$1` is the text array of schema names), so
/// the number of queries does not grow with the number of tables.
enum PostgresCatalogQueries {
    /// The connection's default schema.
    static let currentSchema = "SELECT current_schema()"

    /// Which of the schema names in $1 (a text array) exist.
    static let existingSchemas = "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY($1::text[])"

    /// Tables (ordinary, partitioned and partitions; not those an extension created and owns,
    /// such as PostGIS's spatial_ref_sys): oid, schema, name, comment, whether unlogged, the
    /// partition key of a partitioned table, a partition's parent schema, parent name and
    /// bound, the storage parameters, and whether row-level security is enabled and forced.
    static let tables = """
        SELECT c.oid, n.nspname, c.relname, d.description, c.relpersistence = 'u',
            CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
            CASE WHEN c.relispartition THEN
                (SELECT pn.nspname FROM pg_catalog.pg_inherits inh
                 JOIN pg_catalog.pg_class pc ON pc.oid = inh.inhparent
                 JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace WHERE inh.inhrelid = c.oid) END,
            CASE WHEN c.relispartition THEN
                (SELECT pc.relname FROM pg_catalog.pg_inherits inh
                 JOIN pg_catalog.pg_class pc ON pc.oid = inh.inhparent WHERE inh.inhrelid = c.oid) END,
            CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END,
            c.reloptions, c.relrowsecurity, c.relforcerowsecurity
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_description d
            ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY ($1::text[])
            -- One hashed scan of the extension members, not a lookup per table.
            AND c.oid NOT IN (SELECT e.objid FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.deptype = 'e')
        """

    /// Columns: table oid, name, format_type, not null, default, identity, comment, whether the
    /// type (or array element type) is an enum, its schema and name, whether the column owns a
    /// sequence (serial), attnum, `attgenerated` (`s` for a stored generated column), the
    /// collation's oid when not the type's (named apart, `collationNames`), and its oid
    /// whatever it is (for index keys), and the statistics target when not the default (-1
    /// before PostgreSQL 17, NULL from 17 on). Defaults cannot refer to columns, so they are deparsed
    /// without a relation (`pg_get_expr(adbin, 0)`), which spares opening every table; only
    /// generated columns need it. Rows are not sorted here (the reader orders by attnum).
    static let columns = """
        SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
            CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0)
                ELSE pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END,
            a.attidentity, d.description,
            et.typtype = 'e', etn.nspname, et.typname,
            owned.refobjid IS NOT NULL,
            a.attnum, a.attgenerated,
            CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN a.attcollation END,
            a.attcollation, NULLIF(a.attstattarget, -1)
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
        JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
        LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_description d
            ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
        LEFT JOIN (
            SELECT DISTINCT dep.refobjid, dep.refobjsubid
            FROM pg_catalog.pg_depend dep
            JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
            WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.refclassid = 'pg_catalog.pg_class'::regclass
                AND dep.deptype = 'a'
        ) owned ON owned.refobjid = a.attrelid AND owned.refobjsubid = a.attnum
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY ($1::text[])
            AND a.attnum > 0 AND NOT a.attisdropped
        """

    /// Primary key, unique, foreign key and check constraints: table oid, name, type, column
    /// numbers in key order, referenced schema/table, referenced column numbers, update and
    /// delete actions, deferrability, the check expression, and, only for a referenced table
    /// outside the chosen schemas (whose column names the reader has not read), the referenced
    /// column names; the referenced table's oid; for a unique constraint, whether its index is
    /// `NULLS NOT DISTINCT` (PostgreSQL 15 on); the match type (`f` MATCH FULL), whether
    /// the constraint is validated, and an exclusion constraint's definition.
    static func constraints(serverVersion: Int) -> String {
        let nullsNotDistinct =
            serverVersion >= 150000 ? "x.indnullsnotdistinct" : "false"
        return """
            SELECT con.conrelid, con.conname, con.contype, con.conkey, fn.nspname, fc.relname, con.confkey,
                con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred,
                CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END,
                CASE WHEN con.contype = 'f' AND NOT (fn.nspname = ANY ($1::text[]) AND fc.relkind IN ('r', 'p')
                        AND NOT fc.relispartition) THEN
                    ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                          JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                          ORDER BY k.ord)
                END,
                con.confrelid,
                CASE WHEN con.contype = 'u' THEN \(nullsNotDistinct) END,
                con.confmatchtype, con.convalidated,
                CASE WHEN con.contype = 'x' THEN pg_catalog.pg_get_constraintdef(con.oid) END
            FROM pg_catalog.pg_constraint con
            JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
            -- Joined, not a subquery per row (a third of the query's time at 5,000 tables).
            LEFT JOIN pg_catalog.pg_index x ON x.indexrelid = con.conindid AND con.contype = 'u'
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
            LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
            WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relkind IN ('r', 'p')
                AND n.nspname = ANY ($1::text[])
                -- Not what a partition (or a key to a partitioned table) inherits from its parent.
                AND con.conparentid = 0 AND (con.conislocal OR NOT c.relispartition)
            """
    }

    /// Indexes that do not back a primary key, unique or exclusion constraint: table oid,
    /// name, unique, access method, key column numbers (0 for an expression; INCLUDE columns
    /// follow the key ones), the number of key columns, the expressions as one comma-separated
    /// list, the partial predicate; then per key its `indoption` bits (1 DESC, 2 NULLS FIRST),
    /// operator class oid and collation oid (names looked up apart: `nonDefaultOperatorClasses`,
    /// `collationNames`; a subquery per index tripled the query's time); `NULLS NOT DISTINCT`
    /// (PostgreSQL 15 on), and the storage parameters.
    static func indexes(serverVersion: Int) -> String {
        let nullsNotDistinct = serverVersion >= 150000 ? "i.indnullsnotdistinct" : "false"
        return """
            SELECT i.indrelid, ic.relname, i.indisunique, am.amname, i.indkey::pg_catalog.int2[], i.indnkeyatts,
                pg_catalog.pg_get_expr(i.indexprs, i.indrelid), pg_catalog.pg_get_expr(i.indpred, i.indrelid),
                i.indoption::pg_catalog.int2[],
                i.indclass::pg_catalog.oid[], i.indcollation::pg_catalog.oid[],
                \(nullsNotDistinct), ic.reloptions
            FROM pg_catalog.pg_index i
            JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_am am ON am.oid = ic.relam
            WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY ($1::text[])
                -- Not a partition's index attached to its parent's.
                AND (NOT c.relispartition
                     OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits ii WHERE ii.inhrelid = i.indexrelid))
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                                WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                                    AND con.contype IN ('p', 'u', 'x'))
            """
    }

    /// The operator classes that are no type's default: oid, name (schema-qualified and quoted
    /// when not on the search path). Any other operator class of an index key is its default.
    static let nonDefaultOperatorClasses = """
        SELECT opc.oid, CASE WHEN pg_catalog.pg_opclass_is_visible(opc.oid) THEN opc.opcname::text
            ELSE '"' || replace(n.nspname, '"', '""') || '"."' || replace(opc.opcname, '"', '""') || '"' END
        FROM pg_catalog.pg_opclass opc JOIN pg_catalog.pg_namespace n ON n.oid = opc.opcnamespace
        WHERE NOT opc.opcdefault
        """

    /// The names of the collations whose oids are in $1 (schema-qualified and quoted when not
    /// on the search path): asked only when some index key has a collation of its own.
    static let collationNames = """
        SELECT co.oid, CASE WHEN pg_catalog.pg_collation_is_visible(co.oid) THEN co.collname::text
            ELSE '"' || replace(n.nspname, '"', '""') || '"."' || replace(co.collname, '"', '""') || '"' END
        FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace
        WHERE co.oid = ANY ($1::oid[])
        """

    /// Enum types (not an extension's) with their labels in sort order: schema, name, labels.
    static let enums = """
        SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = ANY ($1::text[])
            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep
                            WHERE dep.classid = 'pg_catalog.pg_type'::regclass AND dep.objid = t.oid
                                AND dep.deptype = 'e')
        GROUP BY n.nspname, t.typname
        """

    /// Sequences of the chosen schemas (not an extension's): schema, name, type, start,
    /// increment, min, max, cache, cycle, and the table oid and attnum of the column owning it
    /// (a serial's `a` or an identity's `i` dependency), if any.
    static let sequences = """
        SELECT n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
            s.seqmin, s.seqmax, s.seqcache, s.seqcycle, dep.refobjid, dep.refobjsubid
        FROM pg_catalog.pg_sequence s
        JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_depend dep
            ON dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = c.oid
                AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.deptype IN ('a', 'i')
        WHERE n.nspname = ANY ($1::text[])
            AND c.oid NOT IN (SELECT e.objid FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.deptype = 'e')
        """

    /// Domains (not an extension's): schema, name, base type, NOT NULL, default text, the
    /// collation when not the base type's, check names and their `CHECK (...)` definitions in
    /// name order.
    static let domains = """
        SELECT n.nspname, t.typname, pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
            CASE WHEN t.typcollation = bt.typcollation OR t.typcollation = 0 THEN NULL
                WHEN pg_catalog.pg_collation_is_visible(t.typcollation) THEN co.collname::text
                ELSE '"' || replace(con.nspname, '"', '""') || '"."' || replace(co.collname, '"', '""') || '"' END,
            ARRAY(SELECT c.conname::text FROM pg_catalog.pg_constraint c
                  WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname),
            ARRAY(SELECT pg_catalog.pg_get_constraintdef(c.oid) FROM pg_catalog.pg_constraint c
                  WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname)
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
        LEFT JOIN pg_catalog.pg_namespace con ON con.oid = co.collnamespace
        WHERE t.typtype = 'd' AND n.nspname = ANY ($1::text[])
            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                            WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
        """

    /// Standalone composite types (not tables' row types, not an extension's): schema, name,
    /// and per attribute in order its name, type, collation when not its type's, and for an
    /// enum (or array of one) the enum's schema and name.
    static let compositeTypes = """
        SELECT n.nspname, t.typname,
            array_agg(a.attname::text ORDER BY a.attnum),
            array_agg(pg_catalog.format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum),
            array_agg(CASE WHEN a.attcollation = at.typcollation OR a.attcollation = 0 THEN NULL
                           ELSE (SELECT CASE WHEN pg_catalog.pg_collation_is_visible(co.oid) THEN co.collname::text
                                 ELSE '"' || replace(cn.nspname, '"', '""') || '"."' || replace(co.collname, '"', '""') || '"' END
                                 FROM pg_catalog.pg_collation co
                                 JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                                 WHERE co.oid = a.attcollation)
                      END ORDER BY a.attnum),
            array_agg(CASE WHEN et.typtype = 'e' THEN etn.nspname::text END ORDER BY a.attnum),
            array_agg(CASE WHEN et.typtype = 'e' THEN et.typname::text END ORDER BY a.attnum)
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
        JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN at.typcategory = 'A' THEN at.typelem ELSE at.oid END
        JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
        WHERE t.typtype = 'c' AND n.nspname = ANY ($1::text[])
            AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                            WHERE e.classid = 'pg_catalog.pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
        GROUP BY n.nspname, t.typname
        """

    /// Installed extensions, database-wide: name, the schema holding their objects. PL/pgSQL,
    /// which every database has from the start, is left out.
    static let extensions = """
        SELECT e.extname, n.nspname
        FROM pg_catalog.pg_extension e
        JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql'
        """

    /// Views and materialized views (not an extension's): oid, schema, name, whether
    /// materialized, the query as the server prints it (`pg_get_viewdef`, what pg_dump writes),
    /// whether a materialized view holds rows, the comment, and its column names and collation
    /// oids by number (to name the keys of a materialized view's indexes).
    static let views = """
        SELECT c.oid, n.nspname, c.relname, c.relkind = 'm', pg_catalog.pg_get_viewdef(c.oid), c.relispopulated,
            d.description,
            ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 ORDER BY a.attnum)::pg_catalog.text[],
            ARRAY(SELECT a.attcollation FROM pg_catalog.pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 ORDER BY a.attnum)::pg_catalog.oid[]
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_description d
            ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
        WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY ($1::text[])
            AND c.oid NOT IN (SELECT e.objid FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.deptype = 'e')
        """
}
