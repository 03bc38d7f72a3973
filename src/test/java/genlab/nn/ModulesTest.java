package genlab.nn;

import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModulesTest {

    @Test
    void parametersAreNamedLikePyTorchStateDicts() {
        SplittableRandom rng = new SplittableRandom(0);
        Sequential m = new Sequential(new Conv2d(1, 4, 3, 1, 1, rng), new BatchNorm2d(4), Activation.relu(),
                new Reshape(-1), new Linear(4 * 5 * 5, 2, rng));
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "4.weight", "4.bias"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "4.weight", "4.bias"),
                List.copyOf(m.stateDict().keySet()));
        assertEquals(4 * 9 + 4 + 4 + 4 + 100 * 2 + 2, m.parameterCount());
        assertArrayEquals(new int[] {3, 2}, m.forward(Tensor.randn(rng, 3, 1, 5, 5)).shape());
    }

    @Test
    void trainAndEvalReachEveryChild() {
        SplittableRandom rng = new SplittableRandom(0);
        Dropout drop = new Dropout(0.5f, rng);
        Sequential m = new Sequential(new Sequential(drop));
        Tensor x = Tensor.ones(1000);
        Tensor y = m.forward(x);
        long zeros = 0;
        for (float v : y.data()) {
            assertTrue(v == 0f || v == 2f, "inverted dropout keeps x/(1-p)");
            if (v == 0) zeros++;
        }
        assertTrue(zeros > 400 && zeros < 600, "about half dropped: " + zeros);
        m.eval();
        assertTrue(!drop.isTraining());
        assertArrayEquals(x.data(), m.forward(x).data(), "dropout is the identity in eval mode");
    }

    @Test
    void initialisersHaveTheirStatedSpread() {
        SplittableRandom rng = new SplittableRandom(3);
        assertEquals(0.02, std(Init.normal(Tensor.zeros(200, 100), 0.02f, rng)), 0.001);
        assertEquals(Math.sqrt(2.0 / 300), std(Init.kaimingNormal(Tensor.zeros(100, 300), rng)), 0.003);
        // U(-b, b) has std b/√3 with b = √(6/(fan_in + fan_out)).
        assertEquals(Math.sqrt(6.0 / 500) / Math.sqrt(3), std(Init.xavierUniform(Tensor.zeros(200, 300), rng)), 0.003);
        Linear l = new Linear(400, 50, rng);
        assertEquals(1 / Math.sqrt(400) / Math.sqrt(3), std(l.weight), 0.002, "PyTorch default U(±1/√fan_in)");
    }

    @Test
    void instanceNormNormalisesEachSampleAndChannel() {
        Tensor x = Tensor.randn(new SplittableRandom(1), 2, 3, 4, 4).mul(5f).add(3f);
        Tensor y = new InstanceNorm(3).forward(x);
        Tensor mean = y.mean(new int[] {2, 3}, false), var = y.var(new int[] {2, 3}, false, 0);
        for (float m : mean.data()) assertEquals(0, m, 1e-5);
        for (float v : var.data()) assertEquals(1, v, 1e-3);
    }

    @Test
    void shapeErrorsNameTheShapes() {
        SplittableRandom rng = new SplittableRandom(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Linear(784, 512, rng).forward(Tensor.zeros(64, 100)));
        assertTrue(e.getMessage().contains("(64, 100)") && e.getMessage().contains("784"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(64, 784).matmul(Tensor.zeros(512, 10)));
        assertTrue(e.getMessage().contains("(64, 784)") && e.getMessage().contains("(512, 10)") && e.getMessage().contains("inner sizes differ"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(3).forward(Tensor.zeros(2, 4, 5, 5)));
        assertTrue(e.getMessage().contains("(2, 4, 5, 5)"), e.getMessage());
    }

    @Test
    void aSmallNetworkLearnsXor() {
        SplittableRandom rng = new SplittableRandom(0);
        Sequential m = new Sequential(new Linear(2, 8, rng), Activation.tanh(), new Linear(8, 1, rng));
        Tensor x = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2), y = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        genlab.optim.Adam opt = new genlab.optim.Adam(m.parameters(), 0.05);
        float first = 0, last = 0;
        for (int s = 0; s < 300; s++) {
            opt.zeroGrad();
            Tensor loss = Losses.bceWithLogits(m.forward(x), y);
            loss.backward();
            opt.step();
            if (s == 0) first = loss.item();
            last = loss.item();
        }
        assertNotEquals(first, last);
        assertTrue(last < 0.05, "XOR loss after 300 Adam steps: " + last);
    }

    private static double std(Tensor t) {
        double s = 0, s2 = 0;
        for (float v : t.data()) {
            s += v;
            s2 += (double) v * v;
        }
        int n = t.numel();
        return Math.sqrt(s2 / n - (s / n) * (s / n));
    }
}
