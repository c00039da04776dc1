# openSMILE eGeMAPSv02 functionals of every demo call (channels mixed to mono by their mean), at the calls'
# own 8 kHz and upsampled to 16 kHz (scipy resample_poly 2/1), for the correlation check in
# Tests/AcousticsTests/EGeMAPSTests.swift. openSMILE's own pitch is unreliable at 8 kHz
# (shared/reference/README.md), so the 16 kHz comparison is the one that measures this engine.
# Needs opensmile, scipy and soundfile (PyPI).
import glob, os, numpy as np, soundfile as sf, opensmile
from scipy.signal import resample_poly
smile = opensmile.Smile(feature_set=opensmile.FeatureSet.eGeMAPSv02, feature_level=opensmile.FeatureLevel.Functionals)
for rate in (8000, 16000):
    rows = []
    for path in sorted(glob.glob("/work/main/Recordings/*.flac")):
        y, sr = sf.read(path, dtype="float32", always_2d=True)
        mono = y.mean(axis=1).astype(np.float64)
        if rate != sr:
            mono = resample_poly(mono, rate // sr, 1)
        f = smile.process_signal(mono.astype(np.float32), rate)
        rows.append((os.path.basename(path), f.iloc[0]))
    names = list(rows[0][1].index)
    suffix = "" if rate == 8000 else "_16k"
    with open(f"/work/main/Tests/Fixtures/reference/opensmile_egemaps_demo_calls{suffix}.csv", "w") as out:
        out.write("file," + ",".join(names) + "\n")
        for name, values in rows:
            out.write(name + "," + ",".join(f"{v:.6g}" for v in values) + "\n")
    print(rate, len(rows), "calls,", len(names), "functionals")
