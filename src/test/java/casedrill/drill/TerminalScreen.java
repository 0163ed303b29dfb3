package casedrill.drill;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines a terminal shows for some output: "\r" returns to the first column, "\n" starts the next line (a pty's
 * output processing turns it into "\r\n"), "ESC[K" erases to the end of the line, "ESC[2K" the whole line;
 * other escape sequences are dropped and printed characters overwrite what was under the cursor.
 */
record TerminalScreen(List<String> lines) {
    static TerminalScreen of(String output) {
        List<StringBuilder> lines = new ArrayList<>(List.of(new StringBuilder()));
        int column = 0;
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            StringBuilder line = lines.get(lines.size() - 1);
            if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                lines.add(new StringBuilder());
                column = 0;
            } else if (c == '\u001b' && i + 1 < output.length() && output.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < output.length() && !Character.isLetter(output.charAt(end))) {
                    end++;
                }
                String sequence = output.substring(i + 2, Math.min(end + 1, output.length()));
                if (sequence.equals("K") || sequence.equals("0K")) {
                    line.setLength(Math.min(column, line.length()));
                } else if (sequence.equals("2K")) {
                    line.setLength(0);
                    line.append(" ".repeat(column));
                }
                i = end;
            } else if (c >= ' ') {
                while (line.length() < column) {
                    line.append(' ');
                }
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
        return new TerminalScreen(lines.stream().map(StringBuilder::toString).toList());
    }

    /** The line the cursor is on: what the operator's eye lands on last. */
    String cursorLine() {
        return lines.get(lines.size() - 1);
    }
}
