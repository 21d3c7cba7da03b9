package catdata.error;

import org.springframework.util.unit.DataSize;

/** Sizes as people write them in configuration: {@code 10MB}, {@code 512KB}, {@code 1000B}. */
public final class DataSizes {

    private DataSizes() {
    }

    public static String format(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > 0 && bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return size.toGigabytes() + "GB";
        }
        if (bytes > 0 && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + "MB";
        }
        if (bytes > 0 && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + "KB";
        }
        return bytes + "B";
    }
}
