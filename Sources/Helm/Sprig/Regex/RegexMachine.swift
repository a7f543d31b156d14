/// A Pike VM: runs a `RegexProgram` over UTF-8 text in one pass, keeping threads in priority order,
/// which gives Go's leftmost-first matches and submatches in time linear in the input.
final class RegexMachine {
    /// A sparse set of instructions with the capture slots of threads waiting on input.
    struct Queue {
        var sparse: [Int]
        var pcs: [Int] = []
        var caps: [[Int]?] = []

        init(size: Int) { sparse = Array(repeating: 0, count: size) }

        func contains(_ pc: Int) -> Bool {
            let i = sparse[pc]
            return i < pcs.count && pcs[i] == pc
        }

        mutating func insert(_ pc: Int) -> Int {
            sparse[pc] = pcs.count
            pcs.append(pc)
            caps.append(nil)
            return pcs.count - 1
        }

        mutating func clear() {
            pcs.removeAll(keepingCapacity: true)
            caps.removeAll(keepingCapacity: true)
        }
    }

    private enum Job {
        case explore(Int)
        case restore(slot: Int, value: Int)
    }

    /// The program being run.
    let prog: RegexProgram
    /// Capture slots tracked per thread.
    let slotCount: Int
    private var runq: Queue
    private var nextq: Queue
    private var matchcap: [Int]
    private var matched = false
    private var jobs: [Job] = []

    init(_ prog: RegexProgram, slotCount: Int) {
        self.prog = prog
        self.slotCount = slotCount
        runq = Queue(size: prog.insts.count)
        nextq = Queue(size: prog.insts.count)
        matchcap = Array(repeating: -1, count: slotCount)
    }

    /// The rune value standing for "no rune" before the start and after the end.
    static let endOfText: Int32 = -1

    /// Decodes the rune at `pos` (valid UTF-8); width 0 at the end.
    @inline(__always)
    static func step(_ text: [UInt8], _ pos: Int) -> (Int32, Int) {
        guard pos < text.count else { return (endOfText, 0) }
        let b0 = UInt32(text[pos])
        if b0 < 0x80 { return (Int32(b0), 1) }
        if b0 < 0xE0, pos + 1 < text.count {
            return (Int32((b0 & 0x1F) << 6 | UInt32(text[pos + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0, pos + 2 < text.count {
            return (Int32((b0 & 0x0F) << 12 | (UInt32(text[pos + 1]) & 0x3F) << 6 | UInt32(text[pos + 2]) & 0x3F), 3)
        }
        if pos + 3 < text.count {
            let v = (b0 & 0x07) << 18 | (UInt32(text[pos + 1]) & 0x3F) << 12
                | (UInt32(text[pos + 2]) & 0x3F) << 6 | UInt32(text[pos + 3]) & 0x3F
            return (Int32(v), 4)
        }
        return (0xFFFD, 1)
    }

    /// The rune that ends just before `pos`, or -1 at the start.
    static func previousRune(_ text: [UInt8], _ pos: Int) -> Int32 {
        guard pos > 0 else { return endOfText }
        var start = pos - 1
        while start > 0 && pos - start < 4 && text[start] & 0xC0 == 0x80 { start -= 1 }
        return step(text, start).0
    }

    /// Finds the leftmost-first match starting at or after `from`; the capture slots, or nil.
    func match(_ text: [UInt8], from: Int) -> [Int]? {
        matched = false
        for i in matchcap.indices { matchcap[i] = -1 }
        runq.clear()
        nextq.clear()
        var pos = from
        var (r, width) = Self.step(text, pos)
        var (r1, width1) = r == Self.endOfText ? (Self.endOfText, 0) : Self.step(text, pos + width)
        var flag = EmptyAssertion.context(Self.previousRune(text, pos), r)
        while true {
            if runq.pcs.isEmpty {
                if matched || (prog.anchoredStart && pos != 0) { break }
                if let first = prog.firstRunes, !(r >= 0 && RegexCharClass.contains(first, UInt32(r))) {
                    // No thread is alive and no match can start here: jump to the next rune that can start one.
                    while r >= 0 && !RegexCharClass.contains(first, UInt32(r)) {
                        pos += width
                        (r, width) = Self.step(text, pos)
                    }
                    if r < 0 { break }
                    (r1, width1) = Self.step(text, pos + width)
                    flag = EmptyAssertion.context(Self.previousRune(text, pos), r)
                }
            }
            if !matched && (pos == 0 || !prog.anchoredStart) {
                var caps = matchcap
                if slotCount > 0 { caps[0] = pos }
                add(&runq, prog.start, pos, &caps, flag)
            }
            flag = EmptyAssertion.context(r, r1)
            stepThreads(pos: pos, nextPos: pos + width, rune: r, nextCond: flag)
            if width == 0 { break }
            pos += width
            (r, width) = (r1, width1)
            if r != Self.endOfText { (r1, width1) = Self.step(text, pos + width) }
            swap(&runq, &nextq)
        }
        nextq.clear()
        return matched ? matchcap : nil
    }

    /// Runs every thread in `runq` over one rune, filling `nextq` in priority order.
    private func stepThreads(pos: Int, nextPos: Int, rune: Int32, nextCond: EmptyAssertion) {
        var j = 0
        while j < runq.pcs.count {
            defer { j += 1 }
            guard var caps = runq.caps[j] else { continue }
            let inst = prog.insts[runq.pcs[j]]
            let advance: Bool
            switch inst.op {
            case .match:
                if slotCount > 0 { caps[1] = pos }
                matchcap = caps
                matched = true
                // Leftmost-first: threads after this one have lower priority; drop them.
                j = runq.pcs.count
                continue
            case .rune: advance = rune >= 0 && RegexCharClass.contains(inst.runes, UInt32(rune))
            case .rune1: advance = Int(rune) == inst.arg
            case .runeAny: advance = rune >= 0
            case .runeAnyNotNL: advance = rune >= 0 && rune != 0x0A
            default: advance = false
            }
            if advance { add(&nextq, inst.out, nextPos, &caps, nextCond) }
        }
        runq.clear()
    }

    /// Adds the thread at `pc0` and everything reachable without input, in priority order.
    private func add(_ q: inout Queue, _ pc0: Int, _ pos: Int, _ caps: inout [Int], _ cond: EmptyAssertion) {
        jobs.removeAll(keepingCapacity: true)
        jobs.append(.explore(pc0))
        while let job = jobs.popLast() {
            var pc: Int
            switch job {
            case .restore(let slot, let value):
                caps[slot] = value
                continue
            case .explore(let start):
                pc = start
            }
            while pc != 0 && !q.contains(pc) {
                let j = q.insert(pc)
                let inst = prog.insts[pc]
                switch inst.op {
                case .fail:
                    pc = 0
                case .alt:
                    jobs.append(.explore(inst.arg))
                    pc = inst.out
                case .emptyWidth:
                    pc = cond.contains(EmptyAssertion(rawValue: UInt8(inst.arg))) ? inst.out : 0
                case .nop:
                    pc = inst.out
                case .capture:
                    if inst.arg < slotCount {
                        jobs.append(.restore(slot: inst.arg, value: caps[inst.arg]))
                        caps[inst.arg] = pos
                    }
                    pc = inst.out
                case .match, .rune, .rune1, .runeAny, .runeAnyNotNL:
                    q.caps[j] = caps
                    pc = 0
                }
            }
        }
    }
}
