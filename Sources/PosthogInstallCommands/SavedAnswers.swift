import Cluster
import Effects
import Installer

/// answers.yaml beside a values.yaml: read back so a later run starts from them, and written
/// together with values.yaml so that a run killed between the two writes is noticed next time.
///
/// answers.yaml is written first and records the SHA-256 of the values.yaml text written with
/// it. When values.yaml does not have that digest, either the last run was cut off before
/// values.yaml was replaced, or values.yaml was edited by hand since. The kept copy of the
/// previous answers.yaml tells the two apart: if it names the values.yaml on disk, that file was
/// written from those older answers, and they (not the newer ones) say which settings came from
/// answers when the next run tidies up keys no answer asks for any more.
struct SavedAnswers {
    /// Why a pair could not be written.
    struct WriteError: Error, CustomStringConvertible {
        /// The file that could not be written.
        let path: String
        /// What the file system said.
        let underlying: FileSystemError
        /// `cannot write PATH: REASON`.
        var description: String { "cannot write \(path): \(underlying)" }
    }

    let files: any FileSystem
    let valuesPath: String

    /// answers.yaml's path for this values.yaml.
    var answersPath: String { ValuesRun.answersPath(for: valuesPath) }

    /// The text of answers.yaml: the answers last given (nil when there is none).
    func latestText() throws(FileSystemError) -> String? {
        guard files.exists(answersPath) else { return nil }
        return try files.readString(answersPath)
    }

    /// The text of the answers the values.yaml on disk was written from: answers.yaml, or its
    /// kept copy when the last run stopped between the two writes.
    func textValuesWereWrittenFrom() -> String? {
        guard let latest = try? latestText() else { return nil }
        guard let recorded = AnswersFile.valuesSHA256(in: latest), let values = try? files.readBytes(valuesPath) else {
            return latest
        }
        let digest = ChartDigest.sha256Hex(values)
        if recorded == digest { return latest }
        if let kept = newestKeptCopy(), let text = try? files.readString(kept), AnswersFile.valuesSHA256(in: text) == digest {
            return text
        }
        // values.yaml was changed by hand since: the answers still say what was asked.
        return latest
    }

    /// Writes answers.yaml (recording `valuesText`'s digest), then values.yaml unless `valuesChanged`
    /// is false; returns values.yaml's backup. If values.yaml cannot be written, answers.yaml is
    /// put back as it was, so the two files still belong together.
    func write(valuesText: String, valuesChanged: Bool, answers sheet: AnswerSheet, profile: ProfileSet) throws(WriteError) -> String? {
        let digest = ChartDigest.sha256Hex(Array(valuesText.utf8))
        let previous = files.exists(answersPath) ? try? files.readString(answersPath) : nil
        do {
            _ = try files.writeAtomically(
                answersPath, AnswersFile.text(sheet, profile: profile, valuesSHA256: digest), mode: 0o600, backup: .keepLast(1))
        } catch {
            throw WriteError(path: answersPath, underlying: error)
        }
        guard valuesChanged else { return nil }
        do {
            return try files.writeAtomically(valuesPath, valuesText, mode: 0o600, backup: .keepLast(5))
        } catch {
            if let previous {
                _ = try? files.writeAtomically(answersPath, previous, mode: 0o600, backup: .none)
            } else {
                try? files.removeFile(answersPath)
            }
            throw WriteError(path: valuesPath, underlying: error)
        }
    }

    /// The newest `answers.yaml.<stamp>.bak` beside answers.yaml.
    private func newestKeptCopy() -> String? {
        let (directory, name) = splitPath(answersPath)
        guard let names = try? files.listDirectory(directory) else { return nil }
        let newest = names.compactMap { candidate in BackupNames.parse(candidate, for: name).map { (candidate, $0.stamp, $0.sequence) } }
            .max { ($0.1, $0.2) < ($1.1, $1.2) }
        return newest.map { joinPath(directory, $0.0) }
    }
}
