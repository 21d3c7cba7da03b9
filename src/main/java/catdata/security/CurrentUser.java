package catdata.security;

/** The caller, as the verified token's {@code sub} names them. Every row they create is theirs. */
public record CurrentUser(String sub) {
}
