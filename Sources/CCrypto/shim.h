// OpenSSL's libcrypto, for content hashes (SHA-256) of recordings and transcripts, and keyed pseudonyms (HMAC-SHA256).
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
