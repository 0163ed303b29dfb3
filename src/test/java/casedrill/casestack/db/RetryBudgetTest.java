package casedrill.casestack.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

/** Retry timing on a fake clock: the sleeper advances time instead of sleeping. */
class RetryBudgetTest {
    private long now;
    private final List<Long> pauses = new ArrayList<>();
    private final AtomicInteger retriesHeard = new AtomicInteger();

    private RetryBudget budget(Duration d) {
        return new RetryBudget(d, () -> now, nanos -> {
            pauses.add(nanos);
            now += nanos;
        }, failure -> retriesHeard.incrementAndGet());
    }

    private static RuntimeException sqlState(String state) {
        return new UncategorizedSQLException("test", "SELECT 1", new SQLException("boom", state));
    }

    @Test
    void retriesATransientFailureUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = budget(Duration.ofSeconds(10)).call(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw sqlState("25006");
            }
            return "committed";
        });

        assertThat(result).isEqualTo("committed");
        assertThat(attempts).hasValue(4);
        assertThat(retriesHeard).hasValue(3);
        assertThat(pauses).containsExactly(50_000_000L, 100_000_000L, 200_000_000L);
    }

    @Test
    void givesUpWithUnavailableOnceTheBudgetIsSpentAndNeverOversleepsIt() {
        assertThatThrownBy(() -> budget(Duration.ofSeconds(2)).call(() -> {
            throw sqlState("08006");
        })).isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("2000 ms");

        assertThat(now).isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(pauses).allMatch(p -> p <= RetryBudget.MAX_BACKOFF.toNanos());
    }

    @Test
    void neverRetriesAFailureThatIsNotTransient() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> budget(Duration.ofSeconds(10)).call(() -> {
            attempts.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate", new SQLException("dup", "23505"));
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(attempts).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aZeroBudgetTriesOnce() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> budget(Duration.ZERO).call(() -> {
            attempts.incrementAndGet();
            throw sqlState("57P01");
        })).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void rejectsANegativeBudgetNamingIt() {
        assertThatThrownBy(() -> budget(Duration.ofMillis(-5))).hasMessageContaining("PT-0.005S");
    }
}
