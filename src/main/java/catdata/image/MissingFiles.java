package catdata.image;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Photos whose row outlived their file, remembered so each is logged once, not on every read (a
 * page of thumbnails would repeat it endlessly). Bounded: past {@link #CAPACITY} photos the oldest
 * is forgotten, and at worst logged again.
 */
final class MissingFiles {

    static final int CAPACITY = 10_000;

    private final Map<Long, Boolean> reported = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True the first time a photo is reported missing. */
    synchronized boolean firstReport(long photoId) {
        return reported.put(photoId, Boolean.TRUE) == null;
    }
}
