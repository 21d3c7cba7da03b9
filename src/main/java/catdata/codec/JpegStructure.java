package catdata.codec;

/**
 * A JPEG's declared size, from its one frame header ({@code SOFn}): a height and width above zero
 * (a height of zero, to be given later by a {@code DNL} marker, is refused), one to four components
 * with sampling factors of one to four. Also how it is coded, which decides the decoder's memory: a
 * progressive or multi-scan JPEG is decoded from a buffer of every coefficient of the picture, a
 * sequential one a row of blocks at a time.
 */
record JpegStructure(int width, int height, long decodeBytes) implements DeclaredImage {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int BLOCK = 8;
    /** A coefficient is a 16-bit number, 64 to a block. */
    private static final int BYTES_PER_BLOCK = 64 * 2;

    static JpegStructure read(byte[] file, long maxPixels) {
        if ((file[0] & 0xFF) != 0xFF || (file[1] & 0xFF) != SOI) {
            throw new UnsupportedImage();
        }
        int at = 2;
        int[] frame = null;
        boolean progressive = false;
        int scans = 0;
        while (true) {
            while ((file[at] & 0xFF) != 0xFF) {
                at++;
            }
            while ((file[at] & 0xFF) == 0xFF) {
                at++;
            }
            int marker = file[at++] & 0xFF;
            if (marker == EOI) {
                break;
            }
            if (marker == 0x00 || marker >= 0xD0 && marker <= 0xD7 || marker == SOI || marker == 0x01) {
                // Stuffed bytes and restart markers belong in a scan's data, which is skipped below.
                continue;
            }
            int length = (file[at] & 0xFF) << 8 | file[at + 1] & 0xFF;
            if (length < 2 || at + length > file.length) {
                throw new UnsupportedImage();
            }
            if (JpegSanitizer.isFrame(marker)) {
                if (frame != null) {
                    throw new UnsupportedImage();
                }
                frame = frame(file, at + 2, length - 2, maxPixels);
                progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
            } else if (marker == SOS) {
                int components = file[at + 2] & 0xFF;
                if (frame == null || components < 1 || components > 4 || length != 6 + 2 * components) {
                    throw new UnsupportedImage();
                }
                if (++scans > TooManyParts.MAX_JPEG_SCANS) {
                    throw new TooManyParts();
                }
            }
            at += length;
        }
        if (frame == null || scans == 0) {
            throw new UnsupportedImage();
        }
        return new JpegStructure(frame[1], frame[0], 2L * file.length + coefficientBytes(frame, progressive || scans > 1));
    }

    /**
     * Height, width, then each component's horizontal and vertical sampling factors; checked for
     * sizes that are there and within the limit.
     */
    private static int[] frame(byte[] file, int at, int length, long maxPixels) {
        if (length < 6) {
            throw new UnsupportedImage();
        }
        int height = (file[at + 1] & 0xFF) << 8 | file[at + 2] & 0xFF;
        int width = (file[at + 3] & 0xFF) << 8 | file[at + 4] & 0xFF;
        int components = file[at + 5] & 0xFF;
        if (components < 1 || components > 4 || length != 6 + 3 * components) {
            throw new UnsupportedImage();
        }
        DeclaredImage.checkedPixels(width, height, maxPixels);
        int[] frame = new int[2 + 2 * components];
        frame[0] = height;
        frame[1] = width;
        for (int c = 0; c < components; c++) {
            int sampling = file[at + 7 + 3 * c] & 0xFF;
            int horizontal = sampling >>> 4;
            int vertical = sampling & 0xF;
            if (horizontal < 1 || horizontal > 4 || vertical < 1 || vertical > 4) {
                throw new UnsupportedImage();
            }
            frame[2 + 2 * c] = horizontal;
            frame[3 + 2 * c] = vertical;
        }
        return frame;
    }

    /** Every block of every component when the whole picture is buffered; one row of MCUs otherwise. */
    private static long coefficientBytes(int[] frame, boolean wholePicture) {
        int maxH = 1;
        int maxV = 1;
        for (int i = 2; i < frame.length; i += 2) {
            maxH = Math.max(maxH, frame[i]);
            maxV = Math.max(maxV, frame[i + 1]);
        }
        long mcuColumns = (frame[1] + (long) BLOCK * maxH - 1) / (BLOCK * maxH);
        long mcuRows = (frame[0] + (long) BLOCK * maxV - 1) / (BLOCK * maxV);
        long blocks = 0;
        for (int i = 2; i < frame.length; i += 2) {
            long blocksPerMcuRow = mcuColumns * frame[i] * frame[i + 1];
            blocks += wholePicture ? blocksPerMcuRow * mcuRows : 3 * blocksPerMcuRow;
        }
        return blocks * BYTES_PER_BLOCK;
    }
}
