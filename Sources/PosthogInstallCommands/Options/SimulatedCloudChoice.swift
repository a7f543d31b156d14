import Effects
import YAML

/// Which cloud a simulated install imitates when `--cloud` is not given: the cloud already
/// answered in the answers file or values file the install is going to use, so a rehearsal of
/// `install --values values.yaml` for gcp behaves like GKE, not like the default cluster.
enum SimulatedCloudChoice {
    /// `--cloud`, else `answers.cloud` of the answers file, else `cloud` of the values file.
    static func cloud(flag: String?, answersText: String?, valuesText: String?) -> String? {
        if let flag { return flag }
        if let text = answersText, let cloud = try? YAML.parse(text, file: "answers").value(at: ["answers", "cloud"])?.stringValue {
            return cloud
        }
        if let text = valuesText, let cloud = try? YAML.parse(text, file: "values").value(at: ["cloud"])?.stringValue { return cloud }
        return nil
    }

    /// The same, reading the files (a file that cannot be read counts as not given: the command
    /// itself reports it once it reads the file for real).
    static func cloud(flag: String?, answersPath: String?, valuesPath: String, files: any FileSystem = LocalFileSystem()) -> String? {
        func text(_ path: String?) -> String? {
            guard let path, let bytes = try? files.readBytes(path, limit: 1 << 20) else { return nil }
            return String(validating: bytes, as: UTF8.self)
        }
        return cloud(flag: flag, answersText: flag == nil ? text(answersPath) : nil, valuesText: flag == nil ? text(valuesPath) : nil)
    }
}
