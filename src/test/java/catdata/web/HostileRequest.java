package catdata.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import catdata.support.ApiClient;
import catdata.support.ApiResponse;

/**
 * One generated request and the reasons it must be refused ({@code breakers}); {@link #toString()}
 * shows it exactly enough to send it again by hand.
 */
record HostileRequest(String method, String path, String contentType, byte[] body, List<String> headers,
        List<String> breakers) {

    ApiResponse send(ApiClient api) {
        return api.send(method, path, contentType, body, headers.toArray(String[]::new));
    }

    @Override
    public String toString() {
        return method + " " + path + " content-type=" + contentType + " headers=" + shortened(headers.toString(), 200)
                + " body(" + body.length + " bytes)=" + shortened(printable(body), 300) + " breakers=" + breakers;
    }

    /** The body with every byte that is not printable ASCII written as {@code \xNN}. */
    private static String printable(byte[] body) {
        StringBuilder text = new StringBuilder();
        for (byte b : body) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F) {
                text.append((char) c);
            } else {
                text.append(String.format("\\x%02X", c));
            }
            if (text.length() > 2000) {
                break;
            }
        }
        return text.toString();
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text
                : text.substring(0, max) + "...(" + text.getBytes(StandardCharsets.UTF_8).length + " bytes)";
    }
}
