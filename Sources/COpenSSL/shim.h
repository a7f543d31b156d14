// Shim for OpenSSL 3: digests, random bytes, keys, X.509 certificates and TLS client checks.
#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/rsa.h>
#include <openssl/ec.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/bio.h>
#include <openssl/hmac.h>
#include <time.h>

/* Seconds since the Unix epoch, for certificate validity. */
static inline long long shim_unix_time(void) { return (long long)time(NULL); }

/* Subject alternative names: OpenSSL's stack helpers are macros/inline functions. */
static inline GENERAL_NAMES *shim_general_names_new(void) { return sk_GENERAL_NAME_new_null(); }
static inline void shim_general_names_free(GENERAL_NAMES *names) { GENERAL_NAMES_free(names); }
/* Appends a dNSName (GEN_DNS) or iPAddress (GEN_IPADD) entry; returns 1 on success. */
static inline int shim_general_names_add(GENERAL_NAMES *names, int type, const unsigned char *data, int length) {
    ASN1_STRING *value = type == GEN_IPADD ? ASN1_OCTET_STRING_new() : ASN1_IA5STRING_new();
    GENERAL_NAME *name = GENERAL_NAME_new();
    if (value == NULL || name == NULL || !ASN1_STRING_set(value, data, length)) {
        ASN1_STRING_free(value); GENERAL_NAME_free(name); return 0;
    }
    GENERAL_NAME_set0_value(name, type, value);
    if (!sk_GENERAL_NAME_push(names, name)) { GENERAL_NAME_free(name); return 0; }
    return 1;
}
/* An authorityKeyIdentifier holding only a copy of keyid. */
static inline AUTHORITY_KEYID *shim_akid_with_keyid(const ASN1_OCTET_STRING *keyid) {
    AUTHORITY_KEYID *akid = AUTHORITY_KEYID_new();
    if (akid == NULL) return NULL;
    akid->keyid = ASN1_OCTET_STRING_dup(keyid);
    if (akid->keyid == NULL) { AUTHORITY_KEYID_free(akid); return NULL; }
    return akid;
}
#endif
