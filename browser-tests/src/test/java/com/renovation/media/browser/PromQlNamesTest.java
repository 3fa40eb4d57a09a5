package com.renovation.media.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {

    @Test
    void aQueryReadsItsMetricsNotItsFunctionsLabelsOrDurations() {
        assertThat(PromQlNames.metrics("histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_"
                + "bucket{job=\"asset-service\", uri=~\"/assets/[{]id[}]/confirm\"}[5m]))) > 1"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQlNames.metrics("sum(increase(variants_failed_total[15m])) / clamp_min(sum(increase("
                + "variants_made_total[15m])) + sum(increase(variants_failed_total[15m])), 1) > 0.05"))
                .containsExactly("variants_failed_total", "variants_made_total");
        assertThat(PromQlNames.metrics("max by (job, topic) (kafka_consumer_fetch_manager_records_lag_max) > 0 and"
                + " max by (job, topic) (deriv(kafka_consumer_fetch_manager_records_lag_max[10m])) > 0"))
                .containsExactly("kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void aScrapeExposesTheNamesOfItsSamples() {
        assertThat(PromQlNames.exposed("""
                # HELP outbox_backlog_events outbox events not published yet
                # TYPE outbox_backlog_events gauge
                outbox_backlog_events 0.0
                http_server_requests_seconds_bucket{le="0.005",method="GET",status="200",uri="/q"} 3
                """)).containsExactly("outbox_backlog_events", "http_server_requests_seconds_bucket");
    }

    @Test
    void aRuleFileGivesEachExpressionWholeFoldedOrNot() {
        assertThat(PromQlNames.ruleExpressions("""
                groups:
                  - name: g
                    rules:
                      - alert: A
                        expr: sum(a_total) > 1
                        for: 1m
                      - alert: B
                        expr: >
                          sum(b_total)
                          / sum(c_total) > 0.5
                        labels: {severity: warning}
                """)).containsExactly("sum(a_total) > 1", "sum(b_total) / sum(c_total) > 0.5");
    }
}
