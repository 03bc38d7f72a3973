package genlab.diffusion;

import genlab.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sampler saw on its way from noise to data: after each reverse step, the time step t it
 * reached, the state x_t and the running estimate x̂_0 of the clean data. The lessons turn these
 * into strips and GIFs. Tensors are copies, so later steps cannot change them.
 */
public final class Trajectory {
    /** One recorded step: time step t (0 = the final sample), x_t, x̂_0. */
    public record Frame(int t, Tensor xt, Tensor x0Hat) {}

    private final List<Frame> frames = new ArrayList<>();

    void add(int t, Tensor xt, Tensor x0Hat) {
        frames.add(new Frame(t, xt.copy(), x0Hat == null ? null : x0Hat.copy()));
    }

    public List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** About {@code count} frames evenly spaced over the run, always including the first and the last. */
    public List<Frame> evenly(int count) {
        List<Frame> out = new ArrayList<>();
        int n = frames.size();
        if (n == 0) return out;
        int k = Math.min(count, n);
        int last = -1;
        for (int i = 0; i < k; i++) {
            int idx = k == 1 ? n - 1 : (int) Math.round((double) i * (n - 1) / (k - 1));
            if (idx != last) out.add(frames.get(idx));
            last = idx;
        }
        return out;
    }
}
