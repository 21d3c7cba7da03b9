package catdata.household;

import catdata.web.TextFields;

/** Names of households and of people: required, trimmed, 1 to 100 characters. */
final class HouseholdNames {

    static final int MAX = 100;

    private HouseholdNames() {
    }

    static String of(String raw) {
        return TextFields.required(raw, "Name", MAX);
    }
}
