package genlab.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import genlab.scalar.Value;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VizTest {
    @TempDir Path tmp;

    @Test
    void lineChartWritesPngAndIsDeterministic() throws Exception {
        double[] loss = {2, 1, 0.5, 0.1, 0.05, 0.0, 0.02};
        LineChart chart = new LineChart("Loss", "step", "loss").logY().series("loss", loss)
                .rightSeries("acc", new double[] {0, 1, 2, 3, 4, 5, 6}, new double[] {.5, .6, .7, .8, .9, 1, 1}, "accuracy");
        Path a = chart.write(tmp.resolve("a.png"), 640, 400);
        Path b = chart.write(tmp.resolve("sub/b.png"), 640, 400);
        BufferedImage img = ImageIO.read(a.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(400, img.getHeight());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same chart, same bytes");
        assertThrows(IllegalArgumentException.class, () -> new LineChart("t", "x", "y").series("s", new double[2], new double[3]));
    }

    @Test
    void scatterAndDecisionBoundary() throws Exception {
        double[] xs = {-1, -0.5, 0.5, 1};
        double[] ys = {0, 0.5, -0.5, 0};
        int[] labels = {0, 0, 1, 1};
        BufferedImage s = ImageIO.read(new Scatter("pts", "x", "y").points(xs, ys, labels).write(tmp.resolve("s.png")).toFile());
        assertEquals(700, s.getWidth());
        int[] calls = {0};
        Path p = new DecisionBoundary("boundary", "x", "y", (x, y) -> {
            calls[0]++;
            return x > 0 ? 1 : 0;
        }).cells(20).points(xs, ys, labels).write(tmp.resolve("d.png"), 500, 400);
        assertEquals(400, calls[0]);
        BufferedImage d = ImageIO.read(p.toFile());
        assertEquals(500, d.getWidth());
    }

    @Test
    void imageGridLaysOutImagesWithGapAndScale() {
        // two 1×2×3 grayscale images: first all black, second all white
        float[] px = new float[12];
        for (int i = 6; i < 12; i++) px[i] = 1f;
        BufferedImage img = ImageGrid.of(px, 2, 1, 2, 3).columns(2).gap(1).scale(2).image();
        assertEquals((2 * (3 + 1) + 1) * 2, img.getWidth());
        assertEquals((1 * (2 + 1) + 1) * 2, img.getHeight());
        assertEquals(0x000000, img.getRGB(2, 2) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(2 + 8, 2) & 0xFFFFFF);
        assertEquals(0x404040, img.getRGB(0, 0) & 0xFFFFFF); // gap

        float[] rgb = {1, 0, 0.5f}; // one 3×1×1 pixel: r=1, g=0, b=0.5
        assertEquals(0xFF0080, ImageGrid.of(rgb, 1, 3, 1, 1).gap(0).image().getRGB(0, 0) & 0xFFFFFF);
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(new float[5], 1, 1, 2, 3));
    }

    @Test
    void gifHasEveryFrameAndLoops() throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            float[] px = new float[16];
            java.util.Arrays.fill(px, k / 2f);
            frames.add(ImageGrid.of(px, 1, 1, 4, 4).scale(3).image());
        }
        Path p = Gif.write(tmp.resolve("a.gif"), frames, 200);
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            ImageReader r = ImageIO.getImageReadersByFormatName("gif").next();
            r.setInput(in);
            assertEquals(3, r.getNumImages(true));
        }
        assertTrue(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1).contains("NETSCAPE2.0"));
    }

    @Test
    void graphPngDrawsTheExpression() throws Exception {
        Value x = new Value(2, "x");
        Value y = x.mul(x).add(x.tanh()).label("y");
        y.backward();
        BufferedImage img = ImageIO.read(GraphPng.write(y, "y = x*x + tanh(x)", tmp.resolve("g.png")).toFile());
        assertTrue(img.getWidth() > img.getHeight(), "left to right");
        Value big = new Value(1);
        for (int i = 0; i < GraphPng.MAX_VALUES; i++) big = big.add(1);
        Value tooBig = big;
        assertThrows(IllegalArgumentException.class, () -> GraphPng.render(tooBig, ""));
    }
}
