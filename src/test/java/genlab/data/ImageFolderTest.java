package genlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import genlab.data.ImageFolder.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    private static final Path IMAGES = Path.of("test-data", "images");
    /** One 8-bit step, the precision of the stored images. */
    private static final float STEP = 1 / 255f;

    @TempDir
    Path tmp;

    @Test
    void classSubfoldersGiveSortedLabels() {
        ImageSet s = ImageFolder.load(IMAGES, 4, 4, Color.RGB);
        assertEquals(List.of("blue", "gray", "red"), s.classNames());
        assertEquals(5, s.size());
        assertEquals(3, s.channels());
        // files sorted within each class: blue-alpha, gray128, ramp, red-5x5.jpg, red-8x6.png
        assertArrayEquals(new int[] {0, 1, 1, 2, 2}, s.labels());
        assertArrayEquals(new int[] {1, 2, 2}, s.labelCounts());
    }

    @Test
    void rgbValuesSurviveResizing() {
        // red-8x6.png, 8 wide x 6 tall, resized to 3 tall x 5 wide: still pure red everywhere.
        float[] img = ImageFolder.read(IMAGES.resolve("red/red-8x6.png"), 3, 5, Color.RGB);
        assertEquals(3 * 3 * 5, img.length);
        for (int i = 0; i < 15; i++) {
            assertEquals(1f, img[i], STEP, "R at " + i);
            assertEquals(0f, img[15 + i], STEP, "G at " + i);
            assertEquals(0f, img[30 + i], STEP, "B at " + i);
        }
    }

    @Test
    void grayscaleUsesBt601Luma() {
        float[] img = ImageFolder.read(IMAGES.resolve("red/red-8x6.png"), 2, 2, Color.GRAY);
        assertEquals(4, img.length);
        for (float v : img) {
            assertEquals(0.299f, v, STEP);
        }
    }

    @Test
    void grayImagesKeepTheirValues() {
        // AWT's getRGB would report 128 as 188 (linear gray -> sRGB); the loader must not.
        for (Color c : Color.values()) {
            float[] img = ImageFolder.read(IMAGES.resolve("gray/gray128-4x4.png"), 7, 3, c);
            assertEquals(c.channels() * 21, img.length);
            for (float v : img) {
                assertEquals(128 / 255f, v, STEP / 2, c.toString());
            }
        }
    }

    @Test
    void bilinearResizeWithHalfPixelCentres() {
        // ramp 0, 100, 200, 255 (4 wide): halving averages neighbours -> 50, 227.5
        float[] down = ImageFolder.read(IMAGES.resolve("gray/ramp-4x1.png"), 1, 2, Color.GRAY);
        assertEquals(50 / 255f, down[0], 1.01f * STEP);
        assertEquals(227.5f / 255f, down[1], 1.01f * STEP);
        // doubling: output x samples source at (x + 0.5) / 2 - 0.5, clamped: 0, 25, 75, 125, 175, 213.75, 241.25, 255
        float[] up = ImageFolder.read(IMAGES.resolve("gray/ramp-4x1.png"), 1, 8, Color.GRAY);
        double[] expect = {0, 25, 75, 125, 175, 213.75, 241.25, 255};
        for (int x = 0; x < 8; x++) {
            assertEquals(expect[x] / 255, up[x], 1.01 * STEP, "x=" + x);
        }
    }

    @Test
    void alphaIsCompositedOverBlack() {
        float[] img = ImageFolder.read(IMAGES.resolve("blue/blue-alpha128-3x3.png"), 3, 3, Color.RGB);
        for (int i = 0; i < 9; i++) {
            assertEquals(0f, img[i], STEP);
            assertEquals(0f, img[9 + i], STEP);
            assertEquals(128 / 255f, img[18 + i], STEP);
        }
    }

    @Test
    void jpegDecodesApproximately() {
        float[] img = ImageFolder.read(IMAGES.resolve("red/red-5x5.jpg"), 5, 5, Color.RGB);
        for (int i = 0; i < 25; i++) {
            assertEquals(1f, img[i], 0.06f);
            assertEquals(0f, img[25 + i], 0.06f);
            assertEquals(0f, img[50 + i], 0.06f);
        }
    }

    @Test
    void flatFolderIsUnlabelledAndSkipsOtherFiles() throws IOException {
        Files.copy(IMAGES.resolve("gray/gray128-4x4.png"), tmp.resolve("b.PNG"));
        Files.copy(IMAGES.resolve("red/red-8x6.png"), tmp.resolve("a.png"));
        Files.writeString(tmp.resolve("notes.txt"), "not an image");
        Files.copy(IMAGES.resolve("red/red-8x6.png"), tmp.resolve(".hidden.png"));
        ImageSet s = ImageFolder.load(tmp, 2, 2, Color.GRAY);
        assertEquals(2, s.size());
        assertArrayEquals(new int[] {-1, -1}, s.labels());
        assertTrue(s.classNames().isEmpty());
        assertEquals(0.299f, s.pixels()[0], STEP); // a.png (red) comes first
        assertEquals(128 / 255f, s.pixels()[4], STEP);
    }

    @Test
    void emptyFolderSaysSo() throws IOException {
        Files.createDirectories(tmp.resolve("empty-class"));
        String m = assertThrows(DataException.class, () -> ImageFolder.load(tmp, 4, 4, Color.GRAY)).getMessage();
        assertTrue(m.startsWith(tmp + ": no images"), m);
        String missing = assertThrows(DataException.class,
                () -> ImageFolder.load(tmp.resolve("nope"), 4, 4, Color.GRAY)).getMessage();
        assertTrue(missing.endsWith("nope: folder not found"), missing);
    }

    @Test
    void undecodableFileIsNamed() throws IOException {
        Path cls = Files.createDirectories(tmp.resolve("cats"));
        Files.copy(IMAGES.resolve("red/red-8x6.png"), cls.resolve("good.png"));
        Path bad = Files.write(cls.resolve("broken.png"), new byte[] {1, 2, 3, 4, 5});
        String m = assertThrows(DataException.class, () -> ImageFolder.load(tmp, 4, 4, Color.RGB)).getMessage();
        assertTrue(m.startsWith(bad + ": cannot decode image"), m);
    }

    @Test
    void truncatedPngIsAnErrorNamingIt() throws IOException {
        byte[] png = Files.readAllBytes(IMAGES.resolve("red/red-8x6.png"));
        Path bad = Files.write(tmp.resolve("cut.png"), java.util.Arrays.copyOf(png, png.length / 2));
        String m = assertThrows(DataException.class, () -> ImageFolder.read(bad, 4, 4, Color.RGB)).getMessage();
        assertTrue(m.startsWith(bad + ": cannot decode image"), m);
    }

    @Test
    void mixingTopLevelImagesAndClassFoldersIsAnError() throws IOException {
        Files.copy(IMAGES.resolve("red/red-8x6.png"), tmp.resolve("top.png"));
        Files.createDirectories(tmp.resolve("cls"));
        Files.copy(IMAGES.resolve("red/red-8x6.png"), tmp.resolve("cls/in.png"));
        String m = assertThrows(DataException.class, () -> ImageFolder.load(tmp, 4, 4, Color.RGB)).getMessage();
        assertTrue(m.startsWith(tmp + ": mixes images"), m);
    }
}
