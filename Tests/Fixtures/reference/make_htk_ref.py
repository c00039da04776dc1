import numpy as np, soundfile as sf, python_speech_features as psf, sys
for rate in (8, 16):
    y, sr = sf.read(f"/work/main/Tests/Fixtures/reference/excerpt10_{rate}k.wav", dtype="float32")
    y = y.astype(np.float64)
    nfft = 256 if sr == 8000 else 512
    m = psf.mfcc(y, sr, winlen=0.025, winstep=0.01, numcep=13, nfilt=26, nfft=nfft, lowfreq=0, highfreq=None,
                 preemph=0.97, ceplifter=22, appendEnergy=True, winfunc=np.hamming)
    with open(f"/work/main/Tests/Fixtures/reference/psf_htk_mfcc13_{rate}k.csv", "w") as f:
        f.write("frame," + ",".join(f"c{i}" for i in range(13)) + "\n")
        for i, row in enumerate(m):
            f.write(f"{i}," + ",".join(f"{v:.6f}" for v in row) + "\n")
    print(rate, m.shape)
