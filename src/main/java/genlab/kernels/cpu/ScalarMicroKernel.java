package genlab.kernels.cpu;

/**
 * The plain-Java {@link MicroKernel}: a 4 × 4 tile held in 16 local floats, used when the
 * {@code jdk.incubator.vector} module is not enabled.
 *
 * <p>The JIT keeps the 16 sums in registers but does not vectorise them, so this reaches about
 * 4-8 GFLOP/s on one core here (against 2-5 for the plain triple loop): the gain is from
 * blocking, not from SIMD.
 */
final class ScalarMicroKernel implements MicroKernel {
    static final int MR = 4, NR = 4;

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public String describe() {
        return "plain Java";
    }

    @Override
    public void tile(int kc, float[] a, int aOff, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, boolean add) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < kc; p++, aOff += MR, bOff += ldb) {
            float b0 = b[bOff], b1 = b[bOff + 1], b2 = b[bOff + 2], b3 = b[bOff + 3];
            float ai = a[aOff];
            c00 += ai * b0; c01 += ai * b1; c02 += ai * b2; c03 += ai * b3;
            ai = a[aOff + 1];
            c10 += ai * b0; c11 += ai * b1; c12 += ai * b2; c13 += ai * b3;
            ai = a[aOff + 2];
            c20 += ai * b0; c21 += ai * b1; c22 += ai * b2; c23 += ai * b3;
            ai = a[aOff + 3];
            c30 += ai * b0; c31 += ai * b1; c32 += ai * b2; c33 += ai * b3;
        }
        if (add) {
            c[cOff] += c00; c[cOff + 1] += c01; c[cOff + 2] += c02; c[cOff + 3] += c03; cOff += ldc;
            c[cOff] += c10; c[cOff + 1] += c11; c[cOff + 2] += c12; c[cOff + 3] += c13; cOff += ldc;
            c[cOff] += c20; c[cOff + 1] += c21; c[cOff + 2] += c22; c[cOff + 3] += c23; cOff += ldc;
            c[cOff] += c30; c[cOff + 1] += c31; c[cOff + 2] += c32; c[cOff + 3] += c33;
        } else {
            c[cOff] = c00; c[cOff + 1] = c01; c[cOff + 2] = c02; c[cOff + 3] = c03; cOff += ldc;
            c[cOff] = c10; c[cOff + 1] = c11; c[cOff + 2] = c12; c[cOff + 3] = c13; cOff += ldc;
            c[cOff] = c20; c[cOff + 1] = c21; c[cOff + 2] = c22; c[cOff + 3] = c23; cOff += ldc;
            c[cOff] = c30; c[cOff + 1] = c31; c[cOff + 2] = c32; c[cOff + 3] = c33;
        }
    }
}
