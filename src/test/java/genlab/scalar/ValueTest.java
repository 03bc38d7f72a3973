package genlab.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueTest {
    private static final double H = 1e-6;

    static Stream<Arguments> unary() {
        return Stream.of(
                Arguments.of("pow 3", (UnaryOperator<Value>) v -> v.pow(3), 1.3),
                Arguments.of("pow -1.5", (UnaryOperator<Value>) v -> v.pow(-1.5), 0.7),
                Arguments.of("exp", (UnaryOperator<Value>) Value::exp, -0.4),
                Arguments.of("log", (UnaryOperator<Value>) Value::log, 2.5),
                Arguments.of("tanh", (UnaryOperator<Value>) Value::tanh, 0.3),
                Arguments.of("relu +", (UnaryOperator<Value>) Value::relu, 0.8),
                Arguments.of("relu -", (UnaryOperator<Value>) Value::relu, -0.8),
                Arguments.of("sigmoid", (UnaryOperator<Value>) Value::sigmoid, 0.6),
                Arguments.of("sigmoid -", (UnaryOperator<Value>) Value::sigmoid, -30.0),
                Arguments.of("neg", (UnaryOperator<Value>) Value::neg, 0.9),
                Arguments.of("add c", (UnaryOperator<Value>) v -> v.add(2), 0.9),
                Arguments.of("sub c", (UnaryOperator<Value>) v -> v.sub(2), 0.9),
                Arguments.of("rsub c", (UnaryOperator<Value>) v -> v.rsub(2), 0.9),
                Arguments.of("mul c", (UnaryOperator<Value>) v -> v.mul(-3), 0.9),
                Arguments.of("div c", (UnaryOperator<Value>) v -> v.div(4), 0.9),
                Arguments.of("rdiv c", (UnaryOperator<Value>) v -> v.rdiv(4), 0.9),
                Arguments.of("composite", (UnaryOperator<Value>) v -> v.mul(v).add(v.exp()).tanh().div(v.add(3)), 0.2));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("unary")
    void unaryGradientMatchesCentralDifference(String name, UnaryOperator<Value> f, double x) {
        Value v = new Value(x);
        Value out = f.apply(v);
        out.backward();
        double numeric = (f.apply(new Value(x + H)).data() - f.apply(new Value(x - H)).data()) / (2 * H);
        assertEquals(numeric, v.grad(), 1e-6 * Math.max(1, Math.abs(numeric)), name);
    }

    static Stream<Arguments> binary() {
        return Stream.of(
                Arguments.of("add", (BinaryOperator<Value>) Value::add),
                Arguments.of("mul", (BinaryOperator<Value>) Value::mul),
                Arguments.of("sub", (BinaryOperator<Value>) Value::sub),
                Arguments.of("div", (BinaryOperator<Value>) Value::div));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binary")
    void binaryGradientsMatchCentralDifferences(String name, BinaryOperator<Value> f) {
        double a = 1.7, b = -0.6;
        Value va = new Value(a);
        Value vb = new Value(b);
        f.apply(va, vb).backward();
        double da = (f.apply(new Value(a + H), new Value(b)).data() - f.apply(new Value(a - H), new Value(b)).data()) / (2 * H);
        double db = (f.apply(new Value(a), new Value(b + H)).data() - f.apply(new Value(a), new Value(b - H)).data()) / (2 * H);
        assertEquals(da, va.grad(), 1e-6, name + " d/da");
        assertEquals(db, vb.grad(), 1e-6, name + " d/db");
    }

    @Test
    void reusedNodeCollectsEveryContribution() {
        Value x = new Value(3.0);
        Value a = x;
        Value b = a.add(a);
        Value c = b.mul(b); // c = 4x², dc/dx = 8x
        c.backward();
        assertEquals(36.0, c.data());
        assertEquals(24.0, x.grad());
        assertEquals(12.0, b.grad());
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Value x = new Value(2.0);
        x.mul(x).backward();
        x.mul(x).backward();
        assertEquals(8.0, x.grad(), "2·(2x) accumulated");
        x.zeroGrad();
        x.mul(x).backward();
        assertEquals(4.0, x.grad());
    }

    @Test
    void microgradNeuronExample() {
        Value x1 = new Value(2.0, "x1");
        Value x2 = new Value(0.0, "x2");
        Value w1 = new Value(-3.0, "w1");
        Value w2 = new Value(1.0, "w2");
        Value b = new Value(6.8813735870195432, "b");
        Value o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
        o.backward();
        assertEquals(Math.sqrt(0.5), o.data(), 1e-12);
        assertEquals(-1.5, x1.grad(), 1e-9);
        assertEquals(1.0, w1.grad(), 1e-9);
        assertEquals(0.5, x2.grad(), 1e-9);
        assertEquals(0.0, w2.grad(), 1e-9);
        assertEquals("tanh", o.op());
        assertEquals(List.of(), x1.children());
    }

    @Test
    void longChainBackwardNeedsNoDeepStack() {
        Value x = new Value(1.0);
        Value y = x;
        for (int i = 0; i < 100_000; i++) y = y.mul(1.00001).add(0.0); // 200k ops, 400k nodes with constants
        y.backward();
        assertEquals(Math.pow(1.00001, 100_000), x.grad(), 1e-9);
        assertEquals(400_001, y.topologicalOrder().size());
    }

    @Test
    void topologicalOrderPutsChildrenFirst() {
        Value a = new Value(1);
        Value b = new Value(2);
        Value c = a.mul(b).add(a);
        List<Value> order = c.topologicalOrder();
        assertEquals(c, order.get(order.size() - 1));
        for (int i = 0; i < order.size(); i++) {
            for (Value child : order.get(i).children()) assertTrue(order.indexOf(child) < i);
        }
        assertEquals(4, order.size());
    }
}
