// Snowball's libstemmer: Danish and English stemmers (UTF-8).
#include <libstemmer.h>
