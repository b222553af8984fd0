extension PostgresCatalogQueries {
    /// Functions, procedures and aggregates (not an extension's, not C or internal functions,
    /// not window functions), in creation order: schema, name, kind, arguments and result as
    /// the server prints them, language, volatility, strict, security definer, leakproof,
    /// parallel, cost, rows, whether it returns a set, its settings, its source (an
    /// aggregate's `CREATE AGGREGATE` options, spelled as pg_dump spells them), a SQL-standard
    /// body as the server prints it (PostgreSQL 14 on), and the comment.
    /// An aggregate's options from `pg_aggregate`, each only when not the default.
    static let aggregateOptions = """
        pg_catalog.concat_ws(', ',
            'SFUNC = ' || a.aggtransfn::pg_catalog.regproc::pg_catalog.text,
            'STYPE = ' || pg_catalog.format_type(a.aggtranstype, NULL),
            CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
            CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || a.aggfinalfn::pg_catalog.regproc::pg_catalog.text END,
            CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
            CASE WHEN a.aggfinalfn <> 0 AND a.aggfinalmodify <> CASE WHEN a.aggkind = 'n' THEN 'r' ELSE 'w' END
                THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY'
                    WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
            CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || a.aggcombinefn::pg_catalog.regproc::pg_catalog.text END,
            CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || a.aggserialfn::pg_catalog.regproc::pg_catalog.text END,
            CASE WHEN a.aggdeserialfn <> 0
                THEN 'DESERIALFUNC = ' || a.aggdeserialfn::pg_catalog.regproc::pg_catalog.text END,
            CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || pg_catalog.quote_literal(a.agginitval) END,
            CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || a.aggmtransfn::pg_catalog.regproc::pg_catalog.text END,
            CASE WHEN a.aggminvtransfn <> 0
                THEN 'MINVFUNC = ' || a.aggminvtransfn::pg_catalog.regproc::pg_catalog.text END,
            CASE WHEN a.aggmtranstype <> 0 THEN 'MSTYPE = ' || pg_catalog.format_type(a.aggmtranstype, NULL) END,
            CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
            CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || a.aggmfinalfn::pg_catalog.regproc::pg_catalog.text END,
            CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
            CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || pg_catalog.quote_literal(a.aggminitval) END,
            CASE WHEN a.aggsortop <> 0 THEN 'SORTOP = OPERATOR(' || a.aggsortop::pg_catalog.regoperator::pg_catalog.text || ')' END,
            CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END,
            CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END)
        """

    static func functions(serverVersion: Int) -> String {
        let standardBody =
            serverVersion >= 140000
            ? "CASE WHEN p.prosqlbody IS NOT NULL THEN pg_catalog.pg_get_function_sqlbody(p.oid) END" : "NULL"
        return """
            SELECT n.nspname, p.proname, p.prokind, pg_catalog.pg_get_function_arguments(p.oid),
                CASE WHEN p.prokind IN ('p', 'a') THEN NULL ELSE pg_catalog.pg_get_function_result(p.oid) END,
                l.lanname, p.provolatile, p.proisstrict, p.prosecdef, p.proleakproof, p.proparallel,
                p.procost::pg_catalog.text, p.prorows::pg_catalog.text, p.proretset, p.proconfig,
                CASE WHEN p.prokind = 'a' THEN \(aggregateOptions) ELSE p.prosrc END,
                \(standardBody), d.description
            FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_catalog.pg_language l ON l.oid = p.prolang
            LEFT JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
            LEFT JOIN pg_catalog.pg_description d
                ON d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_proc'::regclass AND d.objsubid = 0
            WHERE n.nspname = ANY ($1::text[])
                AND (p.prokind IN ('f', 'p') AND l.lanname NOT IN ('c', 'internal') OR p.prokind = 'a')
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
