package genlab.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder of PNG / JPEG images (read with javax.imageio) as an {@link ImageSet} of one size.
 *
 * <p>Layout: either the images sit directly in the folder (unlabelled, label -1), or they sit in
 * immediate subfolders, one per class: the subfolder names sorted are the class names and the
 * index in that order is the label. Mixing the two is an error. Files are taken in sorted name
 * order; files without a .png/.jpg/.jpeg extension and hidden entries are skipped; deeper
 * subfolders are not searched.
 *
 * <p>Each image is resized to {@code height x width} by Graphics2D with bilinear interpolation
 * (pixel centres at half-integers, edges clamped). Colour: {@link Color#RGB} keeps sRGB channels
 * (C = 3); {@link Color#GRAY} (C = 1) uses luma {@code Y = 0.299 R + 0.587 G + 0.114 B}
 * (ITU-R BT.601). Gray source images are read from their raster samples as they are, because
 * AWT's colour conversion of linear-gray images shifts their values. Transparent pixels are
 * composited over black: {@code v * alpha}. Values are {@code v / 255f} in [0, 1].
 */
public final class ImageFolder {
    /** The channel layout of the loaded set. */
    public enum Color {
        /** One channel: BT.601 luma. */
        GRAY(1),
        /** Three channels, R, G, B. */
        RGB(3);

        private final int channels;

        Color(int channels) {
            this.channels = channels;
        }

        public int channels() {
            return channels;
        }
    }

    private ImageFolder() {
    }

    /** Loads every image under {@code dir}, resized to height x width, in the given colour. */
    public static ImageSet load(Path dir, int height, int width, Color color) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("ImageFolder: bad size " + height + "x" + width);
        }
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": " + (Files.exists(dir) ? "not a folder" : "folder not found"));
        }
        List<Path> topImages = imagesIn(dir);
        List<Path> classDirs = new ArrayList<>();
        for (Path p : sorted(dir)) {
            if (Files.isDirectory(p) && !isHidden(p)) {
                classDirs.add(p);
            }
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        if (!classDirs.isEmpty()) {
            if (!topImages.isEmpty()) {
                throw new DataException(dir + ": mixes images at the top (" + topImages.get(0).getFileName()
                        + ", ...) with class subfolders (" + classDirs.get(0).getFileName()
                        + ", ...); put every image in a class subfolder, or none");
            }
            for (Path cd : classDirs) {
                List<Path> imgs = imagesIn(cd);
                if (imgs.isEmpty()) {
                    continue; // an empty subfolder is no class
                }
                int label = classNames.size();
                classNames.add(cd.getFileName().toString());
                for (Path f : imgs) {
                    files.add(f);
                    labels.add(label);
                }
            }
        } else {
            for (Path f : topImages) {
                files.add(f);
                labels.add(-1);
            }
        }
        if (files.isEmpty()) {
            throw new DataException(dir + ": no images (.png, .jpg, .jpeg) in the folder or its immediate subfolders");
        }
        int c = color.channels();
        int per = c * height * width;
        float[] pixels = new float[files.size() * per]; // (N, C, H, W)
        int[] lab = new int[files.size()];               // (N)
        for (int i = 0; i < files.size(); i++) {
            float[] img = read(files.get(i), height, width, color); // (C, H, W)
            System.arraycopy(img, 0, pixels, i * per, per);
            lab[i] = labels.get(i);
        }
        return new ImageSet(c, height, width, pixels, lab, classNames);
    }

    /** Reads one image file resized to height x width: (C, H, W) floats in [0, 1]. */
    public static float[] read(Path file, int height, int width, Color color) {
        BufferedImage src;
        try {
            src = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DataException(file + ": cannot decode image (" + e.getMessage() + ")", e);
        }
        if (src == null) {
            throw new DataException(file + ": cannot decode image (not a PNG/JPEG that javax.imageio reads)");
        }
        int plane = height * width;
        float[] out = new float[color.channels() * plane]; // (C, H, W)
        if (isGray(src.getColorModel())) {
            Raster r = resize(grayCanvas(src), height, width).getRaster();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float v = r.getSample(x, y, 0) / 255f;
                    for (int ch = 0; ch < color.channels(); ch++) {
                        out[ch * plane + y * width + x] = v;
                    }
                }
            }
            return out;
        }
        BufferedImage rgb = resize(rgbCanvas(src), height, width);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = rgb.getRGB(x, y);
                int r = (p >> 16) & 0xff;
                int g = (p >> 8) & 0xff;
                int b = p & 0xff;
                if (color == Color.GRAY) {
                    out[y * width + x] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
                } else {
                    out[y * width + x] = r / 255f;
                    out[plane + y * width + x] = g / 255f;
                    out[2 * plane + y * width + x] = b / 255f;
                }
            }
        }
        return out;
    }

    private static boolean isGray(ColorModel cm) {
        return !(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** A gray image as 8-bit samples, alpha applied over black, values kept (no colour conversion). */
    private static BufferedImage grayCanvas(BufferedImage src) {
        Raster in = src.getRaster();
        int bits = src.getColorModel().getComponentSize(0);
        double max = (1L << bits) - 1;
        boolean alpha = src.getColorModel().hasAlpha() && in.getNumBands() > 1;
        double alphaMax = alpha ? (1L << src.getColorModel().getComponentSize(1)) - 1 : 1;
        BufferedImage g = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = g.getRaster();
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                double v = in.getSample(x, y, 0) / max;
                if (alpha) {
                    v *= in.getSample(x, y, 1) / alphaMax;
                }
                out.setSample(x, y, 0, (int) Math.round(v * 255));
            }
        }
        return g;
    }

    /** Any other image as sRGB 8-bit, alpha applied over black. */
    private static BufferedImage rgbCanvas(BufferedImage src) {
        BufferedImage c = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int p = src.getRGB(x, y);
                int a = p >>> 24;
                int r = ((p >> 16) & 0xff) * a / 255;
                int g = ((p >> 8) & 0xff) * a / 255;
                int b = (p & 0xff) * a / 255;
                c.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return c;
    }

    /** Bilinear resize onto a canvas of the same type, so Java2D does no colour conversion. */
    private static BufferedImage resize(BufferedImage src, int height, int width) {
        if (src.getWidth() == width && src.getHeight() == height) {
            return src;
        }
        BufferedImage dst = new BufferedImage(width, height, src.getType());
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    private static List<Path> imagesIn(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p : sorted(dir)) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!isHidden(p) && Files.isRegularFile(p)
                    && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"))) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<Path> sorted(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list folder (" + e + ")", e);
        }
    }

    private static boolean isHidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }
}
