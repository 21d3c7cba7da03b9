package catdata.storage;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Another instance of the service, as far as the photo directory can tell: a process that starts
 * a store on {@code args[0]}, begins staging an upload, says where, and waits to be killed.
 */
public final class StagingChild {

    private StagingChild() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        FileSystemImageStore store = new FileSystemImageStore(
                new StorageProperties("filesystem", Path.of(args[0]), Path.of(args[0] + "-uploads")));
        store.stage(content -> {
            content.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            content.flush();
            out.println("staging");
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        });
    }
}
