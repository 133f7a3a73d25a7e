import PostgresNIO

/// The parameters of one SQL statement, named by the cases of an enum: the SQL writes
/// `\(Parameter.name)`, which is `$n::type` with n the case's place in `allCases`.
protocol StatementParameter: CaseIterable, Hashable, CustomStringConvertible, Sendable {
    /// The parameter's SQL type, as the statement casts it (`text[]`, `int8`).
    var sqlType: String { get }
}

extension StatementParameter {
    /// `$n`: where the parameter's value is bound (1 is the first).
    var position: Int { Array(Self.allCases).firstIndex(of: self)! + 1 }
    var description: String { "$\(position)::\(sqlType)" }
}

/// A statement's bindings, set by name in any order and appended in the parameters' order:
/// moving a line cannot send a value into another parameter's place, and a parameter left out is
/// an error instead of a shifted list.
struct NamedBindings<Parameter: StatementParameter> {
    struct Missing: Error, CustomStringConvertible {
        var parameter: Parameter
        var description: String { "no value for statement parameter \(parameter)" }
    }

    private var values: [Parameter: (inout PostgresBindings) -> Void] = [:]

    mutating func set<Value: PostgresDynamicTypeEncodable>(_ parameter: Parameter, _ value: Value) {
        values[parameter] = { $0.append(value) }
    }

    mutating func set<Value: PostgresDynamicTypeEncodable>(_ parameter: Parameter, _ value: Value?) {
        values[parameter] = { $0.append(value) }
    }

    /// Every parameter's value, in order.
    func bindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for parameter in Parameter.allCases {
            guard let append = values[parameter] else { throw Missing(parameter: parameter) }
            append(&bindings)
        }
        return bindings
    }
}
