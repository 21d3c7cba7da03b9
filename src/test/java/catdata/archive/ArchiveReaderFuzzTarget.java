package catdata.archive;

import java.io.IOException;

/**
 * The fuzz target of {@link ArchiveReaderFuzzTest} for Jazzer's own driver, which
 * {@code fuzz/run.sh archive} runs for as long as it is asked.
 */
public final class ArchiveReaderFuzzTarget {

    private ArchiveReaderFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] archive) throws IOException {
        ArchiveReaderFuzzTest.fuzz(archive);
    }
}
