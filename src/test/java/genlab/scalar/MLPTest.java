package genlab.scalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MLPTest {
    @Test
    void parameterCountAndSeededInit() {
        MLP a = new MLP(2, new int[] {16, 16, 1}, Nonlinearity.RELU, new SplittableRandom(1));
        MLP b = new MLP(2, new int[] {16, 16, 1}, Nonlinearity.RELU, new SplittableRandom(1));
        assertEquals(2 * 16 + 16 + 16 * 16 + 16 + 16 + 1, a.parameters().size());
        for (int i = 0; i < a.parameters().size(); i++) {
            assertEquals(a.parameters().get(i).data(), b.parameters().get(i).data());
        }
    }

    @Test
    void learnsXor() {
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[] y = {-1, 1, 1, -1};
        MLP model = new MLP(2, new int[] {8, 1}, Nonlinearity.TANH, new SplittableRandom(42));
        double loss = Double.NaN;
        for (int step = 0; step < 500; step++) {
            List<Value> errors = new ArrayList<>();
            for (int i = 0; i < 4; i++) errors.add(model.apply(x[i]).get(0).sub(y[i]).pow(2));
            Value l = Value.sum(errors);
            model.zeroGrad();
            l.backward();
            for (Value p : model.parameters()) p.setData(p.data() - 0.05 * p.grad());
            loss = l.data();
        }
        assertTrue(loss < 0.05, "loss " + loss);
        for (int i = 0; i < 4; i++) assertEquals(y[i], Math.signum(model.apply(x[i]).get(0).data()), "point " + i);
    }
}
