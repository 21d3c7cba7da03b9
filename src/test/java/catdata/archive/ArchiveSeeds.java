package catdata.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import catdata.support.TestImages;

/**
 * Valid archives the fuzz test starts from, made here: an empty catalogue, one of every row with
 * photos of each format (deflated and stored), rows with every optional field absent, and a catalogue
 * with members this version does not know.
 */
public final class ArchiveSeeds {

    private ArchiveSeeds() {
    }

    /** Writes the seeds into a directory, for fuzz/run.sh. */
    public static void main(String[] args) throws IOException {
        Path directory = Files.createDirectories(Path.of(args[0]));
        List<byte[]> seeds = all();
        for (int i = 0; i < seeds.size(); i++) {
            Files.write(directory.resolve("seed-" + i + ".zip"), seeds.get(i));
        }
    }

    static List<byte[]> all() {
        String full = """
                {"format_version": 1, "exported_at": "2026-01-02T03:04:05.678Z",
                 "containers": [{"id": 3, "name": "Box", "description": "top shelf", "created_at": "2025-01-01T00:00:00.000Z",
                                 "updated_at": "2025-02-01T00:00:00.000Z", "created_by": "a", "updated_by": "b"},
                                {"id": 4, "name": "Attic"}],
                 "tags": [{"id": 1, "name": "red", "created_at": "2025-01-01T00:00:00+02:00"}, {"id": 2, "name": "blue"}],
                 "photos": [{"id": 7, "file": "photos/a.png", "original_name": "IMG_1.png", "sha256": "00", "size": 1},
                            {"id": 8, "file": "photos/b.jpg"}, {"id": 9, "file": "photos/c.webp"},
                            {"id": 10, "file": "photos/a.png"}],
                 "items": [{"id": 1, "name": "Mug", "description": "blue", "container_id": 3, "photo_id": 7, "tags": [1, 2]},
                           {"id": 2, "name": "Cup", "container_id": 4, "tags": []},
                           {"name": "Plate", "container_id": 4, "photo_id": 9, "created_by": "c"}]}
                """;
        return List.of(
                ArchiveBytes.of("{\"format_version\": 1, \"containers\": [], \"tags\": [], \"photos\": [], \"items\": []}")
                        .zip(),
                ArchiveBytes.of(full).with("photos/a.png", TestImages.png(6, 4)).with("photos/b.jpg", TestImages.jpeg(5, 5))
                        .withStored("photos/c.webp", TestImages.lossyWebp()).zip(),
                new ArchiveBytes().withStored("catalogue.json", full.getBytes(StandardCharsets.UTF_8))
                        .withStored("photos/a.png", TestImages.png(3, 3)).with("photos/b.jpg", TestImages.jpeg(2, 2))
                        .with("photos/c.webp", TestImages.losslessWebp()).with("photos/", new byte[0]).zip(),
                ArchiveBytes.of("{\"format_version\": 1, \"future\": {\"x\": [1, 2]}, \"containers\": [{\"id\": 1, "
                        + "\"name\": \"Box\", \"colour\": \"red\"}], \"tags\": [], \"photos\": [], \"items\": [{\"name\": "
                        + "\"Mug\", \"container_id\": 1}], \"after\": null}").zip());
    }
}
