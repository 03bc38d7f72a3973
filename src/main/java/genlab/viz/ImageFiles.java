package genlab.viz;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Writing a rendered image (a frame kept for a GIF, say) as PNG. */
public final class ImageFiles {
    private ImageFiles() {}

    /** Writes {@code image} as PNG, creating parent directories; returns {@code path}. */
    public static Path writePng(BufferedImage image, Path path) {
        return Charts.writePng(image, path);
    }
}
