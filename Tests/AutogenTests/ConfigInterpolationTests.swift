import Testing

@testable import Autogen

@Suite("ConfigInterpolation")
struct ConfigInterpolationTests {
    private func value(
        _ key: String, in section: String = "autogen", _ text: String, environment: [String: String] = [:]
    ) throws -> String? {
        try ConfigFixtures.ini(text).value(key, in: section, environment: environment)
    }

    private func error(
        _ key: String, in section: String = "autogen", _ text: String, environment: [String: String] = [:]
    ) -> String? {
        do {
            _ = try ConfigFixtures.ini(text).value(key, in: section, environment: environment)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func hereIsTheIniFolderAndDoublePercentIsAPercent() throws {
        let text = """
            [autogen]
            script_location = %(here)s/migrations
            file_template = %%(rev)s_%%(slug)s
            discount = 50%%
            """
        #expect(try value("script_location", text) == "/srv/app/migrations")
        #expect(try value("file_template", text) == "%(rev)s_%(slug)s")
        #expect(try value("discount", text) == "50%")
        #expect(try value("absent", text) == nil)
    }

    @Test func referencesResolveRecursivelyFromSectionAndDefault() throws {
        let text = """
            [DEFAULT]
            host = db.internal
            dsn = postgresql://%(user)s@%(host)s/%(Name)s
            [autogen]
            user = app
            name = shop
            url = %(dsn)s?sslmode=require
            [other]
            user = report
            name = stats
            """
        #expect(try value("url", text) == "postgresql://app@db.internal/shop?sslmode=require")
        // A [DEFAULT] value is interpolated in the context of the section it is read from.
        #expect(try value("dsn", in: "other", text) == "postgresql://report@db.internal/stats")
    }

    @Test func aKeyNamedHereOverridesTheFolder() throws {
        #expect(try value("p", "[autogen]\nhere = /elsewhere\np = %(here)s/x\n") == "/elsewhere/x")
    }

    @Test func referencedPercentEscapesApplyOnce() throws {
        let text = "[autogen]\npattern = %%(rev)s\nfull = %(pattern)s-%%\n"
        #expect(try value("full", text) == "%(rev)s-%")
    }

    @Test func unknownKeyNamesFileLineSectionAndKey() {
        #expect(
            error("url", "[autogen]\nurl = postgresql://%(host)s/db\n")
                == "autogen.ini:2: cannot interpolate \"url\" in [autogen]: %(host)s names no key in [autogen] or [DEFAULT]; write %% for a literal percent"
        )
    }

    @Test func theErrorPointsAtTheValueThatHoldsTheBadReference() {
        let text = "[DEFAULT]\nbase = %(missing)s\n[autogen]\nurl = %(base)s\n"
        #expect(
            error("url", text)
                == "autogen.ini:2: cannot interpolate \"base\" in [DEFAULT]: %(missing)s names no key in [autogen] or [DEFAULT]; write %% for a literal percent"
        )
    }

    @Test func loopsAreReportedWithTheirChain() {
        #expect(
            error("a", "[autogen]\na = x%(b)s\nb = y%(a)s\n")
                == "autogen.ini:3: cannot interpolate \"b\" in [autogen]: interpolation loop a -> b -> a")
        #expect(
            error("a", "[autogen]\na = %(A)s\n")
                == "autogen.ini:2: cannot interpolate \"a\" in [autogen]: interpolation loop a -> a")
    }

    @Test func depthIsLimitedToTenLevels() throws {
        func chain(_ references: Int) -> String {
            "[autogen]\n" + (0..<references).map { "k\($0) = %(k\($0 + 1))s\n" }.joined() + "k\(references) = end\n"
        }
        #expect(try value("k0", chain(10)) == "end")
        #expect(
            error("k0", chain(11))
                == "autogen.ini:12: cannot interpolate \"k10\" in [autogen]: references nested deeper than 10 levels")
    }

    @Test(arguments: [
        (
            "[autogen]\nfile_template = %(year)d_%%(rev)s\n",
            "autogen.ini:2: cannot interpolate \"file_template\" in [autogen]: \"%(year)d_%%(rev)s\" is not a %(name)s reference; write %% for a literal percent"
        ),
        (
            "[autogen]\nfile_template = 100%\n",
            "autogen.ini:2: cannot interpolate \"file_template\" in [autogen]: \"%\" must be followed by \"%\" or \"(\", found \"%\"; write %% for a literal percent"
        ),
        (
            "[autogen]\nfile_template = 5%d\n",
            "autogen.ini:2: cannot interpolate \"file_template\" in [autogen]: \"%\" must be followed by \"%\" or \"(\", found \"%d\"; write %% for a literal percent"
        ),
        (
            "[autogen]\nfile_template = %()s\n",
            "autogen.ini:2: cannot interpolate \"file_template\" in [autogen]: \"%()s\" is not a %(name)s reference; write %% for a literal percent"
        ),
    ])
    func malformedReferences(text: String, message: String) {
        #expect(error("file_template", text) == message)
    }

    @Test func urlErrorsNeverQuoteTheURL() {
        let reason = "a % in a URL is written %% (a percent-encoded password such as p%40ss is written p%%40ss)"
        #expect(
            error("url", "[autogen]\nurl = postgresql://app:s3cr%40t@db/shop\n")
                == "autogen.ini:2: cannot interpolate \"url\" in [autogen]: \(reason)")
        #expect(
            error("sqlalchemy.url", "[autogen]\nsqlalchemy.url = postgresql://app:s3%(cr@db/shop\n")
                == "autogen.ini:2: cannot interpolate \"sqlalchemy.url\" in [autogen]: \(reason)")
    }

    @Test func valuesNobodyReadsNeverFail() throws {
        let text = """
            [formatter_generic]
            format = %(levelname)-5.5s [%(name)s] %(message)s
            [autogen]
            url = sqlite:///app.db
            """
        #expect(try value("url", text) == "sqlite:///app.db")
        #expect(
            try ConfigFixtures.ini(text).entry("format", in: "formatter_generic")?.rawValue
                == "%(levelname)-5.5s [%(name)s] %(message)s")
    }

    // MARK: ${ENV_VAR}

    @Test func environmentVariablesAreSubstitutedAfterInterpolation() throws {
        let text = """
            [autogen]
            url = postgresql://${DB_USER}:${DB_PASSWORD}@%(host)s/${DB_NAME}
            host = ${DB_HOST}
            """
        let environment = ["DB_USER": "app", "DB_PASSWORD": "s%cr$t", "DB_NAME": "shop", "DB_HOST": "db:5432"]
        #expect(try value("url", text, environment: environment) == "postgresql://app:s%cr$t@db:5432/shop")
    }

    @Test func substitutedValuesAreNotScannedAgain() throws {
        let environment = ["A": "${B}", "B": "never", "P": "%(x)s"]
        #expect(try value("v", "[autogen]\nv = ${A}|${P}\n", environment: environment) == "${B}|%(x)s")
    }

    @Test func dollarEscapesAndPlainDollars() throws {
        let text = "[autogen]\nv = $${HOME} pa$$word $5 a$ ${EMPTY}.\n"
        #expect(try value("v", text, environment: ["EMPTY": ""]) == "${HOME} pa$$word $5 a$ .")
    }

    @Test(arguments: [
        (
            "v = ${DB_URL}",
            "autogen.ini:2: cannot substitute \"v\" in [autogen]: environment variable DB_URL is not set"
        ),
        (
            "v = ${DB_URL",
            "autogen.ini:2: cannot substitute \"v\" in [autogen]: \"${\" has no closing \"}\"; write $${ for a literal ${"
        ),
        (
            "v = ${1X}",
            "autogen.ini:2: cannot substitute \"v\" in [autogen]: \"${1X}\" is not a variable name (letters, digits, _)"
        ),
        (
            "v = ${}",
            "autogen.ini:2: cannot substitute \"v\" in [autogen]: \"${}\" is not a variable name (letters, digits, _)"
        ),
        (
            "v = ${A-B}",
            "autogen.ini:2: cannot substitute \"v\" in [autogen]: \"${A-B}\" is not a variable name (letters, digits, _)"
        ),
    ])
    func environmentErrors(line: String, message: String) {
        #expect(error("v", "[autogen]\n\(line)\n", environment: ["A": "1"]) == message)
    }

    @Test func environmentErrorNamesTheDefaultSectionWhenTheValueLivesThere() {
        #expect(
            error("url", "[DEFAULT]\nurl = ${DATABASE_URL}\n[autogen]\n")
                == "autogen.ini:2: cannot substitute \"url\" in [DEFAULT]: environment variable DATABASE_URL is not set"
        )
    }
}
