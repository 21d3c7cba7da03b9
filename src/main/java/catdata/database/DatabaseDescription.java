package catdata.database;

/** Where the data lives, for the start-up summary: host and database name, never a password. */
public record DatabaseDescription(String text) {
}
