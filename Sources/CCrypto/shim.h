// OpenSSL's libcrypto, for content hashes (SHA-256) of recordings and transcripts.
#include <openssl/evp.h>
#include <openssl/sha.h>
