package genlab.optim;

import genlab.io.Checkpoint;
import genlab.io.FormatException;
import genlab.nn.Activation;
import genlab.nn.BatchNorm1d;
import genlab.nn.Linear;
import genlab.nn.Losses;
import genlab.nn.Sequential;
import genlab.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointResumeTest {

    private static Sequential model(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Sequential(new Linear(4, 8, rng), new BatchNorm1d(8), Activation.relu(), new Linear(8, 2, rng));
    }

    /** One training step whose data depends only on the step number, not on the process. */
    private static void step(Sequential m, Optimizer opt, int step) {
        SplittableRandom rng = new SplittableRandom(1000 + step);
        Tensor x = Tensor.randn(rng, 16, 4), y = Tensor.randn(rng, 16, 2);
        opt.zeroGrad();
        Losses.mse(m.forward(x), y).backward();
        opt.step();
    }

    @Test
    void resumingGivesTheSameWeightsAsNotStopping(@TempDir Path dir) {
        Sequential straight = model(1);
        Adam optStraight = new Adam(straight.parameters(), 1e-2);
        for (int s = 0; s < 10; s++) step(straight, optStraight, s);

        Sequential first = model(1);
        Adam optFirst = new Adam(first.parameters(), 1e-2);
        for (int s = 0; s < 5; s++) step(first, optFirst, s);
        Path ckpt = dir.resolve("ckpt.safetensors");
        Checkpoint.save(ckpt, first.stateDict(), optFirst.state(), Map.of("step", "5"));

        Sequential resumed = model(99);   // different initial weights: everything must come from the file
        Adam optResumed = new Adam(resumed.parameters(), 1e-2);
        Map<String, Tensor> state = optResumed.state();
        Map<String, String> meta = Checkpoint.load(ckpt, resumed.stateDict(), state);
        optResumed.afterLoad(state);
        assertEquals("5", meta.get("step"));
        assertEquals(5, optResumed.steps());
        for (int s = 5; s < 10; s++) step(resumed, optResumed, s);

        Map<String, Tensor> a = straight.stateDict(), b = resumed.stateDict();
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k).data(), b.get(k).data(), k + " differs after resuming");
    }

    @Test
    void aMismatchedCheckpointNamesTheTensorAndChangesNothing(@TempDir Path dir) {
        Sequential m = model(1);
        Path ckpt = dir.resolve("ckpt.safetensors");
        Checkpoint.save(ckpt, m.stateDict(), Map.of(), Map.of());
        SplittableRandom rng = new SplittableRandom(2);
        Sequential other = new Sequential(new Linear(4, 8, rng), new BatchNorm1d(8), Activation.relu(), new Linear(8, 3, rng));
        float[] before = other.stateDict().get("3.weight").data().clone();
        FormatException e = assertThrows(FormatException.class, () -> Checkpoint.load(ckpt, other.stateDict(), Map.of()));
        assertTrue(e.getMessage().contains("model.3.weight") && e.getMessage().contains("(2, 8)") && e.getMessage().contains("(3, 8)"), e.getMessage());
        assertArrayEquals(before, other.stateDict().get("3.weight").data());
    }

    @Test
    void aTruncatedCheckpointIsRefused(@TempDir Path dir) throws Exception {
        Sequential m = model(1);
        Path ckpt = dir.resolve("ckpt.safetensors");
        Checkpoint.save(ckpt, m.stateDict(), Map.of(), Map.of());
        byte[] bytes = Files.readAllBytes(ckpt);
        Files.write(ckpt, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        FormatException e = assertThrows(FormatException.class, () -> Checkpoint.load(ckpt, model(2).stateDict(), Map.of()));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
