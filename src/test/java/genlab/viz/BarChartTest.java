package genlab.viz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarChartTest {
    @TempDir Path tmp;

    @Test
    void writesAPngSizedToItsBars() throws Exception {
        Path p = new BarChart("speed", "GFLOP/s").logScale().bar("slow", 0.3).bar("fast", 42).bar("faster", 80)
                .write(tmp.resolve("bars.png"));
        BufferedImage img = ImageIO.read(p.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(120 + 3 * 40, img.getHeight());
        assertTrue(new BarChart("linear", "ms").bar("a", 0).bar("b", 2).render(400, 200).getWidth() == 400);
    }

    @Test
    void refusesBadValuesAndEmptyCharts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BarChart("t", "v").bar("x", Double.NaN));
        assertEquals("bar chart: bar 'x' has value NaN", e.getMessage());
        assertThrows(IllegalStateException.class, () -> new BarChart("t", "v").chart());
    }
}
