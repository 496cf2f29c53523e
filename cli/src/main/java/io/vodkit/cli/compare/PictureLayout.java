package io.vodkit.cli.compare;

/**
 * Where things go in the comparison picture. Each moment is a row: BEFORE and AFTER side by side at panel size, under
 * them the same region of each zoomed (2× the frame's pixels), under those three lines of measures.
 *
 * <p>Panel width = BEFORE's width, at most {@link #MAX_PANEL_WIDTH}; picture width = 2 panels + 3 gaps; height =
 * {@link #HEADER} + N × (2 panel heights + 2 gaps + {@link #TEXT}).
 *
 * @param grabWidth width of the frames taken (BEFORE's, at most 1920)
 * @param panelWidth width of one panel
 */
record PictureLayout(int grabWidth, int grabHeight, int panelWidth, int panelHeight, int moments) {
    static final int MAX_PANEL_WIDTH = 640;
    static final int GAP = 8;
    static final int LINE = 16;
    static final int HEADER = 6 * LINE + GAP;
    static final int TEXT = 3 * LINE + 4;

    static PictureLayout of(int beforeWidth, int beforeHeight, int moments) {
        int grabWidth = MomentSampler.grabWidth(beforeWidth);
        int grabHeight = MomentSampler.even((long) beforeHeight * grabWidth / beforeWidth);
        int panelWidth = MomentSampler.even(Math.min(grabWidth, MAX_PANEL_WIDTH));
        int panelHeight = MomentSampler.even((long) grabHeight * panelWidth / grabWidth);
        return new PictureLayout(grabWidth, grabHeight, panelWidth, panelHeight, moments);
    }

    int width() {
        return 3 * GAP + 2 * panelWidth;
    }

    int height() {
        return HEADER + moments * rowHeight();
    }

    int rowHeight() {
        return 2 * panelHeight + 2 * GAP + TEXT;
    }

    int rowTop(int row) {
        return HEADER + row * rowHeight();
    }

    /** The crop region's size in grabbed pixels: half a panel, so the zoomed crop fills a panel at 2×. */
    int cropWidth() {
        return Math.max(1, panelWidth / 2);
    }

    int cropHeight() {
        return Math.max(1, panelHeight / 2);
    }
}
