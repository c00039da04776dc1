# openSMILE eGeMAPSv02 functionals of every demo call (channels mixed to mono by their mean), for the
# correlation check in Tests/AcousticsTests/EGeMAPSTests.swift. Needs opensmile and soundfile (PyPI).
import glob, os, numpy as np, soundfile as sf, opensmile
smile = opensmile.Smile(feature_set=opensmile.FeatureSet.eGeMAPSv02, feature_level=opensmile.FeatureLevel.Functionals)
rows = []
for path in sorted(glob.glob("/work/main/Recordings/*.flac")):
    y, sr = sf.read(path, dtype="float32", always_2d=True)
    mono = y.mean(axis=1)
    f = smile.process_signal(mono, sr)
    rows.append((os.path.basename(path), f.iloc[0]))
names = list(rows[0][1].index)
with open("/work/main/Tests/Fixtures/reference/opensmile_egemaps_demo_calls.csv", "w") as out:
    out.write("file," + ",".join(names) + "\n")
    for name, values in rows:
        out.write(name + "," + ",".join(f"{v:.6g}" for v in values) + "\n")
print(len(rows), "calls,", len(names), "functionals")
