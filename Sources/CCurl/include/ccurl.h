// libcurl's easy interface, loaded with dlopen the first time something is downloaded:
// linking libcurl would make every command load it and the 25 libraries it needs (Kerberos,
// LDAP, GnuTLS, SSH...), which cost start-up time even when nothing is downloaded.
// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call, so each
// argument type gets a typed wrapper.
#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
#include <curl/curl.h>
#include <stddef.h>

typedef size_t (*ccurl_write_callback)(char *data, size_t size, size_t count, void *context);

/// Loads libcurl on first use (thread-safe); NULL when it is ready, else why it could not be loaded.
const char *ccurl_load(void);

/* The calls below need a successful ccurl_load() first. */
CURL *ccurl_easy_init(void);
void ccurl_easy_cleanup(CURL *handle);
CURLcode ccurl_easy_perform(CURL *handle);
const char *ccurl_easy_strerror(CURLcode code);
CURLcode ccurl_set_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_set_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_set_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_set_write_callback(CURL *handle, ccurl_write_callback callback);
CURLcode ccurl_response_code(CURL *handle, long *code);
#endif
