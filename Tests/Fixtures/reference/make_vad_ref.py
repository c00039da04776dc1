# Makes the noisy-call VAD fixture: 20 s of a demo call (da04, mono, 8 kHz) with white noise at 10 dB SNR
# (relative to the speech's RMS over its cues), webrtcvad mode 0-3 decisions per 30 ms frame on it, and
# the cue times as the known speech regions.
import numpy as np, soundfile as sf, webrtcvad, re
y, sr = sf.read("/work/main/Recordings/da04-groent-vand.flac", dtype="float32")
y = y[: sr * 20].astype(np.float64)
cues = []
for m in re.finditer(r"(\d+):(\d+):(\d+)\.(\d+) --> (\d+):(\d+):(\d+)\.(\d+)", open("/work/main/Recordings/da04-groent-vand.vtt").read()):
    g = [int(x) for x in m.groups()]
    a = ((g[0] * 60 + g[1]) * 60 + g[2]) * 1000 + g[3]; b = ((g[4] * 60 + g[5]) * 60 + g[6]) * 1000 + g[7]
    if a < 20000: cues.append((a, min(b, 20000)))
mask = np.zeros(len(y), bool)
for a, b in cues: mask[a * sr // 1000 : b * sr // 1000] = True
speech_rms = np.sqrt(np.mean(y[mask] ** 2))
rng = np.random.default_rng(20261129)
noise = rng.standard_normal(len(y)); noise *= speech_rms / 10 ** (10 / 20) / np.sqrt(np.mean(noise ** 2))
noisy = np.clip(y + noise, -1, 1)
sf.write("/work/main/Tests/Fixtures/reference/da04_20s_snr10.wav", noisy, sr, subtype="PCM_16")
pcm = (np.clip(sf.read("/work/main/Tests/Fixtures/reference/da04_20s_snr10.wav", dtype="int16")[0], -32768, 32767)).astype(np.int16).tobytes()
n = sr * 30 // 1000
vads = [webrtcvad.Vad(m) for m in range(4)]
with open("/work/main/Tests/Fixtures/reference/webrtcvad_30ms_da04_snr10.csv", "w") as f:
    f.write("frame_start_s,mode0,mode1,mode2,mode3\n")
    for i in range(len(pcm) // (2 * n)):
        chunk = pcm[i * 2 * n : (i + 1) * 2 * n]
        f.write(f"{i * 0.03:.3f}," + ",".join(str(int(v.is_speech(chunk, sr))) for v in vads) + "\n")
with open("/work/main/Tests/Fixtures/reference/da04_20s_speech_cues.csv", "w") as f:
    f.write("start_ms,end_ms\n")
    for a, b in cues: f.write(f"{a},{b}\n")
print(len(cues), "cues", "speech rms", speech_rms)
