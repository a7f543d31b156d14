import CMalloc

/// How the C allocator spreads memory over threads.
public enum AllocatorArenas {
    /// Uses one allocation arena for the whole process. glibc gives each new thread its own
    /// arena, and a chart render runs on a thread of its own (for its deep stack), so the
    /// memory freed by loading and rendering sat in two arenas at once: one arena lowers the
    /// peak resident memory of `template` by about 7 MB. The program's threads mostly wait,
    /// so they hardly contend for it. Call first thing in `main`.
    public static func useOne() {
        _ = cmalloc_single_arena()
    }
}
