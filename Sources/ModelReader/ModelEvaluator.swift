import ModelDSL

/// Computes the values of a parsed model file's constants as the compiled file would: each
/// expression is typed the way Swift types it (a literal by the type its context expects, a
/// `.member` by the expected type, a call by the one DSL declaration whose labels and types fit)
/// and its value is made by the DSL itself. It refuses, rather than guesses, whatever it cannot
/// type exactly: an unknown name, an argument list that fits no declaration or more than one, a
/// literal of the wrong kind.
struct ModelEvaluator {
    private let bindings: [String: SourceBinding]
    private var values: [String: TypedValue] = [:]
    private var evaluating: Set<String> = []

    init(file: SourceFile) throws(ModelUnreadable) {
        var bindings: [String: SourceBinding] = [:]
        // (The parser refuses reserved words and capitalized names, so no constant shadows a
        // type or a literal.)
        for binding in file.bindings {
            guard bindings[binding.name] == nil else {
                throw ModelUnreadable(binding.position, "`\(binding.name)` declared twice")
            }
            bindings[binding.name] = binding
        }
        self.bindings = bindings
    }

    /// The value of the constant `name`, computed once.
    mutating func value(of name: String) throws(ModelUnreadable) -> TypedValue {
        if let known = values[name] { return known }
        guard let binding = bindings[name] else { preconditionFailure("no constant \(name)") }
        guard !evaluating.contains(name) else {
            throw ModelUnreadable(binding.position, "`\(name)` refers to itself")
        }
        evaluating.insert(name)
        defer { evaluating.remove(name) }
        var expected: ModelType?
        if let annotation = binding.type {
            guard let type = ModelType.named[annotation.name] else {
                throw ModelUnreadable(binding.position, "the type `\(annotation.name)`")
            }
            expected = annotation.isArray ? .array(type) : type
        }
        let value = try evaluate(binding.value, expecting: expected)
        values[name] = value
        return value
    }

    /// Evaluates `expression` where the context expects `expected` (nil: no contextual type).
    mutating func evaluate(_ expression: SourceExpression, expecting expected: ModelType?) throws(ModelUnreadable)
        -> TypedValue
    {
        if case .optional(let wrapped)? = expected {
            if case .name("nil", _) = expression { return TypedValue(type: .optional(wrapped), value: .none) }
            let inner = try evaluate(expression, expecting: wrapped)
            return TypedValue(type: .optional(wrapped), value: inner.value)
        }
        let result: TypedValue
        switch expression {
        case .string(let text, let position):
            result = try literal(position, expected, "a string literal") {
                switch $0 {
                case nil, .string?: return TypedValue(type: .string, value: .string(text))
                case .defaultValue?: return TypedValue(type: .defaultValue, value: .defaultValue(.string(text)))
                default: return nil
                }
            }
        case .integer(let digits, let position):
            result = try integer(digits, position, expected)
        case .float(let text, let position):
            guard let number = Double(text), number.isFinite else {
                throw ModelUnreadable(position, "a number out of range")
            }
            #if arch(x86_64) || arch(i386)
                // There Swift rounds a float literal to Float80 first, then to Double: a literal
                // where that gives another Double is left to the compiler.
                guard let wide = Float80(text), Double(wide) == number else {
                    throw ModelUnreadable(position, "a decimal literal rounded twice")
                }
            #endif
            result = try literal(position, expected, "a decimal literal") {
                switch $0 {
                case nil, .double?: return TypedValue(type: .double, value: .double(number))
                case .defaultValue?:
                    return TypedValue(type: .defaultValue, value: .defaultValue(DefaultValue(floatLiteral: number)))
                default: return nil
                }
            }
        case .name(let name, let position) where name == "true" || name == "false":
            let flag = name == "true"
            result = try literal(position, expected, "`\(name)`") {
                switch $0 {
                case nil, .bool?: return TypedValue(type: .bool, value: .bool(flag))
                case .defaultValue?: return TypedValue(type: .defaultValue, value: .defaultValue(.boolean(flag)))
                default: return nil
                }
            }
        case .name(let name, let position):
            guard bindings[name] != nil else {
                throw ModelUnreadable(
                    position,
                    name == "nil"
                        ? "`nil` where no optional is expected" : "`\(name)`, which this file does not declare")
            }
            result = try value(of: name)
        case .implicitMember(let name, let position):
            guard let expected else { throw ModelUnreadable(position, "`.\(name)` without a type to look it up in") }
            result = try staticMember(of: expected, name, arguments: nil, position)
        case .member(.name(let typeName, _), let name, let position) where ModelType.named[typeName] != nil:
            result = try staticMember(of: ModelType.named[typeName]!, name, arguments: nil, position)
        case .member(_, let name, let position):
            throw ModelUnreadable(position, "the property `\(name)`")
        case .call(.implicitMember(let name, let memberPosition), let arguments, let closure, _):
            guard let expected else {
                throw ModelUnreadable(memberPosition, "`.\(name)(...)` without a type to look it up in")
            }
            result = try staticMember(of: expected, name, arguments: arguments, memberPosition, closure: closure)
        case .call(let callee, let arguments, let closure, let position):
            result = try call(callee, arguments, closure, position)
        case .array(let elements, let position):
            result = try array(elements, position, expected)
        }
        if let expected, result.type != expected {
            throw ModelUnreadable(expression.position, "a \(result.type) where a \(expected) is expected")
        }
        return result
    }

    private func literal(
        _ position: SourcePosition, _ expected: ModelType?, _ what: String, _ make: (ModelType?) -> TypedValue?
    ) throws(ModelUnreadable) -> TypedValue {
        guard let value = make(expected) else {
            throw ModelUnreadable(
                position, "\(what) where a \(expected.map(String.init(describing:)) ?? "") is expected")
        }
        return value
    }

    private func integer(_ digits: String, _ position: SourcePosition, _ expected: ModelType?) throws(ModelUnreadable)
        -> TypedValue
    {
        switch expected {
        case nil, .int?:
            guard let n = Int(digits) else { throw ModelUnreadable(position, "a number out of range") }
            return TypedValue(type: .int, value: .int(n))
        case .int64?:
            guard let n = Int64(digits) else { throw ModelUnreadable(position, "a number out of range") }
            return TypedValue(type: .int64, value: .int64(n))
        case .double?:
            guard let n = Double(digits) else { throw ModelUnreadable(position, "a number out of range") }
            return TypedValue(type: .double, value: .double(n))
        case .defaultValue?:
            guard let n = Int64(digits) else { throw ModelUnreadable(position, "a number out of range") }
            return TypedValue(type: .defaultValue, value: .defaultValue(DefaultValue(integerLiteral: n)))
        default:
            throw ModelUnreadable(position, "a number where a \(expected!) is expected")
        }
    }

    private mutating func array(_ elements: [SourceExpression], _ position: SourcePosition, _ expected: ModelType?)
        throws(ModelUnreadable) -> TypedValue
    {
        if case .array(let element)? = expected {
            var items: [ModelValue] = []
            items.reserveCapacity(elements.count)
            for e in elements { items.append(try evaluate(e, expecting: element).value) }
            return TypedValue(type: .array(element), value: .array(items))
        }
        if expected != nil { throw ModelUnreadable(position, "an array where a \(expected!) is expected") }
        guard let first = elements.first else { throw ModelUnreadable(position, "an empty array of no known type") }
        let head = try evaluate(first, expecting: nil)
        var items = [head.value]
        for e in elements.dropFirst() { items.append(try evaluate(e, expecting: head.type).value) }
        return TypedValue(type: .array(head.type), value: .array(items))
    }

    private mutating func staticMember(
        of type: ModelType, _ name: String, arguments: [SourceArgument]?, _ position: SourcePosition,
        closure: [SourceExpression]? = nil
    ) throws(ModelUnreadable) -> TypedValue {
        if let arguments {
            guard closure == nil, let signature = ModelDeclarations.functions[type]?[name] else {
                throw ModelUnreadable(position, "`.\(name)(...)` of \(type)")
            }
            return try apply([signature], arguments, nil, position, what: "`.\(name)`")
        }
        guard let value = ModelDeclarations.constants[type]?[name] else {
            throw ModelUnreadable(position, "`.\(name)` of \(type)")
        }
        return TypedValue(type: type, value: value)
    }

    private mutating func call(
        _ callee: SourceExpression, _ arguments: [SourceArgument], _ closure: [SourceExpression]?,
        _ position: SourcePosition
    ) throws(ModelUnreadable) -> TypedValue {
        switch callee {
        case .name(let name, let namePosition):
            guard let overloads = ModelDeclarations.initializers[name] else {
                throw ModelUnreadable(namePosition, "a call of `\(name)`")
            }
            return try apply(overloads, arguments, closure, position, what: "`\(name)(...)`")
        case .member(.name(let typeName, _), let name, let memberPosition) where ModelType.named[typeName] != nil:
            return try staticMember(
                of: ModelType.named[typeName]!, name, arguments: arguments, memberPosition, closure: closure)
        case .implicitMember(let name, let memberPosition):
            throw ModelUnreadable(memberPosition, "`.\(name)(...)` without a type to look it up in")
        case .member(let base, let name, let memberPosition):
            let receiver = try evaluate(base, expecting: nil)
            guard closure == nil, let method = ModelDeclarations.methods[receiver.type]?[name] else {
                throw ModelUnreadable(memberPosition, "the \(receiver.type) method `\(name)`")
            }
            let arguments = try self.arguments(for: method.signature, arguments, memberPosition, what: "`.\(name)`")
            return TypedValue(type: method.signature.result, value: method.apply(receiver.value, arguments))
        default:
            throw ModelUnreadable(position, "a call of an expression")
        }
    }

    /// Calls the one overload whose labels and argument types fit.
    private mutating func apply(
        _ overloads: [ModelSignature], _ arguments: [SourceArgument], _ closure: [SourceExpression]?,
        _ position: SourcePosition, what: String
    ) throws(ModelUnreadable) -> TypedValue {
        var fitting: [(ModelSignature, ModelArguments)] = []
        var firstProblem: ModelUnreadable?
        for signature in overloads where (signature.builder != nil) == (closure != nil) {
            do {
                var evaluated = try self.arguments(for: signature, arguments, position, what: what)
                if let closure, let builder = signature.builder {
                    switch builder {
                    case .table: evaluated.tableElements = try tableElements(closure)
                    case .schema: evaluated.schemaElements = try schemaElements(closure)
                    }
                }
                fitting.append((signature, evaluated))
            } catch {
                firstProblem = firstProblem ?? error
            }
        }
        guard fitting.count == 1 else {
            if fitting.isEmpty, overloads.count == 1, let firstProblem { throw firstProblem }
            throw ModelUnreadable(position, fitting.isEmpty ? "\(what) with these arguments" : "an ambiguous \(what)")
        }
        let (signature, evaluated) = fitting[0]
        return TypedValue(type: signature.result, value: signature.make(evaluated))
    }

    private mutating func arguments(
        for signature: ModelSignature, _ arguments: [SourceArgument], _ position: SourcePosition, what: String
    ) throws(ModelUnreadable) -> ModelArguments {
        guard let assigned = signature.assign(arguments) else {
            throw ModelUnreadable(position, "\(what) with these argument labels")
        }
        var slots: [ModelValue?] = []
        slots.reserveCapacity(assigned.count)
        for (parameter, given) in zip(signature.parameters, assigned) {
            if parameter.isVariadic {
                var items: [ModelValue] = []
                for i in given { items.append(try evaluate(arguments[i].value, expecting: parameter.type).value) }
                slots.append(.array(items))
            } else if let i = given.first {
                slots.append(try evaluate(arguments[i].value, expecting: parameter.type).value)
            } else {
                slots.append(nil)
            }
        }
        return ModelArguments(slots: slots)
    }
}
