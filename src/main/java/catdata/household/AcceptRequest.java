package catdata.household;

/** {@code {"code"}}: an invitation's code, as its owner passed it on. */
record AcceptRequest(String code) {
}
