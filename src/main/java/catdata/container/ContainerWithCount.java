package catdata.container;

/** A container and the number of items in it. */
record ContainerWithCount(Container container, long itemCount) {
}
