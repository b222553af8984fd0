/// A syntax or evaluation error in a template, with the place it was found.
///
/// Its description is one line, `<template name>:<line>:<column>: <message>`, for example
/// `script.swift.mako:12:7: unknown name 'down_revisoin'`.
public struct TemplateError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The template's name, as given to `Template(source:name:)`.
    public var templateName: String
    /// Where in the template the error was found.
    public var position: TemplatePosition
    /// What is wrong, in one line, without the position.
    public var message: String

    /// Creates an error.
    public init(templateName: String, position: TemplatePosition, message: String) {
        self.templateName = templateName
        self.position = position
        self.message = message
    }

    /// The line of the error, starting at 1.
    public var line: Int { position.line }
    /// The column of the error, starting at 1.
    public var column: Int { position.column }

    /// `<template name>:<line>:<column>: <message>`.
    public var description: String { "\(templateName):\(position.line):\(position.column): \(message)" }
}
