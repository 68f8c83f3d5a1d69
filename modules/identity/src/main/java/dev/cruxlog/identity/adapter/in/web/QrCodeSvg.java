package dev.cruxlog.identity.adapter.in.web;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an inline SVG: the two-step set-up's key, scannable by an authenticator app.
 * Drawn in the page (no image request, nothing for the Content-Security-Policy to allow); the
 * SVG holds only geometry, never the text it encodes.
 */
final class QrCodeSvg {

    private static final int QUIET_ZONE = 4;

    private QrCodeSvg() {
    }

    private static final String LABEL = "QR code of the key for your authenticator app";

    static String of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + QUIET_ZONE * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"" + LABEL + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path d=\"" + path + "\" fill=\"#000000\"/></svg>";
    }
}
