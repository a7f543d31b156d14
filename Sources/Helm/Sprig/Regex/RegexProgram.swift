/// One instruction of a compiled regular expression (a Thompson NFA, as Go's `syntax.Prog`).
struct RegexInst: Sendable {
    enum Op: UInt8, Sendable {
        case fail, match, rune, rune1, runeAny, runeAnyNotNL, alt, capture, emptyWidth, nop
    }
    var op: Op
    /// The next instruction (the preferred branch for `alt`).
    var out: Int = 0
    /// `alt`: the other branch; `capture`: the slot; `emptyWidth`: assertion bits; `rune1`: the rune.
    var arg: Int = 0
    /// `rune`: the class as flat lo/hi pairs.
    var runes: [UInt32] = []
}

/// A compiled program: instruction 0 always fails, `start` is the entry.
struct RegexProgram: Sendable {
    /// The instructions; index 0 is the failing one that unpatched exits point to.
    var insts: [RegexInst] = [RegexInst(op: .fail)]
    /// The entry instruction.
    var start = 0
    /// Whether every match must begin at the start of the text (an unavoidable leading `^` or `\A`).
    var anchoredStart = false
    /// The runes any match must begin with, when that set is known and not everything; lets the search skip ahead.
    var firstRunes: [UInt32]? = nil
}

/// Compiles a `RegexNode` tree into a `RegexProgram`, with Go's simplification of counted repetition.
struct RegexCompiler {
    /// A fragment: entry instruction, the dangling exits to patch, and whether it can match empty.
    struct Frag {
        var start: Int
        /// Exits as `instruction << 1 | (1 if arg else 0)`.
        var holes: [Int]
        var nullable: Bool
    }

    /// The program being built.
    var prog = RegexProgram()

    /// Compiles a tree, ending it with a match instruction.
    static func compile(_ node: RegexNode) -> RegexProgram {
        var c = RegexCompiler()
        let f = c.compile(node)
        let match = c.emit(RegexInst(op: .match))
        c.patch(f.holes, match)
        c.prog.start = f.start == 0 ? 0 : f.start
        c.prog.anchoredStart = c.startsAnchored()
        c.prog.firstRunes = c.firstRunes()
        return c.prog
    }

    mutating func emit(_ inst: RegexInst) -> Int {
        prog.insts.append(inst)
        return prog.insts.count - 1
    }

    mutating func patch(_ holes: [Int], _ target: Int) {
        for h in holes {
            if h & 1 == 0 { prog.insts[h >> 1].out = target } else { prog.insts[h >> 1].arg = target }
        }
    }

    static let failFrag = Frag(start: 0, holes: [], nullable: false)

    mutating func single(_ inst: RegexInst, nullable: Bool) -> Frag {
        let i = emit(inst)
        return Frag(start: i, holes: [i << 1], nullable: nullable)
    }

    /// Compiles one node into a fragment.
    mutating func compile(_ node: RegexNode) -> Frag {
        switch node {
        case .noMatch: return Self.failFrag
        case .emptyMatch: return single(RegexInst(op: .nop), nullable: true)
        case .literal(let r, let fold):
            if fold {
                var ranges: [UInt32] = []
                for f in RegexCaseFold.orbit(r) { RegexCharClass.appendRange(&ranges, f, f) }
                return runeFrag(RegexCharClass.clean(ranges))
            }
            return runeFrag([r, r])
        case .charClass(let ranges): return runeFrag(ranges)
        case .anyCharNotNL: return single(RegexInst(op: .runeAnyNotNL), nullable: false)
        case .anyChar: return single(RegexInst(op: .runeAny), nullable: false)
        case .assertion(let a): return single(RegexInst(op: .emptyWidth, arg: Int(a.rawValue)), nullable: true)
        case .capture(let index, let sub):
            let open = single(RegexInst(op: .capture, arg: 2 * index), nullable: true)
            let body = compile(sub)
            let close = single(RegexInst(op: .capture, arg: 2 * index + 1), nullable: true)
            return cat(cat(open, body), close)
        case .star(let sub, let greedy): return star(sub, greedy)
        case .plus(let sub, let greedy): return plus(sub, greedy)
        case .quest(let sub, let greedy): return quest(sub, greedy)
        case .repeatCount(let sub, let lo, let hi, let greedy): return repeatCount(sub, lo, hi, greedy)
        case .concat(let subs):
            var f = compile(subs[0])
            for sub in subs.dropFirst() { f = cat(f, compile(sub)) }
            return f
        case .alternate(let subs):
            var f = Self.failFrag
            for sub in subs { f = alt(f, compile(sub)) }
            return f
        }
    }

    mutating func runeFrag(_ ranges: [UInt32]) -> Frag {
        var inst = RegexInst(op: .rune, runes: ranges)
        if ranges.count == 2 && ranges[0] == ranges[1] {
            inst = RegexInst(op: .rune1, arg: Int(ranges[0]))
        } else if ranges == [0, RegexCharClass.maxRune] {
            inst = RegexInst(op: .runeAny)
        } else if ranges == [0, 0x09, 0x0B, RegexCharClass.maxRune] {
            inst = RegexInst(op: .runeAnyNotNL)
        }
        return single(inst, nullable: false)
    }

    /// `f1` then `f2`.
    mutating func cat(_ f1: Frag, _ f2: Frag) -> Frag {
        if f1.start == 0 || f2.start == 0 { return Self.failFrag }
        patch(f1.holes, f2.start)
        return Frag(start: f1.start, holes: f2.holes, nullable: f1.nullable && f2.nullable)
    }

    /// `f1` or `f2`, preferring `f1`.
    mutating func alt(_ f1: Frag, _ f2: Frag) -> Frag {
        if f1.start == 0 { return f2 }
        if f2.start == 0 { return f1 }
        let i = emit(RegexInst(op: .alt, out: f1.start, arg: f2.start))
        return Frag(start: i, holes: f1.holes + f2.holes, nullable: f1.nullable || f2.nullable)
    }

    /// `x?`: the preferred branch goes into x unless non-greedy.
    mutating func questFrag(_ f1: Frag, _ greedy: Bool) -> Frag {
        let i: Int
        var holes: [Int]
        if greedy {
            i = emit(RegexInst(op: .alt, out: f1.start))
            holes = [i << 1 | 1]
        } else {
            i = emit(RegexInst(op: .alt, arg: f1.start))
            holes = [i << 1]
        }
        holes += f1.holes
        return Frag(start: i, holes: holes, nullable: true)
    }

    /// A loop back to an `alt` that either re-enters x or leaves.
    mutating func loopFrag(_ f1: Frag, _ greedy: Bool) -> Frag {
        let i = greedy ? emit(RegexInst(op: .alt, out: f1.start)) : emit(RegexInst(op: .alt, arg: f1.start))
        patch(f1.holes, i)
        return Frag(start: i, holes: [greedy ? i << 1 | 1 : i << 1], nullable: true)
    }

    /// `x+`: x, then the loop.
    mutating func plusFrag(_ f1: Frag, _ greedy: Bool) -> Frag {
        Frag(start: f1.start, holes: loopFrag(f1, greedy).holes, nullable: f1.nullable)
    }

    mutating func starFrag(_ f1: Frag, _ greedy: Bool) -> Frag {
        // A body that can match empty is compiled as (x+)? so that match priorities stay Perl's.
        if f1.nullable { return questFrag(plusFrag(f1, greedy), greedy) }
        return loopFrag(f1, greedy)
    }

    /// Go's simplification: repeating the empty match is the empty match; x** is x*.
    func isIdempotent(_ sub: RegexNode, _ op: Int, _ greedy: Bool) -> Bool {
        switch (sub, op) {
        case (.emptyMatch, _): return true
        case (.star(_, let g), 0), (.plus(_, let g), 1), (.quest(_, let g), 2): return g == greedy
        default: return false
        }
    }

    mutating func star(_ sub: RegexNode, _ greedy: Bool) -> Frag {
        if isIdempotent(sub, 0, greedy) { return compile(sub) }
        return starFrag(compile(sub), greedy)
    }

    mutating func plus(_ sub: RegexNode, _ greedy: Bool) -> Frag {
        if isIdempotent(sub, 1, greedy) { return compile(sub) }
        let f = compile(sub)
        if f.start == 0 { return f }
        return plusFrag(f, greedy)
    }

    mutating func quest(_ sub: RegexNode, _ greedy: Bool) -> Frag {
        if isIdempotent(sub, 2, greedy) { return compile(sub) }
        let f = compile(sub)
        if f.start == 0 { return single(RegexInst(op: .nop), nullable: true) }
        return questFrag(f, greedy)
    }

    /// `x{lo,hi}` as Go simplifies it: x{2,5} is xx(x(x(x)?)?)?, x{2,} is xx+.
    mutating func repeatCount(_ sub: RegexNode, _ lo: Int, _ hi: Int, _ greedy: Bool) -> Frag {
        if lo == 0 && hi == 0 { return single(RegexInst(op: .nop), nullable: true) }
        if hi == -1 {
            if lo == 0 { return star(sub, greedy) }
            if lo == 1 { return plus(sub, greedy) }
            var f = compile(sub)
            for _ in 0..<(lo - 2) { f = cat(f, compile(sub)) }
            return cat(f, plus(sub, greedy))
        }
        if lo == 1 && hi == 1 { return compile(sub) }
        var prefix: Frag? = nil
        for _ in 0..<lo { prefix = prefix.map { cat($0, compile(sub)) } ?? compile(sub) }
        if hi > lo {
            // The optional tail is built innermost first; instruction order does not change what matches.
            var suffix = quest(sub, greedy)
            if hi > lo + 1 {
                for _ in (lo + 1)..<hi { suffix = questFrag(cat(compile(sub), suffix), greedy) }
            }
            prefix = prefix.map { cat($0, suffix) } ?? suffix
        }
        return prefix ?? Self.failFrag
    }

    /// The union of the rune instructions reachable from the start without input; nil when a match
    /// can begin with any rune or be empty.
    func firstRunes() -> [UInt32]? {
        var ranges: [UInt32] = []
        var seen = Set<Int>()
        var stack = [prog.start]
        while let pc = stack.popLast() {
            guard pc != 0, seen.insert(pc).inserted else { continue }
            let inst = prog.insts[pc]
            switch inst.op {
            case .fail: continue
            case .match, .runeAny, .runeAnyNotNL: return nil
            case .rune: RegexCharClass.appendClass(&ranges, inst.runes)
            case .rune1: RegexCharClass.appendRange(&ranges, UInt32(inst.arg), UInt32(inst.arg))
            case .alt: stack.append(inst.arg); stack.append(inst.out)
            case .capture, .nop, .emptyWidth: stack.append(inst.out)
            }
        }
        return RegexCharClass.clean(ranges)
    }

    /// Whether the program can only match at the start of the text.
    func startsAnchored() -> Bool {
        var pc = prog.start
        var seen = Set<Int>()
        while pc != 0 && seen.insert(pc).inserted {
            let inst = prog.insts[pc]
            switch inst.op {
            case .emptyWidth:
                if EmptyAssertion(rawValue: UInt8(inst.arg)).contains(.beginText) { return true }
                pc = inst.out
            case .capture, .nop: pc = inst.out
            default: return false
            }
        }
        return false
    }
}
