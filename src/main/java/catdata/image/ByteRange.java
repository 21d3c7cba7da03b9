package catdata.image;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpRange;

/**
 * The one byte range a request asks for ({@code Range}, RFC 9110 §14), judged against the file's
 * size: {@code start} to {@code end} inclusive.
 */
record ByteRange(long start, long end) {

    long length() {
        return end - start + 1;
    }

    /**
     * Empty when the whole file is to be sent: no {@code Range}, or one the server may ignore
     * (RFC 9110 §14.2) — a malformed one, another unit, several ranges (we send no
     * {@code multipart/byteranges}; no photo viewer needs them), or an {@code If-Range} that is not
     * our strong ETag (a date never matches: photos carry no {@code Last-Modified}). A range that
     * starts beyond the end is {@link RangeNotSatisfiable}.
     */
    static Optional<ByteRange> requested(String range, String ifRange, String etag, long size) {
        if (range == null || (ifRange != null && !ifRange.strip().equals(etag))) {
            return Optional.empty();
        }
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(range);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (ranges.size() != 1) {
            return Optional.empty();
        }
        HttpRange only = ranges.get(0);
        long start = only.getRangeStart(size);
        long end = only.getRangeEnd(size);
        // "bytes=-0" asks for the last zero bytes: nothing, which is unsatisfiable too.
        if (start > end || start >= size) {
            throw new RangeNotSatisfiable(size);
        }
        return Optional.of(new ByteRange(start, end));
    }
}
