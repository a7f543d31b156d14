// libarchive, for reading and writing (gzip-compressed) tar archives entry by entry, loaded
// with dlopen on first use rather than linked: linking it would make every command load it
// and the libraries it needs (libxml2, ICU, lzma, zstd...), which cost start-up time even
// when no archive is read. The ca_ functions take the same arguments as libarchive's.
#ifndef CARCHIVE_H
#define CARCHIVE_H
#include <archive.h>
#include <archive_entry.h>

/* The file-type macros carry casts Swift cannot import. */
static const unsigned int CA_AE_IFREG = AE_IFREG;
static const unsigned int CA_AE_IFDIR = AE_IFDIR;
static const unsigned int CA_AE_IFLNK = AE_IFLNK;

/// Loads libarchive on first use (thread-safe); NULL when it is ready, else why it could not be loaded.
const char *ca_load(void);

/* Every call below needs a successful ca_load() first; ca_archive_read_new,
   ca_archive_write_new and ca_archive_entry_new return NULL without it. */
struct archive *ca_archive_read_new(void);
int ca_archive_read_free(struct archive *a);
int ca_archive_read_support_filter_gzip(struct archive *a);
int ca_archive_read_support_format_tar(struct archive *a);
int ca_archive_read_support_format_gnutar(struct archive *a);
int ca_archive_read_open_memory(struct archive *a, const void *buffer, size_t size);
int ca_archive_read_next_header(struct archive *a, struct archive_entry **entry);
la_ssize_t ca_archive_read_data(struct archive *a, void *buffer, size_t size);
const char *ca_archive_error_string(struct archive *a);
const char *ca_archive_entry_pathname(struct archive_entry *entry);
__LA_MODE_T ca_archive_entry_filetype(struct archive_entry *entry);
la_int64_t ca_archive_entry_size(struct archive_entry *entry);
struct archive *ca_archive_write_new(void);
int ca_archive_write_free(struct archive *a);
int ca_archive_write_add_filter_gzip(struct archive *a);
int ca_archive_write_set_format_pax_restricted(struct archive *a);
int ca_archive_write_open_filename(struct archive *a, const char *file);
int ca_archive_write_header(struct archive *a, struct archive_entry *entry);
la_ssize_t ca_archive_write_data(struct archive *a, const void *buffer, size_t size);
int ca_archive_write_close(struct archive *a);
struct archive_entry *ca_archive_entry_new(void);
void ca_archive_entry_free(struct archive_entry *entry);
void ca_archive_entry_set_pathname(struct archive_entry *entry, const char *path);
void ca_archive_entry_set_size(struct archive_entry *entry, la_int64_t size);
void ca_archive_entry_set_filetype(struct archive_entry *entry, unsigned int type);
void ca_archive_entry_set_perm(struct archive_entry *entry, __LA_MODE_T mode);
void ca_archive_entry_set_mtime(struct archive_entry *entry, time_t seconds, long nanoseconds);
#endif
