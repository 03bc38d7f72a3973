package genlab.viz;

import genlab.scalar.Value;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link Value}'s expression graph as a PNG with Java2D, no Graphviz needed: the same
 * picture as {@link genlab.scalar.Dot}. Values are boxes {@code label | data | grad}; each
 * operation is a circle between its operands and its result; arrows run left to right.
 *
 * <p>Layout: a value's column is the longest path to it from the inputs (each operation takes a
 * column of its own); a leaf sits just left of its first use, so constants do not stretch across
 * the picture. Within a column nodes are ordered by the mean height of their inputs (a few
 * barycentre sweeps), which untangles most edges of small graphs.
 */
public final class GraphPng {
    /** Refuse graphs too big to read (an MLP's training graph has 10⁵ nodes). */
    public static final int MAX_VALUES = 400;

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final int PAD = 8;
    private static final int BOX_H = 28;
    private static final int OP_D = 32;
    private static final int COL_GAP = 42;
    private static final int ROW_GAP = 18;
    private static final int MARGIN = 24;

    private static final Color BOX_FILL = new Color(0xEEF3FA);
    private static final Color BOX_LINE = new Color(0x4A6FA5);
    private static final Color OP_FILL = new Color(0xFCE6C9);
    private static final Color OP_LINE = new Color(0xC77C1E);
    private static final Color EDGE = new Color(0x666666);
    private static final Color GRAD = new Color(0xB03A2E);

    private GraphPng() {}

    /** One drawn element: a value's box, or the circle of the operation that produced it. */
    private static final class Node {
        final Value value;
        final boolean op;
        final List<Node> inputs = new ArrayList<>();
        int column;
        double x, y, w, h, order;
        String[] cells;

        Node(Value value, boolean op) {
            this.value = value;
            this.op = op;
        }
    }

    /** Writes the graph of {@code root} with a title line; returns {@code path}. */
    public static Path write(Value root, String title, Path path) {
        return Charts.writePng(render(root, title), path);
    }

    /** The graph of {@code root} as an image. */
    public static BufferedImage render(Value root, String title) {
        List<Value> topo = root.topologicalOrder();
        if (topo.size() > MAX_VALUES) {
            throw new IllegalArgumentException("GraphPng: " + topo.size() + " values, more than " + MAX_VALUES
                    + " is unreadable as a picture");
        }
        List<Node> nodes = build(topo);
        place(nodes);
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(FONT);
        FontMetrics bold = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(BOLD);
        for (Node n : nodes) measure(n, fm, bold);
        int titleH = title == null || title.isEmpty() ? 0 : 34;
        int[] size = coordinates(nodes, titleH);

        BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size[0], size[1]);
        if (titleH > 0) {
            g.setFont(TITLE);
            g.setColor(Color.BLACK);
            g.drawString(title, MARGIN, MARGIN + 6);
        }
        g.setStroke(new BasicStroke(1.3f));
        for (Node n : nodes) {
            // Operands end at different heights of the circle, so a value used twice (x + x) shows two arrows.
            for (int i = 0; i < n.inputs.size(); i++) arrow(g, n.inputs.get(i), n, (i - (n.inputs.size() - 1) / 2.0) * 10);
        }
        for (Node n : nodes) {
            if (n.op) drawOp(g, n);
            else drawBox(g, n);
        }
        g.dispose();
        return img;
    }

    private static List<Node> build(List<Value> topo) {
        Map<Value, Node> box = new IdentityHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (Value v : topo) { // children come first, so their boxes exist
            Node b = new Node(v, false);
            if (!v.op().isEmpty()) {
                Node o = new Node(v, true);
                for (Value c : v.children()) o.inputs.add(box.get(c));
                nodes.add(o);
                b.inputs.add(o);
            }
            box.put(v, b);
            nodes.add(b);
        }
        return nodes;
    }

    /** Columns (longest path; leaves just before first use) and the order within each column. */
    private static void place(List<Node> nodes) {
        for (Node n : nodes) {
            n.column = 0;
            for (Node in : n.inputs) n.column = Math.max(n.column, in.column + 1);
        }
        for (Node n : nodes) { // pull leaves right, next to their earliest consumer
            if (!n.op && n.inputs.isEmpty()) {
                int first = Integer.MAX_VALUE;
                for (Node m : nodes) if (m.inputs.contains(n)) first = Math.min(first, m.column);
                if (first != Integer.MAX_VALUE) n.column = first - 1;
            }
        }
        for (int i = 0; i < nodes.size(); i++) nodes.get(i).order = i;
        for (int sweep = 0; sweep < 4; sweep++) {
            for (Node n : nodes) {
                if (n.inputs.isEmpty()) continue;
                double s = 0;
                for (Node in : n.inputs) s += in.order;
                n.order = s / n.inputs.size() + 1e-6 * n.order;
            }
            rank(nodes);
        }
    }

    /** Replaces each node's order key by its rank within its column. */
    private static void rank(List<Node> nodes) {
        Map<Integer, List<Node>> columns = new java.util.TreeMap<>();
        for (Node n : nodes) columns.computeIfAbsent(n.column, k -> new ArrayList<>()).add(n);
        for (List<Node> col : columns.values()) {
            col.sort(Comparator.comparingDouble(n -> n.order));
            for (int i = 0; i < col.size(); i++) col.get(i).order = i;
        }
    }

    private static void measure(Node n, FontMetrics fm, FontMetrics bold) {
        if (n.op) {
            n.w = Math.max(OP_D, fm.stringWidth(n.value.op()) + 12);
            n.h = OP_D;
            return;
        }
        Value v = n.value;
        n.cells = new String[] {v.label(), String.format(Locale.ROOT, "data %.4f", v.data()),
                String.format(Locale.ROOT, "grad %.4f", v.grad())};
        n.w = (n.cells[0].isEmpty() ? 0 : bold.stringWidth(n.cells[0]) + 2 * PAD)
                + fm.stringWidth(n.cells[1]) + fm.stringWidth(n.cells[2]) + 4 * PAD;
        n.h = BOX_H;
    }

    /** Sets x, y of every node; returns the image size. */
    private static int[] coordinates(List<Node> nodes, int titleH) {
        int cols = 0;
        for (Node n : nodes) cols = Math.max(cols, n.column + 1);
        double[] colW = new double[cols];
        double[] colH = new double[cols];
        List<List<Node>> byCol = new ArrayList<>();
        for (int i = 0; i < cols; i++) byCol.add(new ArrayList<>());
        for (Node n : nodes) {
            colW[n.column] = Math.max(colW[n.column], n.w);
            byCol.get(n.column).add(n);
        }
        double height = 0;
        for (int c = 0; c < cols; c++) {
            byCol.get(c).sort(Comparator.comparingDouble(n -> n.order));
            for (Node n : byCol.get(c)) colH[c] += n.h + ROW_GAP;
            colH[c] -= ROW_GAP;
            height = Math.max(height, colH[c]);
        }
        double x = MARGIN;
        for (int c = 0; c < cols; c++) {
            double y = MARGIN + titleH + (height - colH[c]) / 2;
            for (Node n : byCol.get(c)) {
                n.x = x + (colW[c] - n.w) / 2;
                n.y = y;
                y += n.h + ROW_GAP;
            }
            x += colW[c] + COL_GAP;
        }
        return new int[] {(int) Math.ceil(x - COL_GAP + MARGIN), (int) Math.ceil(height + 2 * MARGIN + titleH)};
    }

    private static void drawBox(Graphics2D g, Node n) {
        g.setColor(BOX_FILL);
        RoundRectangle2D r = new RoundRectangle2D.Double(n.x, n.y, n.w, n.h, 8, 8);
        g.fill(r);
        g.setColor(BOX_LINE);
        g.draw(r);
        double cx = n.x;
        double base = n.y + n.h / 2 + 5;
        for (int i = 0; i < 3; i++) {
            String s = n.cells[i];
            if (i == 0 && s.isEmpty()) continue;
            g.setFont(i == 0 ? BOLD : FONT);
            double cw = g.getFontMetrics().stringWidth(s) + 2 * PAD;
            if (cx > n.x) {
                g.setColor(BOX_LINE);
                g.draw(new java.awt.geom.Line2D.Double(cx, n.y, cx, n.y + n.h));
            }
            g.setColor(i == 2 ? GRAD : Color.BLACK);
            g.drawString(s, (float) (cx + PAD), (float) base);
            cx += cw;
        }
    }

    private static void drawOp(Graphics2D g, Node n) {
        Ellipse2D e = new Ellipse2D.Double(n.x + (n.w - OP_D) / 2, n.y, OP_D, OP_D);
        g.setColor(OP_FILL);
        g.fill(e);
        g.setColor(OP_LINE);
        g.draw(e);
        g.setFont(n.value.op().length() > 2 ? FONT.deriveFont(11f) : BOLD);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString(n.value.op(), (float) (n.x + (n.w - fm.stringWidth(n.value.op())) / 2),
                (float) (n.y + OP_D / 2.0 + fm.getAscent() / 2.0 - 2));
    }

    /** How far the circle's edge lies right of its leftmost point at height {@code dy} from the centre. */
    private static double circleInset(double dy) {
        double r = OP_D / 2.0;
        return r - Math.sqrt(Math.max(0, r * r - dy * dy));
    }

    private static void arrow(Graphics2D g, Node from, Node to, double dyEnd) {
        double x0 = from.op ? from.x + (from.w + OP_D) / 2 : from.x + from.w;
        double y0 = from.y + from.h / 2;
        double x1 = to.op ? to.x + (to.w - OP_D) / 2 + circleInset(dyEnd) : to.x;
        double y1 = to.y + to.h / 2 + dyEnd;
        double dx = Math.max(20, (x1 - x0) / 2);
        g.setColor(EDGE);
        g.draw(new CubicCurve2D.Double(x0, y0, x0 + dx, y0, x1 - dx, y1, x1 - 7, y1));
        Path2D head = new Path2D.Double();
        head.moveTo(x1, y1);
        head.lineTo(x1 - 8, y1 - 4);
        head.lineTo(x1 - 8, y1 + 4);
        head.closePath();
        g.fill(head);
    }
}
