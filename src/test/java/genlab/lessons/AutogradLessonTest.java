package genlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutogradLessonTest {
    @TempDir Path tmp;

    @Test
    void quickRunWritesEveryFile() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(Main.LESSONS, new String[] {"autograd", "--quick", "--out", tmp.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String log = out.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.OK, code, err.toString(StandardCharsets.UTF_8));
        for (String name : new String[] {"graph.dot", "graph.png", "loss.png", "decision_boundary.png", "metrics.json"}) {
            Path p = tmp.resolve(name);
            assertTrue(Files.size(p) > 0, name);
            assertTrue(log.contains("wrote " + p), name);
            if (name.endsWith(".png")) assertTrue(ImageIO.read(p.toFile()).getWidth() > 100, name);
        }
        assertTrue(log.contains("do/dx1  =  -1.5000"), log); // the micrograd neuron's gradients
        assertTrue(log.contains("do/dw1  =   1.0000"), log);

        String json = Files.readString(tmp.resolve("metrics.json")).strip();
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        assertTrue(json.contains("\"lesson\": \"autograd\""), json);
        assertTrue(json.contains("\"steps\": 10"), json);
        double loss = number(json, "final_loss");
        double accuracy = number(json, "train_accuracy");
        assertTrue(loss > 0 && loss < 2, json);
        assertTrue(accuracy >= 0.5 && accuracy <= 1, json);
        assertTrue(Files.readString(tmp.resolve("graph.dot")).contains("rankdir=LR"));
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.eE+-]+)[,\\n]").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }
}
