package catdata.item;

/** How many items {@code move-items} moved. */
record MovedItems(long moved) {
}
