package catdata.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An MD5 of every row of every table, by table, for tests that assert a request wrote nothing:
 * any insert, update or delete shows, in whichever table it happened, new tables included.
 */
public final class TableChecksums {

    private TableChecksums() {
    }

    public static Map<String, String> of(JdbcClient jdbc) {
        Map<String, String> checksums = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                ORDER BY table_name""").query(String.class).list();
        for (String table : tables) {
            checksums.put(table, jdbc.sql("SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM \""
                    + table.replace("\"", "\"\"") + "\" t").query(String.class).single());
        }
        assertThat(checksums).containsKeys("containers", "tags", "items", "items_to_tags", "images");
        return checksums;
    }
}
