package catdata.owner;

import java.util.Locale;

/** What a member may do in a household. */
public enum Role {
    /** Everything, and managing the household, its members and invitations. */
    OWNER,
    /** Read and change the catalogue. */
    EDITOR,
    /** Read only. */
    VIEWER;

    public static Role of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }

    /** As stored and as the API names it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
