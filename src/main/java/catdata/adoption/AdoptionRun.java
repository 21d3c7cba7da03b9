package catdata.adoption;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;

import catdata.photo.JudgedPhoto;
import catdata.storage.ImageStore;

/**
 * One adoption of the original's rows and photos: {@link #perform} in the takeover's transaction,
 * or {@link #rehearse}, which judges the same rows and files and writes nothing. Files written are
 * remembered, so a takeover that fails can remove them.
 */
final class AdoptionRun {

    private final OriginalPhotos photos;
    private final ImageStore store;
    private final AdoptionJournal journal;
    private final List<String> written = new ArrayList<>();

    AdoptionRun(OriginalPhotos photos, ImageStore store, AdoptionJournal journal) {
        this.photos = photos;
        this.store = store;
        this.journal = journal;
    }

    /** Brings everything in; the original's tables are set aside, this service's just made. */
    AdoptionSummary perform(JdbcClient takeover, Destination destination) {
        OriginalDatabase original = OriginalDatabase.setAside(takeover);
        AdoptedRows rows = new AdoptedRows(takeover, original);
        AdoptedRows.Target target = destination.target(rows);
        AdoptionSummary summary = new AdoptionSummary(destination.describe());

        Names names = namesOf(original, rows::lower, summary);
        names.containers().forEach(container -> rows.container(target, container.id(), container.name()));
        names.tags().forEach(tag -> rows.tag(target, tag.id(), tag.name()));

        original.eachPhoto(photo -> {
            OriginalPhotos.Verdict verdict = photos.judge(photo);
            if (verdict instanceof OriginalPhotos.Refused refused) {
                summary.problem(dropped(photo, refused));
                return;
            }
            try (JudgedPhoto judged = ((OriginalPhotos.Accepted) verdict).photo()) {
                rows.photo(target, photo, OriginalPhotos.originalName(photo.name()), judged);
                journal.record(judged.name());
                written.add(judged.name());
                store.publish(judged.staged(), judged.name());
                summary.photoAdopted();
            }
        });

        int items = rows.items(target);
        int links = rows.links();
        summary.rows(names.containers().size(), names.tags().size(), items);
        summary.links(links, original.links() - links);
        rows.continueSequences();
        original.drop();
        AdoptionJournal.dropWith(takeover);
        return summary;
    }

    /** What {@link #perform} would do, from the original's tables where they are; nothing is written. */
    AdoptionSummary rehearse(JdbcClient database, String destination) {
        OriginalDatabase original = OriginalDatabase.inPlace(database);
        UnaryOperator<String> lower = name -> database.sql("SELECT lower(:name)").param("name", name)
                .query(String.class).single();
        AdoptionSummary summary = new AdoptionSummary(destination);
        Names names = namesOf(original, lower, summary);
        original.eachPhoto(photo -> {
            OriginalPhotos.Verdict verdict = photos.judge(photo);
            if (verdict instanceof OriginalPhotos.Refused refused) {
                summary.problem(dropped(photo, refused));
            } else {
                ((OriginalPhotos.Accepted) verdict).photo().close();
                summary.photoAdopted();
            }
        });
        int links = original.distinctLinks();
        summary.rows(names.containers().size(), names.tags().size(), original.items());
        summary.links(links, original.links() - links);
        return summary;
    }

    /** The photo files this run has written, to be removed if its transaction does not commit. */
    List<String> written() {
        return List.copyOf(written);
    }

    private static String dropped(OriginalDatabase.Photo photo, OriginalPhotos.Refused refused) {
        return "photo " + photo.id() + " (" + photo.name() + ") dropped, its items keep the rest: " + refused.reason();
    }

    /** The containers' and tags' names made unique ignoring case, each rename reported. */
    private static Names namesOf(OriginalDatabase original, UnaryOperator<String> lower, AdoptionSummary summary) {
        Names names = new Names(uniqueNames(original.containers(), lower), uniqueNames(original.tags(), lower));
        reportRenames("container", names.containers(), summary);
        reportRenames("tag", names.tags(), summary);
        return names;
    }

    private static List<Renamed> uniqueNames(List<OriginalDatabase.Row> rows, UnaryOperator<String> lower) {
        UniqueNames names = new UniqueNames(lower);
        return rows.stream().map(row -> new Renamed(row.id(), row.name(), names.claim(row.name()))).toList();
    }

    private static void reportRenames(String kind, List<Renamed> rows, AdoptionSummary summary) {
        rows.stream().filter(Renamed::renamed).forEach(row -> summary.problem(kind + " " + row.id() + " '" + row.was()
                + "' renamed '" + row.name() + "' (names are unique ignoring case here)"));
    }

    private record Names(List<Renamed> containers, List<Renamed> tags) {
    }

    private record Renamed(long id, String was, String name) {
        boolean renamed() {
            return !was.equals(name);
        }
    }

    /** Where the rows go: a user's personal household, or the shared one. */
    interface Destination {
        AdoptedRows.Target target(AdoptedRows rows);

        String describe();
    }
}
