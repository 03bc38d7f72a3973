package genlab.lessons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WganGpLessonTest {
    @TempDir Path tmp;

    @Test
    void quickRunWithThePenalty() throws Exception {
        String[] r = GanLessonTest.run("wgan-gp", "--quick", "--out", tmp.toString());
        assertEquals("0", r[0], r[2]);
        Map<String, Object> m = GanLessonTest.checkOutputs(tmp, 64, "step_00000", "step_00002");
        assertEquals("gradient-penalty", m.get("mode"));
        assertTrue(((Number) m.get("final_gradient_penalty")).doubleValue() >= 0, m.toString());
        assertTrue(ImageIO.read(tmp.resolve("wasserstein.png").toFile()).getWidth() > 100);
    }

    @Test
    void quickRunWithWeightClippingAndABadClip() throws Exception {
        String[] r = GanLessonTest.run("wgan-gp", "--quick", "--clip", "0.01", "--norm", "instance", "--out", tmp.toString());
        assertEquals("0", r[0], r[2]);
        Map<String, Object> m = GanLessonTest.checkOutputs(tmp, 64, "step_00000", "step_00002");
        assertEquals("weight-clipping", m.get("mode"));
        double atClip = ((Number) m.get("weights_at_clip")).doubleValue();
        assertTrue(atClip > 0 && atClip <= 1, m.toString());
        String[] bad = GanLessonTest.run("wgan-gp", "--quick", "--clip", "-1", "--out", tmp.resolve("b").toString());
        assertEquals(String.valueOf(Cli.USAGE), bad[0]);
        assertTrue(bad[2].contains("--clip") && bad[2].lines().count() == 1, bad[2]);
    }
}
