package com.renovation.media.assets.service.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartPlanTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void everyPartButTheLastHasThePartSizeAndTogetherTheyAreTheFile() {
        PartPlan plan = PartPlan.of(40 * MIB + 7, 16 * MIB);
        assertThat(plan.partCount()).isEqualTo(3);
        assertThat(plan.sizeOf(1)).isEqualTo(16 * MIB);
        assertThat(plan.sizeOf(2)).isEqualTo(16 * MIB);
        assertThat(plan.sizeOf(3)).isEqualTo(8 * MIB + 7);
        assertThat(plan.sizeOf(1) + plan.sizeOf(2) + plan.sizeOf(3)).isEqualTo(40 * MIB + 7);
    }

    @Test
    void aFileOfWholePartsEndsWithAFullPartAndASmallFileIsOnePart() {
        assertThat(PartPlan.of(32 * MIB, 16 * MIB).partCount()).isEqualTo(2);
        assertThat(PartPlan.of(32 * MIB, 16 * MIB).sizeOf(2)).isEqualTo(16 * MIB);
        PartPlan small = PartPlan.of(10, 16 * MIB);
        assertThat(small.partCount()).isEqualTo(1);
        assertThat(small.sizeOf(1)).isEqualTo(10);
    }

    @Test
    void partsGrowToStayWithinTenThousandAndNeverBelowFiveMebibytes() {
        PartPlan huge = PartPlan.of(500_000 * MIB, 16 * MIB);
        assertThat(huge.partCount()).isLessThanOrEqualTo(PartPlan.MAX_PARTS);
        assertThat(huge.partSize() % MIB).isZero();
        assertThat(PartPlan.of(100 * MIB, MIB).partSize()).isEqualTo(PartPlan.MIN_PART_SIZE);
    }

    @Test
    void partNumbersOutsideThePlanAndImpossiblePlansAreRefused() {
        PartPlan plan = PartPlan.of(20 * MIB, 16 * MIB);
        assertThatThrownBy(() -> plan.sizeOf(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.sizeOf(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartPlan(20 * MIB, MIB)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartPlan(20_000 * 5 * MIB, 5 * MIB)).isInstanceOf(IllegalArgumentException.class);
    }
}
