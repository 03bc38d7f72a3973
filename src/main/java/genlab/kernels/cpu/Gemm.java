package genlab.kernels.cpu;

/**
 * Matrix product C = op(A)·op(B) (+ C when accumulating), blocked for the caches and packed for
 * the {@link MicroKernel}, in the loop order of BLIS (Van Zee and van de Geijn 2015):
 * <pre>
 *   for pc in k by KC:                       a KC-deep slab of the product (equal slabs of at most KC)
 *     for jc in n by NC:
 *       pack B[pc:pc+KC, jc:jc+NC] into NR-wide slivers        (stays in L3/L2)
 *       for ic in m by MC:                   (blocks run in parallel)
 *         pack A[ic:ic+MC, pc:pc+KC] into MR-tall slivers      (stays in L2)
 *         for jr in NC by NR:  for ir in MC by MR:
 *           C[ir, jr] += Asliver · Bsliver   (the micro-kernel; the B sliver stays in L1)
 * </pre>
 * Packing copies each block once into the exact order the micro-kernel reads it (contiguous,
 * zero-padded to whole slivers), so all four transpose variants cost the same after it and the
 * inner loop never strides through memory. Tiles at the ragged edges are computed into a small
 * scratch tile and copied out.
 *
 * <p>Every C element is the sum over pc-slabs, in order, of a micro-kernel sum in order of p: the
 * same arithmetic whatever the thread count or the split into blocks, so results are
 * bit-identical across thread counts.
 */
final class Gemm {
    /** Block sizes: KC·NR floats of B sit in L1 (32 KiB at NR = 32), MC·KC of A in L2, KC·NC of B in L2/L3. */
    static final int KC = 256, MC = 96, NC = 2048;
    /** Below this many multiply-adds a product runs on one thread: the hand-off costs more than it saves. */
    private static final long PARALLEL_MIN_MACS = 1L << 18;
    static boolean IN_PLACE_B = !Boolean.getBoolean("genlab.gemm.packAll");

    private final MicroKernel kernel;
    private final int mr, nr, kcMax, mcMax, ncMax;
    private final Parallel parallel;
    private final ThreadLocal<Scratch> scratch;

    Gemm(MicroKernel kernel, Parallel parallel) {
        this(kernel, parallel, KC, MC, NC);
    }

    Gemm(MicroKernel kernel, Parallel parallel, int kc, int mc, int nc) {
        this.kernel = kernel;
        this.mr = kernel.mr();
        this.nr = kernel.nr();
        this.kcMax = kc;
        this.mcMax = roundUp(mc, mr);
        this.ncMax = roundUp(nc, nr);
        this.parallel = parallel;
        this.scratch = ThreadLocal.withInitial(Scratch::new);
    }

    MicroKernel kernel() {
        return kernel;
    }

    /**
     * C (m × n, row stride ldc, from cOff) = op(A)·op(B), or += when {@code accumulate}.
     * A is stored (m × k) with row stride lda, or (k × m) when transA; B is (k × n) with row stride
     * ldb, or (n × k) when transB. {@code threaded}: may use the thread pool.
     */
    void multiply(int m, int n, int k, float[] a, int aOff, int lda, boolean transA,
                  float[] b, int bOff, int ldb, boolean transB,
                  float[] c, int cOff, int ldc, boolean accumulate, boolean threaded) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            if (!accumulate) for (int i = 0; i < m; i++) java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            return;
        }
        boolean par = threaded && parallel.threads() > 1 && (long) m * n * k >= PARALLEL_MIN_MACS;
        Scratch own = scratch.get();
        // k in equal slabs of at most KC (784 = 4 × 196, not 3 × 256 + 16: a thin last slab would
        // load and store every C tile for a few multiply-adds); the split depends on k alone.
        int slabs = (k + kcMax - 1) / kcMax, kcStep = (k + slabs - 1) / slabs;
        for (int pc = 0; pc < k; pc += kcStep) {
            int kc = Math.min(kcStep, k - pc);
            boolean add = accumulate || pc > 0;
            for (int jc = 0; jc < n; jc += ncMax) {
                int nc = Math.min(ncMax, n - jc);
                float[] bPack = own.b(roundUp(nc, nr) * kc);
                // B's rows are already contiguous when it is not transposed: the micro-kernel can read
                // whole slivers in place, and only a ragged last sliver needs packing (zero padding).
                boolean inPlace = IN_PLACE_B && !transB;
                packB(b, bOff, ldb, transB, pc, kc, jc, nc, inPlace ? nc / nr : 0, bPack);
                int rowBlocks = (m + mcMax - 1) / mcMax;
                int slivers = (nc + nr - 1) / nr;
                // With few row blocks (small m), also split the columns so every thread has work.
                int colChunks = par ? Math.min(slivers, Math.max(1, (2 * parallel.threads() + rowBlocks - 1) / rowBlocks)) : 1;
                int perChunk = (slivers + colChunks - 1) / colChunks;
                int pcFinal = pc, jcFinal = jc;
                if (par) {
                    parallel.forEach(rowBlocks * colChunks, t -> block(t / colChunks, (t % colChunks) * perChunk, perChunk,
                            m, a, aOff, lda, transA, pcFinal, kc, inPlace, b, bOff, ldb, bPack, jcFinal, nc, c, cOff, ldc, add));
                } else {
                    for (int rb = 0; rb < rowBlocks; rb++) {
                        block(rb, 0, slivers, m, a, aOff, lda, transA, pc, kc, inPlace, b, bOff, ldb, bPack, jc, nc, c, cOff, ldc, add);
                    }
                }
            }
        }
    }

    /** Row block {@code rb} (MC rows) against column slivers [s0, s0 + count) of the packed B panel. */
    private void block(int rb, int s0, int count, int m, float[] a, int aOff, int lda, boolean transA,
                       int pc, int kc, boolean inPlace, float[] b, int bOff, int ldb, float[] bPack, int jc, int nc,
                       float[] c, int cOff, int ldc, boolean add) {
        int ic = rb * mcMax, mc = Math.min(mcMax, m - ic);
        int sEnd = Math.min(s0 + count, (nc + nr - 1) / nr);
        if (s0 >= sEnd) return;
        Scratch own = scratch.get();
        float[] aPack = own.a(roundUp(mc, mr) * kc);
        packA(a, aOff, lda, transA, ic, mc, pc, kc, aPack);
        float[] tile = own.tile(mr * nr);
        for (int s = s0; s < sEnd; s++) {
            int j = s * nr, cols = Math.min(nr, nc - j);
            boolean direct = inPlace && cols == nr;
            float[] bArr = direct ? b : bPack;
            int bo = direct ? bOff + pc * ldb + jc + j : s * nr * kc, ldbK = direct ? ldb : nr;
            for (int i = 0; i < mc; i += mr) {
                int rows = Math.min(mr, mc - i);
                int ao = i * kc;
                int co = cOff + (ic + i) * ldc + jc + j;
                if (rows == mr && cols == nr) {
                    kernel.tile(kc, aPack, ao, bArr, bo, ldbK, c, co, ldc, add);
                } else {
                    kernel.tile(kc, aPack, ao, bArr, bo, ldbK, tile, 0, nr, false);
                    for (int r = 0; r < rows; r++) {
                        for (int q = 0; q < cols; q++) {
                            c[co + r * ldc + q] = add ? c[co + r * ldc + q] + tile[r * nr + q] : tile[r * nr + q];
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs rows [i0, i0 + mc) and columns [p0, p0 + kc) of op(A) into MR-tall slivers:
     * dst[s·MR·kc + p·MR + r] = op(A)[i0 + s·MR + r, p0 + p], zero past row m.
     */
    private void packA(float[] a, int aOff, int lda, boolean transA, int i0, int mc, int p0, int kc, float[] dst) {
        for (int s = 0; s * mr < mc; s++) {
            int base = s * mr * kc, rows = Math.min(mr, mc - s * mr), row0 = i0 + s * mr;
            if (rows == mr) {
                // a whole sliver: the micro-kernel's own routine, which knows mr
                if (transA) kernel.packA(kc, a, aOff + p0 * lda + row0, 1, lda, dst, base);    // op(A)[i, p] = a[p·lda + i]
                else kernel.packA(kc, a, aOff + row0 * lda + p0, lda, 1, dst, base);
            } else if (transA) {
                // op(A)[i, p] = a[p·lda + i]: a sliver's MR values for one p are contiguous.
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (p0 + p) * lda + row0, d = base + p * mr;
                    for (int r = 0; r < rows; r++) dst[d + r] = a[src + r];
                    for (int r = rows; r < mr; r++) dst[d + r] = 0f;
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    int src = aOff + (row0 + r) * lda + p0, d = base + r;
                    for (int p = 0; p < kc; p++) dst[d + p * mr] = a[src + p];
                }
                for (int r = rows; r < mr; r++) {
                    for (int p = 0; p < kc; p++) dst[base + r + p * mr] = 0f;
                }
            }
        }
    }

    /**
     * Packs rows [p0, p0 + kc) and columns [j0, j0 + nc) of op(B), from sliver sFrom on, into NR-wide slivers:
     * dst[s·NR·kc + p·NR + j] = op(B)[p0 + p, j0 + s·NR + j], zero past column n.
     */
    private void packB(float[] b, int bOff, int ldb, boolean transB, int p0, int kc, int j0, int nc, int sFrom, float[] dst) {
        for (int s = sFrom; s * nr < nc; s++) {
            int base = s * nr * kc, cols = Math.min(nr, nc - s * nr), col0 = j0 + s * nr;
            if (transB && cols == nr) {
                // op(B)[p, j] = b[j·ldb + p]: a transposing copy, done by the micro-kernel's own routine
                kernel.packTransposed(kc, b, bOff + col0 * ldb + p0, ldb, dst, base);
            } else if (transB) {
                int j = 0;
                for (; j < cols; j++) {
                    int src = bOff + (col0 + j) * ldb + p0, d = base + j;
                    for (int p = 0; p < kc; p++) dst[d + p * nr] = b[src + p];
                }
                for (j = cols; j < nr; j++) {
                    for (int p = 0; p < kc; p++) dst[base + j + p * nr] = 0f;
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + col0, d = base + p * nr;
                    System.arraycopy(b, src, dst, d, cols);
                    for (int j = cols; j < nr; j++) dst[d + j] = 0f;
                }
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** Per-thread packing buffers, grown on demand and reused. */
    private static final class Scratch {
        private float[] a = new float[0], b = new float[0], tile = new float[0];

        float[] a(int size) {
            if (a.length < size) a = new float[size];
            return a;
        }

        float[] b(int size) {
            if (b.length < size) b = new float[size];
            return b;
        }

        float[] tile(int size) {
            if (tile.length < size) tile = new float[size];
            return tile;
        }
    }
}
