package com.renovation.media.variants.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The web MP4's size: at most 720 lines, never upscaled, aspect kept, even sides. */
class WebSizeTest {

    @Test
    void fullHdBecomes720p() {
        assertThat(WebSize.fit(1920, 1080)).isEqualTo(new WebSize(1280, 720));
        assertThat(WebSize.fit(3840, 2160)).isEqualTo(new WebSize(1280, 720));
    }

    @Test
    void smallerVideosKeepTheirSize() {
        assertThat(WebSize.fit(640, 360)).isEqualTo(new WebSize(640, 360));
        assertThat(WebSize.fit(1280, 720)).isEqualTo(new WebSize(1280, 720));
    }

    @Test
    void portraitVideosGetAtMost720LinesToo() {
        assertThat(WebSize.fit(1080, 1920)).isEqualTo(new WebSize(406, 720));
        assertThat(WebSize.fit(360, 640)).isEqualTo(new WebSize(360, 640));
    }

    @Test
    void oddSidesBecomeEvenWithoutGrowing() {
        assertThat(WebSize.fit(641, 361)).isEqualTo(new WebSize(640, 360));
        assertThat(WebSize.fit(1279, 719)).isEqualTo(new WebSize(1278, 718));
        assertThat(WebSize.fit(1917, 1080)).isEqualTo(new WebSize(1278, 720));
        WebSize tiny = WebSize.fit(3, 3);
        assertThat(tiny).isEqualTo(new WebSize(2, 2));
    }

    @Test
    void everySizeIsEvenAndWithinTheSource() {
        for (int width = 2; width <= 2000; width += 37) {
            for (int height = 2; height <= 2000; height += 41) {
                WebSize size = WebSize.fit(width, height);
                assertThat(size.height()).isLessThanOrEqualTo(Math.min(height, 720)).isEven();
                assertThat(size.width()).isLessThanOrEqualTo(width).isEven();
                double aspect = (double) width / height;
                double made = (double) size.width() / size.height();
                assertThat(Math.abs(made - aspect) * size.height()).as("%dx%d -> %s", width, height, size)
                        .isLessThanOrEqualTo(2.01);
            }
        }
    }

    @Test
    void theFilterScalesToSquarePixels() {
        assertThat(new WebSize(1280, 720).filter()).isEqualTo("scale=1280:720,setsar=1");
        assertThatThrownBy(() -> WebSize.fit(0, 720)).isInstanceOf(IllegalArgumentException.class);
    }
}
