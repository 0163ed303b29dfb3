package casedrill.casestack.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlTuningTest {

    @Test
    void addsShortTimeoutsAndDisablesSslOnLoopback() {
        String tuned = JdbcUrlTuning.tune("jdbc:postgresql://127.0.1.12:5000/cases", "app-dc1-a");
        assertThat(tuned).isEqualTo("jdbc:postgresql://127.0.1.12:5000/cases?connectTimeout=2&socketTimeout=5"
                + "&loginTimeout=3&tcpKeepAlive=true&sslmode=disable&ApplicationName=app-dc1-a");
    }

    @Test
    void keepsWhatTheCallerSet() {
        String tuned = JdbcUrlTuning.tune(
                "jdbc:postgresql://127.0.1.12:5000,127.0.2.12:5000/cases?targetServerType=primary&socketTimeout=9",
                "app-dc1-a");
        assertThat(tuned).startsWith("jdbc:postgresql://127.0.1.12:5000,127.0.2.12:5000/cases?targetServerType=primary"
                + "&socketTimeout=9&connectTimeout=2").doesNotContain("socketTimeout=5");
    }

    @Test
    void leavesSslAloneOffLoopback() {
        assertThat(JdbcUrlTuning.tune("jdbc:postgresql://db.example:5432/cases", "n")).doesNotContain("sslmode");
    }

    @Test
    void refusesANonPostgresUrlNamingIt() {
        assertThatThrownBy(() -> JdbcUrlTuning.tune("jdbc:mysql://x/cases", "n")).hasMessageContaining("jdbc:mysql://x/cases");
    }
}
