import Testing

@testable import Autogen

@Suite("HookConfig")
struct HookConfigTests {
    private func hooks(_ text: String) throws -> (hooks: PostWriteHooks, warnings: [ConfigWarning]) {
        try PostWriteHooks.parse(ConfigFixtures.ini(text), environment: ["PATH": "/usr/bin"])
    }

    private func hookError(_ text: String) -> String? {
        do {
            _ = try hooks(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theTemplatesDefaultHook() throws {
        let parsed = try hooks(
            """
            [post_write_hooks]
            hooks = swift_format
            swift_format.type = exec
            swift_format.executable = swift-format
            swift_format.options = format --in-place REVISION_SCRIPT_FILENAME
            """)
        #expect(
            parsed.hooks.hooks == [
                PostWriteHook(
                    name: "swift_format", program: .executable("swift-format"),
                    arguments: ["format", "--in-place", "REVISION_SCRIPT_FILENAME"], cwd: nil, timeout: 60)
            ])
        #expect(parsed.hooks.baseFolder == "/srv/app")
        #expect(parsed.hooks.environment == ["PATH": "/usr/bin"])
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.hooks.hooks[0].arguments(for: "/a b/r.swift") == ["format", "--in-place", "/a b/r.swift"])
    }

    @Test func noSectionMeansNoHooks() throws {
        #expect(try hooks("[autogen]\nscript_location = m\n").hooks.hooks.isEmpty)
        #expect(try hooks("[post_write_hooks]\n").hooks.hooks.isEmpty)
    }

    @Test func hooksAreListedInOrderSeparatedByCommasOrBlanks() throws {
        let parsed = try hooks(
            """
            [post_write_hooks]
            hooks = Second,first
               third
            second.type = console
            first.type = exec
            first.executable = /opt/bin/fmt
            first.options = --check
            first.cwd = tools/..//build
            first.timeout = 2.5
            third.type = console_scripts
            third.entrypoint = swiftlint
            """)
        #expect(parsed.hooks.hooks.map(\.name) == ["second", "first", "third"])
        #expect(parsed.hooks.hooks[0].program == .console("second"))
        #expect(parsed.hooks.hooks[0].arguments == ["REVISION_SCRIPT_FILENAME"])
        #expect(parsed.hooks.hooks[1].program == .executable("/opt/bin/fmt"))
        // Without the token the file goes first, as in Alembic.
        #expect(parsed.hooks.hooks[1].arguments == ["REVISION_SCRIPT_FILENAME", "--check"])
        #expect(parsed.hooks.hooks[1].cwd == "/srv/app/build")
        #expect(parsed.hooks.hooks[1].timeout == 2.5)
        #expect(parsed.hooks.hooks[2].program == .console("swiftlint"))
    }

    @Test func optionsAreSplitLikeAShellWithoutExpansion() throws {
        let parsed = try hooks(
            #"""
            [post_write_hooks]
            hooks = q
            q.type = exec
            q.executable = tool
            q.options = -c 'echo "a b" $HOME' --x="y z\"!" a\ b '' --file=REVISION_SCRIPT_FILENAME *.swift
            """#)
        #expect(
            parsed.hooks.hooks[0].arguments == [
                "-c", #"echo "a b" $HOME"#, #"--x=y z"!"#, "a b", "", "--file=REVISION_SCRIPT_FILENAME", "*.swift",
            ])
        #expect(parsed.hooks.hooks[0].arguments(for: "/v/1.swift").last(2) == ["--file=/v/1.swift", "*.swift"])
    }

    @Test(arguments: [
        ("", []),
        ("  a   b\t c ", ["a", "b", "c"]),
        ("a'b c'd", ["ab cd"]),
        (#""\$x \` \\ \n""#, [#"$x ` \ \n"#]),
        (#"a\"b"#, [#"a"b"#]),
        ("one \\\ntwo", ["one", "two"]),
        ("''", [""]),
        (#""" x"#, ["", "x"]),
    ])
    func shellWords(text: String, words: [String]) throws {
        #expect(try ShellWords.split(text) == words)
    }

    @Test func shellWordFailures() {
        #expect(throws: ShellWords.Failure.unterminatedQuote("'")) { try ShellWords.split("a 'b") }
        #expect(throws: ShellWords.Failure.unterminatedQuote("\"")) { try ShellWords.split(#"a "b\"#) }
        #expect(throws: ShellWords.Failure.trailingBackslash) { try ShellWords.split(#"a \"#) }
    }

    @Test(arguments: [
        (
            "hooks = fmt\nfmt.type = shell\n",
            "autogen.ini:4: post-write hook \"fmt\": unknown type \"shell\"; expected exec or console"
        ),
        ("hooks = fmt\n", "autogen.ini:3: post-write hook \"fmt\": fmt.type is missing; set it to exec or console"),
        (
            "hooks = fmt\nfmt.type = exec\n",
            "autogen.ini:4: post-write hook \"fmt\": fmt.executable is missing; name the program to run"
        ),
        (
            "hooks = fmt\nfmt.type = exec\nfmt.executable = x\nfmt.options = 'unclosed\n",
            "autogen.ini:6: post-write hook \"fmt\": fmt.options has an unterminated ' quote"
        ),
        ("hooks = fmt, FMT\n", "autogen.ini:3: post-write hook \"fmt\": listed twice in hooks"),
        (
            "hooks = fmt\nfmt.type = console\nfmt.timeout = soon\n",
            "autogen.ini:5: \"fmt.timeout\" in [post_write_hooks] is \"soon\"; expected a number of seconds greater than 0"
        ),
        (
            "hooks = fmt\nfmt.type = console\nfmt.timeout = -1\n",
            "autogen.ini:5: \"fmt.timeout\" in [post_write_hooks] is \"-1\"; expected a number of seconds greater than 0"
        ),
    ])
    func errorsNameTheHook(body: String, message: String) {
        #expect(hookError("[autogen]\n[post_write_hooks]\n" + body) == message)
    }

    @Test func strayKeysWarn() throws {
        let parsed = try hooks(
            """
            [post_write_hooks]
            hooks = fmt
            fmt.type = console
            fmt.optins = -v
            black.type = console
            verbose = true
            online = true
            """)
        #expect(
            parsed.warnings.map(\.description) == [
                "autogen.ini:4: unknown key \"fmt.optins\" in [post_write_hooks] (did you mean fmt.options?)",
                "autogen.ini:5: key \"black.type\" in [post_write_hooks] belongs to no hook listed in hooks (\"black\" is not listed)",
                "autogen.ini:6: unknown key \"verbose\" in [post_write_hooks]",
                "autogen.ini:7: unknown key \"online\" in [post_write_hooks]; it is a key of the main section, [autogen]: move it there",
            ])
    }

    @Test func hookWarningsReachTheConfig() throws {
        let config = try AutogenConfig(
            ini: ConfigFixtures.ini(
                "[autogen]\nscript_location = m\nscrip_location = x\n[post_write_hooks]\nblack.type = exec\n"),
            environment: [:])
        #expect(
            config.warnings.map(\.description) == [
                "autogen.ini:3: unknown key \"scrip_location\" in [autogen] (did you mean script_location?)",
                "autogen.ini:5: key \"black.type\" in [post_write_hooks] belongs to no hook listed in hooks (\"black\" is not listed)",
            ])
    }
}

extension Array {
    /// The last `count` elements.
    fileprivate func last(_ count: Int) -> [Element] { Array(suffix(count)) }
}
