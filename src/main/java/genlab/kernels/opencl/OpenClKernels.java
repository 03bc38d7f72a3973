package genlab.kernels.opencl;

import com.aparapi.Range;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.exception.QueryFailedException;
import com.aparapi.internal.kernel.KernelManager;
import genlab.kernels.Binary;
import genlab.kernels.ConvGeometry;
import genlab.kernels.Kernels;
import genlab.kernels.Reduce;
import genlab.kernels.Unary;

import java.util.LinkedHashSet;
import java.util.function.Supplier;

import static genlab.kernels.opencl.TiledProductKernel.GROUP_ROWS;
import static genlab.kernels.opencl.TiledProductKernel.TILE;

/**
 * The hot kernels on an OpenCL device through Aparapi: {@link #gemm} and the three convolution
 * kernels run as tiled products on the device ({@link GemmKernel}, {@link Conv2dKernel},
 * {@link Conv2dInputGradKernel}, {@link Conv2dWeightGradKernel}); every other method runs on the
 * host kernels given to the constructor.
 *
 * <p>Device memory: operands stay on the device between calls and are copied again only when the
 * host has written into them since ({@link Slot} explains how Aparapi keys its buffers and how the
 * writes are tracked: every output of this class, including those of the host methods and the
 * optimiser steps, and every in-place host write reported through {@link #hostWrote}). Results are
 * read back after each call, because host code reads tensor data directly.
 *
 * <p>Never Aparapi's Java fallback: each kernel object is told that its only device is the chosen
 * OpenCL device, so that when OpenCL fails Aparapi raises an error instead of quietly running the
 * kernel in a Java thread pool (hundreds of times slower for kernels with barriers), and each run is
 * checked to have been an OpenCL run. If anything fails (no driver, a kernel that does not compile
 * or run), one line on stderr names the reason, and this call and every later one run on the host
 * kernels. One device per process: Aparapi keeps device preferences per kernel class, so a second
 * instance on another device would take the first one's kernels away from it.
 */
public final class OpenClKernels implements Kernels, AutoCloseable {
    /** Operand arrays kept on the device per kernel kind, unless {@code -Dgenlab.opencl.slots=N}. */
    public static final int DEFAULT_SLOTS = 4;

    private final Kernels host;
    private final OpenCl.Device device;
    private final SlotPool<GemmKernel> gemms;
    private final SlotPool<Conv2dKernel> convs;
    private final SlotPool<Conv2dInputGradKernel> inputGrads;
    private final SlotPool<Conv2dWeightGradKernel> weightGrads;
    private volatile String failure;

    /** OpenCL on {@code device} for the products; {@code host} for everything else, and for all of it should OpenCL fail. */
    public OpenClKernels(Kernels host, OpenCl.Device device) {
        this(host, device, GemmKernel::new, Integer.getInteger("genlab.opencl.slots", DEFAULT_SLOTS), false);
    }

    /**
     * As above, with the GEMM kernel objects from {@code gemmFactory} (the fallback test passes one
     * that does not compile), {@code slots} kernel objects per kind, and with {@code checkResidency}
     * a comparison of every reused device operand against its host array (see {@link Slot}).
     */
    OpenClKernels(Kernels host, OpenCl.Device device, Supplier<? extends GemmKernel> gemmFactory, int slots,
                  boolean checkResidency) {
        if (slots < 1) throw new IllegalArgumentException("OpenClKernels: need at least one slot per kernel, got " + slots);
        this.host = host;
        this.device = device;
        this.gemms = new SlotPool<>(() -> prepare(gemmFactory.get()), slots, checkResidency);
        this.convs = new SlotPool<>(() -> prepare(new Conv2dKernel()), slots, checkResidency);
        this.inputGrads = new SlotPool<>(() -> prepare(new Conv2dInputGradKernel()), slots, checkResidency);
        this.weightGrads = new SlotPool<>(() -> prepare(new Conv2dWeightGradKernel()), slots, checkResidency);
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String device() {
        String failed = failure;
        return failed == null ? device.toString() : device + ", failed (" + failed + "): running on " + host.device();
    }

    /** The reason OpenCL was given up, or null while it works. */
    public String failure() {
        return failure;
    }

    /** Operand arrays copied to the device so far (each fresh buffer or put counts once). */
    public synchronized long operandCopies() {
        return gemms.copies() + convs.copies() + inputGrads.copies() + weightGrads.copies();
    }

    // ---------------------------------------------------------------- on the device

    @Override
    public synchronized void gemm(int batch, int m, int n, int k, float[] a, boolean transA, float[] b, boolean transB,
                                  boolean bBroadcast, float[] c) {
        boolean done = batch > 0 && m > 0 && n > 0 && k > 0 && onDevice(() -> {
            Slot<GemmKernel> s = gemms.slotFor(a, b);
            s.kernel.shape(m, n, k, transA, transB, bBroadcast);
            run(s, a, b, batch, batch * m * n);
            System.arraycopy(s.kernel.c, 0, c, 0, batch * m * n);
        });
        if (!done) host.gemm(batch, m, n, k, a, transA, b, transB, bBroadcast, c);
        wrote(c);
    }

    @Override
    public synchronized void conv2d(ConvGeometry g, float[] x, float[] w, float[] y) {
        boolean done = g.macs() > 0 && onDevice(() -> {
            Slot<Conv2dKernel> s = convs.slotFor(w, x);
            s.kernel.geometry(g);
            int size = g.batch() * g.outChannels() * g.outH() * g.outW();
            run(s, w, x, g.batch(), size);
            System.arraycopy(s.kernel.c, 0, y, 0, size);
        });
        if (!done) host.conv2d(g, x, w, y);
        wrote(y);
    }

    @Override
    public synchronized void conv2dInputGrad(ConvGeometry g, float[] gy, float[] w, float[] gx) {
        boolean done = g.macs() > 0 && onDevice(() -> {
            Slot<Conv2dInputGradKernel> s = inputGrads.slotFor(w, gy);
            s.kernel.geometry(g);
            int size = g.batch() * g.inChannels() * g.inH() * g.inW();
            run(s, w, gy, g.batch(), size);
            System.arraycopy(s.kernel.c, 0, gx, 0, size);
        });
        if (!done) host.conv2dInputGrad(g, gy, w, gx);
        wrote(gx);
    }

    @Override
    public synchronized void conv2dWeightGrad(ConvGeometry g, float[] x, float[] gy, float[] gw) {
        boolean done = g.macs() > 0 && onDevice(() -> {
            Slot<Conv2dWeightGradKernel> s = weightGrads.slotFor(gy, x);
            int inner = g.batch() * g.outH() * g.outW();
            // Split the long inner axis so that a GPU has work-groups enough (see the kernel).
            int slices = Math.max(1, Math.min(64, inner / 2048));
            s.kernel.geometry(g, slices);
            int size = g.outChannels() * g.inChannels() * g.kH() * g.kW();
            run(s, gy, x, slices, slices * size);
            float[] partial = s.kernel.c;   // (slices, Cout, Cin·kh·kw)
            for (int i = 0; i < size; i++) {
                float sum = 0;
                for (int t = 0; t < slices; t++) sum += partial[t * size + i];
                gw[i] = sum;
            }
        });
        if (!done) host.conv2dWeightGrad(g, x, gy, gw);
        wrote(gw);
    }

    /**
     * Runs {@code work} on the device unless OpenCL has failed; on a failure, reports it once and
     * returns false so that the caller computes on the host. A stale operand is a bug, not a
     * failure: it propagates.
     */
    private boolean onDevice(Runnable work) {
        if (failure != null) return false;
        try {
            work.run();
            return true;
        } catch (StaleOperandException e) {
            throw e;
        } catch (Exception | AssertionError | LinkageError | StackOverflowError e) {
            fail(e);
            return false;
        }
    }

    /** Binds the operands, runs one ceil(n/TILE)·ceil(m/TILE)·depth grid of work-groups, and reads the result. */
    private <K extends TiledProductKernel> void run(Slot<K> s, float[] a, float[] b, int depth, int outSize) {
        K kernel = s.kernel;
        s.bind(a, b);
        float[] out = s.output(outSize);
        int cols = (kernel.n + TILE - 1) / TILE, rows = (kernel.m + TILE - 1) / TILE;
        Range range = Range.create3D(device.handle, cols * TILE, rows * GROUP_ROWS, depth, TILE, GROUP_ROWS, 1);
        if (!range.isValid()) {
            throw new IllegalStateException("the work-group " + TILE + "x" + GROUP_ROWS + " over a grid of " + cols * TILE + "x" + rows * GROUP_ROWS + "x" + depth + " is not valid on this device");
        }
        kernel.execute(range);
        if (!kernel.isRunningCL()) throw new IllegalStateException(kernel.getClass().getSimpleName() + " did not run as OpenCL");
        kernel.get(out);
    }

    /** A new kernel object bound to this device only, compiled, and checked to fit the work-group. */
    private <K extends TiledProductKernel> K prepare(K kernel) {
        LinkedHashSet<com.aparapi.device.Device> only = new LinkedHashSet<>();
        only.add(device.handle);
        KernelManager.instance().setPreferredDevices(kernel, only);
        kernel.setExplicit(true);
        String what = kernel.getClass().getSimpleName();
        try {
            kernel.compile(device.handle);
            int max = kernel.getKernelMaxWorkGroupSize(device.handle);
            if (max < TILE * GROUP_ROWS) {
                throw new IllegalStateException(what + " allows work-groups of " + max + " items on this device, it needs " + TILE * GROUP_ROWS);
            }
        } catch (CompileFailedException e) {
            throw new IllegalStateException(what + " does not compile: " + e.getMessage(), e);
        } catch (QueryFailedException e) {
            throw new IllegalStateException(what + ": querying its work-group size failed: " + e.getMessage(), e);
        }
        return kernel;
    }

    private void fail(Throwable e) {
        String log = AparapiLog.drain();
        String reason = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
        failure = (reason + (log.isEmpty() ? "" : "; Aparapi: " + log)).replaceAll("\\s+", " ");
        System.err.println("genlab: OpenCL failed on " + device.name() + " (" + failure + "); continuing on "
                + host.name() + " kernels for the rest of the run");
        close();
    }

    // ---------------------------------------------------------------- residency

    @Override
    public synchronized void hostWrote(float[] data) {
        wrote(data);
    }

    @Override
    public synchronized void hostWroteAny() {
        gemms.wroteAll();
        convs.wroteAll();
        inputGrads.wroteAll();
        weightGrads.wroteAll();
    }

    private void wrote(float[] array) {
        gemms.wrote(array);
        convs.wrote(array);
        inputGrads.wrote(array);
        weightGrads.wrote(array);
    }

    /** Releases the device resources (the OpenCL contexts of every kernel object). */
    @Override
    public synchronized void close() {
        gemms.dispose();
        convs.dispose();
        inputGrads.dispose();
        weightGrads.dispose();
    }

    // ---------------------------------------------------------------- on the host

    @Override
    public synchronized void unary(Unary op, float[] x, float[] out, int n) {
        host.unary(op, x, out, n);
        wrote(out);
    }

    @Override
    public synchronized void unaryScalar(Binary op, float[] x, float s, float[] out, int n) {
        host.unaryScalar(op, x, s, out, n);
        wrote(out);
    }

    @Override
    public synchronized void bceWithLogits(float[] logits, float[] target, float[] loss, float[] grad, int n) {
        host.bceWithLogits(logits, target, loss, grad, n);
        wrote(loss);
        if (grad != null) wrote(grad);
    }

    @Override
    public synchronized void binary(Binary op, int[] shape, float[] a, int[] aStrides, float[] b, int[] bStrides, float[] out) {
        host.binary(op, shape, a, aStrides, b, bStrides, out);
        wrote(out);
    }

    @Override
    public synchronized void where(int[] shape, float[] cond, int[] cStrides, float[] a, int[] aStrides, float[] b,
                                   int[] bStrides, float[] out) {
        host.where(shape, cond, cStrides, a, aStrides, b, bStrides, out);
        wrote(out);
    }

    @Override
    public synchronized void reduce(Reduce op, float[] x, int outer, int n, int inner, float[] out) {
        host.reduce(op, x, outer, n, inner, out);
        wrote(out);
    }

    @Override
    public synchronized void copy(int[] shape, float[] src, int srcOff, int[] srcStrides, float[] dst, int dstOff,
                                  int[] dstStrides) {
        host.copy(shape, src, srcOff, srcStrides, dst, dstOff, dstStrides);
        wrote(dst);
    }

    @Override
    public synchronized void gather(float[] src, int[] index, float[] out) {
        host.gather(src, index, out);
        wrote(out);
    }

    @Override
    public synchronized void scatterAdd(float[] src, int[] index, float[] out) {
        host.scatterAdd(src, index, out);
        wrote(out);
    }

    @Override
    public synchronized void maxPool2d(ConvGeometry g, float[] x, float[] y, int[] argmax) {
        host.maxPool2d(g, x, y, argmax);
        wrote(y);
    }

    @Override
    public synchronized void sgdStep(float[] p, float[] grad, float[] velocity, int n, float lr, float momentum,
                                     float dampening, boolean nesterov, float weightDecay) {
        host.sgdStep(p, grad, velocity, n, lr, momentum, dampening, nesterov, weightDecay);
        wrote(p);
        wrote(velocity);
    }

    @Override
    public int firstNonFinite(float[] x, int n) {
        return host.firstNonFinite(x, n);
    }

    @Override
    public synchronized void adamStep(float[] p, float[] grad, float[] m, float[] v, int n, float lr, float beta1,
                                      float beta2, float eps, float weightDecay, boolean decoupled,
                                      float biasCorrection1, float biasCorrection2) {
        host.adamStep(p, grad, m, v, n, lr, beta1, beta2, eps, weightDecay, decoupled, biasCorrection1, biasCorrection2);
        wrote(p);
        wrote(m);
        wrote(v);
    }
}
