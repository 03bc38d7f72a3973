package genlab.lessons;

import genlab.viz.Gif;
import genlab.viz.ReportPage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A lesson for the report tests that writes what real lessons write: a PNG, a GIF, a PNG in a
 * subfolder whose name needs escaping in a URL, a text file, metrics.json (nested) and expected ranges.
 */
final class FiguresProbe implements Lesson {
    static final List<String> IMAGES = List.of("loss.png", "samples.gif", "frames/step 001 #1.png");

    @Override public String name() { return "figures"; }
    @Override public String summary() { return "writes figures for the report tests <b>not bold</b>"; }
    @Override public Options options() { return Options.common().steps(5, 2); }

    @Override
    public void run(Run run) throws Exception {
        run.out().println("training ... & done <script>alert(1)</script>");
        ImageIO.write(square(40, Color.BLUE), "png", run.file("loss.png").toFile());
        run.wrote(run.file("loss.png"));
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < 3; i++) frames.add(square(20 + 10 * i, new Color(80 * i, 100, 50)));
        run.wrote(Gif.write(run.file("samples.gif"), frames, 200));
        ImageIO.write(square(30, Color.RED), "png", run.file("frames/step 001 #1.png").toFile());
        run.wrote(run.file("frames/step 001 #1.png"));
        Files.writeString(run.file("notes.txt"), "steps " + run.steps());
        run.wrote(run.file("notes.txt"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("final_loss", 0.125);
        m.put("accuracy", 0.5);
        m.put("steps", run.steps());
        m.put("floor", Map.of("fld", 1.5, "is", 9.75));
        run.metrics(m);
    }

    @Override
    public List<ReportPage.Expected> expected(Run run) {
        return List.of(ReportPage.Expected.atMost("final_loss", 0.2, "after 5 steps"),
                ReportPage.Expected.atLeast("accuracy", 0.9, "after 5 steps"),
                ReportPage.Expected.between("floor.is", 9, 10, ""));
    }

    private static BufferedImage square(int size, Color c) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, size, size);
        g.dispose();
        return img;
    }
}
