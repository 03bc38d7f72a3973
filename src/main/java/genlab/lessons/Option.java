package genlab.lessons;

import java.util.List;

/**
 * One command-line option a lesson accepts: {@code --name value} or {@code --name=value}.
 *
 * <p>{@code quickDefault} is the value used under {@code --quick} when the option is not given
 * (e.g. {@code --steps} 100, quick 10); it is {@code null} when {@code --quick} does not change it.
 *
 * @param name         the name without dashes, kebab-case ({@code batch-size})
 * @param kind         how the value is parsed and checked
 * @param defaultValue the default as the user would type it ({@code null} for flags)
 * @param quickDefault the default under {@code --quick}, or {@code null}
 * @param choices      the allowed values for {@link Kind#CHOICE}, else empty
 * @param help         one line for {@code --help}
 */
public record Option(String name, Kind kind, String defaultValue, String quickDefault, List<String> choices,
                     String help) {

    public Option {
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("option name must be kebab-case: '" + name + "'");
        }
        choices = List.copyOf(choices);
        if (kind != Kind.FLAG) {
            kind.parse(name, defaultValue, choices); // a bad default is a programming error: fail early
            if (quickDefault != null) kind.parse(name, quickDefault, choices);
        }
    }

    /** The value under {@code --quick} if it has one, else the default. */
    public String defaultFor(boolean quick) {
        return quick && quickDefault != null ? quickDefault : defaultValue;
    }

    /** How an option's text becomes a value; each check's message names what was expected. */
    public enum Kind {
        /** A positive integer ({@code int}). */
        COUNT("N"),
        /** A non-negative integer ({@code long}), e.g. a seed. */
        NATURAL("N"),
        /** A positive finite number ({@code double}), e.g. a learning rate. */
        POSITIVE("X"),
        /** Any finite number ({@code double}). */
        REAL("X"),
        /** One of a fixed list of words. */
        CHOICE("NAME"),
        /** Free text. */
        TEXT("TEXT"),
        /** A directory (relative paths are relative to the working directory). */
        DIR("DIR"),
        /** Present or absent; takes no value. */
        FLAG("");

        /** The placeholder shown in usage: {@code --steps N}. */
        public final String metavar;

        Kind(String metavar) {
            this.metavar = metavar;
        }

        /**
         * Parses {@code text}; throws {@link IllegalArgumentException} with a message such as
         * {@code --epochs expects a positive integer, got 'ten'}.
         */
        Object parse(String name, String text, List<String> choices) {
            String got = ", got '" + text + "'";
            switch (this) {
                case COUNT: {
                    Long v = parseLong(text);
                    if (v == null || v <= 0 || v > Integer.MAX_VALUE) throw bad(name, "a positive integer" + got);
                    return v.intValue();
                }
                case NATURAL: {
                    Long v = parseLong(text);
                    if (v == null || v < 0) throw bad(name, "a non-negative integer" + got);
                    return v;
                }
                case POSITIVE: {
                    Double v = parseDouble(text);
                    if (v == null || !(v > 0)) throw bad(name, "a positive number" + got);
                    return v;
                }
                case REAL: {
                    Double v = parseDouble(text);
                    if (v == null) throw bad(name, "a number" + got);
                    return v;
                }
                case CHOICE:
                    if (!choices.contains(text)) throw bad(name, "one of " + String.join("|", choices) + got);
                    return text;
                case TEXT:
                case DIR:
                    if (text.isEmpty()) throw bad(name, "a non-empty value" + got);
                    return text;
                default:
                    throw new IllegalArgumentException("--" + name + " takes no value" + got);
            }
        }

        private static IllegalArgumentException bad(String name, String what) {
            return new IllegalArgumentException("--" + name + " expects " + what);
        }

        private static Long parseLong(String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static Double parseDouble(String s) {
            try {
                double v = Double.parseDouble(s);
                return Double.isFinite(v) && !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D")
                        && !s.endsWith("F") ? v : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
