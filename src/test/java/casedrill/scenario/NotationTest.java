package casedrill.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casedrill.notation.ByteRate;
import casedrill.notation.Durations;
import casedrill.notation.Percentage;
import casedrill.notation.Rate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NotationTest {
    @ParameterizedTest
    @CsvSource({"100ms,100", "40s,40000", "2m,120000", "1h,3600000", "1.5s,1500", "0s,0"})
    void durationsParseToMillis(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void microsecondsAreKeptForSlicerDelays() {
        assertThat(Durations.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Durations.format(Duration.ofNanos(250_000))).isEqualTo("250us");
    }

    @ParameterizedTest
    @ValueSource(strings = {"40", "40 s", "s", "1e3s", "40sec", "", " 40s"})
    void durationsRejectAnythingElse(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessage(
                "must be a duration such as 250ms, 40s, 2m or 1h, but was '" + text + "'");
    }

    @Test
    void negativeAndHugeDurationsAreNamed() {
        assertThatThrownBy(() -> Durations.parse("-5s")).hasMessage("must not be negative, but was '-5s'");
        assertThatThrownBy(() -> Durations.parse("169h")).hasMessage("must be at most 7 days, but was '169h'");
    }

    @ParameterizedTest
    @CsvSource({"0,0s", "1500,1.5s", "60000,60s", "120000,120s", "600000,10m", "3600000,1h", "100,100ms"})
    void durationsFormatInTheSameNotation(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    }

    @Test
    void percentagesAndRates() {
        assertThat(Percentage.parse("99.5%").fraction()).isEqualTo(0.995);
        assertThat(Percentage.parse("5%")).hasToString("5%");
        assertThatThrownBy(() -> Percentage.parse("101%")).hasMessage("must be between 0% and 100%, but was '101%'");
        assertThatThrownBy(() -> Percentage.parse("0.5")).hasMessageContaining("must be a percentage");
        assertThat(Rate.parse("40/s").perSecond()).isEqualTo(40);
        assertThat(Rate.parse("600/m").perSecond()).isEqualTo(10);
        assertThatThrownBy(() -> Rate.parse("0/s")).hasMessage("must be more than 0/s, but was '0/s'");
        assertThatThrownBy(() -> Rate.parse("6000/s")).hasMessage("must be at most 5000/s, but was '6000/s'");
    }

    @Test
    void byteRatesCountKilobytesOfOneThousandBytes() {
        assertThat(ByteRate.parse("512KB/s").bytesPerSecond()).isEqualTo(512_000);
        assertThat(ByteRate.parse("2MB/s").kilobytesPerSecond()).isEqualTo(2_000);
        assertThat(ByteRate.parse("0KB/s").bytesPerSecond()).isZero();
        assertThatThrownBy(() -> ByteRate.parse("1GB/s")).hasMessageContaining("must be a byte rate");
    }
}
