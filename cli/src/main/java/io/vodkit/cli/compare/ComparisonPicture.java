package io.vodkit.cli.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the comparison as one picture (PNG) or one self-contained HTML page with a draggable before/after slider per
 * moment; both show the same frames, zoomed regions and measures ({@link PictureText}).
 */
final class ComparisonPicture {
    private static final Color BACKGROUND = new Color(24, 24, 24);
    private static final Color TEXT = new Color(235, 235, 235);
    private static final Color MARK = new Color(255, 200, 0);

    private final Comparison comparison;
    private final List<Moment> moments;
    private final PictureLayout layout;

    ComparisonPicture(Comparison comparison, List<Moment> moments, PictureLayout layout) {
        this.comparison = comparison;
        this.moments = List.copyOf(moments);
        this.layout = layout;
    }

    /** The PNG: {@link PictureLayout#width()} × {@link PictureLayout#height()}. */
    BufferedImage render() {
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, layout.width(), layout.height());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            text(g, PictureText.header(comparison), PictureLayout.GAP, 0);
            int pw = layout.panelWidth();
            int ph = layout.panelHeight();
            int left = PictureLayout.GAP;
            int right = 2 * PictureLayout.GAP + pw;
            for (int i = 0; i < moments.size(); i++) {
                Moment m = moments.get(i);
                int top = layout.rowTop(i);
                drawScaled(g, m.before(), left, top, pw, ph, true);
                drawScaled(g, m.after(), right, top, pw, ph, true);
                outline(g, m.crop(), left, top, m.before().getWidth(), pw);
                outline(g, m.crop(), right, top, m.before().getWidth(), pw);
                int cropTop = top + ph + PictureLayout.GAP;
                drawScaled(g, crop(m.before(), m.crop()), left, cropTop, pw, ph, false);
                drawScaled(g, crop(m.after(), m.crop()), right, cropTop, pw, ph, false);
                label(g, "BEFORE", left, top + ph);
                label(g, "AFTER", right, top + ph);
                text(g, PictureText.moment(m, i, moments.size()), PictureLayout.GAP, cropTop + ph);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    byte[] png() {
        return encode(render());
    }

    /** One HTML file: every image inlined as a data URI, a range input and pointer dragging per moment. */
    String html() {
        int pw = layout.panelWidth();
        int ph = layout.panelHeight();
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>vodkit compare</title><style>\n"
                + "body{background:#181818;color:#ebebeb;font:13px sans-serif;margin:16px}\n"
                + ".slider{position:relative;display:inline-block;cursor:ew-resize;user-select:none;"
                + "touch-action:none}\n"
                + ".slider img{display:block;width:100%;height:100%;image-rendering:auto}\n"
                + ".slider .after{position:absolute;inset:0;clip-path:inset(0 0 0 50%)}\n"
                + ".slider .bar{position:absolute;top:0;bottom:0;left:50%;width:2px;background:#ffc800}\n"
                + ".crop img{image-rendering:pixelated}\n"
                + ".tag{position:absolute;bottom:4px;padding:1px 4px;background:#000a}\n"
                + "input[type=range]{display:block}\n"
                + "figure{margin:0 0 24px 0}\n"
                + "</style></head><body>\n");
        for (String line : PictureText.header(comparison)) {
            html.append("<div>").append(escape(line)).append("</div>\n");
        }
        for (int i = 0; i < moments.size(); i++) {
            Moment m = moments.get(i);
            html.append("<figure>\n");
            slider(
                    html,
                    encode(scaled(m.before(), pw, ph, true)),
                    encode(scaled(m.after(), pw, ph, true)),
                    pw,
                    ph,
                    "",
                    "moment " + (i + 1));
            slider(
                    html,
                    encode(crop(m.before(), m.crop())),
                    encode(crop(m.after(), m.crop())),
                    pw,
                    ph,
                    " crop",
                    "zoomed region " + (i + 1));
            html.append("<figcaption>");
            for (String line : PictureText.moment(m, i, moments.size())) {
                html.append("<div>").append(escape(line)).append("</div>");
            }
            html.append("</figcaption>\n</figure>\n");
        }
        html.append("<script>\n"
                + "document.querySelectorAll('.slider').forEach(function(s){\n"
                + "  var range=s.parentNode.querySelector('input[type=range][data-for=\"'+s.id+'\"]');\n"
                + "  var after=s.querySelector('.after'), bar=s.querySelector('.bar');\n"
                + "  function set(p){p=Math.max(0,Math.min(100,p));after.style.clipPath='inset(0 0 0 '+p+'%)';"
                + "bar.style.left=p+'%';range.value=p;}\n"
                + "  function at(e){var r=s.getBoundingClientRect();set((e.clientX-r.left)/r.width*100);}\n"
                + "  s.addEventListener('pointerdown',function(e){s.setPointerCapture(e.pointerId);at(e);});\n"
                + "  s.addEventListener('pointermove',function(e){if(e.buttons){at(e);}});\n"
                + "  range.addEventListener('input',function(){set(+range.value);});\n"
                + "});\n"
                + "</script>\n</body></html>\n");
        return html.toString();
    }

    private void slider(StringBuilder html, byte[] before, byte[] after, int w, int h, String kind, String name) {
        String id = "s" + Integer.toHexString(html.length());
        html.append("<div class=\"slider")
                .append(kind)
                .append("\" id=\"")
                .append(id)
                .append("\" style=\"width:")
                .append(w)
                .append("px;height:")
                .append(h)
                .append("px\">")
                .append("<img alt=\"BEFORE, ")
                .append(name)
                .append("\" src=\"")
                .append(dataUri(before))
                .append("\">")
                .append("<div class=\"after\"><img alt=\"AFTER, ")
                .append(name)
                .append("\" src=\"")
                .append(dataUri(after))
                .append("\"></div><div class=\"bar\"></div>")
                .append("<span class=\"tag\" style=\"left:4px\">BEFORE</span>")
                .append("<span class=\"tag\" style=\"right:4px\">AFTER</span></div>\n")
                .append("<input type=\"range\" min=\"0\" max=\"100\" value=\"50\" step=\"0.1\" data-for=\"")
                .append(id)
                .append("\" aria-label=\"before/after, ")
                .append(name)
                .append("\" style=\"width:")
                .append(w)
                .append("px\">\n");
    }

    private static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static BufferedImage crop(BufferedImage frame, Rectangle r) {
        return frame.getSubimage(r.x, r.y, r.width, r.height);
    }

    private static BufferedImage scaled(BufferedImage source, int w, int h, boolean smooth) {
        if (source.getWidth() == w && source.getHeight() == h) {
            return source;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            drawScaled(g, source, 0, 0, w, h, smooth);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void drawScaled(Graphics2D g, BufferedImage image, int x, int y, int w, int h, boolean smooth) {
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION,
                smooth
                        ? RenderingHints.VALUE_INTERPOLATION_BICUBIC
                        : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, x, y, w, h, null);
    }

    private static void outline(Graphics2D g, Rectangle crop, int x, int y, int frameWidth, int panelWidth) {
        double scale = (double) panelWidth / frameWidth;
        g.setColor(MARK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(
                x + (int) Math.round(crop.x * scale),
                y + (int) Math.round(crop.y * scale),
                (int) Math.round(crop.width * scale) - 1,
                (int) Math.round(crop.height * scale) - 1);
    }

    /** A tag in the bottom-left corner of a panel whose bottom edge is {@code bottom}. */
    private static void label(Graphics2D g, String text, int x, int bottom) {
        int w = g.getFontMetrics().stringWidth(text) + 8;
        int top = bottom - 4 - PictureLayout.LINE;
        g.setColor(new Color(0, 0, 0, 170));
        g.fillRect(x + 4, top, w, PictureLayout.LINE);
        g.setColor(TEXT);
        g.drawString(text, x + 8, top + PictureLayout.LINE - 4);
    }

    private static void text(Graphics2D g, List<String> lines, int x, int top) {
        g.setColor(TEXT);
        int baseline = top + PictureLayout.LINE;
        for (String line : lines) {
            g.drawString(line, x, baseline);
            baseline += PictureLayout.LINE;
        }
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return out.toByteArray();
    }
}
