package io.boardclerk.manifests;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Teams' icon rules, checked on the PNGs inside the package the build made. */
class IconsTest {

    @Test
    void theColourIconIs192By192AndOpaque() throws IOException {
        BufferedImage color = read(TeamsAppPackage.COLOR_ICON);
        assertEquals(192, color.getWidth());
        assertEquals(192, color.getHeight());
        for (int y = 0; y < color.getHeight(); y++) {
            for (int x = 0; x < color.getWidth(); x++) {
                assertEquals(0xFF, color.getRGB(x, y) >>> 24, "pixel " + x + "," + y + " is not opaque");
            }
        }
    }

    @Test
    void theOutlineIconIs32By32WhiteOnTransparency() throws IOException {
        BufferedImage outline = read(TeamsAppPackage.OUTLINE_ICON);
        assertEquals(32, outline.getWidth());
        assertEquals(32, outline.getHeight());
        assertTrue(outline.getColorModel().hasAlpha(), "the outline icon has no alpha channel");
        int opaqueWhite = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha != 0 && (argb & 0xFFFFFF) != 0xFFFFFF) {
                    fail(String.format("pixel %d,%d is #%06X at alpha %d: only white or transparent is allowed",
                            x, y, argb & 0xFFFFFF, alpha));
                }
                boolean edge = x == 0 || y == 0 || x == 31 || y == 31;
                if (edge) {
                    assertEquals(0, alpha, "the background at " + x + "," + y + " is not fully transparent");
                }
                if (alpha == 0xFF) {
                    opaqueWhite++;
                }
            }
        }
        assertTrue(opaqueWhite >= 40, "the outline has only " + opaqueWhite + " solid white pixels");
    }

    @Test
    void theIconsAreDrawnTheSameEveryTime() throws IOException {
        Map<String, byte[]> built = Packages.entries(Packages.builtPackage());
        assertArrayEquals(built.get(TeamsAppPackage.COLOR_ICON), Icons.png(Icons.color()));
        assertArrayEquals(built.get(TeamsAppPackage.OUTLINE_ICON), Icons.png(Icons.outline()));
    }

    private static BufferedImage read(String name) throws IOException {
        byte[] png = Packages.entries(Packages.builtPackage()).get(name);
        assertNotNull(png, name + " is not in the package");
        assertEquals(0x89504E47, ((png[0] & 0xFF) << 24) | ((png[1] & 0xFF) << 16) | ((png[2] & 0xFF) << 8)
                | (png[3] & 0xFF), name + " is not a PNG");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, name + " cannot be decoded");
        return image;
    }
}
