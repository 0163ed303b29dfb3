package casedrill.toxiproxy.api;

import casedrill.toxiproxy.InstalledToxic;
import casedrill.toxiproxy.ProxyView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Response bodies byte for byte as the reference server writes them (field order, escaping). */
final class GoJson {
    private GoJson() {}

    static String proxy(ProxyView p) {
        return build(s -> proxy(s, p));
    }

    static String proxies(List<ProxyView> all) {
        return build(s -> join(s, '{', all, (b, p) -> {
            string(b, p.name());
            b.append(':');
            proxy(b, p);
        }, '}'));
    }

    static String toxic(InstalledToxic t) {
        return build(s -> toxic(s, t));
    }

    static String toxics(List<InstalledToxic> all) {
        return build(s -> join(s, '[', all, GoJson::toxic, ']'));
    }

    /** {"proxies":[…]} or, for nothing, {"proxies":null}; with an error in front when one stopped it. */
    static String populate(String error, int status, List<ProxyView> done) {
        StringBuilder s = new StringBuilder("{");
        if (error != null) {
            s.append("\"error\":");
            string(s, error);
            s.append(",\"status\":").append(status).append(',');
        }
        s.append("\"proxies\":");
        if (done.isEmpty()) {
            s.append("null");
        } else {
            join(s, '[', done, GoJson::proxy, ']');
        }
        return s.append('}').toString();
    }

    static String error(String message, int status) {
        StringBuilder s = new StringBuilder("{\"error\":");
        string(s, message);
        return s.append(",\"status\":").append(status).append("}\n").toString();
    }

    private static void proxy(StringBuilder s, ProxyView p) {
        s.append("{\"name\":");
        string(s, p.name());
        s.append(",\"listen\":");
        string(s, p.listen());
        s.append(",\"upstream\":");
        string(s, p.upstream());
        s.append(",\"enabled\":").append(p.enabled());
        s.append(",\"Logger\":{},\"toxics\":");
        join(s, '[', p.toxics(), GoJson::toxic, ']');
        s.append('}');
    }

    private static void toxic(StringBuilder s, InstalledToxic t) {
        s.append("{\"attributes\":{");
        boolean first = true;
        for (Map.Entry<String, Long> a : t.toxic().attributes().entrySet()) {
            if (!first) {
                s.append(',');
            }
            first = false;
            string(s, a.getKey());
            s.append(':').append(a.getValue());
        }
        s.append("},\"name\":");
        string(s, t.name());
        s.append(",\"type\":");
        string(s, t.type().name());
        s.append(",\"stream\":");
        string(s, t.stream());
        s.append(",\"toxicity\":").append(float32(t.toxicity())).append('}');
    }

    private static String build(Consumer<StringBuilder> writer) {
        StringBuilder s = new StringBuilder();
        writer.accept(s);
        return s.toString();
    }

    private static <T> void join(StringBuilder s, char open, List<T> items, BiConsumer<StringBuilder, T> writer, char close) {
        s.append(open);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            writer.accept(s, items.get(i));
        }
        s.append(close);
    }

    /** Go's shortest float32 text: 1, 0.5, 1e+21, 1e-07. */
    static String float32(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return "0";
        }
        BigDecimal d = new BigDecimal(Float.toString(f)).stripTrailingZeros();
        double abs = Math.abs(f);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String digits = d.unscaledValue().abs().toString();
            int exponent = digits.length() - 1 - d.scale();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (f < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return d.toPlainString();
    }

    /** Go's encoding/json string escaping, including <, > and & as \\u003c and friends. */
    static void string(StringBuilder s, String value) {
        s.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
