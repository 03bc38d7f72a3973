package genlab.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode automatic differentiation over the graph of {@link Node}s.
 *
 * <p>For a scalar loss L and every tensor t on a path to it, the adjoint ∂L/∂t is the sum over the
 * ops that consumed t of their vector-Jacobian products. Visiting tensors in reverse topological
 * order guarantees that a tensor's adjoint is complete (all consumers have contributed) before it
 * is pushed further down: this is how a reused node (a = x; b = a + a) gets both contributions.
 *
 * <p>With {@code createGraph} the backward pass is itself recorded, so the returned gradients can
 * be differentiated again (the WGAN-GP gradient penalty needs ∂/∂θ ‖∂D/∂x‖). Without it, the pass
 * runs inside {@link #noGrad()} and builds no graph.
 */
public final class Autograd {
    private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Autograd() {}

    /** False inside a {@link #noGrad()} scope: ops then record no graph. */
    public static boolean isGradEnabled() {
        return NO_GRAD_DEPTH.get()[0] == 0;
    }

    /** A scope in which ops record no graph (evaluation, optimiser updates, sampling). */
    public static Scope noGrad() {
        int[] depth = NO_GRAD_DEPTH.get();
        depth[0]++;
        return () -> depth[0]--;
    }

    /** Closes a {@link #noGrad()} scope. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Accumulates d(root)/d(leaf) into the {@code grad} of every leaf that requires a gradient.
     *
     * @param seed the gradient of the final quantity with respect to root (null: root must have
     *             one element, and the seed is 1)
     */
    public static void backward(Tensor root, Tensor seed, boolean createGraph) {
        run(root, seed, createGraph, null);
    }

    /**
     * The gradients of {@code root} with respect to {@code inputs}, without touching any
     * {@code grad} field (like {@code torch.autograd.grad}). An input that root does not depend
     * on gets a zero gradient.
     */
    public static Tensor[] grad(Tensor root, List<Tensor> inputs, boolean createGraph) {
        Map<Tensor, Tensor> wanted = new IdentityHashMap<>();
        for (Tensor t : inputs) wanted.put(t, null);
        run(root, null, createGraph, wanted);
        Tensor[] out = new Tensor[inputs.size()];
        for (int i = 0; i < out.length; i++) {
            Tensor g = wanted.get(inputs.get(i));
            out[i] = g != null ? g : Tensor.zeros(inputs.get(i).shape());
        }
        return out;
    }

    private static void run(Tensor root, Tensor seed, boolean createGraph, Map<Tensor, Tensor> wanted) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: the tensor does not require a gradient (no input was marked requiresGrad, or it was computed under noGrad)");
        }
        if (seed == null) {
            if (root.numel() != 1) throw new IllegalArgumentException("backward: implicit gradient only for one-element outputs, got shape " + Shapes.str(root.shape()));
            seed = Tensor.ones(root.shape());
        } else if (!Shapes.same(seed.shape(), root.shape())) {
            throw new IllegalArgumentException("backward: seed shape " + Shapes.str(seed.shape()) + " differs from output shape " + Shapes.str(root.shape()));
        }
        List<Tensor> order = topologicalOrder(root);
        Map<Tensor, Tensor> adjoint = new IdentityHashMap<>();
        adjoint.put(root, seed);
        try (Scope ignored = createGraph ? () -> { } : noGrad()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Tensor g = adjoint.remove(t);
                if (g == null) continue;
                if (wanted != null && wanted.containsKey(t)) wanted.put(t, g);
                Node node = t.node();
                if (node == null) {
                    if (wanted == null) t.accumulateGrad(g, createGraph);
                    continue;
                }
                Tensor[] gs = node.backward().apply(g, t);
                Tensor[] in = node.inputs();
                for (int k = 0; k < in.length; k++) {
                    if (in[k] == null || !in[k].requiresGrad() || gs[k] == null) continue;
                    if (!Shapes.same(gs[k].shape(), in[k].shape())) {
                        throw new IllegalStateException(node.op() + " backward: gradient shape " + Shapes.str(gs[k].shape()) + " for input " + k + " of shape " + Shapes.str(in[k].shape()));
                    }
                    Tensor prev = adjoint.get(in[k]);
                    adjoint.put(in[k], prev == null ? gs[k] : prev.add(gs[k]));
                }
            }
        }
    }

    /** Tensors reachable from root through recorded nodes, inputs before the tensors made from them. */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        // Iterative post-order DFS: deep graphs (long chains of ops) must not overflow the stack.
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.add(root);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Tensor[] in = t.node() == null ? new Tensor[0] : t.node().inputs();
            while (next < in.length && (in[next] == null || !in[next].requiresGrad() || visited.contains(in[next]))) next++;
            if (next < in.length) {
                frame[1] = next + 1;
                visited.add(in[next]);
                stack.push(new Object[] {in[next], 0});
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}
