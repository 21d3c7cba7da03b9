package catdata.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads {@code catalogue.json} once, front to back, and hands each row to an {@link ImportSink} as
 * soon as it is checked: memory holds one row and the new ids of the containers, tags and photos
 * (which later rows refer to), never the catalogue. So the order is part of the format:
 * {@code format_version} first (an unknown version is refused before anything else is read), then
 * {@code containers}, {@code tags}, {@code photos} and {@code items}, each once; other members are
 * skipped.
 *
 * <p>Rows are checked by the API's rules ({@link ArchiveFields}); an absent timestamp is the time of
 * the import (an absent {@code updated_at} is {@code created_at}), an absent {@code created_by} the
 * importing user (an absent {@code updated_by} is {@code created_by}).
 */
final class CatalogueReader {

    /** As the API allows an item. */
    static final int MAX_TAGS = 100;
    /** As the API reads JSON. */
    private static final int MAX_NESTING = 50;
    /** Longer than any field may be (a description is 10,000 characters), short enough to hold. */
    private static final int MAX_STRING = 100_000;

    /** Read as strictly as a request body: no key twice, no number as text or the reverse. */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                            .maxStringLength(MAX_STRING).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Rows are read one by one from inside the catalogue: what follows a row is the next one.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, strings -> strings
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private enum Section {
        CONTAINERS, TAGS, PHOTOS, ITEMS;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Section> named(String name) {
            return Arrays.stream(values()).filter(section -> section.wireName().equals(name)).findFirst();
        }
    }

    private final ArchiveFile archive;
    private final ImportSink sink;
    private final int maxRows;
    private final String importer;
    private final Instant importedAt;
    private final Map<Long, Long> containers = new HashMap<>();
    private final Map<Long, Long> tags = new HashMap<>();
    private final Map<Long, Long> photos = new HashMap<>();
    private long items;
    private long rows;

    /** {@code importer} and {@code importedAt} stand in for who and when, where a row does not say. */
    CatalogueReader(ArchiveFile archive, ImportSink sink, int maxRows, String importer, Instant importedAt) {
        this.archive = archive;
        this.sink = sink;
        this.maxRows = maxRows;
        this.importer = importer;
        this.importedAt = importedAt;
    }

    ImportCounts read() {
        // UTF-8 as RFC 8259 has it, decoded strictly here: left to itself, Jackson guesses UTF-16 or UTF-32
        // from the first bytes, and refuses some guesses with errors of its own.
        try (InputStream in = archive.catalogue();
                JsonParser parser = JSON.createParser(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()))) {
            readCatalogue(parser);
        } catch (JacksonException e) {
            throw refusal(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImportCounts(containers.size(), tags.size(), items, photos.size());
    }

    private void readCatalogue(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new InvalidArchive(ArchiveLayout.CATALOGUE + " must be one JSON object.");
        }
        checkVersion(parser);
        int due = 0;
        // The parser itself refuses anything but a property name or the object's end here.
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            Optional<Section> section = Section.named(name);
            if (section.isEmpty()) {
                parser.skipChildren();
                continue;
            }
            if (section.get().ordinal() != due) {
                throw outOfOrder(section.get(), due);
            }
            if (value != JsonToken.START_ARRAY) {
                throw new InvalidArchive(ArchiveLayout.CATALOGUE + ": " + name + " must be an array.");
            }
            readSection(section.get(), parser);
            due++;
        }
        if (due < Section.values().length) {
            throw new InvalidArchive(ArchiveLayout.CATALOGUE + " has no " + Section.values()[due].wireName() + ".");
        }
        if (parser.nextToken() != null) {
            throw new InvalidArchive(ArchiveLayout.CATALOGUE + " goes on after its object.");
        }
    }

    private static void checkVersion(JsonParser parser) {
        if (parser.nextToken() != JsonToken.PROPERTY_NAME || !"format_version".equals(parser.currentName())) {
            throw new InvalidArchive(ArchiveLayout.CATALOGUE + " must begin with its format_version.");
        }
        if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new InvalidArchive(ArchiveLayout.CATALOGUE + ": format_version must be a whole number.");
        }
        if (parser.getNumberType() != JsonParser.NumberType.INT || parser.getIntValue() != ArchiveLayout.FORMAT_VERSION) {
            throw new InvalidArchive("Unknown format_version " + ArchiveLayout.printable(parser.getString())
                    + ": this service reads archives of format_version " + ArchiveLayout.FORMAT_VERSION + ".");
        }
    }

    private static InvalidArchive outOfOrder(Section found, int due) {
        String expected = due < Section.values().length ? Section.values()[due].wireName() : "the end";
        return new InvalidArchive(ArchiveLayout.CATALOGUE + " holds containers, tags, photos and items in this "
                + "order, each once; " + found.wireName() + " came where " + expected + " was due.");
    }

    private void readSection(Section section, JsonParser parser) {
        int index = 0;
        // An array left open ends in a parse error, not in a null token.
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            String where = section.wireName() + "[" + index++ + "]";
            if (token != JsonToken.START_OBJECT) {
                throw ArchiveFields.invalid(where, "a row must be an object.");
            }
            if (++rows > maxRows) {
                throw new ArchiveTooLarge("The archive holds more than " + maxRows
                        + " containers, tags, photos and items (MAX_IMPORT_ROWS).");
            }
            switch (section) {
                case CONTAINERS -> container(row(parser, ArchivedContainer.class, where), where);
                case TAGS -> tag(row(parser, ArchivedTag.class, where), where);
                case PHOTOS -> photo(row(parser, ArchivedPhoto.class, where), where);
                case ITEMS -> item(row(parser, ArchivedItem.class, where), where);
            }
        }
    }

    private void container(ArchivedContainer row, String where) {
        long id = newId(containers, row.id(), where);
        String name = ArchiveFields.name(row.name(), where);
        String description = ArchiveFields.description(row.description(), where);
        Stamps stamps = stamps(where, row.createdAt(), row.updatedAt(), row.createdBy(), row.updatedBy());
        containers.put(id, sink.container(name, description, stamps));
    }

    private void tag(ArchivedTag row, String where) {
        long id = newId(tags, row.id(), where);
        String name = ArchiveFields.name(row.name(), where);
        Stamps stamps = stamps(where, row.createdAt(), row.updatedAt(), row.createdBy(), row.updatedBy());
        tags.put(id, sink.tag(name, stamps));
    }

    private void photo(ArchivedPhoto row, String where) {
        long id = newId(photos, row.id(), where);
        if (row.file() == null) {
            throw ArchiveFields.invalid(where, "file is required.");
        }
        EntryUse bytes = archive.photo(row.file()).orElseThrow(() -> ArchiveFields.invalid(where,
                "file " + ArchiveLayout.printable(row.file()) + " is not in the archive."));
        String originalName = ArchiveFields.originalName(row.originalName(), where);
        Stamps stamps = stamps(where, row.createdAt(), row.updatedAt(), row.createdBy(), row.updatedBy());
        photos.put(id, sink.photo(bytes.name(), originalName, stamps, bytes));
    }

    /** An item's own id is not needed: nothing refers to items. */
    private void item(ArchivedItem row, String where) {
        String name = ArchiveFields.name(row.name(), where);
        String description = ArchiveFields.description(row.description(), where);
        long container = reference(containers, row.containerId(), where, "container_id", "containers");
        OptionalLong photo = row.photoId() == null ? OptionalLong.empty()
                : OptionalLong.of(reference(photos, row.photoId(), where, "photo_id", "photos"));
        Set<Long> tagIds = new LinkedHashSet<>();
        if (row.tags() != null) {
            if (row.tags().size() > MAX_TAGS) {
                throw ArchiveFields.invalid(where, "an item can have at most " + MAX_TAGS + " tags.");
            }
            for (Long tag : row.tags()) {
                if (tag == null) {
                    throw ArchiveFields.invalid(where, "tags must hold tag ids.");
                }
                tagIds.add(reference(tags, tag, where, "tags", "tags"));
            }
        }
        Stamps stamps = stamps(where, row.createdAt(), row.updatedAt(), row.createdBy(), row.updatedBy());
        sink.item(name, description, container, photo, tagIds, stamps);
        items++;
    }

    /** The row's id in the archive, which no earlier row of its kind may have had. */
    private static long newId(Map<Long, Long> known, Long raw, String where) {
        long id = ArchiveFields.id(raw, where, "id");
        if (known.containsKey(id)) {
            throw ArchiveFields.invalid(where, "id " + id + " is used by an earlier row too.");
        }
        return id;
    }

    /** The new id of the row an item names by its id in the archive. */
    private static long reference(Map<Long, Long> known, Long raw, String where, String field, String kind) {
        long id = ArchiveFields.id(raw, where, field);
        Long found = known.get(id);
        if (found == null) {
            throw ArchiveFields.invalid(where, field + " " + id + " is not one of the archive's " + kind + ".");
        }
        return found;
    }

    private Stamps stamps(String where, String createdAt, String updatedAt, String createdBy, String updatedBy) {
        Instant created = orElse(ArchiveFields.timestamp(createdAt, where, "created_at"), importedAt);
        Instant updated = orElse(ArchiveFields.timestamp(updatedAt, where, "updated_at"), created);
        String creator = orElse(ArchiveFields.subject(createdBy, where, "created_by"), importer);
        String updater = orElse(ArchiveFields.subject(updatedBy, where, "updated_by"), creator);
        return new Stamps(created, updated, creator, updater);
    }

    private static <T> T orElse(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static <T> T row(JsonParser parser, Class<T> type, String where) {
        try {
            return JSON.readValue(parser, type);
        } catch (DatabindException e) {
            ArchiveRefusal inside = refusalInside(e);
            if (inside != null) {
                throw inside;
            }
            String field = e.getPath().stream().map(JacksonException.Reference::getPropertyName)
                    .filter(name -> name != null).reduce((first, second) -> second).orElse(null);
            if (field == null) {
                throw e;
            }
            throw ArchiveFields.invalid(where, "invalid value for '" + ArchiveLayout.printable(field) + "'.");
        }
    }

    /**
     * What a parse error means: a refusal thrown while the catalogue's bytes were read (Jackson wraps
     * it), a failure to read the upload from disk, or JSON that is not well-formed.
     */
    private static RuntimeException refusal(JacksonException e) {
        ArchiveRefusal inside = refusalInside(e);
        if (inside != null) {
            return inside;
        }
        if (e.getCause() instanceof CharacterCodingException) {
            return new InvalidArchive(ArchiveLayout.CATALOGUE + " is not text in UTF-8.");
        }
        if (e.getCause() instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        if (e instanceof StreamConstraintsException) {
            return new InvalidArchive(ArchiveLayout.CATALOGUE + " nests deeper than " + MAX_NESTING
                    + " levels or holds a text longer than " + MAX_STRING + " characters.");
        }
        TokenStreamLocation at = e.getLocation();
        return new InvalidArchive(ArchiveLayout.CATALOGUE + " is not valid JSON"
                + (at == null ? "." : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."));
    }

    private static ArchiveRefusal refusalInside(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ArchiveRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
