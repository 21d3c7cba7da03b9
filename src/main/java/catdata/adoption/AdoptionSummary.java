package catdata.adoption;

import java.util.ArrayList;
import java.util.List;

/**
 * What an adoption brought in and what it could not, as the one log line that sums it up; each
 * problem names the row and, for a photo, its file.
 */
final class AdoptionSummary {

    private final String household;
    private int containers;
    private int tags;
    private int items;
    private int links;
    private int foldedLinks;
    private int photos;
    private final List<String> problems = new ArrayList<>();

    AdoptionSummary(String household) {
        this.household = household;
    }

    void rows(int containers, int tags, int items) {
        this.containers = containers;
        this.tags = tags;
        this.items = items;
    }

    void links(int links, int folded) {
        this.links = links;
        this.foldedLinks = folded;
    }

    void photoAdopted() {
        photos++;
    }

    void problem(String problem) {
        problems.add(problem);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    int photos() {
        return photos;
    }

    /** {@code "Adopted"} or {@code "Would adopt"}, then the counts and the problems. */
    String line(String verb) {
        return verb + " the original cat-data database into " + household + ": " + containers + " containers, "
                + tags + " tags, " + items + " items, " + links + " item-tag links (" + foldedLinks
                + " duplicates folded), " + photos + " photos; "
                + (problems.isEmpty() ? "no problems." : problems.size() + " problems: " + String.join("; ", problems));
    }
}
