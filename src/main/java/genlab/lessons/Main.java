package genlab.lessons;

import java.util.List;

/**
 * {@code lessons/run [LESSON [options]]}: with no argument lists the lessons, with a name runs one.
 * Every lesson is registered here, by hand, in {@link #LESSONS}.
 */
public final class Main {
    /** All lessons, in teaching order. */
    public static final List<Lesson> LESSONS = List.of(
            new AutogradLesson(),
            new TensorsLesson(),
            new ClassifierLesson(),
            new EvaluateLesson(),
            new KernelsLesson(),
            new BenchLesson(),
            new ReportLesson(),
            new VaeLesson(),
            new VaeConvLesson(),
            new Gan2dLesson(),
            new GanLesson(),
            new DcganLesson(),
            new WganGpLesson(),
            new RealNvp2dLesson(),
            new RealNvpMnistLesson(),
            new Ddpm2dLesson(),
            new DdpmLesson(),
            new CompareLesson());

    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(LESSONS, args, System.out, System.err));
    }
}
