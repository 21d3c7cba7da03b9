package catdata;

import static catdata.LoadLedger.Table.CONTAINER;
import static catdata.LoadLedger.Table.ITEM;
import static catdata.LoadLedger.Table.PHOTO;
import static catdata.LoadLedger.Table.TAG;
import static catdata.support.ApiClient.bearer;
import static catdata.support.CatalogueFixtures.json;
import static catdata.support.CatalogueFixtures.sendJson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import catdata.LoadLedger.Expected;
import catdata.LoadLedger.Table;
import catdata.support.ApiClient;
import catdata.support.ApiClient.Part;
import catdata.support.ApiResponse;
import catdata.support.TestImages;

/**
 * One client of {@link LoadWithoutLossTest}, sending one request after another until the deadline
 * and recording every answer in the ledger. Only its own thread touches its fields; the test reads
 * them once every client has finished.
 *
 * <p>Its own containers, tags and items no other client touches, so it knows exactly what they hold
 * at any moment; the {@link Household}'s shared tags, photos and containers any client of the user
 * may delete at any time, while the others put them on their items.
 */
final class LoadClient {

    private static final int MAX_OWN_CONTAINERS = 6;
    private static final int MAX_OWN_TAGS = 8;
    private static final int SHARED_NAMES = 4;
    private static final int PHOTOS_PER_USER = 8;
    private static final List<String> WORDS = List.of("teapot", "hammer", "lamp", "scarf", "drill", "kettle", "atlas");
    private static final List<Part> PHOTOS = List.of(
            Part.file("cat.jpg", "image/jpeg", TestImages.jpeg(24, 16)),
            Part.file("box.png", "image/png", TestImages.png(8, 8)));

    private static final Expected OK = Expected.status(200);
    private static final Expected CREATED = Expected.status(201);
    private static final Expected DELETED = Expected.status(204);
    private static final String NOT_EMPTY = "Container is not empty.";

    /** Where an item is, what it shows and carries, as far as a client knows; {@code image} may be null. */
    record ItemState(long container, Set<Long> tags, Long image) {

        ItemState in(long other) {
            return new ItemState(other, tags, image);
        }

        ItemState without(long tag) {
            Set<Long> fewer = new TreeSet<>(tags);
            fewer.remove(tag);
            return new ItemState(container, fewer, image);
        }
    }

    /** One user: the token all its clients send, and the rows they share and may delete at any time. */
    static final class Household {

        final String sub;
        final String token;
        final Set<Long> tags = ConcurrentHashMap.newKeySet();
        final Set<Long> photos = ConcurrentHashMap.newKeySet();
        final Set<Long> containers = ConcurrentHashMap.newKeySet();
        /** The stored file name each upload's 201 gave. */
        final Map<Long, String> photoNames = new ConcurrentHashMap<>();
        final AtomicLong lastItem = new AtomicLong();

        Household(String sub, String token) {
            this.sub = sub;
            this.token = token;
        }
    }

    private final ApiClient api;
    private final LoadLedger ledger;

    private final int number;
    private final Household home;
    private final Household neighbour;
    private final SplittableRandom random = new SplittableRandom();
    private final Map<Long, String> containers = new LinkedHashMap<>();
    private final List<Long> tags = new ArrayList<>();
    private final Map<Long, ItemState> items = new LinkedHashMap<>();
    private int serial;

    LoadClient(ApiClient api, LoadLedger ledger, int number, Household home, Household neighbour) {
        this.api = api;
        this.ledger = ledger;
        this.number = number;
        this.home = home;
        this.neighbour = neighbour;
    }

    void run(long deadline) {
        createOwnContainer();
        createOwnContainer();
        createOwnTag();
        if (containers.size() < 2 || tags.isEmpty()) {
            return; // the ledger has the refusal
        }
        createItem();
        // About half reads, 30 % writes, 7 % uploads and 15 % deletes, as a busy household might send.
        while (System.nanoTime() < deadline) {
            int dice = random.nextInt(100);
            if (dice < 48) {
                read(dice);
            } else if (dice < 78) {
                write(dice - 48);
            } else if (dice < 85) {
                upload();
            } else {
                delete(dice - 85);
            }
        }
    }

    private void read(int dice) {
        if (dice < 8) {
            readOwnItem();
        } else if (dice < 12) {
            String path = random.nextBoolean() ? "/api/items" : "/api/items?limit=20&offset=" + random.nextInt(60);
            get("read: GET /api/items", path, OK);
        } else if (dice < 16) {
            readContainerCounts();
        } else if (dice < 19) {
            readOwnContainersItems();
        } else if (dice < 22) {
            get("read: GET /api/container/{id} own", "/api/container/" + any(containers.keySet()), OK);
        } else if (dice < 25) {
            get("read: GET /api/containers", "/api/containers", OK);
        } else if (dice < 28) {
            String path = random.nextBoolean() ? "/api/tags" : "/api/tags-with-counts";
            get("read: GET " + path, path, OK);
        } else if (dice < 31) {
            shared(home.tags).ifPresent(tag ->
                    get("read: GET /api/tag/{id} shared", "/api/tag/" + tag, OK.or(404, "Tag not found.")));
        } else if (dice < 34) {
            shared(home.tags).ifPresent(tag -> get("read: GET /api/items/by-tag/{id} shared",
                    "/api/items/by-tag/" + tag, OK.or(404, "Tag not found.")));
        } else if (dice < 37) {
            get("read: GET /api/images", "/api/images", OK);
        } else if (dice < 41) {
            readSharedPhoto();
        } else if (dice < 45) {
            search();
        } else {
            readNeighbours();
        }
    }

    private void write(int dice) {
        if (dice < 8) {
            createItem();
        } else if (dice < 15) {
            updateItem();
        } else if (dice < 17) {
            renameItem();
        } else if (dice < 19) {
            moveItems();
        } else if (dice < 22) {
            createOwnContainer();
        } else if (dice < 24) {
            renameOwnContainer();
        } else if (dice < 26) {
            createShared("write: POST /api/container shared name", "/api/container",
                    "Shared box ", "Container name must be unique.", CONTAINER, home.containers);
        } else if (dice < 28) {
            createOwnTag();
        } else {
            createShared("write: POST /api/tag shared name", "/api/tag",
                    "Shared tag ", "Tag name must be unique.", TAG, home.tags);
        }
    }

    private void delete(int dice) {
        if (dice < 4) {
            deleteOwnItem();
        } else if (dice < 7) {
            deleteShared("delete: DELETE /api/tag/{id} shared", "/api/tag/", "Tag not found.", TAG, home.tags);
        } else if (dice < 8) {
            deleteOwnTag();
        } else if (dice < 10) {
            deleteSharedPhoto();
        } else if (dice < 12) {
            deleteOwnContainer();
        } else if (dice < 14) {
            deleteSharedContainer();
        } else {
            writeNeighbours();
        }
    }

    // reads

    private void readOwnItem() {
        if (items.isEmpty()) {
            createItem();
            return;
        }
        long id = any(items.keySet());
        get("read: GET /api/item/{id} own", "/api/item/" + id, OK).filter(is(200))
                .ifPresent(r -> checkItem("read: GET /api/item/{id} own", id, r.json(), false, false));
    }

    /** The counts of this client's own containers change only by its own requests. */
    private void readContainerCounts() {
        get("read: GET /api/containers/with-counts", "/api/containers/with-counts", OK).filter(is(200))
                .ifPresent(r -> {
                    Map<Long, Long> answered = new HashMap<>();
                    r.json().valueStream().forEach(c -> answered.put(c.path("id").asLong(), c.path("count").asLong()));
                    for (long container : containers.keySet()) {
                        Long count = answered.get(container);
                        if (count == null || count != itemsIn(container).size()) {
                            ledger.wrongContent("read: GET /api/containers/with-counts", "container " + container
                                    + " count " + count + ", holds " + itemsIn(container));
                        }
                    }
                });
    }

    private void readOwnContainersItems() {
        long container = any(containers.keySet());
        get("read: GET /api/items/by-container/{id} own", "/api/items/by-container/" + container, OK)
                .filter(is(200)).ifPresent(r -> {
                    Set<Long> answered = new TreeSet<>(r.json().valueStream().map(i -> i.path("id").asLong()).toList());
                    if (!answered.equals(itemsIn(container))) {
                        ledger.wrongContent("read: GET /api/items/by-container/{id} own", "container " + container
                                + " answered " + answered + ", holds " + itemsIn(container));
                    }
                });
    }

    private void readSharedPhoto() {
        shared(home.photos).ifPresent(photo -> get("read: GET /api/image/{id} shared", "/api/image/" + photo,
                OK.or(404, "Image not found.")).filter(is(200)).ifPresent(r -> {
                    String type = r.header("Content-Type");
                    if (r.body().length == 0 || type == null || !type.startsWith("image/")) {
                        ledger.wrongContent("read: GET /api/image/{id} shared", photo + " answered " + type
                                + " with " + r.body().length + " bytes");
                    }
                }));
    }

    private void search() {
        String word = WORDS.get(random.nextInt(WORDS.size())).substring(0, 3 + random.nextInt(2));
        switch (random.nextInt(3)) {
            case 0 -> get("read: GET /api/items/search", "/api/items/search?name=" + word, OK).filter(is(200))
                    .ifPresent(r -> r.json().valueStream().map(i -> i.path("name").asString())
                            .filter(name -> !name.toLowerCase(Locale.ROOT).contains(word))
                            .forEach(name -> ledger.wrongContent("read: GET /api/items/search",
                                    name + " for " + word)));
            case 1 -> get("read: GET /api/items/search-text", "/api/items/search-text?q=" + word, OK);
            default -> get("read: GET /api/items/name-suggestions", "/api/items/name-suggestions?q=" + word
                    + "&limit=5", OK);
        }
    }

    /** Another user's rows are as if they did not exist, however busy the service is. */
    private void readNeighbours() {
        switch (random.nextInt(4)) {
            case 0 -> {
                long item = neighbour.lastItem.get();
                if (item > 0) {
                    get("read: GET /api/item/{id} another user's", "/api/item/" + item,
                            Expected.status(404, "Item not found."));
                }
            }
            case 1 -> shared(neighbour.containers).ifPresent(c -> get("read: GET /api/items/by-container/{id}"
                    + " another user's", "/api/items/by-container/" + c, Expected.status(404, "Container not found.")));
            case 2 -> shared(neighbour.tags).ifPresent(t -> get("read: GET /api/tag/{id} another user's",
                    "/api/tag/" + t, Expected.status(404, "Tag not found.")));
            default -> shared(neighbour.photos).ifPresent(p -> get("read: GET /api/image/{id} another user's",
                    "/api/image/" + p, Expected.status(404, "Image not found.")));
        }
    }

    // writes

    private void createItem() {
        long container = otherContainer();
        Set<Long> itemTags = someTags();
        Long image = random.nextInt(5) < 2 ? shared(home.photos).orElse(null) : null;
        String name = WORDS.get(random.nextInt(WORDS.size())) + " " + number + "-" + serial++;
        String body = json("name", name, "description", "load", "container_id", container,
                "tags", List.copyOf(itemTags), "image_id", image);
        Expected expected = orVanishedShared(CREATED, !containers.containsKey(container), itemTags, image);
        send("write: POST /api/item", "POST", "/api/item", body, expected).filter(is(201)).ifPresent(r -> {
            long id = r.json().path("id").asLong();
            ledger.created(ITEM, id, home.sub);
            home.lastItem.set(id);
            items.put(id, new ItemState(container, itemTags, image));
            checkItem("write: POST /api/item", id, r.json(), true, true);
        });
    }

    /**
     * Gives each of container, photo and tags its current value (as the front end saves whole
     * items), a new one, or leaves it out; what is given must come back exactly.
     */
    private void updateItem() {
        if (items.isEmpty()) {
            createItem();
            return;
        }
        long id = any(items.keySet());
        ItemState old = items.get(id);
        int container = random.nextInt(3);
        int image = random.nextInt(3);
        int tagged = container == 0 && image == 0 ? 1 + random.nextInt(2) : random.nextInt(3);
        ItemState state = new ItemState(
                container == 2 ? otherContainer() : old.container(),
                tagged == 2 ? someTags() : old.tags(),
                image == 2 ? (random.nextBoolean() ? shared(home.photos).orElse(null) : null) : old.image());
        List<Object> body = new ArrayList<>();
        if (container > 0) {
            body.addAll(List.of("container_id", state.container()));
        }
        if (image > 0) {
            body.addAll(Arrays.asList("image_id", state.image()));
        }
        if (tagged > 0) {
            body.addAll(List.of("tags", List.copyOf(state.tags())));
        }
        String method = random.nextBoolean() ? "PUT" : "PATCH";
        Expected expected = orVanishedShared(OK, container > 0 && !containers.containsKey(state.container()),
                tagged > 0 ? state.tags() : Set.of(), image > 0 ? state.image() : null);
        send("write: " + method + " /api/item/{id} container/photo/tags", method, "/api/item/" + id,
                json(body.toArray()), expected).filter(is(200)).ifPresent(r -> {
                    items.put(id, state);
                    checkItem("write: " + method + " /api/item/{id}", id, r.json(), tagged > 0, image > 0);
                });
    }

    /** Mostly one of the client's own containers, sometimes a shared one. */
    private long otherContainer() {
        Optional<Long> shared = random.nextInt(4) == 0 ? shared(home.containers) : Optional.empty();
        return shared.orElseGet(() -> any(containers.keySet()));
    }

    private void renameItem() {
        if (items.isEmpty()) {
            createItem();
            return;
        }
        long id = any(items.keySet());
        String name = WORDS.get(random.nextInt(WORDS.size())) + " renamed " + number + "-" + serial++;
        send("write: PATCH /api/item/{id} name", "PATCH", "/api/item/" + id, json("name", name), OK)
                .filter(is(200))
                .ifPresent(r -> checkItem("write: PATCH /api/item/{id} name", id, r.json(), false, false));
    }

    /** Between two of the client's own containers: it knows exactly how many items move. */
    private void moveItems() {
        List<Long> own = new ArrayList<>(containers.keySet());
        long from = own.remove(random.nextInt(own.size()));
        long to = own.get(random.nextInt(own.size()));
        int moving = itemsIn(from).size();
        send("write: POST /api/container/{id}/move-items own", "POST", "/api/container/" + from + "/move-items",
                json("to_container_id", to), OK).filter(is(200)).ifPresent(r -> {
                    if (r.json().path("moved").asLong() != moving) {
                        ledger.wrongContent("write: POST /api/container/{id}/move-items own", "moved " + r
                                + " from " + from + ", which held " + moving);
                    }
                    items.replaceAll((id, state) -> state.container() == from ? state.in(to) : state);
                });
    }

    private void createOwnContainer() {
        if (containers.size() >= MAX_OWN_CONTAINERS) {
            renameOwnContainer();
            return;
        }
        String name = "Client " + number + " box " + serial++;
        send("write: POST /api/container own", "POST", "/api/container", json("name", name), CREATED)
                .filter(is(201)).ifPresent(r -> {
                    long id = r.json().path("id").asLong();
                    ledger.created(CONTAINER, id, home.sub);
                    containers.put(id, name);
                });
    }

    /** To a new name, or to another own container's name in other letters, which must clash. */
    private void renameOwnContainer() {
        List<Long> own = new ArrayList<>(containers.keySet());
        long id = own.remove(random.nextInt(own.size()));
        if (random.nextBoolean()) {
            String taken = containers.get(own.get(random.nextInt(own.size()))).toUpperCase(Locale.ROOT);
            send("write: PUT /api/container/{id} own to a taken name", "PUT", "/api/container/" + id,
                    json("name", taken), Expected.status(409, "Container name must be unique."));
            return;
        }
        String name = "Client " + number + " box " + serial++;
        send("write: PUT /api/container/{id} own", "PUT", "/api/container/" + id, json("name", name), OK)
                .filter(is(200)).ifPresent(r -> containers.put(id, name));
    }

    private void createOwnTag() {
        if (tags.size() >= MAX_OWN_TAGS) {
            deleteOwnTag();
            return;
        }
        send("write: POST /api/tag own", "POST", "/api/tag", json("name", "Client " + number + " tag " + serial++),
                CREATED).filter(is(201)).ifPresent(r -> {
                    long id = r.json().path("id").asLong();
                    ledger.created(TAG, id, home.sub);
                    tags.add(id);
                });
    }

    /** One of a few names every client of the user tries: the first gets it, the others 409. */
    private void createShared(String operation, String path, String prefix, String taken, Table table,
            Set<Long> shared) {
        String name = prefix + random.nextInt(SHARED_NAMES);
        send(operation, "POST", path, json("name", name), CREATED.or(409, taken)).filter(is(201)).ifPresent(r -> {
            long id = r.json().path("id").asLong();
            ledger.created(table, id, home.sub);
            shared.add(id);
        });
    }

    private void upload() {
        Part photo = PHOTOS.get(random.nextInt(PHOTOS.size()));
        ledger.send("upload: POST /api/image", "POST /api/image " + photo.filename(), CREATED,
                () -> api.upload("/api/image", List.of(photo), bearer(home.token))).filter(is(201)).ifPresent(r -> {
                    long id = r.json().path("id").asLong();
                    ledger.created(PHOTO, id, home.sub);
                    home.photoNames.put(id, r.json().path("filename").asString());
                    home.photos.add(id);
                });
        // Few photos, each shown by many items: deleting one then often meets saves that name it.
        if (home.photos.size() > PHOTOS_PER_USER) {
            deleteSharedPhoto();
        }
    }

    // deletes

    private void deleteOwnItem() {
        if (items.isEmpty()) {
            createItem();
            return;
        }
        long id = any(items.keySet());
        delete("delete: DELETE /api/item/{id} own", "/api/item/" + id, DELETED).filter(is(204)).ifPresent(r -> {
            ledger.deleted(ITEM, id);
            items.remove(id);
        });
    }

    private void deleteSharedPhoto() {
        deleteShared("delete: DELETE /api/image/{id} shared", "/api/image/", "Image not found.", PHOTO, home.photos);
    }

    /** Its items lose it, and the client knows which. */
    private void deleteOwnTag() {
        if (tags.size() <= 1) {
            createOwnTag();
            return;
        }
        long id = tags.get(random.nextInt(tags.size()));
        delete("delete: DELETE /api/tag/{id} own", "/api/tag/" + id, DELETED).filter(is(204)).ifPresent(r -> {
            ledger.deleted(TAG, id);
            tags.remove(Long.valueOf(id));
            items.replaceAll((item, state) -> state.without(id));
        });
    }

    private void deleteShared(String operation, String path, String notFound, Table table, Set<Long> shared) {
        shared(shared).ifPresent(id -> delete(operation, path + id, DELETED.or(404, notFound)).ifPresent(r -> {
            if (r.status() == 204) {
                ledger.deleted(table, id);
            }
            if (r.status() == 204 || r.status() == 404) {
                shared.remove(id);
            }
        }));
    }

    /** An empty one goes; one holding the client's items must be refused, every time. */
    private void deleteOwnContainer() {
        long id = any(containers.keySet());
        boolean empty = itemsIn(id).isEmpty();
        if (empty && containers.size() <= 2) {
            createOwnContainer();
            return;
        }
        String operation = "delete: DELETE /api/container/{id} own " + (empty ? "empty" : "holding items");
        delete(operation, "/api/container/" + id, empty ? DELETED : Expected.status(409, NOT_EMPTY))
                .filter(is(204)).ifPresent(r -> {
                    ledger.deleted(CONTAINER, id);
                    containers.remove(id);
                });
    }

    private void deleteSharedContainer() {
        shared(home.containers).ifPresent(id -> delete("delete: DELETE /api/container/{id} shared",
                "/api/container/" + id, DELETED.or(404, "Container not found.").or(409, NOT_EMPTY)).ifPresent(r -> {
                    if (r.status() == 204) {
                        ledger.deleted(CONTAINER, id);
                    }
                    if (r.status() == 204 || r.status() == 404) {
                        home.containers.remove(id);
                    }
                }));
    }

    /** Another user's rows cannot be deleted or referred to, only not found. */
    private void writeNeighbours() {
        switch (random.nextInt(3)) {
            case 0 -> shared(neighbour.tags).ifPresent(t -> delete("delete: DELETE /api/tag/{id} another user's",
                    "/api/tag/" + t, Expected.status(404, "Tag not found.")));
            case 1 -> shared(neighbour.photos).ifPresent(p -> delete("delete: DELETE /api/image/{id} another"
                    + " user's", "/api/image/" + p, Expected.status(404, "Image not found.")));
            default -> shared(neighbour.containers).ifPresent(c -> {
                if (!items.isEmpty()) {
                    send("write: PUT /api/item/{id} into another user's container", "PUT",
                            "/api/item/" + any(items.keySet()), json("container_id", c),
                            Expected.status(400, "container_id does not exist."));
                }
            });
        }
    }

    // the client's knowledge

    /**
     * What an item answer must show. Tags and photo given in the write come back exactly (the
     * write holds them until it has read the item back); otherwise shared ones may have gone.
     */
    private void checkItem(String operation, long id, JsonNode answer, boolean exactTags, boolean exactImage) {
        ItemState state = items.get(id);
        Set<Long> answered = new TreeSet<>(answer.path("tags").valueStream().map(JsonNode::asLong).toList());
        Long image = answer.path("image_id").isNull() ? null : answer.path("image_id").asLong();
        Set<Long> lost = new TreeSet<>(state.tags());
        lost.removeAll(answered);
        if (!exactTags) {
            lost.retainAll(tags);
        }
        boolean right = answer.path("container_id").asLong() == state.container()
                && state.tags().containsAll(answered) && lost.isEmpty()
                && (image == null ? !exactImage || state.image() == null : image.equals(state.image()));
        if (!right) {
            ledger.wrongContent(operation, "item " + id + " answered " + answer + ", expected " + state
                    + " (own tags " + tags + ")");
        }
    }

    /** The write may be refused only for a shared row it names, which another client may have deleted. */
    private Expected orVanishedShared(Expected success, boolean sharedContainer, Set<Long> itemTags, Long image) {
        List<String> refusals = new ArrayList<>();
        if (sharedContainer) {
            refusals.add("container_id does not exist.");
        }
        if (image != null) {
            refusals.add("image_id does not exist.");
        }
        itemTags.stream().filter(tag -> !tags.contains(tag))
                .forEach(tag -> refusals.add("Tag " + tag + " does not exist."));
        return refusals.isEmpty() ? success : success.or(400, refusals.toArray(String[]::new));
    }

    private Set<Long> someTags() {
        Set<Long> chosen = new TreeSet<>();
        for (int i = random.nextInt(Math.min(3, tags.size()) + 1); i > 0; i--) {
            chosen.add(tags.get(random.nextInt(tags.size())));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            shared(home.tags).ifPresent(chosen::add);
        }
        return chosen;
    }

    private Set<Long> itemsIn(long container) {
        return new TreeSet<>(items.entrySet().stream().filter(item -> item.getValue().container() == container)
                .map(Map.Entry::getKey).toList());
    }

    private long any(Collection<Long> own) {
        List<Long> ids = List.copyOf(own);
        return ids.get(random.nextInt(ids.size()));
    }

    /** Any of the user's shared rows, or none while there are none; another client may delete it any time. */
    private Optional<Long> shared(Set<Long> ids) {
        List<Long> list = List.copyOf(ids);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(random.nextInt(list.size())));
    }

    // requests

    private Optional<ApiResponse> get(String operation, String path, Expected expected) {
        return ledger.send(operation, "GET " + path, expected, () -> api.get(path, bearer(home.token)));
    }

    private Optional<ApiResponse> send(String operation, String method, String path, String body,
            Expected expected) {
        return ledger.send(operation, method + " " + path + " " + body, expected,
                () -> sendJson(api, method, path, home.token, body));
    }

    private Optional<ApiResponse> delete(String operation, String path, Expected expected) {
        return ledger.send(operation, "DELETE " + path, expected, () -> api.delete(path, bearer(home.token)));
    }

    /** The items this client has, as it last wrote them. */
    Map<Long, ItemState> items() {
        return items;
    }

    private static Predicate<ApiResponse> is(int status) {
        return response -> response.status() == status;
    }
}
