package genlab.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code --name value} / {@code --name=value} / {@code --flag} arguments into typed values,
 * filling in defaults (the quick ones under {@code --quick}). Every mistake becomes a one-line
 * {@link UsageException} naming the option.
 */
final class ArgParser {
    private ArgParser() {}

    /** True if {@code args} ask for help ({@code --help} or {@code -h} anywhere). */
    static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) return true;
        }
        return false;
    }

    /** The key under which {@link #parse} returns the operands (a {@code List<String>}), if the lesson declares them. */
    static final String OPERANDS = " operands";

    /** The value of every declared option, in declaration order; then the operands, if declared. */
    static Map<String, Object> parse(Options spec, String lesson, String[] args) throws UsageException {
        Map<String, String> given = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (spec.operands() != null && !arg.startsWith("-")) {
                operands.add(arg);
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "' (try --help)");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            Option option = spec.get(name);
            if (option == null) throw new UsageException("unknown option --" + name + " (try --help)");
            String text;
            if (option.kind() == Option.Kind.FLAG) {
                if (eq >= 0) throw new UsageException("--" + name + " takes no value, got '" + arg.substring(eq + 1) + "'");
                text = "true";
            } else if (eq >= 0) {
                text = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                text = args[++i];
            } else {
                throw new UsageException("--" + name + " expects a value (" + option.kind().metavar + ")");
            }
            if (given.put(name, text) != null) throw new UsageException("--" + name + " given twice");
        }
        boolean quick = given.containsKey("quick");
        Map<String, Object> values = new LinkedHashMap<>();
        for (Option option : spec.all()) {
            if (option.kind() == Option.Kind.FLAG) {
                values.put(option.name(), given.containsKey(option.name()));
                continue;
            }
            String text = given.getOrDefault(option.name(), Options.defaultFor(option, lesson, quick));
            try {
                values.put(option.name(), option.kind().parse(option.name(), text, option.choices()));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (spec.operands() != null) values.put(OPERANDS, List.copyOf(operands));
        return values;
    }

    /** {@code --help} text: every option with its placeholder, default and one-line description. */
    static String usage(Lesson lesson, Options spec) {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: lessons/run ").append(lesson.name()).append(" [options]")
                .append(spec.operands() != null ? " " + spec.operands() : "").append("\n\n");
        sb.append(lesson.summary()).append("\n\n");
        if (spec.operands() != null) sb.append(spec.operands()).append(": ").append(spec.operandsHelp()).append("\n\n");
        sb.append("options:\n");
        List<String[]> rows = new ArrayList<>();
        for (Option o : spec.all()) {
            String left = "--" + o.name() + (o.kind() == Option.Kind.FLAG ? ""
                    : " " + (o.kind() == Option.Kind.CHOICE ? String.join("|", o.choices()) : o.kind().metavar));
            String def = o.kind() == Option.Kind.FLAG ? ""
                    : " (default " + Options.defaultFor(o, lesson.name(), false)
                    + (o.quickDefault() != null ? "; with --quick " + o.quickDefault() : "") + ")";
            rows.add(new String[] {left, o.help() + def});
        }
        rows.add(new String[] {"--help", "print this help and exit"});
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] r : rows) sb.append(String.format("  %-" + width + "s  %s%n", r[0], r[1]));
        return sb.toString();
    }
}
