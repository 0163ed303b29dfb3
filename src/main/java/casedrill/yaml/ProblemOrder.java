package casedrill.yaml;

import java.util.Comparator;

/** Problems in the order a reader meets them in the file. */
public enum ProblemOrder implements Comparator<Problem> {
    INSTANCE;

    @Override
    public int compare(Problem a, Problem b) {
        int byFile = a.position().file().compareTo(b.position().file());
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(a.position().line(), b.position().line());
        if (byLine != 0) {
            return byLine;
        }
        int byColumn = Integer.compare(a.position().column(), b.position().column());
        return byColumn != 0 ? byColumn : a.message().compareTo(b.message());
    }
}
