// FFTW 3, single precision (fftwf_*). Only fftwf_execute* is thread-safe: plan creation and
// destruction must be serialised by the caller.
#include <fftw3.h>
