package genlab.nn;

import genlab.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer or a model: parameters, buffers (state that is saved but not trained, like batch norm's
 * running statistics) and named children.
 *
 * <p>Each module registers what it owns in its constructor ({@link #param}, {@link #buffer},
 * {@link #child}); names are joined with dots ({@code "0.weight"}), as in PyTorch's state dicts, so
 * parameters are found without reflection. The train/eval mode is a field of each module, set for
 * a whole tree by {@link #train(boolean)}: there is no global training flag.
 */
public abstract class Module {
    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** The module's function. */
    public abstract Tensor forward(Tensor x);

    /** Registers a trainable parameter (marks it as requiring a gradient) and returns it. */
    protected final Tensor param(String name, Tensor t) {
        params.put(name, t.requiresGrad(true));
        return t;
    }

    /** Registers saved, untrained state and returns it. */
    protected final Tensor buffer(String name, Tensor t) {
        buffers.put(name, t);
        return t;
    }

    /** Registers a sub-module and returns it. */
    protected final <M extends Module> M child(String name, M m) {
        children.put(name, m);
        return m;
    }

    /** Every parameter of this tree, by dotted name, in registration order. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, false);
        return out;
    }

    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters and buffers, by dotted name: what a checkpoint stores. */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true);
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out, boolean withBuffers) {
        params.forEach((k, v) -> out.put(prefix + k, v));
        if (withBuffers) buffers.forEach((k, v) -> out.put(prefix + k, v));
        children.forEach((k, m) -> m.collect(prefix + k + ".", out, withBuffers));
    }

    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Sets training mode on this module and all its children; returns this. */
    public Module train(boolean on) {
        training = on;
        children.values().forEach(m -> m.train(on));
        return this;
    }

    /** Evaluation mode: batch norm uses running statistics, dropout is off. */
    public Module eval() {
        return train(false);
    }

    public final boolean isTraining() {
        return training;
    }

    public final void zeroGrad() {
        for (Tensor p : parameters()) p.zeroGrad();
    }

    /** Number of trainable scalars. */
    public final long parameterCount() {
        long n = 0;
        for (Tensor p : parameters()) n += p.numel();
        return n;
    }
}
