// Shim for glibc's allocator tuning (malloc.h is not part of Swift's Glibc module).
#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

/* One allocation arena for the whole process (glibc); returns 1 on success, 0 elsewhere. */
static inline int cmalloc_single_arena(void) {
#if defined(M_ARENA_MAX)
    return mallopt(M_ARENA_MAX, 1);
#else
    return 0;
#endif
}
#endif
