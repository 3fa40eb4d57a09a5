package com.renovation.media.documents.render;

import com.renovation.media.contracts.artefacts.ArtefactImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNG pictures of a drawing on white: the fixed-size thumbnail and exports of a requested width. */
public final class PngRender {

    /** Room left around the drawing in a thumbnail, so its outer walls do not touch the card's edge. */
    static final int THUMBNAIL_PADDING = 8;

    private PngRender() {
    }

    /** Exactly {@link ArtefactImages#THUMBNAIL_WIDTH} × {@link ArtefactImages#THUMBNAIL_HEIGHT}, drawing centred. */
    public static RenderedPicture thumbnail(SvgDrawing drawing) {
        int width = ArtefactImages.THUMBNAIL_WIDTH;
        int height = ArtefactImages.THUMBNAIL_HEIGHT;
        Rectangle2D box = new Rectangle2D.Double(THUMBNAIL_PADDING, THUMBNAIL_PADDING, width - 2.0 * THUMBNAIL_PADDING,
                height - 2.0 * THUMBNAIL_PADDING);
        return draw(drawing, width, height, DrawingFit.fit(drawing.width(), drawing.height(), box));
    }

    /** {@code width} pixels wide (at most {@link ArtefactImages#MAX_PNG_SIDE} either way), filled by the drawing. */
    public static RenderedPicture export(SvgDrawing drawing, int width) {
        DrawingFit.PixelSize size = DrawingFit.exportSize(drawing.width(), drawing.height(), width,
                ArtefactImages.MAX_PNG_SIDE);
        return draw(drawing, size.width(), size.height(),
                new Rectangle2D.Double(0, 0, size.width(), size.height()));
    }

    private static RenderedPicture draw(SvgDrawing drawing, int width, int height, Rectangle2D target) {
        // no alpha: the picture is on white, and RGB is a quarter smaller while it is drawn
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            drawing.paint(g, target);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JVM has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RenderedPicture(out.toByteArray(), width, height);
    }
}
