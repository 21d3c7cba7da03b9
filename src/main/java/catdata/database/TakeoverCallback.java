package catdata.database;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A takeover's steps as a Flyway callback: Flyway calls each-migration callbacks on the migration's
 * own connection, inside the transaction that (with {@code group}) holds every pending migration.
 */
final class TakeoverCallback implements Callback {

    private final Takeover.Steps steps;
    private final MigrationVersion first;
    private final MigrationVersion last;

    TakeoverCallback(Takeover.Steps steps, MigrationVersion first, MigrationVersion last) {
        this.steps = steps;
        this.first = first;
        this.last = last;
    }

    @Override
    public boolean supports(Event event, Context context) {
        if (event != Event.BEFORE_EACH_MIGRATE && event != Event.AFTER_EACH_MIGRATE) {
            return false;
        }
        // Flyway also asks without a context, to learn which events a callback is for at all.
        if (context == null || context.getMigrationInfo() == null) {
            return true;
        }
        MigrationVersion version = context.getMigrationInfo().getVersion();
        return event == Event.BEFORE_EACH_MIGRATE ? first.equals(version) : last.equals(version);
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
            steps.beforeMigrations(context.getConnection());
        } else {
            steps.afterMigrations(context.getConnection());
        }
    }

    @Override
    public String getCallbackName() {
        return "takeover";
    }
}
