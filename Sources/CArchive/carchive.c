#include "carchive.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

/* libarchive's functions, looked up once (pthread_once orders the lookups before any call). */
static struct {
    struct archive * (*archive_read_new)(void);
    int (*archive_read_free)(struct archive *a);
    int (*archive_read_support_filter_gzip)(struct archive *a);
    int (*archive_read_support_format_tar)(struct archive *a);
    int (*archive_read_support_format_gnutar)(struct archive *a);
    int (*archive_read_open_memory)(struct archive *a, const void *buffer, size_t size);
    int (*archive_read_next_header)(struct archive *a, struct archive_entry **entry);
    la_ssize_t (*archive_read_data)(struct archive *a, void *buffer, size_t size);
    const char * (*archive_error_string)(struct archive *a);
    const char * (*archive_entry_pathname)(struct archive_entry *entry);
    __LA_MODE_T (*archive_entry_filetype)(struct archive_entry *entry);
    la_int64_t (*archive_entry_size)(struct archive_entry *entry);
    struct archive * (*archive_write_new)(void);
    int (*archive_write_free)(struct archive *a);
    int (*archive_write_add_filter_gzip)(struct archive *a);
    int (*archive_write_set_format_pax_restricted)(struct archive *a);
    int (*archive_write_open_filename)(struct archive *a, const char *file);
    int (*archive_write_header)(struct archive *a, struct archive_entry *entry);
    la_ssize_t (*archive_write_data)(struct archive *a, const void *buffer, size_t size);
    int (*archive_write_close)(struct archive *a);
    struct archive_entry * (*archive_entry_new)(void);
    void (*archive_entry_free)(struct archive_entry *entry);
    void (*archive_entry_set_pathname)(struct archive_entry *entry, const char *path);
    void (*archive_entry_set_size)(struct archive_entry *entry, la_int64_t size);
    void (*archive_entry_set_filetype)(struct archive_entry *entry, unsigned int type);
    void (*archive_entry_set_perm)(struct archive_entry *entry, __LA_MODE_T mode);
    void (*archive_entry_set_mtime)(struct archive_entry *entry, time_t seconds, long nanoseconds);
} ca_library;

static int ca_loaded;
static char ca_error[256];
static pthread_once_t ca_once = PTHREAD_ONCE_INIT;

static void ca_load_once(void) {
#if defined(__APPLE__)
    static const char *const names[] = {"libarchive.13.dylib", "libarchive.dylib", NULL};
#else
    static const char *const names[] = {"libarchive.so.13", "libarchive.so", NULL};
#endif
    void *library = NULL;
    for (int i = 0; names[i] != NULL && library == NULL; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(ca_error, sizeof ca_error, "%s", reason ? reason : "libarchive.so.13 not found");
        return;
    }
#define CA_FIND(name)                                                                           \
    *(void **)(&ca_library.name) = dlsym(library, #name);                                       \
    if (ca_library.name == NULL) {                                                              \
        snprintf(ca_error, sizeof ca_error, "libarchive has no %s (too old a version?)", #name); \
        return;                                                                                 \
    }
    CA_FIND(archive_read_new)
    CA_FIND(archive_read_free)
    CA_FIND(archive_read_support_filter_gzip)
    CA_FIND(archive_read_support_format_tar)
    CA_FIND(archive_read_support_format_gnutar)
    CA_FIND(archive_read_open_memory)
    CA_FIND(archive_read_next_header)
    CA_FIND(archive_read_data)
    CA_FIND(archive_error_string)
    CA_FIND(archive_entry_pathname)
    CA_FIND(archive_entry_filetype)
    CA_FIND(archive_entry_size)
    CA_FIND(archive_write_new)
    CA_FIND(archive_write_free)
    CA_FIND(archive_write_add_filter_gzip)
    CA_FIND(archive_write_set_format_pax_restricted)
    CA_FIND(archive_write_open_filename)
    CA_FIND(archive_write_header)
    CA_FIND(archive_write_data)
    CA_FIND(archive_write_close)
    CA_FIND(archive_entry_new)
    CA_FIND(archive_entry_free)
    CA_FIND(archive_entry_set_pathname)
    CA_FIND(archive_entry_set_size)
    CA_FIND(archive_entry_set_filetype)
    CA_FIND(archive_entry_set_perm)
    CA_FIND(archive_entry_set_mtime)
#undef CA_FIND
    ca_loaded = 1;
}

const char *ca_load(void) {
    pthread_once(&ca_once, ca_load_once);
    return ca_loaded ? NULL : ca_error;
}

struct archive *ca_archive_read_new(void) {
    return ca_load() == NULL ? ca_library.archive_read_new() : NULL;
}
int ca_archive_read_free(struct archive *a) {
    return ca_load() == NULL ? ca_library.archive_read_free(a) : ARCHIVE_FATAL;
}
int ca_archive_read_support_filter_gzip(struct archive *a) {
    return ca_load() == NULL ? ca_library.archive_read_support_filter_gzip(a) : ARCHIVE_FATAL;
}
int ca_archive_read_support_format_tar(struct archive *a) {
    return ca_load() == NULL ? ca_library.archive_read_support_format_tar(a) : ARCHIVE_FATAL;
}
int ca_archive_read_support_format_gnutar(struct archive *a) {
    return ca_load() == NULL ? ca_library.archive_read_support_format_gnutar(a) : ARCHIVE_FATAL;
}
int ca_archive_read_open_memory(struct archive *a, const void *buffer, size_t size) {
    return ca_load() == NULL ? ca_library.archive_read_open_memory(a, buffer, size) : ARCHIVE_FATAL;
}
int ca_archive_read_next_header(struct archive *a, struct archive_entry **entry) {
    return ca_load() == NULL ? ca_library.archive_read_next_header(a, entry) : ARCHIVE_FATAL;
}
la_ssize_t ca_archive_read_data(struct archive *a, void *buffer, size_t size) {
    return ca_load() == NULL ? ca_library.archive_read_data(a, buffer, size) : -1;
}
const char *ca_archive_error_string(struct archive *a) {
    return ca_load() == NULL ? ca_library.archive_error_string(a) : ca_error;
}
const char *ca_archive_entry_pathname(struct archive_entry *entry) {
    return ca_load() == NULL ? ca_library.archive_entry_pathname(entry) : NULL;
}
__LA_MODE_T ca_archive_entry_filetype(struct archive_entry *entry) {
    return ca_load() == NULL ? ca_library.archive_entry_filetype(entry) : 0;
}
la_int64_t ca_archive_entry_size(struct archive_entry *entry) {
    return ca_load() == NULL ? ca_library.archive_entry_size(entry) : 0;
}
struct archive *ca_archive_write_new(void) {
    return ca_load() == NULL ? ca_library.archive_write_new() : NULL;
}
int ca_archive_write_free(struct archive *a) {
    return ca_load() == NULL ? ca_library.archive_write_free(a) : ARCHIVE_FATAL;
}
int ca_archive_write_add_filter_gzip(struct archive *a) {
    return ca_load() == NULL ? ca_library.archive_write_add_filter_gzip(a) : ARCHIVE_FATAL;
}
int ca_archive_write_set_format_pax_restricted(struct archive *a) {
    return ca_load() == NULL ? ca_library.archive_write_set_format_pax_restricted(a) : ARCHIVE_FATAL;
}
int ca_archive_write_open_filename(struct archive *a, const char *file) {
    return ca_load() == NULL ? ca_library.archive_write_open_filename(a, file) : ARCHIVE_FATAL;
}
int ca_archive_write_header(struct archive *a, struct archive_entry *entry) {
    return ca_load() == NULL ? ca_library.archive_write_header(a, entry) : ARCHIVE_FATAL;
}
la_ssize_t ca_archive_write_data(struct archive *a, const void *buffer, size_t size) {
    return ca_load() == NULL ? ca_library.archive_write_data(a, buffer, size) : -1;
}
int ca_archive_write_close(struct archive *a) {
    return ca_load() == NULL ? ca_library.archive_write_close(a) : ARCHIVE_FATAL;
}
struct archive_entry *ca_archive_entry_new(void) {
    return ca_load() == NULL ? ca_library.archive_entry_new() : NULL;
}
void ca_archive_entry_free(struct archive_entry *entry) {
    if (ca_load() == NULL) ca_library.archive_entry_free(entry);
}
void ca_archive_entry_set_pathname(struct archive_entry *entry, const char *path) {
    if (ca_load() == NULL) ca_library.archive_entry_set_pathname(entry, path);
}
void ca_archive_entry_set_size(struct archive_entry *entry, la_int64_t size) {
    if (ca_load() == NULL) ca_library.archive_entry_set_size(entry, size);
}
void ca_archive_entry_set_filetype(struct archive_entry *entry, unsigned int type) {
    if (ca_load() == NULL) ca_library.archive_entry_set_filetype(entry, type);
}
void ca_archive_entry_set_perm(struct archive_entry *entry, __LA_MODE_T mode) {
    if (ca_load() == NULL) ca_library.archive_entry_set_perm(entry, mode);
}
void ca_archive_entry_set_mtime(struct archive_entry *entry, time_t seconds, long nanoseconds) {
    if (ca_load() == NULL) ca_library.archive_entry_set_mtime(entry, seconds, nanoseconds);
}
