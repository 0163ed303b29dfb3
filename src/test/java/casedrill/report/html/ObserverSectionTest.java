package casedrill.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import casedrill.report.ObserverResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObserverSectionTest {
    @Test
    void aDisagreementIsShownWithBothFiguresAndTheLostWrites() {
        ObserverResult o = new ObserverResult("observer-r1", 20, 10, 1_000, 8_343, 6_220, 2_100, 23, 1_100,
                List.of(new ObserverResult.Comparison(30_090, 0L, 64_000L, 33_910L, 33_910L, false)), 33_910L, false, "pg-dc2", 2,
                List.of("observer-r1-7001", "observer-r1-7002"), 0, false, null);

        String html = ObserverSection.render(o);

        assertThat(html).as("section").contains("DISAGREES with the drill").contains("<td>0.00 s</td><td>33.91 s</td><td>33.91 s</td><td><strong>no</strong>")
                .contains("2 of its 6220 acknowledged writes lost or altered; the write ledger found 0").contains("<code>observer-r1-7002</code>")
                .contains("observer.jsonl");
    }

    @Test
    void aDrillWithoutObserverSaysItIsNotCrossChecked() {
        assertThat(ObserverSection.render(null)).as("section").contains("not cross-checked");
    }
}
