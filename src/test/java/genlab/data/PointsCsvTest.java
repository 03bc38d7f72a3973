package genlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsCsvTest {
    @TempDir
    Path tmp;

    @Test
    void fixtureWithHeaderBlankLineAndExtraColumn() {
        Points p = PointsCsv.read(Path.of("test-data", "points.csv"));
        assertEquals(9, p.size());
        assertEquals(2f, p.x(0));
        assertEquals(0f, p.y(0));
        assertEquals(0f, p.x(2));   // the line after the blank one
        assertEquals(2f, p.y(2));
        assertEquals(0.1f, p.x(8));
        assertEquals(-0.25f, p.y(8));
        assertEquals(0.1 / 9, p.mean()[0], 1e-6);
        assertEquals(-0.25 / 9, p.mean()[1], 1e-6);
    }

    @Test
    void withoutHeader() throws IOException {
        Path f = Files.writeString(tmp.resolve("p.csv"), "1,2\n 3.5 , -4 \n\n-0,1e3\n");
        Points p = PointsCsv.read(f);
        assertArrayEquals(new float[] {1, 2, 3.5f, -4, -0f, 1000}, p.xy());
        assertArrayEquals(new int[] {3, 2}, p.tensor().shape());
    }

    @Test
    void badLineNamesFileLineAndText() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.csv"), "x,y\n1,2\n\n3,oops\n");
        String m = assertThrows(DataException.class, () -> PointsCsv.read(f)).getMessage();
        assertEquals(f + ": line 4: expected two numbers x,y, found \"3,oops\"", m);
    }

    @Test
    void halfNumericFirstLineIsNotTakenForAHeader() throws IOException {
        Path f = Files.writeString(tmp.resolve("half.csv"), "1,abc\n1,2\n");
        String m = assertThrows(DataException.class, () -> PointsCsv.read(f)).getMessage();
        assertTrue(m.contains(": line 1: ") && m.contains("1,abc"), m);
    }

    @Test
    void singleColumnAndNonFiniteAreBad() throws IOException {
        Path f = Files.writeString(tmp.resolve("one.csv"), "1,2\n5\n");
        assertTrue(assertThrows(DataException.class, () -> PointsCsv.read(f)).getMessage().contains("line 2"));
        Path g = Files.writeString(tmp.resolve("nan.csv"), "1,2\nNaN,3\n");
        assertTrue(assertThrows(DataException.class, () -> PointsCsv.read(g)).getMessage().contains("line 2"));
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        Path f = Files.writeString(tmp.resolve("empty.csv"), "x,y\n\n");
        assertEquals(f + ": no points", assertThrows(DataException.class, () -> PointsCsv.read(f)).getMessage());
        Path g = tmp.resolve("missing.csv");
        assertEquals(g + ": file not found", assertThrows(DataException.class, () -> PointsCsv.read(g)).getMessage());
    }
}
