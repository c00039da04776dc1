// libpulse: the simple blocking API for capture and playback, and the asynchronous API for listing devices.
// PulseAudio's client library also talks to PipeWire desks (pipewire-pulse).
#include <pulse/simple.h>
#include <pulse/error.h>
#include <pulse/pulseaudio.h>
