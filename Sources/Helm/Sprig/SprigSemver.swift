import GoTemplate

/// Sprig's `semver` and `semverCompare`, on Masterminds/semver v3 semantics.
enum SprigSemver {
    /// The function table.
    static let functions: [String: TemplateFunction] = Dictionary(uniqueKeysWithValues: [
        SprigCore.make("semverCompare") { a in
            try a.count(2)
            return .bool(try compare(constraint: try a.string(0), version: try a.string(1)))
        },
        SprigCore.make("semver") { a in
            try a.count(1)
            return .object(SemverVersionObject(try parse(try a.string(0))))
        },
    ])

    /// `semverCompare`: the constraint is parsed first, then the version, as Sprig does.
    static func compare(constraint: String, version: String) throws -> Bool {
        let constraints: SemverConstraints
        do { constraints = try SemverConstraints(parsing: constraint) } catch { throw FunctionError(error.message) }
        return constraints.check(try parse(version))
    }

    /// Parses a version, turning semver's error into a template function error.
    static func parse(_ text: String) throws -> SemanticVersion {
        do { return try SemanticVersion(parsing: text) } catch { throw FunctionError(error.message) }
    }
}
