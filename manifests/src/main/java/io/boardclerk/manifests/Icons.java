package io.boardclerk.manifests;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * BoardClerk's two Teams icons, drawn from shapes alone (no fonts, so every machine draws the same pixels): a page of
 * minutes with a tick. The colour icon is 192×192 on the accent colour; the outline icon is 32×32, white on a fully
 * transparent background, as Teams requires.
 */
final class Icons {

    static final int COLOR_SIZE = 192;
    static final int OUTLINE_SIZE = 32;
    /** The manifest's accentColor. */
    static final Color ACCENT = new Color(0x1F3A5F);
    private static final Color TICK = new Color(0xF2B134);

    private Icons() {
    }

    /** The 192×192 colour icon: a white page with three lines of minutes and a gold tick, on the accent colour. */
    static BufferedImage color() {
        BufferedImage image = new BufferedImage(COLOR_SIZE, COLOR_SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(ACCENT);
        g.fillRect(0, 0, COLOR_SIZE, COLOR_SIZE);

        // The page, 80×104, centred a little to the left to leave room for the tick's badge.
        double left = 50;
        double top = 40;
        double width = 80;
        double height = 104;
        double fold = 22;
        Path2D page = new Path2D.Double();
        page.moveTo(left, top);
        page.lineTo(left + width - fold, top);
        page.lineTo(left + width, top + fold);
        page.lineTo(left + width, top + height);
        page.lineTo(left, top + height);
        page.closePath();
        g.setColor(Color.WHITE);
        g.fill(page);
        Path2D corner = new Path2D.Double();
        corner.moveTo(left + width - fold, top);
        corner.lineTo(left + width - fold, top + fold);
        corner.lineTo(left + width, top + fold);
        corner.closePath();
        g.setColor(new Color(0xC9D3E0));
        g.fill(corner);

        g.setColor(ACCENT);
        double[] lineWidths = {56, 48, 36};
        for (int i = 0; i < lineWidths.length; i++) {
            g.fill(new RoundRectangle2D.Double(left + 12, top + 34 + i * 18, lineWidths[i], 8, 8, 8));
        }

        // The tick's badge, overlapping the page's lower right corner.
        double badge = 56;
        double bx = 112;
        double by = 108;
        g.setColor(ACCENT);
        g.fill(new Ellipse2D.Double(bx - 6, by - 6, badge + 12, badge + 12));
        g.setColor(TICK);
        g.fill(new Ellipse2D.Double(bx, by, badge, badge));
        g.setColor(ACCENT);
        g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(tick(bx + 14, by + 29, bx + 24, by + 39, bx + 42, by + 19));
        g.dispose();
        return image;
    }

    /** The 32×32 outline icon: the same page and tick, white strokes on transparency, two pixels clear all round. */
    static BufferedImage outline() {
        BufferedImage image = new BufferedImage(OUTLINE_SIZE, OUTLINE_SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D page = new Path2D.Double();
        page.moveTo(19, 5);
        page.lineTo(8, 5);
        page.lineTo(8, 27);
        page.lineTo(15, 27);
        page.moveTo(19, 5);
        page.lineTo(24, 10);
        page.lineTo(24, 15);
        g.draw(page);
        g.drawLine(12, 12, 19, 12);
        g.drawLine(12, 17, 17, 17);
        g.draw(tick(18, 23, 21, 26, 27, 19));
        g.dispose();
        whiten(image);
        return image;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Path2D tick(double x1, double y1, double x2, double y2, double x3, double y3) {
        Path2D tick = new Path2D.Double();
        tick.moveTo(x1, y1);
        tick.lineTo(x2, y2);
        tick.lineTo(x3, y3);
        return tick;
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /**
     * Every pixel white at its own opacity, every clear pixel fully clear: anti-aliased edges keep their alpha but
     * never a grey of their own.
     */
    private static void whiten(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int alpha = image.getRGB(x, y) >>> 24;
                image.setRGB(x, y, alpha == 0 ? 0 : (alpha << 24) | 0xFFFFFF);
            }
        }
    }
}
