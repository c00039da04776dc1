// libsndfile: read and write audio files of any format it knows (WAV, FLAC, OGG/Opus, MP3, ...).
#include <sndfile.h>
