#!/usr/bin/python3
"""Writes the small .npy fixtures read by genlab.io.NpyTest, with numpy.save (numpy 1.24.2, Debian).

    /usr/bin/python3 test-data/npy/make_npy.py

f4_2x3.npy    float32 (2, 3) = arange(6) / 4 - 0.5      (genlab's Npy.write must produce the same bytes)
f4_5.npy      float32 (5,)   = [1, -2, 0.1, 1e-30, 3e38]
f8_2x2.npy    float64 (2, 2) = [[0.1, -1/3], [1e10, 2.5]] (read as float32)
u1_4.npy      uint8   (4,)   = [0, 1, 128, 255]
fortran.npy   float32 (2, 3) in Fortran order            (must be rejected)
be_f4.npy     big-endian float32 (2,)                     (must be rejected)
i4.npy        int32 (3,)                                  (must be rejected)
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def save(name, a):
    np.save(os.path.join(HERE, name), a, allow_pickle=False)


save("f4_2x3.npy", (np.arange(6, dtype=np.float32) / 4 - 0.5).reshape(2, 3))
save("f4_5.npy", np.array([1, -2, 0.1, 1e-30, 3e38], dtype="<f4"))
save("f8_2x2.npy", np.array([[0.1, -1 / 3], [1e10, 2.5]], dtype="<f8"))
save("u1_4.npy", np.array([0, 1, 128, 255], dtype=np.uint8))
save("fortran.npy", np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
save("be_f4.npy", np.array([1, 2], dtype=">f4"))
save("i4.npy", np.array([1, 2, 3], dtype="<i4"))
