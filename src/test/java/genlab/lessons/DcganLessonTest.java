package genlab.lessons;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DcganLessonTest {
    @TempDir Path tmp;

    @Test
    void quickRunWritesGridsChartsSamplesAndScores() throws Exception {
        String[] r = GanLessonTest.run("dcgan", "--quick", "--out", tmp.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("DCGAN width 4"), r[1]);
        Map<String, Object> m = GanLessonTest.checkOutputs(tmp, 64, "epoch_000", "epoch_001");
        assertEquals(4, ((Number) m.get("width")).intValue());
    }

    @Test
    void paddingAndCroppingAreInverse() {
        float[] img = new float[2 * 784];
        for (int i = 0; i < img.length; i++) img[i] = (i % 97) / 96f;
        float[] padded = ImageGanReport.pad28to32(img, 2);
        assertEquals(-1f, padded[0]);                       // the border is black, −1 in [−1, 1]
        float[] back = ImageGanReport.toUnit(ImageGanReport.crop32to28(padded, 2));
        for (int i = 0; i < img.length; i++) assertEquals(img[i], back[i], 1e-6);
    }
}
