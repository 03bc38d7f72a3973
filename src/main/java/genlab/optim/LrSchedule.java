package genlab.optim;

/**
 * Learning rate as a function of the step number t (0-based), multiplied into a base rate.
 * <ul>
 *   <li>constant: 1;</li>
 *   <li>cosine (Loshchilov and Hutter 2017, no restarts): ½(1 + cos(π·t/T)), decaying to 0 at T;</li>
 *   <li>linear warm-up: (t + 1)/W for t &lt; W, then the wrapped schedule at t − W.</li>
 * </ul>
 */
@FunctionalInterface
public interface LrSchedule {
    /** The factor at step t. */
    double factor(long t);

    static LrSchedule constant() {
        return t -> 1.0;
    }

    static LrSchedule cosine(long totalSteps) {
        if (totalSteps <= 0) throw new IllegalArgumentException("cosine schedule: total steps must be positive, got " + totalSteps);
        return t -> cosineAt((double) Math.min(t, totalSteps) / totalSteps);
    }

    /** The cosine factor ½(1 + cos(π·u)) at the fraction u ∈ [0, 1] of the run done (for budgets that are not a step count). */
    static double cosineAt(double u) {
        return 0.5 * (1 + Math.cos(Math.PI * u));
    }

    static LrSchedule warmup(long warmupSteps, LrSchedule after) {
        return t -> t < warmupSteps ? (t + 1.0) / warmupSteps : after.factor(t - warmupSteps);
    }

    /** Sets the optimiser's rate for step t: base·factor(t). */
    default void apply(Optimizer opt, double baseLr, long t) {
        opt.setLr(baseLr * factor(t));
    }
}
