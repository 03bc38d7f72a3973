package genlab.tensor;

import java.util.stream.LongStream;

/**
 * Seeds for property tests: {@code -Dgenlab.cases=N} runs N cases per property (default 100).
 * Each case builds its inputs from its seed, so a failure names a reproducible case.
 */
public final class Cases {
    private Cases() {}

    public static LongStream seeds() {
        return LongStream.range(0, Long.getLong("genlab.cases", 100));
    }
}
