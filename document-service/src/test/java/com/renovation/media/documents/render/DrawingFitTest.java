package com.renovation.media.documents.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import org.junit.jupiter.api.Test;

class DrawingFitTest {

    private static final Rectangle2D THUMBNAIL = new Rectangle2D.Double(0, 0, 400, 300);

    @Test
    void aWideDrawingFillsTheWidthAndIsCentredVertically() {
        Rectangle2D fitted = DrawingFit.fit(1200, 600, THUMBNAIL);

        assertThat(fitted.getWidth()).isEqualTo(400);
        assertThat(fitted.getHeight()).isEqualTo(200);
        assertThat(fitted.getX()).isZero();
        assertThat(fitted.getY()).isEqualTo(50);
    }

    @Test
    void aTallDrawingFillsTheHeightAndIsCentredHorizontally() {
        Rectangle2D fitted = DrawingFit.fit(100, 300, new Rectangle2D.Double(10, 20, 400, 300));

        assertThat(fitted.getHeight()).isEqualTo(300);
        assertThat(fitted.getWidth()).isEqualTo(100);
        assertThat(fitted.getX()).isEqualTo(10 + 150);
        assertThat(fitted.getY()).isEqualTo(20);
    }

    @Test
    void aSmallDrawingIsScaledUpToTheBox() {
        Rectangle2D fitted = DrawingFit.fit(4, 3, THUMBNAIL);

        assertThat(fitted).isEqualTo(new Rectangle2D.Double(0, 0, 400, 300));
    }

    @Test
    void anExportKeepsTheAspectAtTheRequestedWidth() {
        assertThat(DrawingFit.exportSize(1200, 600, 1000, 4096)).isEqualTo(new DrawingFit.PixelSize(1000, 500));
        assertThat(DrawingFit.exportSize(300, 200, 1001, 4096)).isEqualTo(new DrawingFit.PixelSize(1001, 667));
    }

    @Test
    void anExportTallerThanTheLimitShrinksBothSides() {
        assertThat(DrawingFit.exportSize(100, 200, 4096, 4096)).isEqualTo(new DrawingFit.PixelSize(2048, 4096));
        assertThat(DrawingFit.exportSize(1, 100_000, 1000, 4096)).isEqualTo(new DrawingFit.PixelSize(1, 4096));
    }

    @Test
    void aVeryWideExportIsStillAPixelHigh() {
        assertThat(DrawingFit.exportSize(100_000, 1, 1000, 4096)).isEqualTo(new DrawingFit.PixelSize(1000, 1));
    }

    @Test
    void widthsOutsideTheLimitsAreRefused() {
        assertThatThrownBy(() -> DrawingFit.exportSize(100, 100, 0, 4096))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DrawingFit.exportSize(100, 100, 4097, 4096))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDrawingWithoutUsableSizeCannotBeRendered() {
        assertThatThrownBy(() -> DrawingFit.fit(0, 10, THUMBNAIL)).isInstanceOf(RenderFailure.class);
        assertThatThrownBy(() -> DrawingFit.fit(10, Double.NaN, THUMBNAIL)).isInstanceOf(RenderFailure.class);
        assertThatThrownBy(() -> DrawingFit.exportSize(Double.POSITIVE_INFINITY, 10, 100, 4096))
                .isInstanceOf(RenderFailure.class);
    }
}
