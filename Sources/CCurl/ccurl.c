#include "ccurl.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

/// The libcurl functions used, looked up once.
typedef struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *handle);
    CURLcode (*easy_setopt)(CURL *handle, CURLoption option, ...);
    CURLcode (*easy_perform)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    CURLcode (*easy_getinfo)(CURL *handle, CURLINFO info, ...);
    int loaded;
    char error[256];
} ccurl_library;

static ccurl_library ccurl_lib;
static pthread_once_t ccurl_once = PTHREAD_ONCE_INIT;

static void ccurl_load_once(void) {
#if defined(__APPLE__)
    static const char *const names[] = {"libcurl.4.dylib", "libcurl.dylib", NULL};
#else
    static const char *const names[] = {"libcurl.so.4", "libcurl.so", NULL};
#endif
    void *library = NULL;
    for (int i = 0; names[i] != NULL && library == NULL; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(ccurl_lib.error, sizeof ccurl_lib.error, "%s", reason ? reason : "libcurl.so.4 not found");
        return;
    }
#define CCURL_FIND(field, symbol)                                                                         \
    *(void **)(&ccurl_lib.field) = dlsym(library, symbol);                                                \
    if (ccurl_lib.field == NULL) {                                                                        \
        snprintf(ccurl_lib.error, sizeof ccurl_lib.error, "libcurl has no %s (too old a version?)", symbol); \
        return;                                                                                           \
    }
    CCURL_FIND(global_init, "curl_global_init")
    CCURL_FIND(easy_init, "curl_easy_init")
    CCURL_FIND(easy_cleanup, "curl_easy_cleanup")
    CCURL_FIND(easy_setopt, "curl_easy_setopt")
    CCURL_FIND(easy_perform, "curl_easy_perform")
    CCURL_FIND(easy_strerror, "curl_easy_strerror")
    CCURL_FIND(easy_getinfo, "curl_easy_getinfo")
#undef CCURL_FIND
    // libcurl's global set-up, done once before the first handle (it is not thread-safe itself).
    if (ccurl_lib.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(ccurl_lib.error, sizeof ccurl_lib.error, "libcurl could not initialise");
        return;
    }
    ccurl_lib.loaded = 1;
}

const char *ccurl_load(void) {
    pthread_once(&ccurl_once, ccurl_load_once);
    return ccurl_lib.loaded ? NULL : ccurl_lib.error;
}

CURL *ccurl_easy_init(void) { return ccurl_lib.easy_init(); }
void ccurl_easy_cleanup(CURL *handle) { ccurl_lib.easy_cleanup(handle); }
CURLcode ccurl_easy_perform(CURL *handle) { return ccurl_lib.easy_perform(handle); }
const char *ccurl_easy_strerror(CURLcode code) { return ccurl_lib.easy_strerror(code); }

CURLcode ccurl_set_string(CURL *handle, CURLoption option, const char *value) {
    return ccurl_lib.easy_setopt(handle, option, value);
}
CURLcode ccurl_set_long(CURL *handle, CURLoption option, long value) {
    return ccurl_lib.easy_setopt(handle, option, value);
}
CURLcode ccurl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return ccurl_lib.easy_setopt(handle, option, value);
}
CURLcode ccurl_set_write_callback(CURL *handle, ccurl_write_callback callback) {
    return ccurl_lib.easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}
CURLcode ccurl_response_code(CURL *handle, long *code) {
    return ccurl_lib.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, code);
}
