package catdata.owner;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shared mode ({@code SHARED_HOUSEHOLD}): one household, {@code SHARED_HOUSEHOLD_NAME}, that every
 * signed-in user is an editor of, the subs in {@code SHARED_HOUSEHOLD_OWNERS} (comma-separated) its
 * owners; no personal households. Off, every user gets a personal household of their own.
 */
@ConfigurationProperties("catdata.households")
public record HouseholdProperties(
        @DefaultValue("false") boolean shared,
        @DefaultValue("Shared") String sharedName,
        @DefaultValue("") List<String> sharedOwners) {

    public HouseholdProperties {
        sharedOwners = sharedOwners.stream().map(String::strip).filter(sub -> !sub.isEmpty()).toList();
    }

    boolean isSharedOwner(String sub) {
        return sharedOwners.contains(sub);
    }
}
