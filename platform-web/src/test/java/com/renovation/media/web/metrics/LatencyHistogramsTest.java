package com.renovation.media.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyHistogramsTest {

    private final MeterFilter filter = new LatencyHistograms().httpServerHistograms();

    @Test
    void theHttpServerTimerGetsBucketsFrom5MsTo30s() {
        DistributionStatisticConfig config = filter.configure(id("http.server.requests"),
                DistributionStatisticConfig.DEFAULT);
        assertThat(config.isPercentileHistogram()).isTrue();
        assertThat(config.getMinimumExpectedValueAsDouble()).isEqualTo(Duration.ofMillis(5).toNanos());
        assertThat(config.getMaximumExpectedValueAsDouble()).isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(config.getHistogramBuckets(true)).isNotEmpty();
    }

    @Test
    void otherTimersAreLeftAsTheyAre() {
        assertThat(filter.configure(id("variants.render"), DistributionStatisticConfig.DEFAULT))
                .isSameAs(DistributionStatisticConfig.DEFAULT);
    }

    private static Meter.Id id(String name) {
        return new Meter.Id(name, Tags.empty(), null, null, Meter.Type.TIMER);
    }
}
