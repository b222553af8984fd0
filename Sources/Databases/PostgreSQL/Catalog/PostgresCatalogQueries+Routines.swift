extension PostgresCatalogQueries {
    /// Functions and procedures (not an extension's, not C or internal ones, not aggregates or
    /// window functions), in creation order: schema, name, kind, arguments and result as the
    /// server prints them, language, volatility, strict, security definer, leakproof,
    /// parallel, cost, rows, whether it returns a set, its settings, its source, a SQL-standard
    /// body as the server prints it (PostgreSQL 14 on), and the comment.
    static func functions(serverVersion: Int) -> String {
        let standardBody =
            serverVersion >= 140000
            ? "CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid) END" : "NULL"
        return """
            SELECT n.nspname, p.proname, p.prokind, pg_catalog.pg_get_function_arguments(p.oid),
                CASE WHEN p.prokind = 'p' THEN NULL ELSE pg_catalog.pg_get_function_result(p.oid) END,
                l.lanname, p.provolatile, p.proisstrict, p.prosecdef, p.proleakproof, p.proparallel,
                p.procost::pg_catalog.text, p.prorows::pg_catalog.text, p.proretset, p.proconfig, p.prosrc,
                \(standardBody), d.description
            FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_catalog.pg_language l ON l.oid = p.prolang
            LEFT JOIN pg_catalog.pg_description d
                ON d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_proc'::regclass AND d.objsubid = 0
            WHERE n.nspname = ANY ($1::text[]) AND p.prokind IN ('f', 'p') AND l.lanname NOT IN ('c', 'internal')
                -- Few rows pass the namespace filter: a lookup each, not a scan of pg_depend.
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                                WHERE e.classid = 'pg_catalog.pg_proc'::regclass AND e.objid = p.oid
                                    AND e.deptype = 'e')
            ORDER BY p.oid
            """
    }

    /// Triggers users created (not the internal ones of foreign keys, not a partition's copy
    /// of its parent's, not constraint triggers), on tables and views of the schemas: schema,
    /// table, name, `tgtype` bits, the `UPDATE OF` columns, the definition as the server
    /// prints it (`pg_get_triggerdef`, for `WHEN`, `REFERENCING` and the function call), the
    /// comment, and when it fires (`tgenabled`).
    static func triggers(serverVersion: Int) -> String {
        let ownOnly = serverVersion >= 130000 ? "AND t.tgparentid = 0" : ""
        return """
            SELECT n.nspname, c.relname, t.tgname, t.tgtype,
                ARRAY(SELECT a.attname FROM pg_catalog.unnest(t.tgattr::pg_catalog.int2[]) WITH ORDINALITY AS k(num, pos)
                      JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.num
                      ORDER BY k.pos)::pg_catalog.text[],
                pg_catalog.pg_get_triggerdef(t.oid), d.description, t.tgenabled
            FROM pg_catalog.pg_trigger t
            JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_description d
                ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_trigger'::regclass AND d.objsubid = 0
            WHERE NOT t.tgisinternal AND t.tgconstraint = 0 \(ownOnly) AND n.nspname = ANY ($1::text[])
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                                WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid
                                    AND e.deptype = 'e')
            """
    }

    /// Row-level security policies on tables of the schemas: schema, table, name, command
    /// (`r` select, `a` insert, `w` update, `d` delete, `*` all), whether permissive, the role
    /// names (`public` for every role), `USING` and `WITH CHECK` as the server prints them.
    static let policies = """
        SELECT n.nspname, c.relname, p.polname, p.polcmd, p.polpermissive,
            ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid) END
                  FROM pg_catalog.unnest(p.polroles) AS r(oid))::pg_catalog.text[],
            pg_catalog.pg_get_expr(p.polqual, p.polrelid), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)
        FROM pg_catalog.pg_policy p
        JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY ($1::text[])
        """
}
