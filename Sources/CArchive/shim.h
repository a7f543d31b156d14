// Shim for libarchive: reading (gzip-compressed) tar archives entry by entry.
#ifndef CARCHIVE_SHIM_H
#define CARCHIVE_SHIM_H
#include <archive.h>
#include <archive_entry.h>

/* The file-type macros carry casts Swift cannot import. */
static const unsigned int CA_AE_IFREG = AE_IFREG;
static const unsigned int CA_AE_IFDIR = AE_IFDIR;
static const unsigned int CA_AE_IFLNK = AE_IFLNK;
#endif
