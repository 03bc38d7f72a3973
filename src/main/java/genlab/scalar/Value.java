package genlab.scalar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A scalar that remembers how it was computed, micrograd-style reverse-mode autodiff on doubles.
 *
 * <p>Each primitive computes its forward value and, in the same place, stores a closure that
 * applies the chain rule for its local gradient: for {@code out = f(a, b)},
 * <pre>  a.grad += (∂f/∂a)·out.grad,   b.grad += (∂f/∂b)·out.grad.</pre>
 * The primitives are {@link #add}, {@link #mul}, {@link #pow}, {@link #exp}, {@link #log},
 * {@link #tanh}, {@link #relu} and {@link #sigmoid}. Everything else ({@link #neg}, {@link #sub},
 * {@link #div}, the {@code double} overloads) is composed from them and has no gradient code.
 *
 * <p>{@link #backward()} sets {@code this.grad = 1} and visits the graph in reverse topological
 * order, so each node's gradient is complete before it is passed on. Gradients accumulate
 * ({@code +=}) because a node used twice receives a contribution from each use; call
 * {@link #zeroGrad()} on parameters between steps.
 */
public final class Value {
    private static final Value[] NONE = {};

    private double data;
    private double grad;
    private final Value[] children;
    private final String op;
    private String label;
    private Runnable backward = () -> { };

    /** A leaf (an input or a parameter). */
    public Value(double data) {
        this(data, NONE, "");
    }

    /** A labelled leaf, e.g. {@code new Value(2.0, "x1")}. */
    public Value(double data, String label) {
        this(data, NONE, "");
        this.label = label;
    }

    private Value(double data, Value[] children, String op) {
        this.data = data;
        this.children = children;
        this.op = op;
        this.label = "";
    }

    // ---- primitives: forward value and local gradient side by side ----

    /** {@code this + other};  ∂/∂this = 1, ∂/∂other = 1. */
    public Value add(Value other) {
        Value out = new Value(data + other.data, new Value[] {this, other}, "+");
        out.backward = () -> {
            this.grad += out.grad;
            other.grad += out.grad;
        };
        return out;
    }

    /** {@code this · other};  ∂/∂this = other, ∂/∂other = this. */
    public Value mul(Value other) {
        Value out = new Value(data * other.data, new Value[] {this, other}, "*");
        out.backward = () -> {
            this.grad += other.data * out.grad;
            other.grad += this.data * out.grad;
        };
        return out;
    }

    /** {@code this^k} for a constant exponent;  ∂/∂this = k·this^(k-1). */
    public Value pow(double k) {
        Value out = new Value(Math.pow(data, k), new Value[] {this}, "^" + fmt(k));
        out.backward = () -> this.grad += k * Math.pow(data, k - 1) * out.grad;
        return out;
    }

    /** {@code e^this};  ∂/∂this = e^this. */
    public Value exp() {
        Value out = new Value(Math.exp(data), new Value[] {this}, "exp");
        out.backward = () -> this.grad += out.data * out.grad;
        return out;
    }

    /** Natural log (NaN for negative input, -∞ at 0, as {@link Math#log});  ∂/∂this = 1/this. */
    public Value log() {
        Value out = new Value(Math.log(data), new Value[] {this}, "log");
        out.backward = () -> this.grad += out.grad / data;
        return out;
    }

    /** {@code tanh(this)};  ∂/∂this = 1 - tanh². */
    public Value tanh() {
        Value out = new Value(Math.tanh(data), new Value[] {this}, "tanh");
        out.backward = () -> this.grad += (1 - out.data * out.data) * out.grad;
        return out;
    }

    /** {@code max(0, this)};  ∂/∂this = 1 if this > 0 else 0 (0 at the kink). */
    public Value relu() {
        Value out = new Value(data > 0 ? data : 0, new Value[] {this}, "relu");
        out.backward = () -> this.grad += (out.data > 0 ? 1 : 0) * out.grad;
        return out;
    }

    /** {@code σ(this) = 1 / (1 + e^-this)};  ∂/∂this = σ(1 - σ). */
    public Value sigmoid() {
        // Two forms so that exp never overflows: for x < 0 use e^x / (1 + e^x).
        double s = data >= 0 ? 1 / (1 + Math.exp(-data)) : Math.exp(data) / (1 + Math.exp(data));
        Value out = new Value(s, new Value[] {this}, "sigmoid");
        out.backward = () -> this.grad += s * (1 - s) * out.grad;
        return out;
    }

    // ---- composed from primitives: no gradient code here ----

    public Value add(double c) {
        return add(new Value(c));
    }

    public Value mul(double c) {
        return mul(new Value(c));
    }

    /** {@code -this = this · (-1)}. */
    public Value neg() {
        return mul(-1);
    }

    /** {@code this - other = this + (-other)}. */
    public Value sub(Value other) {
        return add(other.neg());
    }

    public Value sub(double c) {
        return add(-c);
    }

    /** {@code c - this}. */
    public Value rsub(double c) {
        return neg().add(c);
    }

    /** {@code this / other = this · other^-1}. */
    public Value div(Value other) {
        return mul(other.pow(-1));
    }

    public Value div(double c) {
        return mul(new Value(c).pow(-1));
    }

    /** {@code c / this}. */
    public Value rdiv(double c) {
        return pow(-1).mul(c);
    }

    /** {@code Σ values}, as a chain of {@link #add}s; an empty sum is 0. */
    public static Value sum(List<Value> values) {
        Value s = values.isEmpty() ? new Value(0) : values.get(0);
        for (int i = 1; i < values.size(); i++) s = s.add(values.get(i));
        return s;
    }

    // ---- backpropagation ----

    /**
     * Fills in {@code grad} of every node this value depends on: d this / d node. Sets this
     * node's grad to 1 first; other grads accumulate onto what they hold.
     */
    public void backward() {
        List<Value> topo = topologicalOrder();
        grad = 1;
        for (int i = topo.size() - 1; i >= 0; i--) topo.get(i).backward.run();
    }

    /**
     * Every node this value depends on, each after its children, ending with this one. Iterative
     * depth-first search with an explicit stack, so a chain of a million nodes is fine.
     */
    public List<Value> topologicalOrder() {
        List<Value> order = new ArrayList<>();
        Set<Value> visited = new HashSet<>(); // identity: Value does not override equals
        Deque<Value> nodes = new ArrayDeque<>();
        Deque<Iterator<Value>> pending = new ArrayDeque<>();
        visited.add(this);
        nodes.push(this);
        pending.push(List.of(children).iterator());
        while (!nodes.isEmpty()) {
            Iterator<Value> it = pending.peek();
            if (it.hasNext()) {
                Value child = it.next();
                if (visited.add(child)) {
                    nodes.push(child);
                    pending.push(List.of(child.children).iterator());
                }
            } else {
                pending.pop();
                order.add(nodes.pop());
            }
        }
        return order;
    }

    /** Sets grad to 0 (for parameters between optimisation steps). */
    public void zeroGrad() {
        grad = 0;
    }

    // ---- accessors ----

    public double data() {
        return data;
    }

    /** Overwrites the value, e.g. an SGD update {@code p.setData(p.data() - lr * p.grad())}. */
    public void setData(double data) {
        this.data = data;
    }

    public double grad() {
        return grad;
    }

    /** The operation that produced this value ({@code "+"}, {@code "*"}, {@code "tanh"}, ...), empty for a leaf. */
    public String op() {
        return op;
    }

    /** The operands, in order; empty for a leaf. */
    public List<Value> children() {
        return Collections.unmodifiableList(List.of(children));
    }

    /** A name for drawing, empty unless set. */
    public String label() {
        return label;
    }

    /** Sets the name for drawing; returns this, e.g. {@code x1.mul(w1).label("x1*w1")}. */
    public Value label(String label) {
        this.label = label;
        return this;
    }

    @Override
    public String toString() {
        return "Value(" + (label.isEmpty() ? "" : label + ", ") + "data=" + data + ", grad=" + grad + ")";
    }

    private static String fmt(double k) {
        return k == Math.rint(k) && Math.abs(k) < 1e9 ? String.valueOf((long) k) : String.valueOf(k);
    }
}
