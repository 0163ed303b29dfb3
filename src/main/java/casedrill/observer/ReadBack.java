package casedrill.observer;

import java.util.List;

/**
 * What the observer found of its acknowledged writes on the surviving primary after the drill.
 *
 * @param primary      the node read (Patroni's leader after the drill)
 * @param acknowledged how many of its writes the observer saw acknowledged
 * @param lost         keys acknowledged but absent
 * @param altered      keys present with a body hash other than the one acknowledged
 */
public record ReadBack(String primary, int acknowledged, List<String> lost, List<String> altered) {
    public ReadBack {
        lost = List.copyOf(lost);
        altered = List.copyOf(altered);
    }

    /** Acknowledged writes not found as written: absent or altered. */
    public int lostCount() {
        return lost.size() + altered.size();
    }
}
